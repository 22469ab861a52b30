import { dirname } from 'node:path';
import type { RollbackReport } from '../core/changes.js';
import { makeContext, type RunContext } from '../core/context.js';
import { InputError, OperationError, errorMessage } from '../core/errors.js';
import type { HealthReport } from '../core/health/index.js';
import { loadManifest } from '../core/manifest.js';
import { checkHealth } from '../core/operations/check-health.js';
import { HOLDS_PATH, JOURNAL_DIR, SNAPSHOT_DIR, lockPathFor, resolveRoot } from '../core/paths.js';
import { CHANGESET_INDEX, changesetFileRel } from '../core/changeset/id.js';
import { withMatrix } from '../core/fan-out.js';
import { rollbackLock } from '../core/operations/rollback-lock.js';
import { ensureFullHistory, ensureRevision, type MetaRemote } from '../git/shallow-history.js';
import { fetchKnownGood, knownGoodRef, pushKnownGood } from '../git/known-good.js';
import { chooseHealthTarget, type HealthTarget } from './health-target.js';
import { runCheckMode, type Annotation } from './check-mode.js';
import { KNOWN_GOOD_REV } from '../core/known-good.js';
import { checkoutDetached } from '../git/checkout.js';
import { basicAuthHeader, credentialEnv } from '../git/credentials.js';
import { commitPaths, deleteRemoteBranch, fetchBranch, fetchCommit, pushCommit, remoteBranchSha, resetToCommit } from '../git/publish-commit.js';
import { headCommit, trackedChanges } from '../git/repo-reader.js';
import type { GitHubApi } from '../github/client.js';
import { mergeOrEnqueue } from '../github/merge.js';
import { closePullRequest, commentOnPullRequest, defaultBranch, enableAutoMerge, openOrUpdatePullRequest, type PullRequestInfo } from '../github/pull-requests.js';
import { moveRefWithLease, RefLeaseError } from '../github/signed-commit.js';
import { git } from '../git/run-git.js';
import { signCommits } from './signed-commits.js';
import { cloneUrl, repoOnServer, type RepoRef } from '../github/repository.js';
import { headBranchFor } from './head-branch.js';
import { checkEnvHasLock, namedForAction, rootInsideWorkspace } from './input-names.js';
import { gitHubMessage, settingsAdvice, withAdvice } from '../github/refusals.js';
import { discardWrites, markWorkspace, restoreWorkspace, type WorkspaceMark } from './workspace-guard.js';
import type { ActionInputs } from './inputs.js';
import { filesOf, performMode, selection, type ModeOutcome } from './perform-mode.js';
import { bisectSection } from './bisect-report.js';
import { runBisect } from '../core/bisect/run-bisect.js';
import { duringWrites, onInterrupt } from '../core/interrupt.js';
import { formatProbe } from '../core/bisect/format-probe.js';
import { closeChangesetPulls, openChangesetPulls, type ComponentPull } from './changeset-pulls.js';
import type { BranchToPublish, ChangesetRollbackResult } from '../core/changeset/apply.js';
import { changesTable, compareLink, healthSection, holdsBlock, journalBlock, pullRequestBody, undoText, type ChangeRow } from './report.js';

export interface RunnerEnv {
  readonly workspace: string;
  readonly repository: RepoRef;
  readonly apiUrl: string;
  readonly serverUrl: string;
  readonly actor?: string;
}

export interface ActionIo {
  readonly info: (message: string) => void;
  readonly warning: (message: string) => void;
  readonly setSecret: (secret: string) => void;
}

export interface ActionResult {
  readonly outputs: Record<string, string>;
  readonly summary: string;
  /** mode check: one error annotation per offending lock line. */
  readonly annotations?: readonly Annotation[];
  /** Set when the step must fail although the run itself worked (mode check, and mode bisect when it finds no culprit). */
  readonly failed?: string;
}

const BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };
/** Fan-out jobs push to base one after another; each lost race redoes the rollback on the new base. */
const PUSH_ATTEMPTS = 12;

interface Published {
  readonly operation: 'created' | 'updated' | 'none' | 'pushed';
  readonly pr?: PullRequestInfo;
  readonly merged: boolean;
  /** Left in the base's merge queue instead of merged. */
  readonly queued?: boolean;
  /** Absent when the run changed nothing (a healthy system in mode health). */
  readonly outcome?: ModeOutcome;
  /** mode health: the known-good state recorded, or the target rolled back to, and why. */
  readonly knownGood?: { readonly commit?: string; readonly why: string };
  readonly target?: { readonly commit?: string; readonly why: string };
}

interface Session {
  readonly inputs: ActionInputs;
  readonly runner: RunnerEnv;
  readonly io: ActionIo;
  readonly root: string;
  readonly metaUrl: string;
  readonly gitEnv: Record<string, string>;
  readonly remote: MetaRemote;
  /** Input rev of mode lock, resolved once to its commit. */
  readonly rev?: string;
  /** The base branch, asked of the API while git fetches what the run needs. */
  readonly base?: Promise<string>;
  readonly ctx: RunContext;
}

/**
 * The action's whole run, free of @actions/core so it can be tested and reused: perform the mode
 * in the checked-out meta-repo, commit what it wrote on the head branch, push with a lease, open or
 * update the pull request (or push to base), merge as asked, check health, and report.
 */
export async function runAction(inputs: ActionInputs, runner: RunnerEnv, io: ActionIo): Promise<ActionResult> {
  try {
    return await run(inputs, runner, io);
  } catch (err) {
    throw namedForAction(err);
  }
}

async function run(inputs: ActionInputs, runner: RunnerEnv, io: ActionIo): Promise<ActionResult> {
  for (const token of new Set([inputs.token, inputs.componentsToken])) {
    if (!token) continue;
    io.setSecret(token);
    io.setSecret(basicAuthHeader(token).replace(/^AUTHORIZATION: basic /, ''));
  }
  const root = resolveRoot(rootInsideWorkspace(inputs.root, runner.workspace), runner.workspace);
  checkEnvHasLock(root, inputs.env);
  const metaUrl = cloneUrl(runner.serverUrl, runner.repository);
  const gitEnv = credentialEnv([
    { urlPrefix: `${runner.serverUrl.replace(/\/+$/, '')}/`, token: inputs.componentsToken },
    { urlPrefix: metaUrl, token: inputs.token },
  ]);
  const ctx = makeContext({
    root,
    // Action inputs name paths relative to the meta-repo root (lock-file, snapshot-file).
    cwd: root,
    env: inputs.env,
    dryRun: inputs.dryRun,
    actor: runner.actor ?? 'github-actions',
    hold: inputs.hold,
    gitEnv,
    log: io.info,
  });
  const remote: MetaRemote = { root, url: metaUrl, env: gitEnv };
  // A check needs only the files of the pull request's checkout: no token, history or API.
  if (inputs.mode === 'check') return runCheckMode(ctx, runner.workspace);
  // Octokit loads, and the default branch is asked for, while git fetches history.
  const publishes = inputs.mode !== 'list' && inputs.mode !== 'health' && inputs.mode !== 'bisect' && !inputs.dryRun;
  const apiLoading = publishes ? client(inputs, runner, io) : undefined;
  const baseLoading = apiLoading?.then((api) => inputs.base ?? defaultBranch(api, runner.repository));
  // Awaited below; until then a failure must not surface as an unhandled rejection.
  baseLoading?.catch(() => undefined);
  // The lock history that list shows is the whole history; a shallow checkout has one commit of it,
  // and none of the known-good ref (actions/checkout fetches one branch).
  if (inputs.mode === 'list') {
    await ensureFullHistory(remote);
    await fetchKnownGood(remote, inputs.env);
  }
  // A revision such as HEAD~1 is resolved once (fetching the history a shallow checkout lacks): a
  // redo on a moved base must restore the same pins.
  const rev = inputs.rev !== undefined && inputs.mode === 'lock' ? await resolveRev(remote, inputs.rev, inputs.env) : undefined;
  const pinned: ActionInputs = rev ? { ...inputs, rev } : inputs;
  const session: Session = { inputs, runner, io, root, metaUrl, gitEnv, remote, rev, base: baseLoading, ctx };

  if (inputs.storeBranch !== undefined && !(await fetchBranch(root, metaUrl, inputs.storeBranch, gitEnv))) {
    io.warning(`store branch ${inputs.storeBranch} could not be fetched; using the local one if any`);
  }
  if (inputs.mode === 'health') return runHealthMode(session);
  if (inputs.mode === 'bisect') return runBisectMode(session);
  if (inputs.mode === 'list' || inputs.dryRun) {
    const outcome = await performMode(ctx, pinned);
    return report(session, { operation: 'none', merged: false, outcome }, undefined);
  }
  const api = await apiLoading!;
  let componentPulls: ComponentPull[] = [];
  let changesetResult: ChangesetRollbackResult | undefined;
  // With sign-commits, revert branches are made again through the API before they are recorded.
  const publishBranch = inputs.signCommits ? (b: BranchToPublish) => publishSignedBranch(session, api, b) : undefined;
  const perform = async (wrote: (files: readonly string[]) => void): Promise<ModeOutcome> => {
    const outcome = await performMode(ctx, pinned, publishBranch);
    // Known before the component pull requests are opened, so a failure there can undo these too.
    wrote(outcome.files);
    if (outcome.kind === 'changeset' && !outcome.result.nothingToDo && componentPulls.length === 0) {
      changesetResult = outcome.result;
      componentPulls = await openChangesetPulls(api, outcome.result, {
        serverUrl: runner.serverUrl,
        root,
        gitEnv,
        mode: inputs.pullRequest,
        mergeMethod: inputs.mergeMethod,
        mergeTimeoutMs: inputs.mergeTimeoutMs,
        log: io.info,
      });
      outcome.pulls = componentPulls;
    }
    return outcome;
  };
  let published: Published;
  try {
    published = await publish(session, api, headBranchFor(inputs), perform);
  } catch (err) {
    // The component pull requests must not outlive a failed record of them in the meta-repo.
    if (changesetResult && componentPulls.length > 0 && !componentPulls.some((p) => p.merged)) {
      const note = await closeChangesetPulls(api, changesetResult, componentPulls, { serverUrl: runner.serverUrl, root, gitEnv, mode: inputs.pullRequest, mergeMethod: inputs.mergeMethod, mergeTimeoutMs: inputs.mergeTimeoutMs, log: io.info });
      throw new OperationError(`${errorMessage(err)}; ${note}`);
    }
    throw err;
  }
  const health = await healthAfter(ctx, inputs);
  if (health && published.pr) await commentHealth(api, runner.repository, published.pr.number, healthSection(health, 'Health after the rollback'), io);
  return report(session, published, health);
}

/** `known-good` is the env's known-good ref, fetched from the meta-repo; anything else a revision. */
async function resolveRev(remote: MetaRemote, rev: string, env: string | undefined, where = 'input rev'): Promise<string> {
  if (rev !== KNOWN_GOOD_REV) return ensureRevision(remote, rev, where);
  const commit = await fetchKnownGood(remote, env);
  if (commit === undefined) throw new InputError(`${where}: no known-good state recorded for ${env === undefined ? 'the default lock' : `env ${env}`} (${knownGoodRef(env)}); a mode health run records one when the env is healthy`);
  return commit;
}

/** Octokit is loaded only by runs that call the API: `list`, `health` and dry runs start faster without it. */
async function client(inputs: ActionInputs, runner: RunnerEnv, io: ActionIo): Promise<GitHubApi> {
  if (!inputs.token) throw new OperationError('input token: empty; give the workflow a token (the default is github.token)');
  const { createGitHubClient } = await import('../github/client.js');
  return createGitHubClient({ token: inputs.token, apiUrl: runner.apiUrl, log: io.warning });
}

/**
 * Moves the workspace to the tip of base, performs the change, and lands it as asked: a pull request
 * (opened or updated, then merged or set to auto-merge) or a fast-forward push to base.
 *
 * Until the change has landed, a failure undoes what the run did: a head branch it pushed is deleted
 * (or put back where it was), and the workspace returns to its commit, branch and files from before
 * the run. Once a pull request is open or base has the commit, the workspace stays as the pull
 * request has it, even if merging then fails: the pull request is the record of the rollback.
 */
async function publish(s: Session, api: GitHubApi, head: string, perform: (wrote: (files: readonly string[]) => void) => Promise<ModeOutcome>): Promise<Published> {
  const { root } = s;
  const mark = await markWorkspace(root, filesKeptBy(s.inputs), [SNAPSHOT_DIR, JOURNAL_DIR, ...(s.inputs.snapshotFile ? [dirname(s.inputs.snapshotFile)] : [])]);
  const written = new Set<string>();
  const landed = { done: false };
  try {
    return await land(s, api, head, mark, landed, async () => {
      const outcome = await perform((files) => files.forEach((f) => written.add(f)));
      outcome.files.forEach((f) => written.add(f));
      return outcome;
    });
  } catch (err) {
    if (landed.done) throw err;
    try {
      await restoreWorkspace(root, mark, [...written]);
    } catch (undoErr) {
      throw new OperationError(`${errorMessage(err)}; the workspace could not be put back as it was: ${errorMessage(undoErr)}`);
    }
    if (written.size > 0) s.io.info('publishing failed: the workspace is back as it was before the run');
    throw err;
  }
}

async function land(s: Session, api: GitHubApi, head: string, mark: WorkspaceMark, landed: { done: boolean }, perform: () => Promise<ModeOutcome>): Promise<Published> {
  const { inputs, root, metaUrl, gitEnv, io } = s;
  const repo = s.runner.repository;
  const base = inputs.base ?? (await (s.base ?? defaultBranch(api, repo)));
  if (head === base) throw new InputError(`input branch: ${JSON.stringify(head)} is the base branch too; the head branch must be another`);
  let baseSha = await prepareWorkspace(root, metaUrl, base, gitEnv);
  // Where the head branch is now, asked while the rollback runs.
  const headLoading = inputs.pullRequest === 'none' ? undefined : remoteBranchSha(root, metaUrl, head, gitEnv);
  headLoading?.catch(() => undefined);

  let outcome = await perform();
  if (outcome.files.length === 0) {
    io.info('nothing to change: the lock already matches');
    return { operation: 'none', merged: false, queued: false, outcome };
  }
  /** Every file the attempt wrote goes, the journal included, or a redo would journal twice; then the rollback is made again on base's new tip. */
  const redoOnMovedBase = async (why: string, attempt: number): Promise<ModeOutcome> => {
    io.info(`${base} moved ${why}; redoing the rollback on the new ${base} (attempt ${attempt})`);
    await discardWrites(root, mark, outcome.files);
    baseSha = await syncTo(root, metaUrl, base, gitEnv);
    await resetToCommit(root, baseSha);
    return perform();
  };

  if (inputs.pullRequest === 'none') {
    // Straight to base: only a fast-forward is pushed. When base moved, the rollback is redone on
    // the new base and pushed again, so nobody else's commit is ever overwritten.
    for (let attempt = 1; ; attempt++) {
      const pushed = await publishCommit(s, api, outcome, baseSha, base, { expected: baseSha, fastForwardOnly: true });
      if (pushed.ok) {
        landed.done = true;
        break;
      }
      if (!pushed.rejected || attempt >= PUSH_ATTEMPTS) throw new OperationError(`push to ${base} failed: ${withAdvice(pushed.message)}`);
      outcome = await redoOnMovedBase('while rolling back', attempt + 1);
      if (outcome.files.length === 0) break;
    }
    return { operation: 'pushed', merged: false, queued: false, outcome };
  }

  let previous = await headLoading!;
  // Fetched while a branch still holds it, in case the branch has to be put back there.
  const canPutBack = previous === undefined || (await fetchCommit(root, metaUrl, previous, gitEnv).then(() => true, () => false));
  let pushed = await publishCommit(s, api, outcome, baseSha, head, { expected: previous ?? '' });
  if (!pushed.ok) throw new OperationError(`push of ${head} failed: ${withAdvice(pushed.message)}`);
  let commit = pushed.commit;

  let pr: PullRequestInfo;
  try {
    pr = await openOrUpdatePullRequest(api, repo, { head, base, title: titleFor(inputs, outcome), body: await bodyFor(s, outcome) });
  } catch (err) {
    // A head branch without its pull request would be a rollback nobody sees: take it back.
    const left = await putHeadBranchBack(s, head, commit, previous, canPutBack);
    const advice = settingsAdvice(gitHubMessage(err));
    const message = advice ? `cannot open the pull request: ${advice}` : errorMessage(err);
    throw advice || left ? new OperationError(left ? `${message}; ${left}` : message) : err;
  }
  landed.done = true;
  io.info(`pull request #${pr.number} ${pr.operation}: ${pr.url}`);

  if (inputs.pullRequest === 'auto-merge') {
    await enableAutoMerge(api, pr.nodeId, inputs.mergeMethod);
    return { operation: pr.operation, pr, merged: false, queued: false, outcome };
  }
  if (inputs.pullRequest !== 'merge') return { operation: pr.operation, pr, merged: false, queued: false, outcome };
  for (let attempt = 1; ; attempt++) {
    const result = await mergeOrEnqueue(api, repo, pr.number, base, { method: inputs.mergeMethod, timeoutMs: inputs.mergeTimeoutMs, log: io.info });
    if (result.kind === 'merged') return { operation: pr.operation, pr, merged: true, queued: false, outcome };
    if (result.kind === 'queued') {
      io.info(`pull request #${pr.number} is in ${base}'s merge queue; it merges when the queue's checks pass`);
      return { operation: pr.operation, pr, merged: false, queued: true, outcome };
    }
    if (result.kind === 'failed') throw new OperationError(`${withAdvice(result.message)} (${pr.url})`);
    // Another rollback of the same lock landed first (two buttons pressed): make this one again on
    // top of it, so both land and neither is lost.
    if (attempt >= PUSH_ATTEMPTS) throw new OperationError(`pull request #${pr.number} still conflicts with ${base} after ${attempt} attempts (${pr.url})`);
    outcome = await redoOnMovedBase(`and pull request #${pr.number} conflicts with it`, attempt + 1);
    if (outcome.files.length === 0) {
      io.info(`${base} already has these pins; closing pull request #${pr.number}`);
      await closePullRequest(api, repo, pr.number);
      return { operation: pr.operation, pr, merged: false, queued: false, outcome };
    }
    previous = commit;
    pushed = await publishCommit(s, api, outcome, baseSha, head, { expected: previous });
    if (!pushed.ok) throw new OperationError(`push of ${head} failed: ${withAdvice(pushed.message)}`);
    commit = pushed.commit;
    pr = { ...(await openOrUpdatePullRequest(api, repo, { head, base, title: titleFor(inputs, outcome), body: await bodyFor(s, outcome) })), operation: pr.operation };
  }
}

type Publication = { ok: true; commit: string } | { ok: false; rejected: boolean; message: string };

/**
 * Commits what the rollback wrote on `parent` and moves `branch` there with a lease (`expected`;
 * '' = the branch must not exist yet): by `git push`, or with `sign-commits` through the Git Data
 * API, which GitHub signs. The workspace then sits on the published commit.
 */
async function publishCommit(
  s: Session,
  api: GitHubApi,
  outcome: ModeOutcome,
  parent: string,
  branch: string,
  lease: { expected: string; fastForwardOnly?: boolean },
): Promise<Publication> {
  const { root, metaUrl, gitEnv, inputs } = s;
  const local = await commitPaths(root, parent, outcome.files, commitMessage(titleFor(inputs, outcome), outcome), BOT);
  if (!inputs.signCommits) {
    const pushed = await pushCommit(root, metaUrl, local, branch, gitEnv, lease.fastForwardOnly ? undefined : lease.expected);
    if (!pushed.ok) return pushed;
    await resetToCommit(root, local);
    return { ok: true, commit: local };
  }
  const signed = await signCommits(api, s.runner.repository, root, parent, local);
  try {
    await moveRefWithLease(api, s.runner.repository, { branch, sha: signed, expected: lease.expected || null, allowNonFastForward: !lease.fastForwardOnly && lease.expected !== '' });
  } catch (err) {
    if (err instanceof RefLeaseError) return { ok: false, rejected: true, message: err.message };
    return { ok: false, rejected: false, message: gitHubMessage(err) };
  }
  await fetchCommit(root, metaUrl, signed, gitEnv);
  await resetToCommit(root, signed);
  return { ok: true, commit: signed };
}

/** A component's revert branch, its commits made again through the API; it must not exist yet. */
async function publishSignedBranch(s: Session, api: GitHubApi, b: BranchToPublish): Promise<string> {
  const ref = repoOnServer(b.repo, s.runner.serverUrl);
  if (!ref) throw new OperationError(`${b.component}: ${b.repo} is not on ${s.runner.serverUrl}, so sign-commits cannot make its commits through GitHub's API`);
  const signed = await signCommits(api, ref, b.dir, b.base, b.tip);
  await moveRefWithLease(api, ref, { branch: b.branch, sha: signed, expected: null });
  // The checkout's branch names what was published, as after a push.
  await fetchCommit(b.dir, b.repo, signed, s.gitEnv);
  await git(['update-ref', `refs/heads/${b.branch}`, signed, b.tip], { cwd: b.dir });
  return signed;
}

async function bodyFor(s: Session, outcome: ModeOutcome): Promise<string> {
  const title = titleFor(s.inputs, outcome);
  const manifest = await loadManifest(s.root);
  const rows = rowsFor(outcome, manifest, s.runner.serverUrl);
  const entry = outcome.kind === 'rollback' ? outcome.result.historyEntry : null;
  const snapshot = outcome.kind === 'rollback' ? outcome.result.snapshot : null;
  const note = outcome.kind === 'snapshot-created' ? `Snapshot of ${Object.keys(outcome.result.snapshot.components).length} components written to \`${outcome.result.file}\`.` : undefined;
  return pullRequestBody({ title, rows, entry, snapshot, env: s.inputs.env ?? null, note });
}

/**
 * Deletes the head branch this run pushed (or, when it existed before, moves it back), each only
 * while it still points at this run's commit. Returns what was left behind, if anything.
 */
async function putHeadBranchBack(s: Session, head: string, commit: string, previous: string | undefined, canPutBack: boolean): Promise<string | undefined> {
  const { root, metaUrl, gitEnv, io } = s;
  try {
    if (previous === undefined) {
      await deleteRemoteBranch(root, metaUrl, head, gitEnv, commit);
      io.info(`deleted ${head} again: its pull request could not be opened`);
      return undefined;
    }
    if (!canPutBack) return `${head} was left at ${commit.slice(0, 12)} (its previous commit ${previous.slice(0, 12)} could not be fetched to put it back)`;
    const back = await pushCommit(root, metaUrl, previous, head, gitEnv, commit);
    if (!back.ok) throw new Error(back.message);
    io.info(`${head} is back at ${previous.slice(0, 12)}: its pull request could not be updated`);
    return undefined;
  } catch (err) {
    return `${head} was left at ${commit.slice(0, 12)}: ${errorMessage(err)}`;
  }
}

/** Files a run edits in place or appends to; see markWorkspace. */
function filesKeptBy(inputs: ActionInputs): string[] {
  const files = [lockPathFor(inputs.env), CHANGESET_INDEX, HOLDS_PATH];
  if (inputs.changeset !== undefined) files.push(changesetFileRel(inputs.changeset));
  if (inputs.snapshotFile !== undefined) files.push(inputs.snapshotFile);
  return files;
}

/**
 * `mode: health`: check; when unhealthy and asked to, roll the env's lock back to the revision
 * before the last commit that changed it, land that like any rollback, and check again. One
 * rollback per run at most, and never on top of a rollback this action made: if the lock's last
 * change was already a meta-rollback commit, a human decides what comes next.
 */
async function runHealthMode(s: Session): Promise<ActionResult> {
  const { inputs, ctx, io } = s;
  const before = await checkHealth(ctx, selection(inputs));
  if (before.healthy) return report(s, { operation: 'none', merged: false, knownGood: await recordHealthyState(s) }, before);
  if (!inputs.rollbackOnUnhealthy) return report(s, { operation: 'none', merged: false }, before);

  const lockRel = lockPathFor(inputs.env);
  const failed = before.results.filter((r) => !r.ok).map((r) => `${r.component}/${r.name}`);
  // The holds this rollback adds say which checks failed, for whoever finds them in the next release.
  const healthCtx: RunContext = { ...ctx, holdReason: `rolled back by meta-rollback (health: ${failed.join(', ') || 'unhealthy'} failed)` };
  let target: HealthTarget | undefined;
  const rollBack = async (): Promise<ModeOutcome> => {
    // Chosen once: a redo on a moved base restores the same state.
    target ??= await chooseHealthTarget(healthCtx, s.remote, lockRel);
    io.info(`unhealthy: ${target.why}`);
    const result = await rollbackLock(healthCtx, lockRel, { rev: target.commit });
    return { kind: 'rollback', result, files: filesOf(result) };
  };
  const used = () => (target ? { commit: target.kind === 'known-good' ? target.commit : undefined, why: target.why } : undefined);

  if (inputs.dryRun) {
    const outcome = await rollBack();
    return report(s, { operation: 'none', merged: false, outcome, target: used() }, before, before);
  }
  const api = await client(s.inputs, s.runner, s.io);
  const published = await publish(s, api, headBranchFor(inputs), rollBack);
  const after = await checkHealth(ctx, selection(inputs));
  if (published.pr) {
    const body = `${healthSection(before, 'Health before the rollback')}\n${healthSection(after, 'Health after the rollback')}`;
    await commentHealth(api, s.runner.repository, published.pr.number, body, io);
  }
  return report(s, { ...published, target: used() }, after, before);
}

/** A healthy env's HEAD becomes its known-good state, pushed with a lease (never backwards). */
async function recordHealthyState(s: Session): Promise<Published['knownGood']> {
  if (!s.inputs.recordKnownGood || s.inputs.dryRun) return undefined;
  const head = await headCommit(s.root);
  if (!head) return undefined;
  const recorded = await pushKnownGood(s.remote, s.inputs.env, head);
  s.io.info(recorded.moved ? `recorded ${head.slice(0, 12)} as known-good (${knownGoodRef(s.inputs.env)})` : `${knownGoodRef(s.inputs.env)} not moved: ${recorded.note}`);
  return { commit: recorded.commit, why: recorded.moved ? `Recorded \`${head.slice(0, 12)}\` as the known-good state (\`${knownGoodRef(s.inputs.env)}\`).` : `Known-good state not moved: ${recorded.note}.` };
}

/**
 * `mode: bisect`: find the culprits on the runner (the env's command health checks, against the
 * component checkouts the workflow made), then, with rollback-culprits, land the rollback of only
 * the culprits to their good pins like any rollback. A run that finds no culprit fails.
 */
async function runBisectMode(s: Session): Promise<ActionResult> {
  const { inputs, ctx } = s;
  // A shallow checkout lacks the older revision (and HEAD~N below it): fetched first, resolved once.
  const good = await resolveRev(s.remote, inputs.good!, inputs.env, 'input good');
  const bad = await resolveRev(s.remote, inputs.bad!, inputs.env, 'input bad');
  // Cancelling the job stops the oracle and puts the checkouts back instead of exiting mid-probe.
  const abort = new AbortController();
  const found = await duringWrites(async () => {
    const stop = onInterrupt(() => abort.abort());
    try {
      return await runBisect(ctx, { good, bad, labels: { good: inputs.good!, bad: inputs.bad! }, signal: abort.signal, onProbe: (p) => s.io.info(formatProbe(p)) });
    } finally {
      stop();
    }
  });
  const extra = { outputs: { culprits: found.culprits.join(',') }, section: bisectSection(found), failed: found.culprits.length === 0 ? found.message : undefined };
  if (found.culprits.length === 0 || !inputs.rollbackCulprits || inputs.dryRun) return withBisect(await report(s, { operation: 'none', merged: false }, undefined), extra);
  const api = await client(inputs, s.runner, s.io);
  const culpritInputs: ActionInputs = { ...inputs, components: found.culprits };
  const published = await publish({ ...s, inputs: culpritInputs }, api, headBranchFor(culpritInputs), async () => {
    const result = await rollbackLock(ctx, found.lock, { rev: found.good, components: found.culprits });
    return { kind: 'rollback', result, files: filesOf(result) };
  });
  return withBisect(await report(s, published, undefined), extra);
}

function withBisect(result: ActionResult, extra: { outputs: Record<string, string>; section: string; failed?: string }): ActionResult {
  return { outputs: { ...result.outputs, ...extra.outputs }, summary: `${result.summary}\n${extra.section}`, ...(extra.failed !== undefined && { failed: extra.failed }) };
}

async function healthAfter(ctx: RunContext, inputs: ActionInputs): Promise<HealthReport | undefined> {
  if (!inputs.health) return undefined;
  return checkHealth(ctx, selection(inputs));
}

async function commentHealth(api: GitHubApi, repo: RepoRef, number: number, body: string, io: ActionIo): Promise<void> {
  try {
    await commentOnPullRequest(api, repo, number, body);
  } catch (err) {
    io.warning(`could not comment the health results on #${number}: ${errorMessage(err)}`);
  }
}

/** The workspace must sit at the tip of base, so the pull request shows only the rollback. */
async function prepareWorkspace(root: string, url: string, base: string, env: Record<string, string>): Promise<string> {
  const tip = await remoteBranchSha(root, url, base, env);
  if (!tip) throw new OperationError(`input base: branch ${JSON.stringify(base)} does not exist in the meta-repo`);
  if ((await headCommit(root)) === tip) return tip;
  const dirty = await trackedChanges(root);
  if (dirty.length > 0) throw new OperationError(`the meta-repo checkout has uncommitted changes (${dirty[0]!.slice(3)}); cannot move it to ${base}`);
  return syncTo(root, url, base, env).then(async (sha) => {
    await checkoutDetached(root, sha);
    return sha;
  });
}

async function syncTo(root: string, url: string, base: string, env: Record<string, string>): Promise<string> {
  await fetchCommit(root, url, `refs/heads/${base}`, env);
  const tip = await remoteBranchSha(root, url, base, env);
  if (!tip) throw new OperationError(`branch ${base} vanished from the meta-repo`);
  await fetchCommit(root, url, tip, env);
  return tip;
}

function describeChanges(changes: RollbackReport['changes']): string {
  if (changes.length === 1) {
    const c = changes[0]!;
    return `${c.component} ${c.from?.version ?? '(none)'} → ${c.to.version}`;
  }
  return `${changes.length} components`;
}

function titleFor(inputs: ActionInputs, outcome: ModeOutcome): string {
  const env = inputs.env ?? 'default';
  if (outcome.kind === 'snapshot-created') return `Snapshot of ${env} pins`;
  if (outcome.kind === 'changeset') return `Roll back changeset ${outcome.result.id}${outcome.result.title ? `: ${outcome.result.title}` : ''}`;
  if (outcome.kind === 'rollback') return `${inputs.mode === 'health' ? 'Auto-rollback' : 'Rollback'} (${env}): ${describeChanges(outcome.result.changes)}`;
  return `meta-rollback ${inputs.mode} (${env})`;
}

function commitMessage(title: string, outcome: ModeOutcome): string {
  const lines = [title, ''];
  if (outcome.kind === 'rollback') {
    for (const c of outcome.result.changes) lines.push(`- ${c.component}: ${c.from?.version ?? '(none)'} (${c.from?.commit.slice(0, 12) ?? '-'}) -> ${c.to.version} (${c.to.commit?.slice(0, 12) ?? 'files'})`);
    if (outcome.result.snapshot) lines.push('', `Undo: meta rollback snapshot --restore ${outcome.result.snapshot}`);
  }
  lines.push('', `Meta-Rollback-Mode: ${outcome.kind}`);
  return `${lines.join('\n')}\n`;
}

function rowsFor(outcome: ModeOutcome, manifest: Awaited<ReturnType<typeof loadManifest>>, serverUrl: string, pr?: PullRequestInfo, health?: HealthReport): ChangeRow[] {
  if (outcome.kind !== 'rollback') return [];
  return outcome.result.changes.map((change) => {
    const repoUrl = manifest.components.get(change.component)?.repo ?? '';
    const healthCell = health ? componentHealth(health, change.component) : undefined;
    return { change, link: compareLink(change, repoOnServer(repoUrl, serverUrl), serverUrl), pullRequest: pr ? `[#${pr.number}](${pr.url})` : undefined, health: healthCell };
  });
}

function componentHealth(health: HealthReport, component: string): string {
  const mine = health.results.filter((r) => r.component === component);
  if (mine.length === 0) return 'no checks';
  const failed = mine.filter((r) => !r.ok);
  return failed.length === 0 ? `pass (${mine.length})` : `FAIL: ${failed.map((r) => r.name).join(', ')}`;
}

async function report(s: Session, published: Published, health: HealthReport | undefined, healthBefore?: HealthReport): Promise<ActionResult> {
  const { ctx, inputs, runner } = s;
  const { outcome, pr } = published;
  const outputs: Record<string, string> = {
    changes: '[]',
    'changed-components': '',
    'pull-request-number': pr ? String(pr.number) : '',
    'pull-request-url': pr?.url ?? '',
    'pull-request-operation': published.operation === 'pushed' ? 'none' : published.operation,
    merged: String(published.merged),
    healthy: health ? String(health.healthy) : '',
    'snapshot-file': '',
    'history-entry': '',
    queued: String(published.queued === true),
    rev: s.rev ?? '',
    'known-good': published.knownGood?.commit ?? published.target?.commit ?? '',
  };
  const env = inputs.env ?? 'default';
  const parts: string[] = [`## meta-rollback: ${inputs.mode} (${env})${inputs.dryRun ? ' — dry run, nothing changed' : ''}`, ''];
  if (healthBefore) parts.push(healthSection(healthBefore, 'Health before the rollback'));
  if (published.target) parts.push(`**Rollback target:** ${published.target.why}.\n`);
  if (outcome?.kind === 'rollback') {
    const r = outcome.result;
    const slim = r.changes.map((c) => ({ component: c.component, from: c.from, to: c.to }));
    outputs.changes = JSON.stringify(slim);
    outputs['changed-components'] = r.changes.map((c) => c.component).join(',');
    outputs['snapshot-file'] = r.snapshot ?? '';
    outputs['history-entry'] = r.historyEntry ? JSON.stringify(r.historyEntry) : '';
    const manifest = await loadManifest(ctx.root);
    parts.push(changesTable(rowsFor(outcome, manifest, runner.serverUrl, pr, health), true));
    for (const w of r.warnings) parts.push(`> **Warning:** ${w}\n`);
    if (published.operation === 'pushed') parts.push(`Pushed straight to the base branch (\`pull-request: none\`).\n`);
    if (published.merged) parts.push(`Merged pull request [#${pr!.number}](${pr!.url}).\n`);
    if (published.queued) parts.push(`Pull request [#${pr!.number}](${pr!.url}) is in the base branch's merge queue: it merges once the queue's checks pass.\n`);
    parts.push(holdsBlock(r.historyEntry), journalBlock(r.historyEntry), undoText(r.snapshot, inputs.env ?? null));
  } else if (outcome?.kind === 'snapshot-created') {
    outputs['snapshot-file'] = outcome.result.file;
    parts.push(`Snapshot of ${Object.keys(outcome.result.snapshot.components).length} components: \`${outcome.result.file}\`${pr ? ` in [#${pr.number}](${pr.url})` : ''}\n`);
  } else if (outcome?.kind === 'changeset') {
    const r = outcome.result;
    outputs.changes = JSON.stringify(r.changes);
    outputs['changed-components'] = r.repos.filter((x) => x.newTip).map((x) => x.component).join(',');
    outputs['history-entry'] = r.historyEntry ? JSON.stringify(r.historyEntry) : '';
    const pulls = outcome.pulls ?? [];
    if (pulls.length > 0) {
      outputs['component-pull-requests'] = JSON.stringify(pulls.map((p) => ({ component: p.component, number: p.pr.number, url: p.pr.url, merged: p.merged })));
      outputs.merged = String(pulls.every((p) => p.merged) && (published.merged || !pr));
    }
    parts.push(changesetTable(r, pulls));
    if (r.nothingToDo) parts.push(`Nothing to do: ${r.reason ?? 'already rolled back'}.\n`);
  } else if (outcome?.kind === 'list') {
    outputs.targets = JSON.stringify(outcome.result.targets);
    parts.push(targetsTable(outcome.result));
  }
  if (outcome && (outcome.kind === 'list' || inputs.dryRun)) {
    const names = outcome.kind === 'list' ? [...new Set(outcome.result.targets.map((t) => t.component))] : outcome.kind === 'rollback' ? outcome.result.changes.map((c) => c.component) : [];
    outputs.matrix = JSON.stringify((await withMatrix(ctx.root, {}, names, inputs.groupSize)).matrix);
  }
  parts.push(healthSection(health, healthBefore ? 'Health after the rollback' : 'Health'));
  if (published.knownGood) parts.push(`${published.knownGood.why}\n`);
  return { outputs, summary: parts.filter(Boolean).join('\n') };
}

function targetsTable(list: { targets: ReadonlyArray<{ component: string; version: string; commit: string; kind: string; source: string; date: string | null; current: boolean }> }): string {
  if (list.targets.length === 0) return '_No rollback targets found._\n';
  const rows = list.targets.slice(0, 200).map((t) => `| ${t.current ? '**current**' : ''} | ${t.component} | ${t.version} | \`${t.commit.slice(0, 12)}\` | ${t.kind} | ${t.source.replace(/\|/g, '\\|')} | ${t.date ?? ''} |`);
  const more = list.targets.length > 200 ? `\n_${list.targets.length - 200} more in the \`targets\` output._\n` : '';
  return `| | component | version | commit | kind | source | date |\n|---|---|---|---|---|---|---|\n${rows.join('\n')}\n${more}`;
}

function changesetTable(result: ChangesetRollbackResult, pulls: readonly ComponentPull[]): string {
  if (result.repos.length === 0) return '';
  const rows = result.repos.map((r) => {
    const pull = pulls.find((p) => p.component === r.component);
    const pr = pull ? `[#${pull.pr.number}](${pull.pr.url})${pull.merged ? ' (merged)' : ''}` : '';
    return `| ${r.component} | ${r.branch} | ${r.commits.length} | \`${r.revertBranch}\` | ${pr} |`;
  });
  return `Changeset \`${result.id}\`: ${result.previousStatus} → ${result.status}\n\n| component | base | commits reverted | branch | pull request |\n|---|---|---|---|---|\n${rows.join('\n')}\n`;
}

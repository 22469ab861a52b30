import { duringWrites, interruptPoint, throwIfInterrupted } from '../interrupt.js';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pLimit from 'p-limit';
import { writeFileAtomic } from '../atomic-write.js';
import type { JournalLine, RollbackResult } from '../changes.js';
import { restoreSnapshot } from '../operations/snapshot.js';
import { restoreLock } from './meta-repo-entry.js';
import type { RunContext } from '../context.js';
import { InputError, MetaError, OperationError, errorMessage } from '../errors.js';
import { recordJournal } from '../journal.js';
import { withMetaLock } from '../meta-lock.js';
import { timestamp } from '../lock-edit.js';
import type { Pin } from '../lock.js';
import { COMPONENTS_DIR, componentDir } from '../paths.js';
import { locateRepo } from '../repo-url.js';
import { ensureCommitPresent } from '../../git/checkout.js';
import { cloneInto, deleteRemoteBranch, originUrl, pushNewBranch, remoteBranchTip } from '../../git/changeset-remote.js';
import { isShallow } from '../../git/repo-reader.js';
import {
  addScratchWorktree,
  hasCommitIdentity,
  removeScratchWorktree,
  resetBranch,
  revertInWorktree,
  setBranch,
  worktreeHead,
  type ScratchWorktree,
} from '../../git/revert.js';
import { setChangesetStatus, setIndexStatus } from './edit.js';
import { ROLLED_BACK } from './file.js';
import { CHANGESET_INDEX, changesetMarker, revertTrailerLine } from './id.js';
import { planChangesetRollback, type ChangesetRollbackPlan, type PlannedRevert, type RepoRollbackPlan } from './plan.js';

export interface RevertedCommit {
  readonly commit: string;
  readonly subject: string;
  /** The revert commit on the revert branch; null in a dry run, or when the change was already undone. */
  readonly revert: string | null;
}

/** One repository's outcome: what the action needs to push the branch and open a pull request. */
export interface RepoRollbackResult {
  readonly component: string;
  readonly repo: string;
  /** `components/<name>` */
  readonly checkout: string;
  /** The checkout was cloned by this run (or, in a dry run, would be). */
  readonly cloned: boolean;
  /** The branch that held the changeset's commits: the pull request's base. */
  readonly branch: string;
  /** Its tip, which the revert branch starts from. */
  readonly base: string;
  /** `meta-rollback/changeset-<id>`: the pull request's head. */
  readonly revertBranch: string;
  /** The revert branch's tip; null in a dry run. */
  readonly newTip: string | null;
  /** Newest first, the order they were (or would be) reverted in. */
  readonly commits: readonly RevertedCommit[];
  readonly pushed: boolean;
}

export interface ChangesetRollbackResult {
  readonly ok: true;
  readonly mode: 'changeset';
  readonly id: string;
  readonly file: string;
  readonly title: string | null;
  readonly previousStatus: string;
  /** The status after this run: `rolled-back` once done; unchanged in a dry run or a no-op. */
  readonly status: string;
  readonly dryRun: boolean;
  readonly nothingToDo: boolean;
  readonly reason: string | null;
  readonly revertBranch: string;
  readonly pushed: boolean;
  /** Dependents before their dependencies: the order the reverts were made in. */
  readonly repos: readonly RepoRollbackResult[];
  /** Per repository: from the branch's tip to the revert branch's tip (see the README). */
  readonly changes: ReadonlyArray<{ component: string; from: Pin; to: Pin }>;
  readonly snapshot: null;
  readonly historyEntry: JournalLine | null;
  /**
   * The meta-repo's own entry rolled back: the selected lock put back as it was before the
   * changeset (planned only, in a dry run). Its own snapshot and journal line undo it.
   */
  readonly lockRestore: (RollbackResult & { readonly rev: string }) | null;
  readonly journalFile: string | null;
  readonly warnings: readonly string[];
}

export interface ApplyOptions {
  /** Push each revert branch to the checkout's origin; all or nothing. */
  readonly push?: boolean;
  /** Git environment for fetch, clone and push (credentials); defaults to the context's. */
  readonly gitEnv?: Readonly<Record<string, string>>;
  /**
   * Publishes one revert branch in place of `git push` (the action's `sign-commits` makes its
   * commits again through GitHub's API, which signs them) and returns the tip it published, which
   * the result and the journal then record. It must never overwrite a branch that exists.
   */
  readonly publishBranch?: (branch: BranchToPublish) => Promise<string>;
}

export interface BranchToPublish {
  readonly component: string;
  /** The component's repository URL, as the manifest has it. */
  readonly repo: string;
  /** The checkout holding the revert commits. */
  readonly dir: string;
  /** The commit the reverts are made on, already on the remote. */
  readonly base: string;
  readonly tip: string;
  readonly branch: string;
}

/** `meta changeset rollback ID [--push]`: plan, then apply. */
export async function rollbackChangeset(ctx: RunContext, id: string, options: ApplyOptions = {}): Promise<ChangesetRollbackResult> {
  const plan = await planChangesetRollback(ctx, id, { gitEnv: options.gitEnv });
  // "or use --push next time": a rolled-back changeset's revert branches are pushed as they are.
  if (plan.status === ROLLED_BACK && options.push && !ctx.dryRun) return pushExistingBranches(ctx, id, options);
  return applyChangesetRollback(ctx, plan, options);
}

/** A second run with --push: the revert branches the first run made are pushed, all or nothing; nothing is reverted again. */
async function pushExistingBranches(ctx: RunContext, id: string, options: ApplyOptions): Promise<ChangesetRollbackResult> {
  const plan = await planChangesetRollback(ctx, id, { gitEnv: options.gitEnv, ignoreStatus: true });
  const repos = plannedRepos(plan).map((r, i) => {
    const tip = plan.repos[i]!.existingBranchTip;
    if (!tip) throw new InputError(`changeset ${id}: ${r.checkout} has no branch ${r.revertBranch} to push (was the checkout replaced since the rollback?)`);
    return { ...r, cloned: false, newTip: tip, commits: r.commits.map((c) => ({ ...c, revert: null })) };
  });
  if (repos.length === 0) return resultOf(plan, [], { ctx, warnings: [...plan.warnings], done: true, pushed: false, historyEntry: null, reason: `changeset ${id} is already rolled back and has no revert branch to push` });
  const result = resultOf({ ...plan, nothingToDo: false }, repos, { ctx, warnings: [...plan.warnings], done: true, pushed: false, historyEntry: null });
  return pushChangesetBranches(ctx, result, { gitEnv: options.gitEnv });
}

interface RepoWork {
  readonly plan: RepoRollbackPlan;
  /** Where the work happens: the checkout, or a temporary clone beside it. */
  dir: string;
  tempClone?: string;
  worktree?: ScratchWorktree;
  newTip?: string;
  reverted: RevertedCommit[];
  pushed: boolean;
}

type Undo = { readonly what: string; readonly run: () => Promise<void> };

/**
 * Carries out a plan all or nothing. Every revert is made in a scratch worktree first; only when
 * every repository's reverts went through are the `meta-rollback/changeset-<id>` branches set,
 * new checkouts moved into place, the branches pushed (with --push), the changeset marked
 * rolled-back and the journal written. A conflict or failure anywhere undoes every step taken.
 */
export async function applyChangesetRollback(ctx: RunContext, plan: ChangesetRollbackPlan, options: ApplyOptions = {}): Promise<ChangesetRollbackResult> {
  const warnings = [...plan.warnings];
  if (plan.nothingToDo || ctx.dryRun) return resultOf(plan, plannedRepos(plan), { ctx, warnings, done: false, pushed: false, historyEntry: null });
  // A write phase from the first clone on: a signal is acted on at the safe points below, where
  // undoing (scratch worktrees dropped, branches reset, clones removed) leaves every repository as it was.
  return duringWrites(() => applyWrites(ctx, plan, options, warnings));
}

const STOPPED = 'stopped; every repository, branch and file is as it was: the workspace is in its old state';

async function applyWrites(ctx: RunContext, plan: ChangesetRollbackPlan, options: ApplyOptions, warnings: string[]): Promise<ChangesetRollbackResult> {

  const env = (options.gitEnv ?? ctx.gitEnv) as Record<string, string> | undefined;
  const id = plan.id;
  const work: RepoWork[] = plan.repos.map((p) => ({ plan: p, dir: join(ctx.root, p.checkout), reverted: [], pushed: false }));
  const undo: Undo[] = [];
  let createdComponentsDir = false;
  try {
    // 1. A place to work in each repository, with every commit needed present (objects only).
    const componentsDir = join(ctx.root, COMPONENTS_DIR);
    if (work.some((w) => !w.plan.checkoutExists) && !existsSync(componentsDir)) {
      await mkdir(componentsDir, { recursive: true });
      createdComponentsDir = true;
    }
    const limit = pLimit(ctx.jobs);
    // Settled, not all: a failed clone must not leave another still writing while we clean up.
    const prepared = await Promise.allSettled(work.map((w) => limit(() => prepare(ctx, w, env))));
    const failed = prepared.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    await interruptPoint('changeset-prepared');
    throwIfInterrupted(STOPPED);

    // 2. The reverts, dependents first, each repository's newest commit first, all in scratch worktrees.
    const identity = await identityEnv(ctx, work);
    const conflicts: string[] = [];
    for (const [k, w] of work.entries()) {
      await interruptPoint(`changeset-revert-${k + 1}`);
      throwIfInterrupted(STOPPED);
      const problem = await revertAll(ctx, id, w, { ...identity, ...(env ?? {}) });
      if (problem) conflicts.push(problem);
    }
    if (conflicts.length > 0) throw new OperationError(`changeset ${id}: ${conflicts.join('; ')}`);

    const effective = work.filter((w) => w.newTip !== w.plan.base);
    for (const w of work) {
      if (w.newTip === w.plan.base) warnings.push(`${w.plan.component}: every commit is already undone on ${w.plan.branch}; no branch made`);
    }
    if (effective.length === 0 && !plan.lockRestore) {
      return resultOf(plan, [], { ctx, warnings, done: false, pushed: false, historyEntry: null, reason: `every commit of changeset ${id} is already undone` });
    }

    // 3. Branches: set only now that every repository's reverts went through.
    throwIfInterrupted(STOPPED);
    for (const w of effective) {
      const previous = w.tempClone ? undefined : w.plan.existingBranchTip;
      await setBranch(w.dir, w.plan.revertBranch, w.newTip!, previous).catch((err: unknown) => {
        throw new OperationError(`${w.plan.checkout}: cannot set ${w.plan.revertBranch}: ${errorMessage(err)}`);
      });
      if (!w.tempClone) undo.push({ what: `${w.plan.checkout}: ${w.plan.revertBranch}`, run: () => resetBranch(w.dir, w.plan.revertBranch, w.newTip!, previous) });
    }
    await Promise.all(work.map((w) => dropWorktree(w)));

    // 4. New checkouts move into place.
    for (const w of effective.filter((x) => x.tempClone)) {
      const target = componentDir(ctx.root, w.plan.component);
      if (existsSync(target)) throw new OperationError(`${w.plan.checkout}: appeared while this rollback ran; run it again`);
      await rename(w.tempClone!, target);
      w.tempClone = undefined;
      w.dir = target;
      undo.push({ what: `${w.plan.checkout} (cloned)`, run: () => rm(target, { recursive: true, force: true }) });
    }

    // 5. Push, all or nothing. Until it starts, undoing is quicker than finishing; after, finishing is.
    await interruptPoint('changeset-branches-set');
    throwIfInterrupted(STOPPED);
    if (options.push) {
      const pushUndo = await pushAll(ctx, id, effective, env, options.publishBranch);
      undo.push(...pushUndo);
    }

    // 5b. The meta-repo's own entry: its lock goes back (a rollback of its own, with snapshot and
    // journal line), before the changeset is marked, so a failure here still undoes the reverts.
    let lockRestore: ChangesetRollbackResult['lockRestore'] = null;
    if (plan.lockRestore) {
      const restored = await restoreLock(ctx, plan.lockRestore);
      lockRestore = { ...restored, rev: plan.lockRestore.rev };
      if (restored.snapshot) {
        const snapshot = restored.snapshot;
        undo.push({ what: `${plan.lockRestore.lock} (restored from ${snapshot})`, run: async () => void (await restoreSnapshot(ctx, snapshot)) });
      }
    }

    // 6. The changeset (and its index entry) become rolled-back; then the journal. Under .meta/lock,
    // like every write to the meta-repo's files: the check that nobody changed the changeset files
    // since they were read and the writes that follow are then one step for other runs, and journal
    // entries are named in the order the changes were made.
    const results = effective.map((w) => repoResult(w));
    await interruptPoint('changeset-pushed');
    const journaled = await withMetaLock(ctx, `meta changeset rollback ${id}`, async () => {
      const fileUndo = await markRolledBack(ctx, plan);
      const line: JournalLine = {
        at: timestamp(ctx.now()),
        actor: ctx.actor,
        mode: 'changeset',
        env: ctx.env ?? null,
        lock: plan.file,
        changes: changesOf(results),
        snapshot: null,
      };
      try {
        return { line, file: await recordJournal(ctx.root, line, ctx.now()) };
      } catch (err) {
        // Undone while the lock is still held, so no other run's write to these files is undone with it.
        const failed = await runUndo(fileUndo);
        if (failed.length > 0) throw new OperationError(`${errorMessage(err)}; could not undo: ${failed.join(', ')}`);
        throw err;
      }
    });
    return resultOf(plan, results, { ctx, warnings, done: true, pushed: Boolean(options.push), historyEntry: journaled.line, journalFile: journaled.file, lockRestore });
  } catch (err) {
    await Promise.allSettled(work.map((w) => dropWorktree(w)));
    const failedUndo: string[] = [];
    for (const step of undo.reverse()) {
      try {
        await step.run();
      } catch (undoErr) {
        failedUndo.push(`${step.what} (${errorMessage(undoErr)})`);
      }
    }
    const note = failedUndo.length > 0 ? `; could not undo: ${failedUndo.join(', ')}` : '';
    if (err instanceof MetaError) {
      if (!note) throw err;
      throw new OperationError(`${err.message}${note}`);
    }
    throw new OperationError(`changeset ${id}: rollback failed and was undone: ${errorMessage(err)}${note}`);
  } finally {
    await Promise.allSettled(work.map((w) => dropWorktree(w)));
    await Promise.allSettled(work.filter((w) => w.tempClone).map((w) => rm(w.tempClone!, { recursive: true, force: true })));
    if (createdComponentsDir) await rmdir(join(ctx.root, COMPONENTS_DIR)).catch(() => undefined);
  }
}

/** Clones a missing checkout (beside where it goes) and fetches whatever the reverts need. */
async function prepare(ctx: RunContext, w: RepoWork, env: Record<string, string> | undefined): Promise<void> {
  const p = w.plan;
  const location = locateRepo(p.repo, ctx.root);
  const source = location.kind === 'url' ? location.url : location.path;
  if (!p.checkoutExists) {
    const temp = join(ctx.root, COMPONENTS_DIR, `.${p.component}.meta-rollback-${process.pid}-${randomBytes(4).toString('hex')}`);
    w.tempClone = temp;
    w.dir = temp;
    ctx.log(`cloning ${p.component} into ${p.checkout}`);
    try {
      await cloneInto(source, temp, ctx.root, env);
    } catch (err) {
      throw new OperationError(`${p.checkout}: ${errorMessage(err)}`);
    }
  }
  const fallback = (await originUrl(w.dir)) ? undefined : source;
  const needed = [p.base];
  // A shallow checkout may lack the reverted commits and their parents; fetch each one alone.
  if (await isShallow(w.dir)) for (const c of p.commits) needed.push(c.commit, ...c.parents.slice(0, 1));
  try {
    for (const sha of needed) await ensureCommitPresent(w.dir, sha, fallback, env);
  } catch (err) {
    throw new OperationError(`${p.checkout}: ${errorMessage(err)}`);
  }
}

/** Makes every revert of one repository in a scratch worktree; returns a conflict description, if any. */
async function revertAll(ctx: RunContext, id: string, w: RepoWork, env: Record<string, string>): Promise<string | undefined> {
  const p = w.plan;
  ctx.log(`${p.component}: reverting ${p.commits.length} commit${p.commits.length === 1 ? '' : 's'} on ${p.branch} (${p.base.slice(0, 12)})`);
  try {
    w.worktree = await addScratchWorktree(w.dir, p.base);
  } catch (err) {
    throw new OperationError(`${p.checkout}: ${errorMessage(err)}`);
  }
  for (const c of p.commits) {
    const outcome = await revertInWorktree(w.worktree, { commit: c.commit, mainline: c.mainline, message: revertMessage(id, c), env });
    if (outcome.kind === 'conflict') return `revert of ${c.commit.slice(0, 12)} conflicts in ${p.component}: ${outcome.paths.join(', ')}`;
    if (outcome.kind === 'failed') return `revert of ${c.commit.slice(0, 12)} failed in ${p.component}: ${outcome.error}`;
    w.reverted.push({ commit: c.commit, subject: c.subject, revert: outcome.kind === 'committed' ? outcome.commit : null });
  }
  w.newTip = await worktreeHead(w.worktree);
  return undefined;
}

async function dropWorktree(w: RepoWork): Promise<void> {
  const worktree = w.worktree;
  if (!worktree) return;
  w.worktree = undefined;
  await removeScratchWorktree(worktree);
}

/**
 * The revert commit's message: git's usual first line (without the changeset marker, so the revert
 * is never itself taken for part of the changeset) and a `Reverts-Changeset` trailer.
 */
export function revertMessage(id: string, commit: Pick<PlannedRevert, 'commit' | 'subject'>): string {
  const subject = commit.subject.split(changesetMarker(id)).join(' ').replace(/\s+/g, ' ').trim() || commit.commit.slice(0, 12);
  return `Revert "${subject}"\n\nThis reverts commit ${commit.commit}.\n\n${revertTrailerLine(id)}\n`;
}

/** A committer identity for machines that have none configured (CI): the run's actor. */
async function identityEnv(ctx: RunContext, work: readonly RepoWork[]): Promise<Record<string, string>> {
  const first = work[0];
  if (!first || (await hasCommitIdentity(first.dir))) return {};
  const name = ctx.actor || 'meta-rollback';
  const email = `${name.replace(/[^A-Za-z0-9._-]/g, '-')}@meta-rollback.invalid`;
  return { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email };
}

/**
 * Pushes every revert branch, or none: each remote is checked first (a branch of that name made by
 * someone else is never overwritten), and if one push fails the branches already pushed are deleted.
 */
async function pushAll(ctx: RunContext, id: string, work: RepoWork[], env: Record<string, string> | undefined, publish: ApplyOptions['publishBranch']): Promise<Undo[]> {
  const targets = await Promise.all(
    work.map(async (w) => {
      const remote = (await originUrl(w.dir)) ? 'origin' : remoteSource(ctx, w.plan.repo);
      const there = await remoteBranchTip(w.dir, remote, w.plan.revertBranch, env);
      if (!there.ok) throw new OperationError(`changeset ${id}: cannot reach the remote of ${w.plan.component} (${w.plan.remoteUrl}): ${there.error}`);
      if (there.value && there.value !== w.newTip) {
        throw new OperationError(
          `changeset ${id}: ${w.plan.remoteUrl} already has ${w.plan.revertBranch} (at ${there.value.slice(0, 12)}); delete it there, then run again`,
        );
      }
      return { w, remote, alreadyThere: there.value === w.newTip };
    }),
  );
  const done: Undo[] = [];
  const pushedNames: string[] = [];
  for (const t of targets) {
    if (t.alreadyThere) {
      t.w.pushed = true;
      continue;
    }
    try {
      ctx.log(`${t.w.plan.component}: pushing ${t.w.plan.revertBranch}`);
      if (publish) {
        const { plan } = t.w;
        t.w.newTip = await publish({ component: plan.component, repo: plan.repo, dir: t.w.dir, base: plan.base, tip: t.w.newTip!, branch: plan.revertBranch });
      } else {
        await pushNewBranch(t.w.dir, t.remote, t.w.plan.revertBranch, env);
      }
    } catch (err) {
      const failed: string[] = [];
      for (const step of done.reverse()) await step.run().catch(() => failed.push(step.what));
      const deleted = pushedNames.length > 0 ? `; deleted it again from ${pushedNames.join(', ')}` : '';
      const left = failed.length > 0 ? `; could not delete it from ${failed.join(', ')}` : '';
      throw new OperationError(`changeset ${id}: push of ${t.w.plan.revertBranch} to ${t.w.plan.component} failed: ${errorMessage(err)}${deleted}${left}`);
    }
    t.w.pushed = true;
    pushedNames.push(t.w.plan.component);
    done.push({ what: t.w.plan.component, run: () => deleteRemoteBranch(t.w.dir, t.remote, t.w.plan.revertBranch, t.w.newTip!, env) });
  }
  return done;
}

function remoteSource(ctx: RunContext, repo: string): string {
  const location = locateRepo(repo, ctx.root);
  return location.kind === 'url' ? location.url : location.path;
}

/** Writes `status: rolled-back` into the changeset file and its index entry; returns how to undo that. */
async function markRolledBack(ctx: RunContext, plan: ChangesetRollbackPlan): Promise<Undo[]> {
  const filePath = join(ctx.root, plan.file);
  const indexPath = join(ctx.root, CHANGESET_INDEX);
  const fileNow = await readFile(filePath, 'utf8').catch(() => undefined);
  if (fileNow !== plan.changeset.yaml.text) throw new OperationError(`${plan.file}: changed by someone else while this rollback ran; run it again`);
  const indexText = plan.index ? setIndexStatus(plan.index, plan.id, ROLLED_BACK) : undefined;
  if (plan.index) {
    const indexNow = await readFile(indexPath, 'utf8').catch(() => undefined);
    if (indexNow !== plan.index.yaml.text) throw new OperationError(`${CHANGESET_INDEX}: changed by someone else while this rollback ran; run it again`);
  }
  const undo: Undo[] = [];
  await writeFileAtomic(filePath, setChangesetStatus(plan.changeset, ROLLED_BACK));
  undo.push({ what: plan.file, run: () => writeFileAtomic(filePath, plan.changeset.yaml.text) });
  if (plan.index && indexText !== undefined) {
    const original = plan.index.yaml.text;
    try {
      await writeFileAtomic(indexPath, indexText);
    } catch (err) {
      const failed = await runUndo(undo);
      throw new OperationError(`${CHANGESET_INDEX}: ${errorMessage(err)}${failed.length > 0 ? `; could not undo: ${failed.join(', ')}` : ''}`);
    }
    undo.push({ what: CHANGESET_INDEX, run: () => writeFileAtomic(indexPath, original) });
  }
  return undo;
}

/** Runs undo steps newest first; returns the ones that failed. */
async function runUndo(steps: readonly Undo[]): Promise<string[]> {
  const failed: string[] = [];
  for (const step of [...steps].reverse()) {
    try {
      await step.run();
    } catch (err) {
      failed.push(`${step.what} (${errorMessage(err)})`);
    }
  }
  return failed;
}

function repoResult(w: RepoWork): RepoRollbackResult {
  const p = w.plan;
  return {
    component: p.component,
    repo: p.repo,
    checkout: p.checkout,
    cloned: !p.checkoutExists,
    branch: p.branch,
    base: p.base,
    revertBranch: p.revertBranch,
    newTip: w.newTip ?? null,
    commits: w.reverted,
    pushed: w.pushed,
  };
}

function plannedRepos(plan: ChangesetRollbackPlan): RepoRollbackResult[] {
  return plan.repos.map((p) => ({
    component: p.component,
    repo: p.repo,
    checkout: p.checkout,
    cloned: !p.checkoutExists,
    branch: p.branch,
    base: p.base,
    revertBranch: p.revertBranch,
    newTip: null,
    commits: p.commits.map((c) => ({ commit: c.commit, subject: c.subject, revert: null })),
    pushed: false,
  }));
}

function changesOf(repos: readonly RepoRollbackResult[]): Array<{ component: string; from: Pin; to: Pin }> {
  return repos
    .filter((r) => r.newTip !== null)
    .map((r) => ({ component: r.component, from: { version: r.branch, commit: r.base }, to: { version: r.revertBranch, commit: r.newTip! } }));
}

function resultOf(
  plan: ChangesetRollbackPlan,
  repos: RepoRollbackResult[],
  state: {
    ctx: RunContext;
    warnings: string[];
    done: boolean;
    pushed: boolean;
    historyEntry: JournalLine | null;
    journalFile?: string;
    reason?: string;
    lockRestore?: ChangesetRollbackResult['lockRestore'];
  },
): ChangesetRollbackResult {
  return {
    ok: true,
    mode: 'changeset',
    id: plan.id,
    file: plan.file,
    title: plan.title ?? null,
    previousStatus: plan.status,
    status: state.done ? ROLLED_BACK : plan.status,
    dryRun: state.ctx.dryRun,
    nothingToDo: plan.nothingToDo || state.reason !== undefined,
    reason: state.reason ?? plan.reason ?? null,
    revertBranch: plan.revertBranch,
    pushed: state.pushed,
    repos,
    changes: changesOf(repos),
    snapshot: null,
    historyEntry: state.historyEntry,
    lockRestore: state.lockRestore ?? (plan.lockRestore ? { ...plan.lockRestore.preview, rev: plan.lockRestore.rev } : null),
    journalFile: state.journalFile ?? null,
    warnings: state.warnings,
  };
}

/**
 * Pushes the revert branches of a finished rollback, all or nothing (for the action, which pushes
 * with its own credentials after `applyChangesetRollback` without `push`).
 */
export async function pushChangesetBranches(
  ctx: RunContext,
  result: ChangesetRollbackResult,
  options: { gitEnv?: Readonly<Record<string, string>> } = {},
): Promise<ChangesetRollbackResult> {
  if (result.dryRun || result.nothingToDo) return result;
  const env = (options.gitEnv ?? ctx.gitEnv) as Record<string, string> | undefined;
  const work: RepoWork[] = result.repos.map((r) => {
    if (!r.newTip) throw new InputError(`changeset ${result.id}: ${r.component} has no revert branch to push`);
    return {
      plan: {
        component: r.component,
        repo: r.repo,
        checkout: r.checkout,
        checkoutExists: true,
        remoteUrl: r.repo,
        branch: r.branch,
        base: r.base,
        revertBranch: r.revertBranch,
        commits: [],
        alreadyReverted: [],
      },
      dir: join(ctx.root, r.checkout),
      newTip: r.newTip,
      reverted: [...r.commits],
      pushed: r.pushed,
    };
  });
  await pushAll(ctx, result.id, work, env, undefined);
  return { ...result, pushed: true, repos: work.map((w, i) => ({ ...result.repos[i]!, pushed: w.pushed })) };
}

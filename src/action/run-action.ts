import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RollbackReport } from '../core/changes.js';
import { makeContext, type RunContext } from '../core/context.js';
import { OperationError, errorMessage } from '../core/errors.js';
import type { HealthReport } from '../core/health/index.js';
import { loadManifest } from '../core/manifest.js';
import { checkHealth } from '../core/operations/check-health.js';
import { resolveRoot } from '../core/paths.js';
import { checkoutDetached } from '../git/checkout.js';
import { basicAuthHeader, credentialEnv } from '../git/credentials.js';
import { commitPaths, fetchBranch, fetchCommit, pushCommit, remoteBranchSha, resetToCommit } from '../git/publish-commit.js';
import { headCommit, trackedChanges } from '../git/repo-reader.js';
import { createGitHubClient, type GitHubApi } from '../github/client.js';
import { commentOnPullRequest, defaultBranch, enableAutoMerge, mergeWhenMergeable, openOrUpdatePullRequest, type PullRequestInfo } from '../github/pull-requests.js';
import { cloneUrl, repoOnServer, type RepoRef } from '../github/repository.js';
import { defaultHeadBranch } from './head-branch.js';
import type { ActionInputs } from './inputs.js';
import { performMode, type ModeOutcome } from './perform-mode.js';
import { changesTable, compareLink, healthSection, journalBlock, pullRequestBody, undoText, type ChangeRow } from './report.js';

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
}

const BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };
const PUSH_ATTEMPTS = 4;

interface Published {
  readonly operation: 'created' | 'updated' | 'none' | 'pushed';
  readonly pr?: PullRequestInfo;
  readonly merged: boolean;
  readonly outcome: ModeOutcome;
}

/**
 * The action's whole run, free of @actions/core so it can be tested and reused: perform the mode
 * in the checked-out meta-repo, commit what it wrote on the head branch, push with a lease, open or
 * update the pull request (or push to base), merge as asked, check health, and report.
 */
export async function runAction(inputs: ActionInputs, runner: RunnerEnv, io: ActionIo): Promise<ActionResult> {
  for (const token of new Set([inputs.token, inputs.componentsToken])) {
    if (!token) continue;
    io.setSecret(token);
    io.setSecret(basicAuthHeader(token).replace(/^AUTHORIZATION: basic /, ''));
  }
  const root = resolveRoot(inputs.root, runner.workspace);
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
    gitEnv,
    log: io.info,
  });

  if (inputs.storeBranch !== undefined && !(await fetchBranch(root, metaUrl, inputs.storeBranch, gitEnv))) {
    io.warning(`store branch ${inputs.storeBranch} could not be fetched; using the local one if any`);
  }

  if (inputs.mode === 'list' || inputs.dryRun) {
    const outcome = await performMode(ctx, inputs);
    return report(ctx, inputs, runner, { operation: 'none', merged: false, outcome }, undefined);
  }
  if (!inputs.token) throw new OperationError('input token: empty; give the workflow a token (the default is github.token)');

  const api = createGitHubClient({ token: inputs.token, apiUrl: runner.apiUrl, log: io.warning });
  const repo = runner.repository;
  const base = inputs.base ?? (await defaultBranch(api, repo));
  const head = inputs.branch ?? defaultHeadBranch(inputs);
  let baseSha = await prepareWorkspace(root, metaUrl, base, gitEnv);

  let outcome = await performMode(ctx, inputs);
  if (outcome.files.length === 0) {
    io.info('nothing to change: the lock already matches');
    return report(ctx, inputs, runner, { operation: 'none', merged: false, outcome }, undefined);
  }
  const title = titleFor(inputs, outcome);

  if (inputs.pullRequest === 'none') {
    // Straight to base: only a fast-forward is pushed. When base moved, the rollback is redone on
    // the new base and pushed again, so nobody else's commit is ever overwritten.
    for (let attempt = 1; ; attempt++) {
      const commit = await commitPaths(root, baseSha, outcome.files, commitMessage(title, outcome), BOT);
      const pushed = await pushCommit(root, metaUrl, commit, base, gitEnv);
      if (pushed.ok) {
        await resetToCommit(root, commit);
        break;
      }
      if (!pushed.rejected || attempt >= PUSH_ATTEMPTS) throw new OperationError(`push to ${base} failed: ${pushed.message}`);
      io.info(`${base} moved while rolling back; redoing the rollback on the new ${base} (attempt ${attempt + 1})`);
      const created = createdFiles(outcome);
      baseSha = await syncTo(root, metaUrl, base, gitEnv);
      await resetToCommit(root, baseSha);
      for (const file of created) await rm(join(root, file), { force: true });
      outcome = await performMode(ctx, inputs);
      if (outcome.files.length === 0) break;
    }
    const healthReport = await healthAfter(ctx, inputs);
    return report(ctx, inputs, runner, { operation: 'pushed', merged: false, outcome }, healthReport);
  }

  const commit = await commitPaths(root, baseSha, outcome.files, commitMessage(title, outcome), BOT);
  const expected = (await remoteBranchSha(root, metaUrl, head, gitEnv)) ?? '';
  const pushed = await pushCommit(root, metaUrl, commit, head, gitEnv, expected);
  if (!pushed.ok) throw new OperationError(`push of ${head} failed: ${pushed.message}`);
  // Later steps of the job see the workspace as the pull request has it.
  await resetToCommit(root, commit);

  const manifest = await loadManifest(root);
  const rows = rowsFor(outcome, manifest, runner.serverUrl);
  const entry = outcome.kind === 'rollback' ? outcome.result.historyEntry : null;
  const snapshot = outcome.kind === 'rollback' ? outcome.result.snapshot : null;
  const note = outcome.kind === 'snapshot-created' ? `Snapshot of ${Object.keys(outcome.result.snapshot.components).length} components written to \`${outcome.result.file}\`.` : undefined;
  const pr = await openOrUpdatePullRequest(api, repo, { head, base, title, body: pullRequestBody({ title, rows, entry, snapshot, env: inputs.env ?? null, note }) });
  io.info(`pull request #${pr.number} ${pr.operation}: ${pr.url}`);

  let merged = false;
  if (inputs.pullRequest === 'merge') {
    const result = await mergeWhenMergeable(api, repo, pr.number, inputs.mergeMethod);
    if (!result.merged) throw new OperationError(`pull request #${pr.number} was not merged: ${result.message} (${pr.url})`);
    merged = true;
  } else if (inputs.pullRequest === 'auto-merge') {
    await enableAutoMerge(api, pr.nodeId, inputs.mergeMethod);
  }

  const healthReport = await healthAfter(ctx, inputs);
  if (healthReport) await commentHealth(api, repo, pr.number, healthReport, io);
  return report(ctx, inputs, runner, { operation: pr.operation, pr, merged, outcome }, healthReport);
}

async function healthAfter(ctx: RunContext, inputs: ActionInputs): Promise<HealthReport | undefined> {
  if (!inputs.health) return undefined;
  return checkHealth(ctx);
}

async function commentHealth(api: GitHubApi, repo: RepoRef, number: number, health: HealthReport, io: ActionIo): Promise<void> {
  try {
    await commentOnPullRequest(api, repo, number, healthSection(health, 'Health after the rollback'));
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

function createdFiles(outcome: ModeOutcome): string[] {
  if (outcome.kind === 'rollback' && outcome.result.snapshot) return [outcome.result.snapshot];
  if (outcome.kind === 'snapshot-created') return [outcome.result.file];
  return [];
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
  if (outcome.kind === 'rollback') return `Rollback (${env}): ${describeChanges(outcome.result.changes)}`;
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

async function report(ctx: RunContext, inputs: ActionInputs, runner: RunnerEnv, published: Published, health: HealthReport | undefined): Promise<ActionResult> {
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
  };
  const env = inputs.env ?? 'default';
  const parts: string[] = [`## meta-rollback: ${inputs.mode} (${env})${inputs.dryRun ? ' — dry run, nothing changed' : ''}`, ''];
  if (outcome.kind === 'rollback') {
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
    parts.push(journalBlock(r.historyEntry), undoText(r.snapshot, inputs.env ?? null));
  } else if (outcome.kind === 'snapshot-created') {
    outputs['snapshot-file'] = outcome.result.file;
    parts.push(`Snapshot of ${Object.keys(outcome.result.snapshot.components).length} components: \`${outcome.result.file}\`${pr ? ` in [#${pr.number}](${pr.url})` : ''}\n`);
  } else {
    outputs.targets = JSON.stringify(outcome.result.targets);
    parts.push(targetsTable(outcome.result));
  }
  parts.push(healthSection(health));
  return { outputs, summary: parts.filter(Boolean).join('\n') };
}

function targetsTable(list: { targets: ReadonlyArray<{ component: string; version: string; commit: string; kind: string; source: string; date: string | null; current: boolean }> }): string {
  if (list.targets.length === 0) return '_No rollback targets found._\n';
  const rows = list.targets.slice(0, 200).map((t) => `| ${t.current ? '**current**' : ''} | ${t.component} | ${t.version} | \`${t.commit.slice(0, 12)}\` | ${t.kind} | ${t.source.replace(/\|/g, '\\|')} | ${t.date ?? ''} |`);
  const more = list.targets.length > 200 ? `\n_${list.targets.length - 200} more in the \`targets\` output._\n` : '';
  return `| | component | version | commit | kind | source | date |\n|---|---|---|---|---|---|---|\n${rows.join('\n')}\n${more}`;
}

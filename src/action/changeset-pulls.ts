import { OperationError, errorMessage } from '../core/errors.js';
import type { ChangesetRollbackResult } from '../core/changeset/apply.js';
import { deleteRemoteBranch, pushCommit, remoteBranchSha } from '../git/publish-commit.js';
import type { GitHubApi } from '../github/client.js';
import { mergeOrEnqueue } from '../github/merge.js';
import { closePullRequest, enableAutoMerge, openOrUpdatePullRequest, type MergeMethod, type PullRequestInfo } from '../github/pull-requests.js';
import { repoOnServer, type RepoRef } from '../github/repository.js';

export interface ComponentPull {
  readonly component: string;
  readonly repo: RepoRef;
  readonly pr: PullRequestInfo;
  readonly merged: boolean;
}

export interface ChangesetPullOptions {
  readonly serverUrl: string;
  readonly root: string;
  readonly gitEnv: Record<string, string>;
  readonly mode: 'open' | 'merge' | 'auto-merge' | 'none';
  readonly mergeMethod: MergeMethod;
  /** How long a merge waits for the base's required checks. */
  readonly mergeTimeoutMs: number;
  readonly log: (message: string) => void;
}

/**
 * One pull request per component repository for a changeset's revert branches (already pushed),
 * each linking the others. Merges happen only once every pull request exists. If any step fails,
 * the pull requests this run opened are closed and the revert branches deleted, so a failed run
 * leaves nothing behind in any repository.
 */
export async function openChangesetPulls(api: GitHubApi, result: ChangesetRollbackResult, options: ChangesetPullOptions): Promise<ComponentPull[]> {
  const repos = result.repos.filter((r) => r.newTip);
  const targets = repos.map((r) => {
    const ref = repoOnServer(r.repo, options.serverUrl);
    if (!ref) throw new OperationError(`changeset ${result.id}: ${r.component}'s repo ${r.repo} is not on ${options.serverUrl}, so no pull request can be opened for it`);
    return { r, ref };
  });
  if (options.mode === 'none') return pushToBases(result, targets, options);
  const opened: Array<{ component: string; repo: RepoRef; pr: PullRequestInfo }> = [];
  try {
    for (const { r, ref } of targets) {
      const pr = await openOrUpdatePullRequest(api, ref, {
        head: r.revertBranch,
        base: r.branch,
        title: `Revert changeset ${result.id} in ${r.component}`,
        body: body(result, r.component, []),
      });
      opened.push({ component: r.component, repo: ref, pr });
      options.log(`${r.component}: pull request #${pr.number} ${pr.operation}: ${pr.url}`);
    }
    if (opened.length > 1) {
      for (const o of opened) {
        await api.rest.pulls.update({ ...o.repo, pull_number: o.pr.number, body: body(result, o.component, opened) });
      }
    }
    const merged = new Set<string>();
    if (options.mode === 'merge') {
      for (const o of opened) {
        const base = targets.find((t) => t.r.component === o.component)!.r.branch;
        const m = await mergeOrEnqueue(api, o.repo, o.pr.number, base, { method: options.mergeMethod, timeoutMs: options.mergeTimeoutMs, log: options.log });
        if (m.kind === 'queued') {
          options.log(`${o.component}: pull request #${o.pr.number} is in ${base}'s merge queue`);
          continue;
        }
        if (m.kind !== 'merged') throw new OperationError(`${o.component}: pull request #${o.pr.number} was not merged: ${m.kind === 'conflict' ? `it conflicts with ${base}` : m.message}`);
        merged.add(o.component);
      }
    } else if (options.mode === 'auto-merge') {
      for (const o of opened) await enableAutoMerge(api, o.pr.nodeId, options.mergeMethod);
    }
    return opened.map((o) => ({ ...o, merged: merged.has(o.component) }));
  } catch (err) {
    const cleaned = await cleanUp(api, targets, opened, options);
    throw new OperationError(`changeset ${result.id}: ${errorMessage(err)}; ${cleaned}`);
  }
}

/**
 * `pull-request: none`: each base branch is fast-forwarded to its revert branch. A base that moved
 * meanwhile refuses the push; the branches are then deleted and nothing has landed anywhere else
 * either, because every base is checked before the first one is moved.
 */
async function pushToBases(
  result: ChangesetRollbackResult,
  targets: ReadonlyArray<{ r: ChangesetRollbackResult['repos'][number]; ref: RepoRef }>,
  options: ChangesetPullOptions,
): Promise<ComponentPull[]> {
  for (const { r } of targets) {
    const tip = await remoteBranchSha(options.root, r.repo, r.branch, options.gitEnv);
    if (tip !== r.base) {
      const cleaned = await cleanUp(undefined, targets, [], options);
      throw new OperationError(`changeset ${result.id}: ${r.component}'s ${r.branch} moved since the reverts were made; ${cleaned}`);
    }
  }
  for (const { r } of targets) {
    const pushed = await pushCommit(options.root, r.repo, r.newTip!, r.branch, options.gitEnv);
    if (!pushed.ok) throw new OperationError(`changeset ${result.id}: push to ${r.component}'s ${r.branch} failed: ${pushed.message}`);
    options.log(`${r.component}: ${r.branch} now carries the reverts`);
    // The reverts are on the base now; a revert branch left behind is untidy, not wrong.
    await deleteRemoteBranch(options.root, r.repo, r.revertBranch, options.gitEnv, r.newTip!).catch((err: unknown) => options.log(errorMessage(err)));
  }
  return [];
}

async function cleanUp(
  api: GitHubApi | undefined,
  targets: ReadonlyArray<{ r: ChangesetRollbackResult['repos'][number]; ref: RepoRef }>,
  opened: ReadonlyArray<{ component: string; repo: RepoRef; pr: PullRequestInfo }>,
  options: ChangesetPullOptions,
): Promise<string> {
  let closed = 0;
  let deleted = 0;
  for (const o of opened) {
    if (o.pr.operation !== 'created' || !api) continue;
    try {
      await closePullRequest(api, o.repo, o.pr.number);
      closed += 1;
    } catch (err) {
      options.log(`could not close ${o.component} #${o.pr.number}: ${errorMessage(err)}`);
    }
  }
  for (const { r } of targets) {
    if (!r.pushed) continue;
    try {
      await deleteRemoteBranch(options.root, r.repo, r.revertBranch, options.gitEnv, r.newTip!);
      deleted += 1;
    } catch (err) {
      options.log(errorMessage(err));
    }
  }
  return `closed ${closed} pull request${closed === 1 ? '' : 's'} and deleted ${deleted} branch${deleted === 1 ? '' : 'es'} it had made`;
}

function body(result: ChangesetRollbackResult, component: string, all: ReadonlyArray<{ component: string; pr: PullRequestInfo }>): string {
  const mine = result.repos.find((r) => r.component === component)!;
  const lines = [
    `## Revert changeset \`${result.id}\`${result.title ? `: ${result.title}` : ''}`,
    '',
    `Reverts, newest first, the commits of changeset \`${result.id}\` in **${component}** (each revert carries \`Reverts-Changeset: ${result.id}\`):`,
    '',
    ...mine.commits.map((c) => `- \`${c.commit.slice(0, 12)}\` ${c.subject.replace(/[\r\n]+/g, ' ')}`),
    '',
  ];
  if (all.length > 1) {
    lines.push('The same changeset is reverted in every repository it touched:', '');
    for (const o of all) lines.push(`- ${o.component}: ${o.component === component ? 'this pull request' : o.pr.url}`);
    lines.push('');
  }
  lines.push('<sub>Opened by meta-rollback.</sub>', '');
  return lines.join('\n');
}

/** Closes the pull requests and deletes the branches of a changeset whose meta-repo record failed. */
export async function closeChangesetPulls(api: GitHubApi, result: ChangesetRollbackResult, pulls: readonly ComponentPull[], options: ChangesetPullOptions): Promise<string> {
  const targets = result.repos.filter((r) => r.newTip).flatMap((r) => {
    const ref = repoOnServer(r.repo, options.serverUrl);
    return ref ? [{ r, ref }] : [];
  });
  return cleanUp(api, targets, pulls, options);
}

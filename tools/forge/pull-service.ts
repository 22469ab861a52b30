// Pull request behaviour that depends on the git data: live head/base shas,
// mergeability, diff statistics and the merge itself.
import {
  branchSha,
  commitInfo,
  commitsBetween,
  compareAndSwapRef,
  deleteRef,
  diffStats,
  isAncestor,
  mergeBase,
  type Identity,
} from './bare-repo.js';
import type { ForgeCore } from './core.js';
import { HttpError, protectedBranchRefusal } from './errors.js';
import { MERGE_QUEUE_REQUIRED, protectedMergeState, protectionOf, pullMergeBlock } from './protection.js';
import { markVerified } from './signatures.js';
import { createMergeCommit, isMergeable, type MergeMethod } from './merge.js';
import type { Mergeability } from './shapes.js';
import { timestamp, type ForgeUser, type PullRecord, type PullStats, type RepoRecord } from './state.js';

export function userIdentity(user: ForgeUser): Identity {
  return { name: user.login, email: `${user.id}+${user.login}@users.noreply.github.com` };
}

/**
 * Brings a pull request in line with its branches, as GitHub does in the
 * background: it follows pushes, closes when a branch disappears and counts as
 * merged once its head is contained in its base.
 */
export async function refreshPull(core: ForgeCore, repo: RepoRecord, pr: PullRecord): Promise<void> {
  if (pr.state !== 'open') return;
  const head = await branchSha(repo.barePath, pr.headRef);
  const base = await branchSha(repo.barePath, pr.baseRef);
  const now = timestamp();
  if (head && head !== pr.headSha) pr.updatedAt = now;
  // A push to the head takes the pull request out of the merge queue.
  if (pr.queueEntry && head !== pr.queueEntry.headSha) pr.queueEntry = null;
  const previousBase = pr.baseSha;
  pr.headSha = head ?? pr.headSha;
  pr.baseSha = base ?? pr.baseSha;
  // Checked before a missing head branch: landing the commits and then deleting
  // the branch still counts as merged.
  if (base && (await isAncestor(repo.barePath, pr.headSha, base))) {
    Object.assign(pr, {
      state: 'closed',
      closedAt: now,
      updatedAt: now,
      mergedAt: now,
      mergedBy: core.lastPusher.get(repo.id) ?? pr.user,
      mergeCommitSha: pr.headSha,
      statsAtMerge: await computeStats(repo, previousBase, pr.headSha),
      autoMerge: null,
      queueEntry: null,
    });
  } else if (!head || !base) {
    Object.assign(pr, { state: 'closed', closedAt: now, updatedAt: now, autoMerge: null, queueEntry: null });
  }
}

export async function mergeability(core: ForgeCore, repo: RepoRecord, pr: PullRecord): Promise<Mergeability> {
  if (pr.state !== 'open') return { mergeable: null, state: 'unknown' };
  // GitHub computes mergeability in the background; clients must poll past null.
  const key = `${pr.id}:${pr.baseSha}:${pr.headSha}`;
  const reads = core.mergeabilityReads.get(key) ?? 0;
  if (reads < core.options.mergeabilityDelay) {
    core.mergeabilityReads.set(key, reads + 1);
    return { mergeable: null, state: 'unknown' };
  }
  if (await isMergeable(repo.barePath, pr.baseSha, pr.headSha)) {
    return { mergeable: true, state: pr.draft ? 'draft' : ((await protectedMergeState(core, repo, pr)) ?? 'clean') };
  }
  return { mergeable: false, state: 'dirty' };
}

async function computeStats(repo: RepoRecord, base: string, head: string): Promise<PullStats> {
  const from = (await mergeBase(repo.barePath, base, head)) ?? base;
  const files = await diffStats(repo.barePath, from, head);
  return {
    commits: (await commitsBetween(repo.barePath, base, head)).length,
    additions: files.reduce((n, f) => n + f.additions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
    changedFiles: files.length,
  };
}

export async function pullStats(repo: RepoRecord, pr: PullRecord): Promise<PullStats> {
  return pr.statsAtMerge ?? computeStats(repo, pr.baseSha, pr.headSha);
}

export interface MergeInput {
  method: MergeMethod;
  sha?: string;
  commitTitle?: string;
  commitMessage?: string;
  user: ForgeUser;
  /** Set by the merge queue itself, the one caller a queue-protected branch accepts. */
  viaMergeQueue?: boolean;
}

const METHOD_SETTING: Record<MergeMethod, { allowed: (r: RepoRecord) => boolean; refusal: string }> = {
  merge: { allowed: (r) => r.allowMergeCommit, refusal: 'Merge commits are not allowed on this repository.' },
  squash: { allowed: (r) => r.allowSquashMerge, refusal: 'Squash merges are not allowed on this repository.' },
  rebase: { allowed: (r) => r.allowRebaseMerge, refusal: 'Rebase merges are not allowed on this repository.' },
};

async function defaultMessage(repo: RepoRecord, pr: PullRecord, method: MergeMethod): Promise<{ title: string; message: string }> {
  if (method === 'merge') return { title: `Merge pull request #${pr.number} from ${repo.owner}/${pr.headRef}`, message: pr.title };
  const commits = await commitsBetween(repo.barePath, pr.baseSha, pr.headSha);
  const messages = await Promise.all(commits.map(async (sha) => (await commitInfo(repo.barePath, sha)).message));
  const message =
    messages.length === 1 ? messages[0].split('\n').slice(2).join('\n') : messages.map((m) => `* ${m}`).join('\n\n');
  return { title: `${pr.title} (#${pr.number})`, message };
}

/** Performs the merge on the bare repository; returns the new base sha. */
export function mergePull(core: ForgeCore, repo: RepoRecord, pr: PullRecord, input: MergeInput): Promise<string> {
  return core.repoLock(repo, async () => {
    await refreshPull(core, repo, pr);
    if (pr.state !== 'open') throw new HttpError(405, 'Pull Request is not mergeable');
    if (protectionOf(repo, `refs/heads/${pr.baseRef}`)?.mergeQueue && !input.viaMergeQueue) {
      throw protectedBranchRefusal(405, MERGE_QUEUE_REQUIRED);
    }
    if (input.sha !== undefined && input.sha !== pr.headSha) {
      throw new HttpError(409, 'Head branch was modified. Review and try the merge again.');
    }
    const setting = METHOD_SETTING[input.method];
    if (!setting.allowed(repo)) throw new HttpError(405, setting.refusal);
    const block = await pullMergeBlock(core, repo, pr, input.method);
    if (block) throw protectedBranchRefusal(405, block.message);
    const defaults = await defaultMessage(repo, pr, input.method);
    const stats = await pullStats(repo, pr);
    const outcome = await createMergeCommit({
      barePath: repo.barePath,
      baseSha: pr.baseSha,
      headSha: pr.headSha,
      method: input.method,
      title: input.commitTitle ?? defaults.title,
      message: input.commitMessage ?? defaults.message,
      author: userIdentity(input.method === 'squash' ? pr.user : input.user),
    });
    if (!outcome.ok) {
      throw new HttpError(405, outcome.reason === 'conflict' ? 'Pull Request is not mergeable' : "This branch can't be rebased");
    }
    if (!(await compareAndSwapRef(repo.barePath, `refs/heads/${pr.baseRef}`, outcome.sha, pr.baseSha))) {
      throw new HttpError(409, 'Base branch was modified. Review and try the merge again.');
    }
    // GitHub signs the merge and squash commits it writes; it cannot sign rebased ones.
    if (input.method !== 'rebase') markVerified(core, [outcome.sha]);
    const now = timestamp();
    Object.assign(pr, {
      state: 'closed',
      closedAt: now,
      updatedAt: now,
      mergedAt: now,
      mergedBy: input.user,
      mergeCommitSha: outcome.sha,
      mergeMethod: input.method,
      statsAtMerge: stats,
      autoMerge: null,
      queueEntry: null,
    });
    repo.updatedAt = now;
    if (repo.deleteBranchOnMerge) await deleteRef(repo.barePath, `refs/heads/${pr.headRef}`, pr.headSha);
    return outcome.sha;
  });
}

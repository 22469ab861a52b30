// Merge queues: pull requests wait in their base branch's queue and the forge
// merges them in order, when asked (runMergeQueue) or after a delay. GitHub
// tests each entry on a temporary merge group branch; the forge checks the
// entry's own head instead, which decides the same cases a test can build.
import type { ForgeCore } from './core.js';
import { HttpError } from './errors.js';
import { isMergeable } from './merge.js';
import { protectionOf, pullMergeBlock } from './protection.js';
import { mergePull, refreshPull } from './pull-service.js';
import { nodeId, timestamp, type ForgeUser, type PullRecord, type QueueEntryRecord, type RepoRecord } from './state.js';

export class QueueError extends Error {}

export interface QueueOutcome {
  owner: string;
  repo: string;
  number: number;
  sha: string;
}

export function queueEnabled(repo: RepoRecord, baseRef: string): boolean {
  return Boolean(protectionOf(repo, `refs/heads/${baseRef}`)?.mergeQueue);
}

/** Open pull requests queued for `baseRef`, in merge order: jumps first, then by time. */
export function queueOf(core: ForgeCore, repo: RepoRecord, baseRef: string): PullRecord[] {
  const queued = core.state.pullsOf(repo.owner, repo.name).filter((p) => p.queueEntry && p.state === 'open' && p.baseRef === baseRef);
  const rank = (p: PullRecord): number => (p.queueEntry!.jump ? 0 : 1);
  return queued.sort((a, b) => rank(a) - rank(b) || (a.queueEntry!.enqueuedAt < b.queueEntry!.enqueuedAt ? -1 : a.queueEntry!.enqueuedAt > b.queueEntry!.enqueuedAt ? 1 : a.number - b.number));
}

export function queuePosition(core: ForgeCore, repo: RepoRecord, pr: PullRecord): number {
  return queueOf(core, repo, pr.baseRef).indexOf(pr) + 1;
}

export async function enqueue(
  core: ForgeCore,
  repo: RepoRecord,
  pr: PullRecord,
  user: ForgeUser,
  options: { expectedHeadOid?: string; jump?: boolean },
): Promise<QueueEntryRecord> {
  await refreshPull(core, repo, pr);
  if (pr.mergedAt) throw new QueueError('Pull request is already merged');
  if (pr.state !== 'open') throw new QueueError('Pull request is closed');
  if (pr.draft) throw new QueueError('Pull request is still a draft');
  if (!queueEnabled(repo, pr.baseRef)) throw new QueueError(`Merge queue is not enabled for the ${pr.baseRef} branch`);
  if (options.expectedHeadOid !== undefined && options.expectedHeadOid !== pr.headSha) {
    throw new QueueError('Pull request head commit does not match expectedHeadOid');
  }
  if (!(await isMergeable(repo.barePath, pr.baseSha, pr.headSha))) throw new QueueError('Pull request is not mergeable');
  if (!pr.queueEntry) {
    pr.queueEntry = {
      id: nodeId('MQE', `${repo.owner}/${repo.name}#${pr.number}:${pr.headSha}`),
      enqueuedAt: timestamp(),
      enqueuedBy: user,
      headSha: pr.headSha,
      jump: options.jump ?? false,
      state: 'QUEUED',
    };
    pr.updatedAt = timestamp();
  }
  core.onEnqueue?.();
  return pr.queueEntry;
}

async function runQueue(core: ForgeCore, repo: RepoRecord, baseRef: string, merged: QueueOutcome[]): Promise<void> {
  const method = protectionOf(repo, `refs/heads/${baseRef}`)?.mergeQueue?.mergeMethod ?? 'merge';
  for (const pr of queueOf(core, repo, baseRef)) {
    await refreshPull(core, repo, pr);
    const entry = pr.queueEntry;
    if (!entry || pr.state !== 'open') continue;
    if (!(await isMergeable(repo.barePath, pr.baseSha, pr.headSha))) {
      // GitHub removes entries that conflict with the queue ahead of them.
      pr.queueEntry = null;
      continue;
    }
    if (await pullMergeBlock(core, repo, pr, method)) {
      // Later entries build on this one, so the queue waits for its checks.
      entry.state = 'AWAITING_CHECKS';
      return;
    }
    entry.state = 'MERGEABLE';
    try {
      const sha = await mergePull(core, repo, pr, { method, user: entry.enqueuedBy, viaMergeQueue: true });
      merged.push({ owner: repo.owner, repo: repo.name, number: pr.number, sha });
    } catch (err) {
      // The base moved or the pull request changed under the merge; the next run sees the new state.
      if (!(err instanceof HttpError)) throw err;
      return;
    }
  }
}

/** Merges what every queue can merge now, in order; returns the merges made. */
export function runMergeQueues(core: ForgeCore): Promise<QueueOutcome[]> {
  // One run at a time, so a timed run and a test's explicit run never merge the same entry twice.
  return core.locks.run('merge-queues', async () => {
    const merged: QueueOutcome[] = [];
    for (const repo of core.state.repos.values()) {
      for (const [branch, protection] of repo.protections) {
        if (protection.mergeQueue) await runQueue(core, repo, branch, merged);
      }
    }
    return merged;
  });
}

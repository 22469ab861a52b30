// GitHub's branch protection rules, applied to direct ref updates (git pushes
// and the refs API) and to pull requests merged into a protected branch.
import { isAncestor, ZERO_SHA } from './bare-repo.js';
import { anyCheckFailing, requiredChecks, requiredChecksMessage } from './checks.js';
import type { ForgeCore } from './core.js';
import { gitIn } from './git.js';
import type { MergeMethod } from './merge.js';
import { unverifiedBetween } from './signatures.js';
import type { BranchProtection, PullRecord, RepoRecord } from './state.js';

export const SIGNATURES_REQUIRED = 'Commits must have valid signatures.';
export const MERGE_QUEUE_REQUIRED = 'Changes must be made through the merge queue';
export const REBASE_CANNOT_BE_SIGNED = 'Base branch requires signed commits. Rebase merges cannot be automatically signed by GitHub';

export function protectionOf(repo: RepoRecord, ref: string): BranchProtection | undefined {
  if (!ref.startsWith('refs/heads/')) return undefined;
  return repo.protections.get(ref.slice('refs/heads/'.length));
}

export interface RefUpdate {
  ref: string;
  /** ZERO_SHA when the ref is created. */
  oldSha: string;
  /** ZERO_SHA when the ref is deleted. */
  newSha: string;
}

/** What GitHub says against a direct update of a protected branch; empty when it is allowed. */
export async function refUpdateRefusals(core: ForgeCore, repo: RepoRecord, update: RefUpdate): Promise<string[]> {
  const protection = protectionOf(repo, update.ref);
  if (!protection) return [];
  if (update.newSha === ZERO_SHA) return ['Cannot delete this protected branch'];
  const refusals: string[] = [];
  if (update.oldSha !== ZERO_SHA && !(await isAncestor(repo.barePath, update.oldSha, update.newSha))) {
    refusals.push('Cannot force-push to this branch');
  }
  if (protection.mergeQueue) refusals.push(MERGE_QUEUE_REQUIRED);
  if (protection.requiredSignatures) {
    const exclude = update.oldSha === ZERO_SHA ? await otherBranchTips(repo, update.ref) : [update.oldSha];
    if ((await unverifiedBetween(core, repo.barePath, update.newSha, exclude)).length) refusals.push(SIGNATURES_REQUIRED);
  }
  const checks = requiredChecksMessage(requiredChecks(core, repo, update.newSha, protection.requiredStatusChecks));
  if (checks) refusals.push(checks);
  return refusals;
}

async function otherBranchTips(repo: RepoRecord, except: string): Promise<string[]> {
  const out = await gitIn(repo.barePath, ['for-each-ref', '--format=%(objectname) %(refname)', 'refs/heads/']);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' '))
    .filter(([, ref]) => ref !== except)
    .map(([sha]) => sha);
}

/** The lines git shows as `remote: error: ...` for a refused push. */
export function pushRefusalLines(ref: string, refusals: string[]): string[] {
  return [`GH006: Protected branch update failed for ${ref}.`, refusals.join(' ')];
}

export interface PullBlock {
  /** The message of PUT /merge's 405. */
  message: string;
}

/** Why the protection of the PR's base keeps it from being merged with `method`, if it does. */
export async function pullMergeBlock(core: ForgeCore, repo: RepoRecord, pr: PullRecord, method?: MergeMethod): Promise<PullBlock | undefined> {
  const protection = protectionOf(repo, `refs/heads/${pr.baseRef}`);
  if (!protection) return undefined;
  if (protection.requiredSignatures) {
    if (method === 'rebase') return { message: REBASE_CANNOT_BE_SIGNED };
    // A squash lands one new commit that GitHub signs, whatever the head holds.
    if (method !== 'squash' && (await unverifiedBetween(core, repo.barePath, pr.headSha, [pr.baseSha])).length) return { message: SIGNATURES_REQUIRED };
  }
  const checks = requiredChecksMessage(requiredChecks(core, repo, pr.headSha, protection.requiredStatusChecks));
  if (checks) return { message: checks };
  return undefined;
}

/**
 * `mergeable_state` beyond clean/dirty/draft: `blocked` while the base's rules
 * are unmet, `unstable` when only checks that are not required fail.
 */
export async function protectedMergeState(core: ForgeCore, repo: RepoRecord, pr: PullRecord): Promise<'blocked' | 'unstable' | undefined> {
  const protection = protectionOf(repo, `refs/heads/${pr.baseRef}`);
  if (protection) {
    if (protection.requiredSignatures && (await unverifiedBetween(core, repo.barePath, pr.headSha, [pr.baseSha])).length) return 'blocked';
    const report = requiredChecks(core, repo, pr.headSha, protection.requiredStatusChecks);
    if (report.expected.length || report.failing.length) return 'blocked';
  }
  return anyCheckFailing(core, repo, pr.headSha) ? 'unstable' : undefined;
}

import type { GitHubApi } from './client.js';
import { gitHubMessage } from './refusals.js';
import type { MergeMethod } from './pull-requests.js';
import type { RepoRef } from './repository.js';

export interface MergeOptions {
  readonly method: MergeMethod;
  /** How long to wait for required status checks before giving up. */
  readonly timeoutMs: number;
  readonly log: (message: string) => void;
  /** Waits between polls; tests may shorten them. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export type MergeOutcome =
  | { readonly kind: 'merged'; readonly sha?: string }
  | { readonly kind: 'queued' }
  /** The base moved and the pull request now conflicts with it: redo the change on the new base. */
  | { readonly kind: 'conflict' }
  | { readonly kind: 'failed'; readonly message: string };

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Backoff while GitHub computes mergeability (it answers `mergeable: null` meanwhile). */
const MERGEABILITY_DELAYS_MS = [250, 500, 1000, 2000, 3000, 5000, 5000, 5000];
/** Backoff while required checks run: quick at first, for checks that finish fast, then every 30 s. */
const CHECK_DELAYS_MS = [1000, 2000, 4000, 8000, 15000, 30000];

interface CheckStates {
  readonly pending: string[];
  readonly failing: string[];
}

/**
 * The base's required checks on `sha`: commit statuses and check runs, by context name. The
 * branch endpoint shows the required contexts to anyone who can read the repository (the
 * protection endpoint needs admin rights, which GITHUB_TOKEN never has).
 */
async function requiredChecks(api: GitHubApi, repo: RepoRef, base: string, sha: string): Promise<CheckStates> {
  const { data: branch } = await api.rest.repos.getBranch({ ...repo, branch: base });
  const rules = branch.protection?.required_status_checks;
  const required = new Set([...(rules?.contexts ?? []), ...(rules?.checks ?? []).map((c) => c.context)]);
  if (required.size === 0) return { pending: [], failing: [] };
  const [{ data: combined }, { data: runs }] = await Promise.all([
    api.rest.repos.getCombinedStatusForRef({ ...repo, ref: sha, per_page: 100 }),
    api.rest.checks.listForRef({ ...repo, ref: sha, per_page: 100 }),
  ]);
  const state = new Map<string, 'success' | 'pending' | 'failure'>();
  for (const s of combined.statuses) state.set(s.context, s.state === 'success' ? 'success' : s.state === 'pending' ? 'pending' : 'failure');
  for (const run of runs.check_runs) {
    const verdict = run.status !== 'completed' ? 'pending' : ['success', 'neutral', 'skipped'].includes(run.conclusion ?? '') ? 'success' : 'failure';
    state.set(run.name, verdict);
  }
  const pending: string[] = [];
  const failing: string[] = [];
  for (const context of required) {
    const verdict = state.get(context) ?? 'pending';
    if (verdict === 'pending') pending.push(context);
    else if (verdict === 'failure') failing.push(context);
  }
  return { pending, failing };
}

function minutes(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`;
}

/**
 * Lands a pull request as GitHub allows on its base: merges it (head SHA pinned, so a push that
 * arrives meanwhile is never merged unseen) once mergeability is known and the required checks
 * have passed, waiting for them with backoff up to the timeout; or, on a base that requires a merge
 * queue, enqueues it with the head the action pushed expected.
 */
export async function mergeOrEnqueue(api: GitHubApi, repo: RepoRef, number: number, base: string, options: MergeOptions): Promise<MergeOutcome> {
  const sleep = options.sleep ?? sleepFor;
  const deadline = Date.now() + options.timeoutMs;
  let unknown = 0;
  let waits = 0;
  let announced = '';
  let refused = 0;
  for (;;) {
    const { data: pr } = await api.rest.pulls.get({ ...repo, pull_number: number });
    if (pr.merged) return { kind: 'merged', sha: pr.merge_commit_sha ?? undefined };
    if (pr.state === 'closed') return { kind: 'failed', message: `pull request #${number} was closed` };
    if (pr.mergeable === null) {
      if (unknown >= MERGEABILITY_DELAYS_MS.length) return { kind: 'failed', message: `GitHub did not compute whether pull request #${number} is mergeable in time` };
      await sleep(MERGEABILITY_DELAYS_MS[unknown++]!);
      continue;
    }
    if (pr.mergeable === false && pr.mergeable_state === 'dirty') return { kind: 'conflict' };
    if (pr.mergeable_state === 'blocked') {
      const checks = await requiredChecks(api, repo, base, pr.head.sha);
      if (checks.failing.length > 0) return { kind: 'failed', message: `required check${checks.failing.length > 1 ? 's' : ''} failed on pull request #${number}: ${checks.failing.join(', ')}` };
      if (checks.pending.length > 0) {
        const delay = CHECK_DELAYS_MS[Math.min(waits++, CHECK_DELAYS_MS.length - 1)]!;
        if (Date.now() + delay > deadline) {
          return { kind: 'failed', message: `required check${checks.pending.length > 1 ? 's' : ''} still pending after ${minutes(options.timeoutMs)} (merge-timeout) on pull request #${number}: ${checks.pending.join(', ')}` };
        }
        const names = checks.pending.join(', ');
        if (names !== announced) options.log(`pull request #${number}: waiting for required checks: ${names}`);
        announced = names;
        await sleep(delay);
        continue;
      }
      // Blocked for another reason (reviews, signatures, a merge queue): the merge call says which.
    }
    try {
      const { data } = await api.rest.pulls.merge({ ...repo, pull_number: number, merge_method: options.method, sha: pr.head.sha });
      return data.merged ? { kind: 'merged', sha: data.sha } : { kind: 'failed', message: data.message };
    } catch (err) {
      const message = gitHubMessage(err);
      const status = (err as { status?: number }).status;
      if (status === 405 && /merge queue/i.test(message)) {
        await enqueue(api, pr.node_id, pr.head.sha);
        return { kind: 'queued' };
      }
      // The base moved between the look and the merge: look again, and a conflict shows as one.
      if (status === 405 && /not mergeable/i.test(message) && refused++ < 3) continue;
      return { kind: 'failed', message: `pull request #${number} was not merged: ${message}` };
    }
  }
}

/** GraphQL only; `expectedHeadOid` makes GitHub refuse if anyone pushed to the head since. */
async function enqueue(api: GitHubApi, pullRequestId: string, headOid: string): Promise<void> {
  const mutation = `mutation($pullRequestId: ID!, $expectedHeadOid: GitObjectID!) {
    enqueuePullRequest(input: { pullRequestId: $pullRequestId, expectedHeadOid: $expectedHeadOid }) { mergeQueueEntry { id position } }
  }`;
  await api.graphql(mutation, { pullRequestId, expectedHeadOid: headOid });
}

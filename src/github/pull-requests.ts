import type { GitHubApi } from './client.js';
import type { RepoRef } from './repository.js';

export interface PullRequestInfo {
  readonly number: number;
  readonly url: string;
  readonly nodeId: string;
  readonly operation: 'created' | 'updated';
}

export interface PullRequestSpec {
  readonly head: string;
  readonly base: string;
  readonly title: string;
  readonly body: string;
}

/**
 * Opens a pull request, or updates the open one with the same head and base, so running the same
 * rollback twice leaves one pull request. A create that races another run and loses (422 "already
 * exists") falls back to updating the winner's.
 */
export async function openOrUpdatePullRequest(api: GitHubApi, repo: RepoRef, spec: PullRequestSpec): Promise<PullRequestInfo> {
  const existing = await findOpenPullRequest(api, repo, spec.head, spec.base);
  if (existing) return updatePullRequest(api, repo, existing, spec);
  try {
    const { data } = await api.rest.pulls.create({ ...repo, head: spec.head, base: spec.base, title: spec.title, body: spec.body, maintainer_can_modify: true });
    return { number: data.number, url: data.html_url, nodeId: data.node_id, operation: 'created' };
  } catch (err) {
    if ((err as { status?: number }).status !== 422) throw err;
    const raced = await findOpenPullRequest(api, repo, spec.head, spec.base);
    if (!raced) throw err;
    return updatePullRequest(api, repo, raced, spec);
  }
}

async function updatePullRequest(api: GitHubApi, repo: RepoRef, number: number, spec: PullRequestSpec): Promise<PullRequestInfo> {
  const { data } = await api.rest.pulls.update({ ...repo, pull_number: number, title: spec.title, body: spec.body });
  return { number: data.number, url: data.html_url, nodeId: data.node_id, operation: 'updated' };
}

export async function findOpenPullRequest(api: GitHubApi, repo: RepoRef, head: string, base: string): Promise<number | undefined> {
  const { data } = await api.rest.pulls.list({ ...repo, state: 'open', head: `${repo.owner}:${head}`, base, per_page: 10 });
  return data[0]?.number;
}

export type MergeMethod = 'merge' | 'squash' | 'rebase';

/** Auto-merge exists only in GraphQL (Octokit maps an Enterprise Server /api/v3 base to /api/graphql). */
export async function enableAutoMerge(api: GitHubApi, nodeId: string, method: MergeMethod): Promise<void> {
  // Octokit reserves `method` and `url` as option names, so the variables are named otherwise.
  const mutation = `mutation($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
    enablePullRequestAutoMerge(input: { pullRequestId: $pullRequestId, mergeMethod: $mergeMethod }) { pullRequest { number } }
  }`;
  await api.graphql(mutation, { pullRequestId: nodeId, mergeMethod: method.toUpperCase() });
}

export async function commentOnPullRequest(api: GitHubApi, repo: RepoRef, number: number, body: string): Promise<void> {
  await api.rest.issues.createComment({ ...repo, issue_number: number, body });
}

export async function closePullRequest(api: GitHubApi, repo: RepoRef, number: number): Promise<void> {
  await api.rest.pulls.update({ ...repo, pull_number: number, state: 'closed' });
}

export async function defaultBranch(api: GitHubApi, repo: RepoRef): Promise<string> {
  const { data } = await api.rest.repos.get({ ...repo });
  return data.default_branch;
}

// In-memory records for everything GitHub keeps outside git: repositories'
// settings, pull requests, comments and auto-merge requests.
import type { MergeMethod } from './merge.js';

export interface ForgeUser {
  login: string;
  id: number;
  nodeId: string;
  type: 'User' | 'Bot' | 'Organization';
}

export interface RepoSettings {
  defaultBranch: string;
  private: boolean;
  allowMergeCommit: boolean;
  allowSquashMerge: boolean;
  allowRebaseMerge: boolean;
  allowAutoMerge: boolean;
  deleteBranchOnMerge: boolean;
  /**
   * GitHub refuses to enable auto-merge on a pull request that could be merged
   * right away ("Pull request is in clean status"), i.e. when no required check is
   * pending. Set to model a repository whose pull requests are always clean.
   */
  autoMergeRejectsCleanStatus: boolean;
  /**
   * Settings → Actions → General → "Allow GitHub Actions to create and approve pull requests".
   * When off, GitHub answers the Actions token (github-actions[bot]) 403 on creating a pull request.
   */
  actionsCanCreatePullRequests: boolean;
}

/** The login GitHub gives the GITHUB_TOKEN of a workflow run. */
export const ACTIONS_BOT = 'github-actions[bot]';

export interface RepoRecord extends RepoSettings {
  id: number;
  nodeId: string;
  owner: string;
  name: string;
  barePath: string;
  createdAt: string;
  updatedAt: string;
  nextIssueNumber: number;
  /** Protected branches by name. */
  protections: Map<string, BranchProtection>;
}

export interface AutoMergeRecord {
  enabledAt: string;
  enabledBy: ForgeUser;
  mergeMethod: MergeMethod;
  commitTitle?: string;
  commitMessage?: string;
}

export interface PullStats {
  commits: number;
  additions: number;
  deletions: number;
  changedFiles: number;
}

export interface PullRecord {
  id: number;
  nodeId: string;
  owner: string;
  repo: string;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  locked: boolean;
  maintainerCanModify: boolean;
  headRef: string;
  baseRef: string;
  /** Last sha seen on the head/base branch; kept after the branch is gone. */
  headSha: string;
  baseSha: string;
  user: ForgeUser;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  mergedBy: ForgeUser | null;
  mergeCommitSha: string | null;
  mergeMethod: MergeMethod | null;
  /** Frozen at merge time, when base..head stops meaning anything. */
  statsAtMerge: PullStats | null;
  autoMerge: AutoMergeRecord | null;
  /** Set while the pull request waits in its base branch's merge queue. */
  queueEntry: QueueEntryRecord | null;
}

export interface QueueEntryRecord {
  id: string;
  enqueuedAt: string;
  enqueuedBy: ForgeUser;
  /** The head the entry was made for; a later push to the head removes the entry, as on GitHub. */
  headSha: string;
  jump: boolean;
  state: 'QUEUED' | 'AWAITING_CHECKS' | 'MERGEABLE' | 'UNMERGEABLE' | 'LOCKED';
}

/** The rules of one protected branch, as far as the forge models them. */
export interface BranchProtection {
  requiredSignatures: boolean;
  /** Contexts (commit status contexts or check run names) that must pass. */
  requiredStatusChecks: string[];
  mergeQueue: { mergeMethod: MergeMethod } | null;
}

export interface StatusRecord {
  id: number;
  owner: string;
  repo: string;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  context: string;
  description: string | null;
  targetUrl: string | null;
  creator: ForgeUser;
  createdAt: string;
  updatedAt: string;
}

export interface CheckRunRecord {
  id: number;
  owner: string;
  repo: string;
  headSha: string;
  name: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  title: string | null;
  summary: string | null;
  text: string | null;
}

export interface CommentRecord {
  id: number;
  nodeId: string;
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  user: ForgeUser;
  createdAt: string;
  updatedAt: string;
}

/** GitHub timestamps have second precision and a literal Z. */
export function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function nodeId(prefix: string, key: string): string {
  return `${prefix}_kwDO${Buffer.from(key).toString('base64url')}`;
}

export class ForgeState {
  readonly repos = new Map<string, RepoRecord>();
  readonly pulls: PullRecord[] = [];
  readonly comments: CommentRecord[] = [];
  readonly statuses: StatusRecord[] = [];
  readonly checkRuns: CheckRunRecord[] = [];
  /**
   * Commits GitHub would mark verified: those written by its Git Data API and by
   * its own merges. The forge holds no signing key, so it remembers them instead.
   */
  readonly verifiedCommits = new Map<string, string>();
  private nextId = 1000;

  newId(): number {
    return this.nextId++;
  }

  repo(owner: string, name: string): RepoRecord | undefined {
    return this.repos.get(repoKey(owner, name));
  }

  pull(owner: string, repo: string, number: number): PullRecord | undefined {
    return this.pulls.find((p) => sameRepo(p, owner, repo) && p.number === number);
  }

  pullByNodeId(id: string): PullRecord | undefined {
    return this.pulls.find((p) => p.nodeId === id);
  }

  pullsOf(owner: string, repo: string): PullRecord[] {
    return this.pulls.filter((p) => sameRepo(p, owner, repo));
  }

  commentsOn(owner: string, repo: string, issueNumber: number): CommentRecord[] {
    return this.comments.filter((c) => sameRepo(c, owner, repo) && c.issueNumber === issueNumber);
  }

  statusesFor(owner: string, repo: string, sha: string): StatusRecord[] {
    return this.statuses.filter((s) => sameRepo(s, owner, repo) && s.sha === sha);
  }

  checkRunsFor(owner: string, repo: string, sha: string): CheckRunRecord[] {
    return this.checkRuns.filter((c) => sameRepo(c, owner, repo) && c.headSha === sha);
  }

  comment(owner: string, repo: string, id: number): CommentRecord | undefined {
    return this.comments.find((c) => sameRepo(c, owner, repo) && c.id === id);
  }
}

// GitHub owner and repository names are case-insensitive.
export function repoKey(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}

function sameRepo(record: { owner: string; repo: string }, owner: string, repo: string): boolean {
  return repoKey(record.owner, record.repo) === repoKey(owner, repo);
}

/** Serialises async work per key, e.g. merges into the same repository. */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(fn);
    this.tails.set(
      key,
      next.catch(() => undefined),
    );
    return next;
  }
}

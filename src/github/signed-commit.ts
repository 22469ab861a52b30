import { createHash } from 'node:crypto';
import type { GitHubApi } from './client.js';
import type { RepoRef } from './repository.js';

/** A file as it should be after the commit, or a file the commit removes. */
export type FileChange =
  | { readonly path: string; readonly content: Buffer; readonly mode?: '100644' | '100755' | '120000' }
  | { readonly path: string; readonly deleted: true };

export interface SignedCommitSpec {
  /** The commit the change is made on; it becomes the only parent. */
  readonly base: string;
  readonly changes: readonly FileChange[];
  readonly message: string;
  /**
   * The tree a local `git commit` of the same change has. When given, a tree GitHub builds
   * differently (a path normalised, a mode dropped) fails the call before any commit exists.
   */
  readonly expectedTree?: string;
}

export interface SignedCommit {
  readonly sha: string;
  readonly tree: string;
}

// GitHub refuses files over 100 MB; failing here names the file instead of a bare 422.
const MAX_FILE_BYTES = 100 * 1024 * 1024;
// Text up to this size rides inside the create-tree request: one request for many small files.
const MAX_INLINE_BYTES = 256 * 1024;

/** The object name git gives `content` as a blob, to check that what GitHub stored is byte-identical. */
export function gitBlobSha(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

function inlineable(content: Buffer): boolean {
  if (content.length > MAX_INLINE_BYTES || content.includes(0)) return false;
  // `content` is sent as a JSON string and written as UTF-8, so only bytes that survive the round trip qualify.
  return Buffer.from(content.toString('utf8'), 'utf8').equals(content);
}

type TreeEntry = { path: string; mode: '100644' | '100755' | '120000'; type: 'blob'; sha?: string | null; content?: string };

async function treeEntry(api: GitHubApi, repo: RepoRef, change: FileChange): Promise<TreeEntry> {
  if ('deleted' in change) return { path: change.path, mode: '100644', type: 'blob', sha: null };
  const mode = change.mode ?? '100644';
  if (change.content.length > MAX_FILE_BYTES) {
    throw new Error(`${change.path}: ${change.content.length} bytes is more than GitHub's 100 MB file size limit`);
  }
  if (inlineable(change.content)) return { path: change.path, mode, type: 'blob', content: change.content.toString('utf8') };
  const { data } = await api.rest.git.createBlob({ ...repo, content: change.content.toString('base64'), encoding: 'base64' });
  const expected = gitBlobSha(change.content);
  if (data.sha !== expected) throw new Error(`${change.path}: GitHub stored blob ${data.sha}, expected ${expected}`);
  return { path: change.path, mode, type: 'blob', sha: data.sha };
}

/**
 * Makes one commit through the Git Data API (blobs, a tree on the base commit's tree, the
 * commit), which GitHub signs and reports as verified. No ref moves: see moveRefWithLease.
 */
export async function createSignedCommit(api: GitHubApi, repo: RepoRef, spec: SignedCommitSpec): Promise<SignedCommit> {
  const { data: base } = await api.rest.git.getCommit({ ...repo, commit_sha: spec.base });
  // Blobs are written one at a time: GitHub asks integrations not to send writes concurrently.
  const entries: TreeEntry[] = [];
  for (const change of spec.changes) entries.push(await treeEntry(api, repo, change));
  const { data: tree } = await api.rest.git.createTree({ ...repo, base_tree: base.tree.sha, tree: entries });
  if (spec.expectedTree !== undefined && tree.sha !== spec.expectedTree) {
    throw new Error(`GitHub built tree ${tree.sha} for the change, but the local commit has tree ${spec.expectedTree}`);
  }
  const { data: commit } = await api.rest.git.createCommit({ ...repo, message: spec.message, tree: tree.sha, parents: [spec.base] });
  return { sha: commit.sha, tree: tree.sha };
}

/** The branch was not where the caller expected: someone else moved, created or deleted it. */
export class RefLeaseError extends Error {
  constructor(
    readonly branch: string,
    readonly expected: string | null,
    readonly actual: string | null,
  ) {
    super(`branch ${branch} is at ${actual ?? '(absent)'}, not ${expected ?? '(absent)'} as expected; someone else changed it`);
  }
}

export interface RefMove {
  readonly branch: string;
  readonly sha: string;
  /** Where the branch must be now; null: it must not exist yet. */
  readonly expected: string | null;
  /**
   * Allows `sha` not to contain `expected` (the branch is rebuilt on another base). GitHub has no
   * compare-and-swap for forced updates, so the lease is then checked by reading the ref just
   * before the forced PATCH, which leaves a window of one request for a concurrent push.
   */
  readonly allowNonFastForward?: boolean;
}

function status(err: unknown): number | undefined {
  return (err as { status?: number }).status;
}

async function currentSha(api: GitHubApi, repo: RepoRef, branch: string): Promise<string | null> {
  try {
    const { data } = await api.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
    return data.object.sha;
  } catch (err) {
    if (status(err) === 404) return null;
    throw err;
  }
}

/**
 * Moves a branch to `sha` only if it is where the caller expects, so a commit someone else
 * pushed is never overwritten. Creation uses POST, which fails when the ref exists. An update
 * reads the ref first, then PATCHes without force: GitHub applies that only as a fast-forward,
 * so a push landing between the read and the write (which `sha` cannot contain) makes the
 * PATCH fail instead of discarding it. Protected-branch refusals (GitHub's 422) are rethrown.
 */
export async function moveRefWithLease(api: GitHubApi, repo: RepoRef, move: RefMove): Promise<'created' | 'updated'> {
  const ref = `heads/${move.branch}`;
  if (move.expected === null) {
    try {
      await api.rest.git.createRef({ ...repo, ref: `refs/${ref}`, sha: move.sha });
      return 'created';
    } catch (err) {
      const actual = status(err) === 422 ? await currentSha(api, repo, move.branch) : null;
      if (actual !== null) throw new RefLeaseError(move.branch, null, actual);
      throw err;
    }
  }
  const before = await currentSha(api, repo, move.branch);
  if (before !== move.expected) throw new RefLeaseError(move.branch, move.expected, before);
  try {
    await api.rest.git.updateRef({ ...repo, ref, sha: move.sha, force: move.allowNonFastForward === true });
    return 'updated';
  } catch (err) {
    if (status(err) !== 422) throw err;
    const actual = await currentSha(api, repo, move.branch);
    if (actual !== move.expected) throw new RefLeaseError(move.branch, move.expected, actual);
    throw err;
  }
}

import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { git } from './run-git.js';
import { gitRetrying, pushRetrying, runGitRetrying, triedNote } from './transient-retry.js';

export interface Identity {
  readonly name: string;
  readonly email: string;
}

/**
 * Commits the given paths, as they are in the working tree, on top of `parent`, without touching
 * the user's index, HEAD or branches: a private index file is filled from `parent` and the paths.
 */
export async function commitPaths(root: string, parent: string, paths: readonly string[], message: string, identity: Identity): Promise<string> {
  const index = join(await absoluteGitDir(root), `meta-rollback-index-${randomBytes(6).toString('hex')}`);
  const env = {
    GIT_INDEX_FILE: index,
    GIT_AUTHOR_NAME: identity.name,
    GIT_AUTHOR_EMAIL: identity.email,
    GIT_COMMITTER_NAME: identity.name,
    GIT_COMMITTER_EMAIL: identity.email,
  };
  try {
    await git(['read-tree', parent], { cwd: root, env });
    // -f: the audit trail is committed even where a .gitignore would hide it.
    await git(['add', '-f', '-A', '--', ...paths], { cwd: root, env });
    const tree = (await git(['write-tree'], { cwd: root, env })).trim();
    return (await git(['commit-tree', tree, '-p', parent, '-F', '-'], { cwd: root, env, input: message })).trim();
  } finally {
    await rm(index, { force: true });
  }
}

export async function treeOf(root: string, commit: string): Promise<string> {
  return (await git(['rev-parse', `${commit}^{tree}`], { cwd: root })).trim();
}

/** The SHA a remote branch points at, or undefined when it does not exist. */
export async function remoteBranchSha(root: string, url: string, branch: string, env: Record<string, string>): Promise<string | undefined> {
  const result = await runGitRetrying(['ls-remote', '--heads', url, `refs/heads/${branch}`], { cwd: root, env });
  if (result.code !== 0) throw new Error(`cannot reach ${url}: ${firstLine(result.stderr)}${triedNote(result)}`);
  const line = result.stdout.toString().split('\n').find((l) => l.endsWith(`\trefs/heads/${branch}`));
  return line?.split('\t')[0];
}

export async function fetchCommit(root: string, url: string, ref: string, env: Record<string, string>): Promise<void> {
  await gitRetrying(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', url, ref], { cwd: root, env });
}

export type PushOutcome = { ok: true } | { ok: false; rejected: boolean; message: string };

/**
 * Pushes a commit to a branch. With `expect` the push is a lease (the branch must still be where we
 * saw it; '' = must not exist), so a concurrent writer is never overwritten; without it, only a
 * fast-forward is accepted. A push that fails in transit is tried again (see transient-retry.ts).
 */
export async function pushCommit(
  root: string,
  url: string,
  commit: string,
  branch: string,
  env: Record<string, string>,
  expect?: string,
): Promise<PushOutcome> {
  const result = await pushRetrying(['push', '--quiet', '--porcelain', ...leaseArgs(branch, expect), url, `${commit}:refs/heads/${branch}`], { cwd: root, env }, async () =>
    (await remoteBranchSha(root, url, branch, env)) === commit,
  );
  if (result.code === 0) return { ok: true };
  const text = `${result.stdout.toString()}\n${result.stderr}`;
  const rejected = /\[rejected\]|\[remote rejected\]|non-fast-forward|fetch first|stale info|rejected/.test(text);
  return { ok: false, rejected, message: `${remoteErrors(result.stderr) || firstLine(result.stderr) || firstLine(result.stdout.toString())}${triedNote(result)}` };
}

/**
 * Deletes a remote branch. With `expect`, only while it still points there (a lease), so a branch
 * someone else has pushed to since is left alone; throws when the branch could not be deleted.
 */
export async function deleteRemoteBranch(root: string, url: string, branch: string, env: Record<string, string>, expect?: string): Promise<void> {
  const result = await pushRetrying(['push', '--quiet', '--porcelain', ...leaseArgs(branch, expect), url, `:refs/heads/${branch}`], { cwd: root, env }, async () =>
    (await remoteBranchSha(root, url, branch, env)) === undefined,
  );
  if (result.code !== 0) throw new Error(`cannot delete ${branch} from ${url}: ${firstLine(result.stderr) || firstLine(result.stdout.toString())}${triedNote(result)}`);
}

/** A lease: the branch must still be at `expect` ('' = must not exist); none without it. */
function leaseArgs(branch: string, expect: string | undefined): string[] {
  return expect === undefined ? [] : [`--force-with-lease=refs/heads/${branch}:${expect}`];
}

/** What the server's hook said (`remote: error: GH006: ...` and the rule that refused), in one line. */
function remoteErrors(text: string): string {
  return text
    .split('\n')
    .filter((l) => l.startsWith('remote: error: '))
    .map((l) => l.slice('remote: error: '.length).trim())
    .join(' ');
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim().length > 0 && !l.startsWith('To ')) ?? '').trim();
}

/** Puts the meta-repo's tracked files back to a commit, detached; used to redo a change on a moved base. */
export async function resetToCommit(root: string, commit: string): Promise<void> {
  await git(['checkout', '--quiet', '--force', '--detach', commit, '--'], { cwd: root });
}

export async function absoluteGitDir(root: string): Promise<string> {
  return (await git(['rev-parse', '--absolute-git-dir'], { cwd: root })).trim();
}

/** Makes a local branch match the remote's, e.g. the store branch the action reads entries from. */
export async function fetchBranch(root: string, url: string, branch: string, env: Record<string, string>): Promise<boolean> {
  const result = await runGitRetrying(['fetch', '--quiet', '--no-tags', url, `+refs/heads/${branch}:refs/heads/${branch}`], { cwd: root, env });
  return result.code === 0;
}

/** Which of `paths` (relative to the root) a commit holds. */
export async function pathsTrackedAt(root: string, commit: string, paths: readonly string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const out = await git(['--literal-pathspecs', 'ls-tree', '-r', '-z', '--name-only', '--full-tree', commit, '--', ...paths], { cwd: root });
  const wanted = new Set(paths);
  return new Set(out.split('\0').filter((p) => wanted.has(p)));
}

/** Puts files back as a commit has them, in the working tree and the index. */
export async function restorePathsFrom(root: string, commit: string, paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  await git(['--literal-pathspecs', 'checkout', '--quiet', commit, '--', ...paths], { cwd: root });
}

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, runGit } from './run-git.js';

/**
 * Reverts made away from the user's checkout: a scratch worktree (detached, in the system temp
 * directory) holds the work, so the checkout's HEAD, index and files never move. Only when every
 * repository's reverts succeeded does the caller point a branch at the result.
 */

export interface ScratchWorktree {
  /** The repository (checkout) the worktree belongs to. */
  readonly repoDir: string;
  readonly path: string;
  readonly tempRoot: string;
  /** An empty hooks directory: the user's hooks do not run on scratch work. */
  readonly noHooks: string;
}

function inWorktree(worktree: ScratchWorktree, args: readonly string[]): string[] {
  return ['-c', `core.hooksPath=${worktree.noHooks}`, ...args];
}

export async function addScratchWorktree(repoDir: string, base: string): Promise<ScratchWorktree> {
  const tempRoot = await mkdtemp(join(tmpdir(), 'meta-rollback-revert-'));
  const path = join(tempRoot, 'worktree');
  const noHooks = join(tempRoot, 'no-hooks');
  await mkdir(noHooks);
  const result = await runGit(['-c', `core.hooksPath=${noHooks}`, 'worktree', 'add', '--quiet', '--detach', path, base], { cwd: repoDir });
  if (result.code !== 0) {
    await rm(tempRoot, { recursive: true, force: true });
    await runGit(['worktree', 'prune'], { cwd: repoDir });
    throw new Error(`cannot make a scratch worktree: ${result.stderr.split('\n').find(Boolean) ?? ''}`);
  }
  return { repoDir, path, tempRoot, noHooks };
}

/** Removes a scratch worktree and every trace of it in the repository's administrative files. */
export async function removeScratchWorktree(worktree: ScratchWorktree): Promise<void> {
  await runGit(['worktree', 'remove', '--force', '--force', worktree.path], { cwd: worktree.repoDir });
  await rm(worktree.tempRoot, { recursive: true, force: true });
  await runGit(['worktree', 'prune'], { cwd: worktree.repoDir });
}

export type RevertOutcome =
  | { readonly kind: 'committed'; readonly commit: string }
  /** The commit's changes are already undone at this point: nothing to commit. */
  | { readonly kind: 'empty' }
  | { readonly kind: 'conflict'; readonly paths: readonly string[] }
  | { readonly kind: 'failed'; readonly error: string };

export interface RevertRequest {
  readonly commit: string;
  /** For a merge commit: the parent whose side is kept (1 = the branch it was merged into). */
  readonly mainline?: number;
  readonly message: string;
  /** Identity (or other) environment for the commit. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Reverts one commit on top of the worktree's HEAD and commits it with `message`. A conflict is
 * reported with the conflicting paths and left for the caller to throw the worktree away.
 */
export async function revertInWorktree(worktree: ScratchWorktree, request: RevertRequest): Promise<RevertOutcome> {
  const cwd = worktree.path;
  const mainline = request.mainline ? ['--mainline', String(request.mainline)] : [];
  const result = await runGit(inWorktree(worktree, ['revert', '--no-commit', ...mainline, request.commit]), { cwd, env: request.env });
  if (result.code !== 0) {
    const listed = await git(['diff', '--name-only', '--diff-filter=U', '-z'], { cwd }).catch(() => '');
    const unmerged = [...new Set(listed.split('\0').filter(Boolean))];
    if (unmerged.length > 0) return { kind: 'conflict', paths: unmerged };
    return { kind: 'failed', error: result.stderr.split('\n').find((l) => l.trim()) ?? `git revert exited ${result.code}` };
  }
  const staged = await runGit(['diff', '--cached', '--quiet', 'HEAD', '--'], { cwd });
  if (staged.code === 0) {
    await runGit(inWorktree(worktree, ['revert', '--quit']), { cwd });
    return { kind: 'empty' };
  }
  const commit = await runGit(inWorktree(worktree, ['commit', '--quiet', '--no-verify', '--cleanup=verbatim', '--file=-']), {
    cwd,
    env: request.env,
    input: request.message,
  });
  if (commit.code !== 0) return { kind: 'failed', error: commit.stderr.split('\n').find((l) => l.trim()) ?? `git commit exited ${commit.code}` };
  return { kind: 'committed', commit: (await git(['rev-parse', 'HEAD'], { cwd })).trim() };
}

export async function worktreeHead(worktree: ScratchWorktree): Promise<string> {
  return (await git(['rev-parse', 'HEAD'], { cwd: worktree.path })).trim();
}

/** Whether git can make a commit here without being told who is committing. */
export async function hasCommitIdentity(dir: string): Promise<boolean> {
  const committer = await runGit(['var', 'GIT_COMMITTER_IDENT'], { cwd: dir });
  const author = await runGit(['var', 'GIT_AUTHOR_IDENT'], { cwd: dir });
  return committer.code === 0 && author.code === 0;
}

/**
 * Points `refs/heads/<branch>` at `next`, but only if it is still where it was seen (`previous`,
 * or absent): a concurrent change to the branch makes this fail rather than be overwritten.
 */
export async function setBranch(repoDir: string, branch: string, next: string, previous: string | undefined): Promise<void> {
  const zero = '0'.repeat(next.length);
  await git(['update-ref', '-m', 'meta changeset rollback', `refs/heads/${branch}`, next, previous ?? zero], { cwd: repoDir });
}

/** Undoes setBranch: back to `previous`, or deleted when there was none; only if still at `current`. */
export async function resetBranch(repoDir: string, branch: string, current: string, previous: string | undefined): Promise<void> {
  if (previous) await git(['update-ref', '-m', 'meta changeset rollback undone', `refs/heads/${branch}`, previous, current], { cwd: repoDir });
  else await git(['update-ref', '-d', `refs/heads/${branch}`, current], { cwd: repoDir });
}

/** Branch names checked out in any worktree of the repository (its own HEAD included). */
export async function checkedOutBranches(repoDir: string): Promise<Set<string>> {
  const out = new Set<string>();
  const result = await runGit(['worktree', 'list', '--porcelain'], { cwd: repoDir });
  if (result.code !== 0) return out;
  for (const line of result.stdout.toString().split('\n')) {
    if (line.startsWith('branch refs/heads/')) out.add(line.slice('branch refs/heads/'.length));
  }
  return out;
}

import { rm } from 'node:fs/promises';
import { runGit } from './run-git.js';
import { pushRetrying, retriedError, runGitRetrying, triedNote } from './transient-retry.js';

/**
 * Talking to a component's remote for a changeset rollback. `remote` is a remote name configured
 * in `cwd` (`origin`) or a URL/path already validated by the manifest; either way it is one argv
 * element placed after `--end-of-options` where git accepts it, never parsed as an option.
 */

export type Env = Readonly<Record<string, string>> | undefined;

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim().length > 0) ?? '').trim();
}

/** The configured URL of a checkout's `origin`, if it has one. */
export async function originUrl(dir: string): Promise<string | undefined> {
  const result = await runGit(['remote', 'get-url', 'origin'], { cwd: dir });
  return result.code === 0 ? result.stdout.toString().trim() || undefined : undefined;
}

export type RemoteAnswer<T> = { ok: true; value: T } | { ok: false; error: string };

/** The branch a remote's HEAD points at (its default branch); value undefined when it has none. */
export async function remoteDefaultBranch(cwd: string, remote: string, env: Env): Promise<RemoteAnswer<string | undefined>> {
  const result = await runGitRetrying(['ls-remote', '--symref', '--end-of-options', remote, 'HEAD'], { cwd, env });
  if (result.code !== 0) return { ok: false, error: (firstLine(result.stderr) || `git ls-remote exited ${result.code}`) + triedNote(result) };
  for (const line of result.stdout.toString().split('\n')) {
    const match = /^ref: refs\/heads\/(\S+)\tHEAD$/.exec(line);
    if (match) return { ok: true, value: match[1] };
  }
  return { ok: true, value: undefined };
}

/** The commit a remote branch points at; value undefined when the remote has no such branch. */
export async function remoteBranchTip(cwd: string, remote: string, branch: string, env: Env): Promise<RemoteAnswer<string | undefined>> {
  const ref = `refs/heads/${branch}`;
  const result = await runGitRetrying(['ls-remote', '--end-of-options', remote, ref], { cwd, env });
  if (result.code !== 0) return { ok: false, error: (firstLine(result.stderr) || `git ls-remote exited ${result.code}`) + triedNote(result) };
  for (const line of result.stdout.toString().split('\n')) {
    const [sha, name] = line.split('\t');
    if (name === ref && sha) return { ok: true, value: sha };
  }
  return { ok: true, value: undefined };
}

/** `refs/remotes/origin/HEAD` of a checkout, as a branch name (what `git clone` recorded). */
export async function localOriginHead(dir: string): Promise<string | undefined> {
  const result = await runGit(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'], { cwd: dir });
  const ref = result.code === 0 ? result.stdout.toString().trim() : '';
  return ref.startsWith('refs/remotes/origin/') ? ref.slice('refs/remotes/origin/'.length) : undefined;
}

/** The commit a local ref points at, if it exists. */
export async function refTip(dir: string, ref: string): Promise<string | undefined> {
  const result = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { cwd: dir });
  return result.code === 0 ? result.stdout.toString().trim() : undefined;
}

/** Clones a component into `dest` (which must not exist yet). */
export async function cloneInto(url: string, dest: string, cwd: string, env: Env): Promise<void> {
  // `dest` is this run's own new directory, so whatever a failed attempt left there can go.
  const result = await runGitRetrying(['clone', '--quiet', '--end-of-options', url, dest], { cwd, env }, { beforeRetry: () => rm(dest, { recursive: true, force: true }) });
  if (result.code !== 0) throw new Error(`cannot clone ${url}: ${firstLine(result.stderr)}${triedNote(result)}`);
}

/**
 * Pushes a branch that the remote must not have yet: the lease with an empty expected value makes
 * the push fail rather than overwrite a branch someone else made.
 */
export async function pushNewBranch(dir: string, remote: string, branch: string, env: Env): Promise<void> {
  const ref = `refs/heads/${branch}`;
  const args = ['push', '--quiet', '--porcelain', `--force-with-lease=${ref}:`, '--end-of-options', remote, `${ref}:${ref}`];
  // After an attempt lost in transit, the lease fails on our own push: the branch is already ours.
  const result = await pushRetrying(args, { cwd: dir, env }, async () => {
    const tip = await refTip(dir, ref);
    return tip !== undefined && (await landedAt(dir, remote, branch, tip, env));
  });
  if (result.code !== 0) throw retriedError(args, result);
}

/** Deletes a branch this run pushed, only while it is still where this run put it. */
export async function deleteRemoteBranch(dir: string, remote: string, branch: string, expected: string, env: Env): Promise<void> {
  const ref = `refs/heads/${branch}`;
  const args = ['push', '--quiet', '--porcelain', `--force-with-lease=${ref}:${expected}`, '--end-of-options', remote, `:${ref}`];
  const result = await pushRetrying(args, { cwd: dir, env }, () => landedAt(dir, remote, branch, undefined, env));
  if (result.code !== 0) throw retriedError(args, result);
}

/** Whether the remote branch is where a push that may have gone through would have put it. */
async function landedAt(dir: string, remote: string, branch: string, want: string | undefined, env: Env): Promise<boolean> {
  const there = await remoteBranchTip(dir, remote, branch, env);
  return there.ok && there.value === want;
}

import { existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { git, gitLines, runGit } from './run-git.js';

export interface InterruptedCheckout {
  readonly dir: string;
  /** Where the checkout was before the interrupted run, and where that run was moving it. */
  readonly head: string;
  readonly branch?: string;
  readonly to: string;
}

export type PutBack = 'untouched' | 'restored' | 'elsewhere' | 'foreign';

/** An `index.lock` older than this, with no git still finishing, was left by a killed git. */
const INDEX_LOCK_WAIT_MS = 5_000;

/**
 * Puts back a checkout that a killed rollback was moving from `head` to `to`. A `git checkout`
 * killed half-way leaves HEAD at either commit and some files of the other: those are the run's
 * own work, recognised because every changed or new path is one that differs between the two
 * commits, and they are overwritten. Anything else is someone's work and is left alone ('foreign'),
 * as is a checkout that is at neither commit ('elsewhere': moved by someone since).
 */
export async function putBackCheckout(c: InterruptedCheckout): Promise<PutBack> {
  if (!existsSync(c.dir)) return 'untouched';
  await clearStaleIndexLock(c.dir);
  const head = (await git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: c.dir })).trim();
  if (head !== c.head && head !== c.to) return 'elsewhere';
  const status = statusRecords(await git(['status', '--porcelain', '-z', '--untracked-files=all', '--no-renames'], { cwd: c.dir }));
  const branch = (await runGit(['symbolic-ref', '--quiet', '--short', 'HEAD'], { cwd: c.dir })).stdout.toString().trim() || undefined;
  const ours = new Set(c.head === c.to ? [] : await gitLines(['diff', '--name-only', '--no-renames', '-z', c.head, c.to], { cwd: c.dir }).then(splitZ));
  // Untracked files outside the diff are someone's (build output, notes): a checkout keeps them, so may this.
  const dirty = status.filter((r) => ours.has(r.path) || !r.untracked).map((r) => r.path);
  if (dirty.length === 0 && head === c.head && branch === c.branch) return 'untouched';
  if (dirty.some((path) => !ours.has(path))) return 'foreign';
  await git(['checkout', '--force', '--quiet', ...(c.branch ? [c.branch] : ['--detach', c.head]), '--'], { cwd: c.dir });
  // Files the half-done checkout created that the old commit does not have stay behind as untracked.
  const left = dirty.filter((path) => ours.has(path));
  if (left.length > 0) await git(['clean', '--force', '--quiet', '--', ...left], { cwd: c.dir, env: { GIT_LITERAL_PATHSPECS: '1' } });
  return 'restored';
}

function splitZ(lines: string[]): string[] {
  return lines.flatMap((l) => l.split('\0')).filter(Boolean);
}

/** `git status --porcelain -z`: "XY path" records; renames are off, so one path each. */
function statusRecords(out: string): Array<{ path: string; untracked: boolean }> {
  return out
    .split('\0')
    .filter((r) => r.length > 3)
    .map((r) => ({ path: r.slice(3), untracked: r.startsWith('??') }));
}

/**
 * A git killed by the signal that killed the run leaves `.git/index.lock`; one still finishing
 * removes its own within moments, so only a lock that stays is removed.
 */
async function clearStaleIndexLock(dir: string): Promise<void> {
  const lock = join(dir, '.git', 'index.lock');
  const deadline = Date.now() + INDEX_LOCK_WAIT_MS;
  while (existsSync(lock) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (await stat(lock).catch(() => undefined)) await rm(lock, { force: true });
}

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { gitRetrying, runGitRetrying, triedNote } from './transient-retry.js';

/**
 * A treeless bare clone of a remote component repository, kept in the user's cache directory (never
 * in the meta-repo). It answers what `ls-remote` cannot (does this commit exist, which commit does
 * this abbreviation name, which tag points here) with commits and tags only, no file contents.
 */
export function mirrorDir(url: string): string {
  const base = process.env.META_ROLLBACK_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'meta-rollback');
  return join(base, 'mirrors', `${createHash('sha256').update(url).digest('hex').slice(0, 24)}.git`);
}

export async function ensureMirror(url: string, env?: Record<string, string>): Promise<string> {
  const dir = mirrorDir(url);
  if (existsSync(join(dir, 'HEAD'))) {
    await gitRetrying(['fetch', '--quiet', '--prune', '--tags', '--force', url, '+refs/heads/*:refs/heads/*'], { cwd: dir, env });
    return dir;
  }
  const parent = join(dir, '..');
  await mkdir(parent, { recursive: true });
  const temp = `${dir}.${process.pid}.tmp`;
  await rm(temp, { recursive: true, force: true });
  const clean = () => rm(temp, { recursive: true, force: true });
  const result = await runGitRetrying(['clone', '--quiet', '--bare', '--filter=tree:0', '--', url, temp], { cwd: parent, env }, { beforeRetry: clean });
  if (result.code !== 0) {
    await clean();
    throw new Error(`cannot clone ${url}: ${result.stderr.split('\n').find(Boolean) ?? ''}${triedNote(result)}`);
  }
  // Two runs may race to create the same mirror; the loser's copy is simply dropped.
  await rename(temp, dir).catch(async () => rm(temp, { recursive: true, force: true }));
  return dir;
}

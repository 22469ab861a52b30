import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import { git, gitLines, runGit } from './run-git.js';
import { locateGitDirs } from './local/git-dirs.js';
import { fastCleanState, fastHead } from './local/fast-state.js';
import { COMMIT_TYPE, ObjectLookup } from './local/object-lookup.js';
import { readTags } from './local/tag-list.js';

/**
 * META_ROLLBACK_GIT_ONLY=1 answers every question with git itself: an escape hatch should a
 * repository layout ever confuse the in-process readers, and what the tests compare them against.
 */
function inProcessReaders(): boolean {
  return process.env.META_ROLLBACK_GIT_ONLY !== '1';
}

/** Read-only questions asked of a local repository (a checkout, or a component repo on disk). */

export function isGitRepo(dir: string): boolean {
  return existsSync(join(dir, '.git')) || (existsSync(join(dir, 'HEAD')) && existsSync(join(dir, 'objects')));
}

export async function resolveTagIn(dir: string, tag: string): Promise<string | undefined> {
  const result = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `refs/tags/${tag}^{commit}`], { cwd: dir });
  return result.code === 0 ? result.stdout.toString().trim() : undefined;
}

/**
 * Resolves a full or abbreviated SHA to a commit. An abbreviation that matches several commits is
 * refused rather than guessed, since rolling back to the wrong commit is worse than asking again.
 */
export async function resolveCommitIn(dir: string, sha: string, where: string): Promise<string | undefined> {
  const result = await runGit(['rev-parse', '--verify', '--end-of-options', `${sha}^{commit}`], { cwd: dir });
  if (result.code === 0) {
    const full = result.stdout.toString().trim();
    // rev-parse also accepts ref names; only a hex prefix of the result is a match.
    return full.startsWith(sha) ? full : undefined;
  }
  if (/ambiguous/i.test(result.stderr)) {
    const candidates = await ambiguousCandidates(dir, sha);
    throw new InputError(`${where}: ${sha} is ambiguous (matches ${candidates || 'several objects'}); give more digits`);
  }
  return undefined;
}

async function ambiguousCandidates(dir: string, sha: string): Promise<string> {
  const result = await runGit(['rev-parse', '--disambiguate=' + sha], { cwd: dir });
  const lines = result.stdout.toString().split('\n').filter(Boolean);
  return lines.slice(0, 5).map((l) => l.slice(0, 12)).join(', ');
}

export async function hasCommit(dir: string, sha: string): Promise<boolean> {
  if (inProcessReaders()) {
    const dirs = locateGitDirs(dir);
    if (dirs && new ObjectLookup(dirs.commonDir).commitTree(sha) !== undefined) return true;
  }
  const result = await runGit(['cat-file', '-e', '--end-of-options', `${sha}^{commit}`], { cwd: dir });
  return result.code === 0;
}

/** Tags pointing exactly at a commit (annotated ones peeled), newest first. */
export async function tagsPointingAt(dir: string, sha: string): Promise<string[]> {
  return gitLines(['for-each-ref', '--sort=-creatordate', `--points-at=${sha}`, '--format=%(refname:strip=2)', 'refs/tags'], { cwd: dir });
}

export interface TagInfo {
  readonly name: string;
  readonly commit: string;
  readonly date?: string;
}

export async function listTags(dir: string): Promise<TagInfo[]> {
  if (inProcessReaders()) {
    const dirs = locateGitDirs(dir);
    const tags = dirs && readTags(dirs);
    if (tags) return tags;
  }
  const lines = await gitLines(
    ['for-each-ref', '--sort=-creatordate', '--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)%00%(creatordate:iso-strict)', 'refs/tags'],
    { cwd: dir },
  );
  return lines.map((line) => {
    const [name = '', object = '', peeled = '', date = ''] = line.split('\0');
    return { name, commit: peeled || object, date: date || undefined };
  });
}

export async function headCommit(dir: string): Promise<string | undefined> {
  const result = await runGit(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: dir });
  return result.code === 0 ? result.stdout.toString().trim() : undefined;
}

export async function currentBranch(dir: string): Promise<string | undefined> {
  const result = await runGit(['symbolic-ref', '--quiet', '--short', 'HEAD'], { cwd: dir });
  return result.code === 0 ? result.stdout.toString().trim() : undefined;
}

/** Tracked changes only: untracked files survive a checkout, modified tracked files might not. */
export async function trackedChanges(dir: string): Promise<string[]> {
  return gitLines(['status', '--porcelain', '--untracked-files=no'], { cwd: dir });
}

export async function isShallow(dir: string): Promise<boolean> {
  return (await git(['rev-parse', '--is-shallow-repository'], { cwd: dir })).trim() === 'true';
}

export async function commitDate(dir: string, sha: string): Promise<string | undefined> {
  const result = await runGit(['show', '-s', '--format=%cI', '--end-of-options', sha], { cwd: dir });
  return result.code === 0 ? result.stdout.toString().trim() : undefined;
}

/** HEAD and branch only: what a checkout must still show under the lock before it is moved. */
export async function headState(dir: string): Promise<{ head: string | undefined; branch: string | undefined }> {
  const fast = inProcessReaders() ? fastHead(dir) : undefined;
  if (fast) return fast;
  const { head, branch } = await workingState(dir);
  return { head, branch };
}

export interface WorkingState {
  readonly head: string | undefined;
  readonly branch: string | undefined;
  /** Paths with uncommitted changes to tracked files. */
  readonly changed: string[];
}

/**
 * HEAD, its branch and the tracked changes of a checkout from one `git status` (porcelain v2)
 * instead of three commands: at hundreds of checkouts the process count is the cost.
 */
export async function workingState(dir: string): Promise<WorkingState> {
  const fast = inProcessReaders() ? fastCleanState(dir) : undefined;
  if (fast) return { head: fast.head, branch: fast.branch, changed: [] };
  const out = await git(['status', '--porcelain=v2', '--branch', '--untracked-files=no', '-z'], { cwd: dir });
  let head: string | undefined;
  let branch: string | undefined;
  const changed: string[] = [];
  const records = out.split('\0');
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    if (record.startsWith('# branch.oid ')) {
      const oid = record.slice('# branch.oid '.length);
      head = oid === '(initial)' ? undefined : oid;
    } else if (record.startsWith('# branch.head ')) {
      const name = record.slice('# branch.head '.length);
      branch = name === '(detached)' ? undefined : name;
    } else if (record.startsWith('1 ') || record.startsWith('u ')) {
      changed.push(record.split(' ').slice(record.startsWith('1 ') ? 8 : 10).join(' '));
    } else if (record.startsWith('2 ')) {
      // A rename carries its original path as the next NUL-separated record.
      changed.push(record.split(' ').slice(9).join(' '));
      i += 1;
    }
  }
  return { head, branch, changed };
}

/**
 * When `sha` names an annotated tag object of the repository (what `git ls-remote` lists first for
 * such a tag), the tag's name and the commit it points at; undefined for anything else.
 */
export async function tagObjectIn(dir: string, sha: string): Promise<{ tag: string; commit: string } | undefined> {
  const lines = await gitLines(['for-each-ref', '--format=%(objectname)%00%(*objectname)%00%(refname:strip=2)', 'refs/tags'], { cwd: dir });
  for (const line of lines) {
    const [object = '', peeled = '', tag = ''] = line.split('\0');
    if (object === sha && peeled) {
      // A tag of a tag still ends at a commit; ask git for it rather than follow the chain here.
      const commit = (await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${sha}^{commit}`], { cwd: dir })).stdout.toString().trim();
      return commit ? { tag, commit } : undefined;
    }
  }
  return undefined;
}

/** Whether `sha` names a commit object itself (not a tag object that peels to one). */
export async function isCommitObject(dir: string, sha: string): Promise<boolean> {
  if (inProcessReaders()) {
    const dirs = locateGitDirs(dir);
    const type = dirs && new ObjectLookup(dirs.commonDir).readObjectStart(sha)?.type;
    if (type !== undefined && type !== null) return type === COMMIT_TYPE;
  }
  const result = await runGit(['cat-file', '-t', '--end-of-options', sha], { cwd: dir });
  return result.code === 0 && result.stdout.toString().trim() === 'commit';
}

/** Whether `name` is a branch of the repository: a local one, or one of a remote's as last fetched. */
export async function isBranchName(dir: string, name: string): Promise<boolean> {
  const lines = await gitLines(['for-each-ref', '--count=1', '--format=%(refname)', `refs/heads/${name}`, `refs/remotes/*/${name}`], { cwd: dir });
  return lines.length > 0;
}

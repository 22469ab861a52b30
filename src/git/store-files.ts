import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBlobs } from './meta-history.js';
import { git, runGit } from './run-git.js';

/**
 * The git side of the content store: reading a commit's files (a component checkout's HEAD, or an
 * entry kept on a store branch of the meta-repo) and committing new entries onto that branch with
 * plumbing only, so neither the working tree, the index nor HEAD of the meta-repo ever changes.
 */

export interface GitTreeEntry {
  readonly mode: string;
  readonly type: string;
  readonly object: string;
  /** Blob size in bytes; undefined for trees and submodules. */
  readonly size: number | undefined;
  /** The path as git holds it, decoded as UTF-8. */
  readonly path: string;
  /** False when the path's bytes are not UTF-8 (then `path` holds replacement characters). */
  readonly utf8: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');

/**
 * `git ls-tree -z -l --full-tree` of a commit or tree, optionally recursive and limited to paths.
 * Paths stay bytes until decoded here, so names with spaces, quotes or newlines arrive intact.
 */
export async function lsTree(cwd: string, treeish: string, options: { recursive?: boolean; paths?: readonly string[] } = {}): Promise<GitTreeEntry[]> {
  const args = ['ls-tree', '-z', '-l', '--full-tree'];
  if (options.recursive) args.push('-r');
  args.push('--end-of-options', treeish);
  if (options.paths) args.push('--', ...options.paths);
  const result = await runGit(args, { cwd });
  if (result.code !== 0) throw new Error(`git ls-tree ${treeish} failed: ${firstLine(result.stderr)}`);
  const out: GitTreeEntry[] = [];
  const data = result.stdout;
  let offset = 0;
  while (offset < data.length) {
    const end = data.indexOf(0, offset);
    const record = data.subarray(offset, end === -1 ? data.length : end);
    offset = end === -1 ? data.length : end + 1;
    const tab = record.indexOf(0x09);
    if (tab === -1) continue;
    const [mode = '', type = '', object = '', size = ''] = record.subarray(0, tab).toString('latin1').trim().split(/ +/);
    const pathBytes = record.subarray(tab + 1);
    let path: string;
    let utf8 = true;
    try {
      path = strictUtf8.decode(pathBytes);
    } catch {
      path = lossyUtf8.decode(pathBytes);
      utf8 = false;
    }
    out.push({ mode, type, object, size: /^\d+$/.test(size) ? Number(size) : undefined, path, utf8 });
  }
  return out;
}

/**
 * The contents of many blobs, read with one `git cat-file --batch` per chunk of about `chunkBytes`,
 * so a large tree is never held in memory all at once.
 */
export async function* readBlobsChunked<T extends { readonly object: string; readonly size: number | undefined }>(
  cwd: string,
  items: readonly T[],
  chunkBytes = 32 * 1024 * 1024,
): AsyncGenerator<[T, Buffer]> {
  let start = 0;
  while (start < items.length) {
    let end = start;
    let bytes = 0;
    while (end < items.length && (end === start || bytes + (items[end]!.size ?? 0) <= chunkBytes)) {
      bytes += items[end]!.size ?? 0;
      end += 1;
    }
    const chunk = items.slice(start, end);
    const blobs = await readBlobs(cwd, chunk.map((item) => item.object));
    for (const item of chunk) {
      const data = blobs.get(item.object);
      if (!data) throw new Error(`object ${item.object} is missing from ${cwd}`);
      yield [item, data];
    }
    start = end;
  }
}

/** The commit a branch points at, or undefined when there is no such branch. */
export async function branchTip(cwd: string, branch: string): Promise<string | undefined> {
  const result = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `refs/heads/${branch}^{commit}`], { cwd });
  return result.code === 0 ? result.stdout.toString().trim() : undefined;
}

/** The branch HEAD is on (`refs/heads/...`), or undefined when detached or not a repository. */
export async function headRef(cwd: string): Promise<string | undefined> {
  const result = await runGit(['symbolic-ref', '--quiet', 'HEAD'], { cwd });
  return result.code === 0 ? result.stdout.toString().trim() : undefined;
}

/** Stores files as blobs (`hash-object -w --no-filters`: bytes as they are) and returns their ids in order. */
export async function writeBlobs(cwd: string, files: readonly string[]): Promise<string[]> {
  if (files.length === 0) return [];
  const out = await git(['hash-object', '-w', '--no-filters', '--stdin-paths'], { cwd, input: files.map((f) => `${f}\n`).join('') });
  const ids = out.split('\n').filter(Boolean);
  if (ids.length !== files.length) throw new Error(`git hash-object returned ${ids.length} ids for ${files.length} files`);
  return ids;
}

export interface IndexEntry {
  readonly mode: string;
  readonly object: string;
  readonly path: string;
}

/**
 * Builds a tree from `base` (a commit or tree; none for an empty one) plus `entries`, in a private
 * index file, so the meta-repo's own index and working tree are never touched.
 */
export async function writeTreeFrom(cwd: string, base: string | undefined, entries: readonly IndexEntry[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'meta-store-index-'));
  const env = { GIT_INDEX_FILE: join(dir, 'index') };
  try {
    await git(base ? ['read-tree', '--end-of-options', base] : ['read-tree', '--empty'], { cwd, env });
    const records = entries.map((e) => `${e.mode} ${e.object}\t${e.path}\0`).join('');
    await git(['update-index', '-z', '--index-info'], { cwd, env, input: Buffer.from(records, 'utf8') });
    return (await git(['write-tree'], { cwd, env })).trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Commits a tree. Where git has no identity configured (a fresh CI runner), `fallbackName` is used
 * rather than failing the run over who authored a store entry.
 */
export async function commitTree(cwd: string, tree: string, parent: string | undefined, message: string, fallbackName: string): Promise<string> {
  const identity = await runGit(['var', 'GIT_COMMITTER_IDENT'], { cwd });
  const env =
    identity.code === 0
      ? undefined
      : {
          GIT_AUTHOR_NAME: fallbackName,
          GIT_AUTHOR_EMAIL: 'meta-rollback@localhost',
          GIT_COMMITTER_NAME: fallbackName,
          GIT_COMMITTER_EMAIL: 'meta-rollback@localhost',
        };
  const args = ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message];
  return (await git(args, { cwd, env })).trim();
}

/**
 * Moves a branch from `old` (undefined: the branch must not exist yet) to `next`, atomically and only
 * if nobody moved it meanwhile; returns false when someone did.
 */
export async function updateBranch(cwd: string, branch: string, next: string, old: string | undefined, reason: string): Promise<boolean> {
  const result = await runGit(['update-ref', '-m', reason, `refs/heads/${branch}`, next, old ?? ''], { cwd });
  if (result.code === 0) return true;
  if (/cannot lock ref|but expected|already exists|is at/i.test(result.stderr)) return false;
  throw new Error(`git update-ref refs/heads/${branch} failed: ${firstLine(result.stderr)}`);
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim().length > 0) ?? '').trim();
}

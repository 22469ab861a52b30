import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readlinkSync, statSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { locateGitDirs } from './git-dirs.js';
import { readHead, type HeadState } from './head-file.js';
import { parseIndexFile, type IndexEntry } from './index-file.js';
import { ObjectLookup } from './object-lookup.js';

/**
 * At hundreds of checkouts, starting git is the cost of a rollback (each process costs tens of
 * milliseconds on a small runner), so the questions asked of every checkout before it moves are
 * answered from git's own files when the answer is certain, as git itself decides it: HEAD from
 * the HEAD file and refs, "no tracked change" from the index's recorded file metadata and its
 * cached tree. Anything uncertain (a file whose metadata differs, a racily-clean entry, a merge
 * in progress, an index feature not read here) gives undefined, and the caller runs git.
 */

const GITLINK = 0o160000;
const TYPE_MASK = 0o170000;
const SYMLINK = 0o120000;
const REGULAR = 0o100000;

export function fastHead(worktree: string): HeadState | undefined {
  const dirs = locateGitDirs(worktree);
  return dirs ? readHead(dirs) : undefined;
}

/** HEAD, branch and "no uncommitted tracked change", or undefined when only git can tell. */
export function fastCleanState(worktree: string): HeadState | undefined {
  const dirs = locateGitDirs(worktree);
  if (!dirs) return undefined;
  const head = readHead(dirs);
  if (!head?.head) return undefined;
  let indexData: Buffer;
  let indexStat: BigIntStats;
  try {
    const path = join(dirs.gitDir, 'index');
    indexStat = statSync(path, { bigint: true });
    indexData = readFileSync(path);
  } catch {
    return undefined;
  }
  const index = parseIndexFile(indexData);
  if (!index.supported || index.rootTree === undefined) return undefined;
  // Staged changes: the index's cached root tree must be HEAD's own tree.
  if (new ObjectLookup(dirs.commonDir).commitTree(head.head) !== index.rootTree) return undefined;
  for (const entry of index.entries) {
    if (!entryUnchanged(worktree, entry, indexStat)) return undefined;
  }
  return head;
}

/** Unchanged by git's rule: the file's metadata is what the index recorded, and not racily so. */
function entryUnchanged(worktree: string, entry: IndexEntry, indexStat: BigIntStats): boolean {
  if (entry.stage !== 0 || entry.special || (entry.mode & TYPE_MASK) === GITLINK) return false;
  let stat: BigIntStats;
  try {
    stat = lstatSync(join(worktree, entry.path), { bigint: true });
  } catch {
    return false;
  }
  const type = entry.mode & TYPE_MASK;
  if (type === SYMLINK ? !stat.isSymbolicLink() : type !== REGULAR || !stat.isFile()) return false;
  if (type === REGULAR && (Number(stat.mode) & 0o100) !== (entry.mode & 0o100)) return false;
  const mtimeS = Number(stat.mtimeNs / 1_000_000_000n);
  const mtimeNs = Number(stat.mtimeNs % 1_000_000_000n);
  const ctimeS = Number(stat.ctimeNs / 1_000_000_000n);
  const ctimeNs = Number(stat.ctimeNs % 1_000_000_000n);
  if (
    (mtimeS >>> 0) !== entry.mtimeS ||
    mtimeNs !== entry.mtimeNs ||
    (ctimeS >>> 0) !== entry.ctimeS ||
    ctimeNs !== entry.ctimeNs ||
    Number(stat.ino & 0xffffffffn) !== entry.ino ||
    Number(stat.uid) >>> 0 !== entry.uid ||
    Number(stat.gid) >>> 0 !== entry.gid ||
    Number(stat.size & 0xffffffffn) !== entry.size
  ) {
    return false;
  }
  if (stat.mtimeNs < indexStat.mtimeNs) return true;
  // Racily clean: written in the same clock tick as the index, so equal metadata proves nothing
  // and, as git does, the content decides. A filtered file (CRLF, clean filters) hashes
  // differently from its blob and is left to git.
  return contentMatches(join(worktree, entry.path), type === SYMLINK, entry.oid);
}

function contentMatches(path: string, symlink: boolean, oid: string): boolean {
  try {
    const content = symlink ? Buffer.from(readlinkSync(path, { encoding: 'buffer' })) : readFileSync(path);
    return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex') === oid;
  } catch {
    return false;
  }
}

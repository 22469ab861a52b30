import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import { quote } from '../names.js';

/** A file's kind as git writes it; the store knows no others (no submodules, no empty directories). */
export type FileMode = '100644' | '100755' | '120000';

/** One file of a stored tree. For a symbolic link (`120000`), `data` is the link's target. */
export interface TreeFile {
  /** Relative, `/`-separated, as git names it. */
  readonly path: string;
  readonly mode: FileMode;
  readonly data: Buffer;
}

/** A tree that must not be stored or restored: a path or link that could reach outside it. */
export class UnsafeTreeError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${quote(path)} ${problem}`);
    this.name = 'UnsafeTreeError';
  }
}

const HASH_PREFIX = /^[0-9a-f]{8,64}$/;
const FULL_HASH = /^[0-9a-f]{64}$/;

export function isFullStoreHash(value: string): boolean {
  return FULL_HASH.test(value);
}

/** A HASH argument: 8 to 64 lowercase hex digits, so it can never be a path or an option. */
export function checkHashPrefix(value: string, where: string): string {
  if (HASH_PREFIX.test(value)) return value;
  if (/^[0-9a-fA-F]{8,64}$/.test(value)) throw new InputError(`${where}: ${quote(value)} must be lowercase hex`);
  throw new InputError(`${where}: not a store hash (${quote(value)}; expected 8 to 64 lowercase hex digits)`);
}

/**
 * Why a path inside a tree is unsafe to write, or undefined. Refused: absolute paths, empty, `.` and
 * `..` segments, and any `.git` segment (a `.git` written into a plain directory would turn it into
 * a repository whose config git obeys); newlines and NUL, which the hash serialisation cannot hold.
 */
export function treePathProblem(path: string): string | undefined {
  if (path.length === 0) return 'is an empty path';
  if (/[\0\n]/.test(path)) return 'contains a newline or NUL';
  if (path.startsWith('/')) return 'is an absolute path';
  for (const part of path.split('/')) {
    if (part === '' || part === '.') return "has an empty or '.' segment";
    if (part === '..') return "contains '..'";
    if (part.toLowerCase() === '.git') return "contains a '.git' segment";
  }
  return undefined;
}

/**
 * Why a symbolic link is unsafe, or undefined. A link must be relative and stay inside the tree. Only
 * leading `..` segments are allowed: a `..` after a name would be resolved through whatever that name
 * is, possibly another link, so the check could not be done on the text alone.
 */
export function symlinkProblem(path: string, target: string): string | undefined {
  if (target.length === 0) return 'is a symbolic link with an empty target';
  if (target.includes('\0')) return 'is a symbolic link whose target contains NUL';
  if (target.startsWith('/')) return `is a symbolic link to an absolute path (${quote(target)})`;
  const depth = path.split('/').length - 1;
  let ups = 0;
  let named = false;
  for (const part of target.split('/')) {
    if (part === '..') {
      if (named) return `is a symbolic link with '..' after a name (${quote(target)})`;
      ups += 1;
    } else if (part !== '' && part !== '.') {
      named = true;
    }
  }
  if (ups > depth) return `is a symbolic link pointing outside the tree (${quote(target)})`;
  return undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Throws UnsafeTreeError for a file that must not be stored or written. */
export function checkTreeFile(file: TreeFile): void {
  const problem = treePathProblem(file.path);
  if (problem) throw new UnsafeTreeError(file.path, problem);
  if (file.mode === '120000') {
    let target: string;
    try {
      target = strictUtf8.decode(file.data);
    } catch {
      throw new UnsafeTreeError(file.path, 'is a symbolic link whose target is not UTF-8');
    }
    const linkProblem = symlinkProblem(file.path, target);
    if (linkProblem) throw new UnsafeTreeError(file.path, linkProblem);
  }
}

/**
 * The content hash of a tree, the name of its store entry:
 *
 *   sha256 hex of the concatenation, over every file sorted by the UTF-8 bytes of its path, of
 *   `${mode} ${sha256 hex of content} ${path}\n`
 *
 * `mode` is `100644` (regular), `100755` (executable) or `120000` (symbolic link, whose content is
 * the target's bytes); `path` is relative and `/`-separated. Only files count: directories are
 * implied by their files, so an empty directory does not change the hash.
 */
export class TreeHasher {
  private readonly lines: Array<{ key: Buffer; line: string }> = [];

  add(file: TreeFile): void {
    const sha = createHash('sha256').update(file.data).digest('hex');
    this.lines.push({ key: Buffer.from(file.path, 'utf8'), line: `${file.mode} ${sha} ${file.path}\n` });
  }

  get count(): number {
    return this.lines.length;
  }

  digest(): string {
    this.lines.sort((a, b) => Buffer.compare(a.key, b.key));
    // A path that is also another's directory (`a` and `a/b`) cannot come from a real tree; written
    // out, the file or link `a` would decide where `a/b` lands.
    const paths = new Set(this.lines.map((l) => l.key.toString('utf8')));
    for (const path of paths) {
      for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
        if (paths.has(path.slice(0, slash))) throw new UnsafeTreeError(path.slice(0, slash), 'is both a file and a directory');
      }
    }
    const hash = createHash('sha256');
    for (let i = 0; i < this.lines.length; i++) {
      const entry = this.lines[i]!;
      if (i > 0 && Buffer.compare(this.lines[i - 1]!.key, entry.key) === 0) {
        throw new UnsafeTreeError(entry.key.toString('utf8'), 'appears twice');
      }
      hash.update(entry.line, 'utf8');
    }
    return hash.digest('hex');
  }
}

/** Checks and hashes every file of a tree, handing each to `onFile` (to be written) once checked. */
export async function consumeTree(files: AsyncIterable<TreeFile>, onFile?: (file: TreeFile) => Promise<void>): Promise<{ hash: string; files: number }> {
  const hasher = new TreeHasher();
  for await (const file of files) {
    checkTreeFile(file);
    hasher.add(file);
    if (onFile) await onFile(file);
  }
  return { hash: hasher.digest(), files: hasher.count };
}

import { createHash } from 'node:crypto';

/**
 * The `output_hash` the Python `meta` CLI records for a store entry (`meta/utils/content_hash.py`),
 * computed the same way so that its entries can be verified and ours carry a hash it would agree with.
 *
 * - a file: the sha256 hex of its bytes;
 * - a directory: the sha256 hex of the UTF-8 bytes of Python's `json.dumps` (default separators,
 *   ASCII-only) of the `[relative path, sha256 hex]` pairs of its files, in the order Python sorts
 *   paths (component by component), skipping every file whose path contains one of the excluded
 *   names anywhere, even inside a longer name (`.github` contains `.git`).
 *
 * Python tests the path as it was given to `meta store add --source`, not the relative one, so the
 * recorded `source_path` is part of what decides which files count.
 */
export const PYTHON_EXCLUDED = ['.git', '__pycache__', 'node_modules', '.meta-cache'] as const;

export function pythonFileHash(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A predicate on `/`-separated relative paths (of files or directories) inside an entry. */
export type PathFilter = (rel: string) => boolean;

/**
 * Whether Python skips `rel`. `sourcePath` is the entry's recorded `source_path`, normalised as
 * Python's `Path` prints it (no `.` or empty segments, no trailing `/`). Since a skipped directory's
 * every descendant contains the same name, a directory can be pruned whole.
 */
export function pythonExcludes(sourcePath: string | null): PathFilter {
  const prefix = sourcePath === null ? '' : normalisePythonPath(sourcePath);
  return (rel) => {
    const full = prefix === '' ? rel : prefix === '/' ? `/${rel}` : `${prefix}/${rel}`;
    return PYTHON_EXCLUDED.some((name) => full.includes(name));
  };
}

function normalisePythonPath(path: string): string {
  const absolute = path.startsWith('/');
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (absolute) return parts.length === 0 ? '/' : `/${parts.join('/')}`;
  return parts.join('/');
}

export class PythonDirHasher {
  private readonly pairs: Array<{ parts: Buffer[]; rel: string; sha: string }> = [];

  add(rel: string, data: Uint8Array): void {
    this.pairs.push({ parts: rel.split('/').map((p) => Buffer.from(p, 'utf8')), rel, sha: pythonFileHash(data) });
  }

  get count(): number {
    return this.pairs.length;
  }

  digest(): string {
    this.pairs.sort((a, b) => compareParts(a.parts, b.parts));
    const body = this.pairs.map((p) => `[${pythonJsonString(p.rel)}, ${pythonJsonString(p.sha)}]`).join(', ');
    return createHash('sha256').update(`[${body}]`, 'utf8').digest('hex');
  }
}

/** Python compares paths as lists of names, each by code point; UTF-8 byte order is code point order. */
function compareParts(a: readonly Buffer[], b: readonly Buffer[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = Buffer.compare(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** A string as Python's `json.dumps` writes it with `ensure_ascii=True`: every non-printable-ASCII unit as `\uXXXX`. */
export function pythonJsonString(value: string): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

import { basename } from 'node:path';
import type { RawEntry, StoreBackend } from './backend.js';
import type { StoreMetadata } from './metadata.js';
import { PythonDirHasher, pythonExcludes, pythonFileHash } from './python-hash.js';
import { TreeHasher, treePathProblem, UnsafeTreeError, type TreeFile } from './tree.js';

/** A single-file entry is restored under the name its source had; a name that cannot be a file gets this one. */
const FALLBACK_FILE_NAME = 'artifact';

export type PythonEntryCheck =
  | { readonly status: 'ok'; readonly files: number; readonly treeHash: string }
  | { readonly status: 'corrupt'; readonly actual: string; readonly files: number; readonly problem?: string }
  | { readonly status: 'unsafe'; readonly path: string; readonly problem: string };

export function fileNameOf(meta: StoreMetadata): string {
  const name = meta.sourcePath === null ? '' : basename(meta.sourcePath.replace(/\/+$/, ''));
  return name === '' || treePathProblem(name) !== undefined ? FALLBACK_FILE_NAME : name;
}

/**
 * The files of a Python CLI entry that a restore writes: the file itself, or the directory's files
 * that its `output_hash` covers. What that hash skips (`.git`, `node_modules`, ...) is not restored,
 * since nothing vouches for it.
 */
export async function* pythonRestoreFiles(store: StoreBackend, meta: StoreMetadata): AsyncGenerator<TreeFile> {
  const raw = await readRaw(store, meta);
  if (raw.kind === 'file') {
    yield raw.file;
    return;
  }
  for await (const file of raw.files) yield file;
}

/**
 * Verifies a Python CLI entry by its `output_hash`. Symbolic links are refused rather than
 * followed as Python would: following one could read outside the store.
 */
export async function checkPythonEntry(store: StoreBackend, meta: StoreMetadata): Promise<PythonEntryCheck> {
  const raw = await readRaw(store, meta);
  const tree = new TreeHasher();
  let actual: string;
  let files = 0;
  if (raw.kind === 'file') {
    actual = pythonFileHash(raw.file.data);
    tree.add(raw.file);
    files = 1;
  } else {
    const hasher = new PythonDirHasher();
    try {
      for await (const file of raw.files) {
        if (file.mode === '120000') return { status: 'unsafe', path: file.path, problem: 'is a symbolic link (not followed)' };
        const problem = treePathProblem(file.path);
        if (problem) return { status: 'unsafe', path: file.path, problem };
        hasher.add(file.path, file.data);
        tree.add(file);
      }
    } catch (err) {
      if (err instanceof UnsafeTreeError) return { status: 'unsafe', path: err.path, problem: err.problem };
      throw err;
    }
    actual = hasher.digest();
    files = hasher.count;
  }
  if (!meta.outputHash) return { status: 'corrupt', actual, files, problem: 'its metadata has an empty output_hash, so its files cannot be checked' };
  if (actual !== meta.outputHash) return { status: 'corrupt', actual, files };
  return { status: 'ok', files, treeHash: tree.digest() };
}

function readRaw(store: StoreBackend, meta: StoreMetadata): Promise<RawEntry> {
  return store.readRawEntry(meta.contentHash, pythonExcludes(meta.sourcePath), fileNameOf(meta));
}

import { InputError } from '../errors.js';
import { quote } from '../names.js';
import type { StoreBackend } from './backend.js';
import { parseMetadata, type StoreMetadata } from './metadata.js';
import { checkPythonEntry, pythonRestoreFiles } from './python-entry.js';
import { checkHashPrefix, consumeTree, UnsafeTreeError, type TreeFile } from './tree.js';

/**
 * A full hash from a HASH argument: a full hash or a prefix of at least 8 hex digits that names
 * exactly one entry. An ambiguous prefix is refused with its candidates, never guessed.
 */
export async function resolveHash(store: StoreBackend, given: string, where: string): Promise<string> {
  const prefix = checkHashPrefix(given, where);
  const matches = (await store.entries(prefix)).map((e) => e.hash);
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new InputError(`${where}: no entry in ${store.description} matches ${quote(given)}`);
  const shown = matches.slice(0, 5).map((h) => h.slice(0, Math.max(16, given.length + 4)));
  const more = matches.length > 5 ? ` and ${matches.length - 5} more` : '';
  throw new InputError(`${where}: ${quote(given)} is ambiguous (matches ${shown.join(', ')}${more}); give more digits`);
}

export async function readMetadata(store: StoreBackend, hash: string): Promise<StoreMetadata | undefined> {
  const bytes = await store.readMetadataBytes(hash);
  return bytes === undefined ? undefined : parseMetadata(bytes, store.metadataName(hash), hash);
}

export type EntryCheck =
  /** `treeHash`: the content hash (tree.ts) of the files a restore writes. */
  | { readonly status: 'ok'; readonly files: number; readonly treeHash: string }
  | { readonly status: 'corrupt'; readonly actual: string; readonly files: number; readonly problem?: string }
  | { readonly status: 'unsafe'; readonly path: string; readonly problem: string };

/** Checks an entry by the rule its maker used: its name for ours, its `output_hash` for the Python CLI's. */
export async function checkEntry(store: StoreBackend, hash: string, meta: StoreMetadata | undefined): Promise<EntryCheck> {
  return meta?.origin === 'python' ? checkPythonEntry(store, meta) : checkEntryTree(store, hash);
}

/** The files a restore of the entry writes, in the form its check hashed them. */
export function restoreFiles(store: StoreBackend, meta: StoreMetadata): AsyncIterable<TreeFile> {
  return meta.origin === 'python' ? pythonRestoreFiles(store, meta) : store.readTree(meta.contentHash);
}

/** Re-hashes an entry's files; an unsafe file (a link out of the tree, `..`) is reported, not read through. */
export async function checkEntryTree(store: StoreBackend, hash: string): Promise<EntryCheck> {
  try {
    const { hash: actual, files } = await consumeTree(store.readTree(hash));
    return actual === hash ? { status: 'ok', files, treeHash: hash } : { status: 'corrupt', actual, files };
  } catch (err) {
    if (err instanceof UnsafeTreeError) return { status: 'unsafe', path: err.path, problem: err.problem };
    throw err;
  }
}

/** One line describing why an entry's files cannot be trusted. */
export function describeCheck(store: StoreBackend, hash: string, check: Exclude<EntryCheck, { status: 'ok' }>, meta?: StoreMetadata): string {
  if (check.status === 'corrupt' && check.problem) return `${store.entryName(hash)}: corrupt: ${check.problem}`;
  if (check.status === 'corrupt' && meta?.origin === 'python') {
    return `${store.entryName(hash)}: corrupt: its files hash to ${check.actual}, not its output_hash ${meta.outputHash ?? ''}`;
  }
  if (check.status === 'corrupt') return `${store.entryName(hash)}: corrupt: its files hash to ${check.actual}, not ${hash}`;
  return `${store.entryName(hash)}: unsafe: ${quote(check.path)} ${check.problem}`;
}

/** The checks an add makes of an entry that is already there before reusing it. */
export async function requireSoundEntry(store: StoreBackend, hash: string): Promise<void> {
  const check = await checkEntryTree(store, hash);
  if (check.status !== 'ok') throw new InputError(`${describeCheck(store, hash, check)}; run meta store verify and remove it`);
}

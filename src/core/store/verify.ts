import pLimit from 'p-limit';
import type { RunContext } from '../context.js';
import { MetaError, errorMessage } from '../errors.js';
import type { StoreBackend, StoreEntryInfo } from './backend.js';
import { checkEntry, describeCheck, readMetadata, resolveHash } from './entry.js';
import { openStore, type StoreOptions } from './open.js';

export type VerifyStatus = 'ok' | 'corrupt' | 'unsafe' | 'incomplete';

export interface VerifiedEntry {
  readonly content_hash: string;
  readonly path: string;
  readonly component: string | null;
  readonly status: VerifyStatus;
  readonly files: number | null;
  /** Why the entry is not ok. */
  readonly detail: string | null;
}

export interface StoreVerifyResult {
  readonly ok: boolean;
  readonly store: string;
  readonly entries: VerifiedEntry[];
  readonly changes: [];
}

/**
 * `meta store verify [HASH]`: re-hashes every entry's files (or one entry's) and checks its metadata.
 * `ok` is false, and the CLI exits 1, when any entry is corrupt (files or metadata no longer match
 * the hash), unsafe (a path or link that a restore would refuse) or incomplete (files without
 * metadata, or metadata without files).
 */
export async function storeVerify(ctx: RunContext, hash?: string, options: StoreOptions = {}): Promise<StoreVerifyResult> {
  const store = openStore(ctx, options);
  let infos = await store.entries();
  if (hash !== undefined) {
    const full = await resolveHash(store, hash, 'HASH');
    infos = infos.filter((i) => i.hash === full);
  }
  const limit = pLimit(ctx.jobs);
  const entries = await Promise.all(infos.map((info) => limit(() => verifyOne(store, info))));
  return { ok: entries.every((e) => e.status === 'ok'), store: store.description, entries, changes: [] };
}

async function verifyOne(store: StoreBackend, info: StoreEntryInfo): Promise<VerifiedEntry> {
  const base = { content_hash: info.hash, path: store.entryName(info.hash) };
  let component: string | null = null;
  let meta;
  if (info.metadata) {
    try {
      meta = await readMetadata(store, info.hash);
      component = meta?.component ?? null;
    } catch (err) {
      if (!(err instanceof MetaError)) throw err;
      return { ...base, component, status: 'corrupt', files: null, detail: errorMessage(err) };
    }
  }
  if (!info.tree) return { ...base, component, status: 'incomplete', files: null, detail: `${store.entryName(info.hash)}: metadata without files` };
  let check;
  try {
    check = await checkEntry(store, info.hash, meta);
  } catch (err) {
    // The entry itself is a link or not a directory: reading it could lead outside the store.
    if (!(err instanceof MetaError)) throw err;
    return { ...base, component, status: 'unsafe', files: null, detail: errorMessage(err) };
  }
  if (check.status !== 'ok') {
    return { ...base, component, status: check.status, files: check.status === 'corrupt' ? check.files : null, detail: describeCheck(store, info.hash, check, meta) };
  }
  if (!info.metadata) return { ...base, component, status: 'incomplete', files: check.files, detail: `${store.metadataName(info.hash)}: missing` };
  return { ...base, component, status: 'ok', files: check.files, detail: null };
}

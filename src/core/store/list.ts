import type { RunContext } from '../context.js';
import { MetaError, errorMessage } from '../errors.js';
import { checkComponentName } from '../names.js';
import type { StoreBackend } from './backend.js';
import { metadataJson, parseMetadata, type StoreMetadata, type StoreMetadataJson } from './metadata.js';
import { openStore, type StoreOptions } from './open.js';

export interface StoreListEntry extends StoreMetadataJson {
  readonly path: string;
}

export interface StoreListResult {
  readonly ok: true;
  readonly store: string;
  readonly entries: StoreListEntry[];
  readonly warnings: string[];
  readonly changes: [];
}

export interface StoreListOptions extends StoreOptions {
  readonly component?: string;
}

/**
 * Every entry whose metadata can be read, newest first. An entry with unreadable metadata is named
 * in a warning rather than failing the listing: a listing is how one finds the entry to remove.
 */
export async function readStoreEntries(store: StoreBackend): Promise<{ entries: StoreMetadata[]; warnings: string[] }> {
  const hashes = (await store.entries()).filter((e) => e.metadata).map((e) => e.hash);
  const bytes = await store.readAllMetadata(hashes);
  const entries: StoreMetadata[] = [];
  const warnings: string[] = [];
  for (const hash of hashes) {
    const data = bytes.get(hash);
    if (!data) continue;
    try {
      entries.push(parseMetadata(data, store.metadataName(hash), hash));
    } catch (err) {
      if (!(err instanceof MetaError)) throw err;
      warnings.push(`skipped: ${errorMessage(err)}`);
    }
  }
  entries.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || a.contentHash.localeCompare(b.contentHash));
  return { entries, warnings };
}

/** `meta store list [--component NAME]`. */
export async function storeList(ctx: RunContext, options: StoreListOptions = {}): Promise<StoreListResult> {
  if (options.component !== undefined) checkComponentName(options.component, '--component');
  const store = openStore(ctx, options);
  const { entries, warnings } = await readStoreEntries(store);
  return {
    ok: true,
    store: store.description,
    entries: entries
      .filter((e) => options.component === undefined || e.component === options.component)
      .map((e) => ({ ...metadataJson(e), path: store.entryName(e.contentHash) })),
    warnings,
    changes: [],
  };
}

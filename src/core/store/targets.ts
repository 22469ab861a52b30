import { MetaError } from '../errors.js';
import type { TargetSource } from '../operations/list-targets.js';
import { readStoreEntries } from './list.js';
import { openStore, type StoreOptions } from './open.js';

/**
 * Store entries as `rollback list` targets (kind `store`). An entry recorded without a commit is
 * listed with an empty `commit`: it can still be restored, as files.
 */
export function storeTargetsFrom(options: StoreOptions = {}): TargetSource {
  return async (ctx, components) => {
    const wanted = new Set(components.map((c) => c.name));
    let entries;
    try {
      ({ entries } = await readStoreEntries(openStore(ctx, options)));
    } catch (err) {
      // A broken store must not take `rollback list` down with it during an incident.
      if (err instanceof MetaError) return [];
      throw err;
    }
    const flags = `${ctx.env ? ` --env ${ctx.env}` : ''}${options.storeBranch !== undefined ? ` --store-branch ${options.storeBranch}` : ''}${options.storeDir !== undefined ? ` --store-dir ${options.storeDir}` : ''}`;
    return entries
      .filter((e) => wanted.has(e.component))
      .map((e) => ({
        component: e.component,
        kind: 'store' as const,
        version: e.version,
        commit: e.commit ?? '',
        source: `store ${e.contentHash.slice(0, 12)}`,
        date: e.createdAt,
        command: `meta rollback store ${e.component} ${e.contentHash.slice(0, 12)}${flags}`,
      }));
  };
}

/** The `.meta-store/` entries, for `listTargets(ctx, component, [storeTargets])`. */
export const storeTargets: TargetSource = storeTargetsFrom();

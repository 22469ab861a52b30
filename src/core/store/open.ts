import type { RunContext } from '../context.js';
import type { StoreBackend } from './backend.js';
import { BranchStore } from './branch-store.js';
import { DirStore } from './dir-store.js';

export interface StoreOptions {
  /** Keep the store on this branch of the meta-repo instead of in `.meta-store/`. */
  readonly storeBranch?: string;
}

export function openStore(ctx: RunContext, options: StoreOptions = {}): StoreBackend {
  return options.storeBranch !== undefined ? new BranchStore(ctx.root, options.storeBranch) : new DirStore(ctx.root);
}

import type { RunContext } from '../context.js';
import type { StoreBackend } from './backend.js';
import { BranchStore } from './branch-store.js';
import { DirStore } from './dir-store.js';
import { InputError } from '../errors.js';
import { quote } from '../names.js';
import { relativeToRoot, resolveInsideRoot } from '../paths.js';

export interface StoreOptions {
  /** Keep the store on this branch of the meta-repo instead of in `.meta-store/`. */
  readonly storeBranch?: string;
  /** The store directory relative to the root (the Python CLI's `--store-dir`; default `.meta-store`). */
  readonly storeDir?: string;
}

export function openStore(ctx: RunContext, options: StoreOptions = {}): StoreBackend {
  if (options.storeBranch !== undefined) {
    if (options.storeDir !== undefined) throw new InputError('--store-dir: give either --store-dir or --store-branch, not both');
    return new BranchStore(ctx.root, options.storeBranch);
  }
  if (options.storeDir === undefined) return new DirStore(ctx.root);
  const abs = resolveInsideRoot(ctx.root, ctx.cwd, options.storeDir, '--store-dir');
  const rel = relativeToRoot(ctx.root, abs);
  if (rel === '' || rel.split('/').some((p) => p === '.git')) throw new InputError(`--store-dir: ${quote(options.storeDir)} is the meta-repo root or inside its .git`);
  return new DirStore(ctx.root, rel);
}

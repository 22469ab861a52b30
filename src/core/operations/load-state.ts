import type { RunContext } from '../context.js';
import { loadLock, type Lock } from '../lock.js';
import { loadManifest, type Manifest } from '../manifest.js';
import { lockPathFor } from '../paths.js';

export interface MetaState {
  readonly manifest: Manifest;
  readonly lock: Lock;
  readonly lockRel: string;
}

export async function loadState(ctx: RunContext): Promise<MetaState> {
  const lockRel = lockPathFor(ctx.env);
  const manifest = await loadManifest(ctx.root);
  const lock = await loadLock(ctx.root, lockRel);
  return { manifest, lock, lockRel };
}

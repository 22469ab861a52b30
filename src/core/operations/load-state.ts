import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { didYouMean } from '../closest-names.js';
import { envsWithLocks } from '../env-locks.js';
import { InputError } from '../errors.js';
import { quote } from '../names.js';
import type { RunContext } from '../context.js';
import { loadLock, type Lock } from '../lock.js';
import { loadManifest, type Manifest } from '../manifest.js';
import { lockPathFor } from '../paths.js';

export interface MetaState {
  readonly manifest: Manifest;
  readonly lock: Lock;
  readonly lockRel: string;
}

/** `known`: a lock the caller has already parsed, reused when it is the selected env's lock. */
export async function loadState(ctx: RunContext, known?: { rel: string; lock: Lock }): Promise<MetaState> {
  const lockRel = lockPathFor(ctx.env);
  const manifest = await loadManifest(ctx.root);
  if (ctx.env !== undefined && known?.rel !== lockRel && !existsSync(join(ctx.root, lockRel))) {
    throw new InputError(`--env: no lock for env ${quote(ctx.env)} (${lockRel}: no such file)${envHint(ctx.env, await envsWithLocks(ctx.root))}`);
  }
  const lock = known?.rel === lockRel ? known.lock : await loadLock(ctx.root, lockRel);
  return { manifest, lock, lockRel };
}

/** The closest envs; when none is close, the few there are (never a long list), or that there are none. */
function envHint(env: string, envs: readonly string[]): string {
  const close = didYouMean(env, envs);
  if (close) return close;
  if (envs.length === 0) return '; no env has a lock (only the default lock is used)';
  return envs.length <= 5 ? `; envs with a lock: ${envs.join(', ')}` : '';
}

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidEnvName } from './names.js';

/** What a lock file's name says about it. */
export interface LockName {
  /** The env whose lock it is; undefined for the default lock. */
  readonly env?: string;
  /**
   * `components.lock[.<env>].previous.yaml`: the Python CLI's previous state of that lock, not the
   * lock of an env named `<env>.previous`. Env names may hold dots (`eu.prod`), so the suffix is
   * the only thing that tells the two apart.
   */
  readonly previous: boolean;
}

const LOCK_FILE = /^components\.lock(?:\.(.+))?\.yaml$/;
const PREVIOUS = /^(?:(.+)\.)?previous$/;

/** Reads `components.lock.yaml`, `components.lock.<env>.yaml` and their `.previous` files; anything else is undefined. */
export function parseLockName(base: string): LockName | undefined {
  const match = LOCK_FILE.exec(base);
  if (!match) return undefined;
  const middle = match[1];
  if (middle === undefined) return { previous: false };
  const previous = PREVIOUS.exec(middle);
  if (previous) {
    const env = previous[1];
    if (env === undefined) return { previous: true };
    return isValidEnvName(env) ? { env, previous: true } : undefined;
  }
  return isValidEnvName(middle) ? { env: middle, previous: false } : undefined;
}

/** The envs that have a current lock in manifests/, sorted: the names an unknown --env is compared with. */
export async function envsWithLocks(root: string): Promise<string[]> {
  const names = await readdir(join(root, 'manifests')).catch(() => [] as string[]);
  const envs = new Set<string>();
  for (const name of names) {
    const parsed = parseLockName(name);
    if (parsed?.env !== undefined && !parsed.previous) envs.add(parsed.env);
  }
  return [...envs].sort();
}

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import { quote } from '../core/names.js';
import { lockPathFor } from '../core/paths.js';
import type { ActionInputs } from './inputs.js';

/** Modes that read or write the env's lock; the others name their files themselves. */
const MODES_ON_THE_ENV_LOCK = new Set(['component', 'lock', 'store', 'snapshot', 'health', 'list']);

/**
 * A rollback button takes the env as free text, so a typo must fail at once and say which
 * environments exist, not later as a missing file.
 */
export function checkEnvHasLock(root: string, inputs: Pick<ActionInputs, 'mode' | 'env'>): void {
  if (inputs.env === undefined || !MODES_ON_THE_ENV_LOCK.has(inputs.mode)) return;
  const lock = lockPathFor(inputs.env);
  if (existsSync(join(root, lock))) return;
  const known = readdirSync(join(root, 'manifests'))
    .map((name) => /^components\.lock\.(.+)\.yaml$/.exec(name)?.[1])
    .filter((env): env is string => env !== undefined)
    .sort();
  throw new InputError(`input env: no environment ${quote(inputs.env)}: ${lock} does not exist (environments with a lock: ${known.join(', ') || 'none'})`);
}

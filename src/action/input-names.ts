import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError, MetaError } from '../core/errors.js';
import { quote } from '../core/names.js';
import { isInside, lockPathFor } from '../core/paths.js';

/**
 * The core names what it was given as the CLI spells it (`LOCKFILE`, `--rev`, `HASH`); a workflow
 * author wrote action inputs. Every message the action reports names the input instead.
 */
const INPUT_OF_ARGUMENT: Readonly<Record<string, string>> = {
  LOCKFILE: 'lock-file',
  '--rev': 'rev',
  '--output': 'snapshot-file',
  '--restore': 'snapshot-file',
  '--components': 'components',
  '--component': 'component',
  component: 'component',
  NAME: 'component',
  '--to-version': 'to-version',
  '--to-commit': 'to-commit',
  HASH: 'store-hash',
  '--store-branch': 'store-branch',
  '--root': 'root',
  '--env': 'env',
  ID: 'changeset',
  '--good': 'good',
  '--bad': 'bad',
};

const ARGUMENT_AT_START = new RegExp(`(^|; )(${Object.keys(INPUT_OF_ARGUMENT).map((k) => k.replace(/[-]/g, '\\-')).join('|')}): `, 'g');

export function inInputTerms(message: string): string {
  return message.replace(ARGUMENT_AT_START, (_, before: string, argument: string) => `${before}input ${INPUT_OF_ARGUMENT[argument]}: `);
}

/** The same failure, with the same exit code, worded for the workflow author. */
export function namedForAction(err: unknown): unknown {
  if (!(err instanceof MetaError)) return err;
  const message = inInputTerms(err.message);
  return message === err.message ? err : new MetaError(message, err.exitCode);
}

/**
 * `root` as a directory of the workspace: inputs may come from a `workflow_dispatch` or
 * `repository_dispatch` payload, and must not make the action read or write anywhere but the
 * checked-out meta-repo, neither by an absolute path nor through a symbolic link.
 */
export function rootInsideWorkspace(given: string, workspace: string): string {
  const abs = resolve(workspace, given);
  if (!isInside(resolve(workspace), abs)) throw new InputError(`input root: ${quote(given)} is outside the workspace (GITHUB_WORKSPACE)`);
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    throw new InputError(`input root: ${quote(given)} does not exist in the workspace`);
  }
  if (!isInside(realpathSync(workspace), real)) throw new InputError(`input root: ${quote(given)} leads outside the workspace (GITHUB_WORKSPACE) through a symbolic link`);
  return abs;
}

/** An env names a lock that must exist; a typo is answered with the envs that have one. */
export function checkEnvHasLock(root: string, env: string | undefined): void {
  if (env === undefined || existsSync(join(root, lockPathFor(env)))) return;
  const envs = readdirSync(join(root, 'manifests'))
    .map((name) => /^components\.lock\.(.+)\.yaml$/.exec(name)?.[1])
    .filter((e): e is string => e !== undefined && !e.endsWith('.previous'))
    .sort();
  throw new InputError(`input env: ${quote(env)} has no lock (${lockPathFor(env)}); envs with a lock: ${envs.join(', ') || 'none'}`);
}

import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from './errors.js';
import { checkEnvName, quote } from './names.js';

export const MANIFEST_PATH = 'manifests/components.yaml';
export const ENVIRONMENTS_PATH = 'manifests/environments.yaml';
export const SNAPSHOT_DIR = '.meta/snapshots';
/** The journal: one file per entry (see journal.ts). A subdirectory, because the Python `meta` CLI's
 * `meta history show|clear` treat every `.meta/history/*.json` as a component's own history list. */
export const JOURNAL_DIR = '.meta/history/rollbacks';
/** The journal as earlier versions wrote it, one JSON line per entry: read, never written. */
export const LEGACY_JOURNAL_PATH = '.meta/history.jsonl';
export const CHANGESET_DIR = '.meta/changesets';
export const STORE_DIR = '.meta-store';
export const COMPONENTS_DIR = 'components';
export const HOLDS_PATH = 'manifests/holds.yaml';

/** The nearest directory at or above `start` that holds manifests/components.yaml. */
export function findRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, MANIFEST_PATH))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new InputError(`--root: no ${MANIFEST_PATH} in ${quote(resolve(start))} or any parent directory`);
    }
    dir = parent;
  }
}

export function resolveRoot(root: string | undefined, cwd: string): string {
  if (root === undefined) return findRoot(cwd);
  if (root.includes('\0')) throw new InputError('--root: contains a NUL byte');
  const dir = resolve(cwd, root);
  if (!existsSync(join(dir, MANIFEST_PATH))) {
    throw new InputError(`--root: ${quote(dir)} has no ${MANIFEST_PATH}`);
  }
  return dir;
}

/** Relative path of the lock file for an environment (the default lock without one). */
export function lockPathFor(env: string | undefined): string {
  if (env === undefined) return 'manifests/components.lock.yaml';
  checkEnvName(env);
  return `manifests/components.lock.${env}.yaml`;
}

/**
 * Resolves a user-given path (relative to `cwd`) and proves it stays inside the meta-repo, also
 * after following symbolic links, so no argument can make the tool read or write elsewhere.
 */
export function resolveInsideRoot(root: string, cwd: string, given: string, what: string): string {
  if (given.includes('\0')) throw new InputError(`${what}: path contains a NUL byte`);
  if (given.length === 0) throw new InputError(`${what}: path is empty`);
  const abs = resolve(cwd, given);
  if (!isInside(root, abs)) throw new InputError(`${what}: ${quote(given)} is outside the meta-repo root`);
  const real = realpathOfExistingPrefix(abs);
  if (!isInside(realpathSync(root), real)) {
    throw new InputError(`${what}: ${quote(given)} leads outside the meta-repo root through a symbolic link`);
  }
  return abs;
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

/** Path relative to the root, with forward slashes, as it appears in messages and in git. */
export function relativeToRoot(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

export function componentDir(root: string, name: string): string {
  return join(root, COMPONENTS_DIR, name);
}

function realpathOfExistingPrefix(path: string): string {
  let current = path;
  const rest: string[] = [];
  for (;;) {
    if (existsSync(current)) return join(realpathSync(current), ...rest.reverse());
    const parent = dirname(current);
    if (parent === current) return path;
    rest.push(current.slice(parent.length + (parent.endsWith(sep) ? 0 : 1)));
    current = parent;
  }
}

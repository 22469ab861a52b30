import { isAbsolute, normalize } from 'node:path';
import { InputError } from '../core/errors.js';
import { checkChangesetId } from '../core/changeset/id.js';
import { DEFAULT_GROUP_SIZE } from '../core/fan-out.js';
import { checkComponentName, checkEnvName, checkRefName, checkShaOrAbbrev, quote } from '../core/names.js';
import { checkHashPrefix } from '../core/store/tree.js';
import { checkRevision } from '../git/meta-history.js';

export const MODES = ['component', 'lock', 'store', 'snapshot', 'changeset', 'list', 'health', 'check', 'bisect'] as const;
export type Mode = (typeof MODES)[number];
export type PullRequestMode = 'open' | 'merge' | 'auto-merge' | 'none';
export type MergeMethod = 'merge' | 'squash' | 'rebase';

/** Every input of action.yml, read once and validated before anything runs. */
export interface ActionInputs {
  readonly mode: Mode;
  readonly component?: string;
  readonly toVersion?: string;
  readonly toCommit?: string;
  readonly lockFile?: string;
  readonly rev?: string;
  readonly storeHash?: string;
  /** A branch of the meta-repo that holds the store, so entries outlive a workflow run. */
  readonly storeBranch?: string;
  readonly snapshotAction?: 'create' | 'restore';
  readonly snapshotFile?: string;
  readonly components?: readonly string[];
  readonly changeset?: string;
  readonly env?: string;
  readonly root: string;
  readonly token: string;
  readonly componentsToken: string;
  readonly pullRequest: PullRequestMode;
  readonly mergeMethod: MergeMethod;
  readonly base?: string;
  readonly branch?: string;
  readonly health: boolean;
  readonly rollbackOnUnhealthy: boolean;
  /** mode health: when healthy, record and push the env's known-good state. */
  readonly recordKnownGood: boolean;
  /** A rollback adds holds for the pins it rolls away from. */
  readonly hold: boolean;
  readonly dryRun: boolean;
  /** Commits made through the Git Data API, which GitHub signs (branches that require signed commits). */
  readonly signCommits: boolean;
  /** How long `pull-request: merge` waits for required checks, in milliseconds. */
  readonly mergeTimeoutMs: number;
  /** Components per group in the fan-out `matrix` output. */
  readonly groupSize: number;
  /** mode bisect: the meta-repo revisions whose lock works and fails (defaults known-good and HEAD). */
  readonly good?: string;
  readonly bad?: string;
  /** mode bisect: open the rollback pull request for the culprits only. */
  readonly rollbackCulprits: boolean;
}

export type InputGetter = (name: string) => string;

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(`input ${name}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function positive(value: string, name: string, fallback: number): number {
  if (value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100000) throw new InputError(`input ${name}: ${JSON.stringify(value)} is not a whole number from 1 to 100000`);
  return n;
}

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `90s`, `10m`, `1h` or a number of seconds; at most 6 hours, a job's own limit on GitHub's runners. */
function duration(value: string, name: string, fallback: number): number {
  if (value === '') return fallback;
  const match = /^(\d{1,7})(ms|s|m|h)?$/.exec(value);
  const ms = match ? Number(match[1]) * UNIT_MS[match[2] ?? 's']! : NaN;
  if (!(ms > 0 && ms <= 6 * 3_600_000)) throw new InputError(`input ${name}: ${JSON.stringify(value)} is not a duration from 1s to 6h, such as 90s, 10m or 1h`);
  return ms;
}

/**
 * As @actions/core's getBooleanInput (YAML 1.2's core schema): `true`, `True`, `TRUE`, `false`,
 * `False`, `FALSE`. Anything else is refused, never read as false: `health: ture` must not turn
 * the checks off.
 */
function bool(value: string, name: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(`input ${name}: ${JSON.stringify(value)} is not true or false`);
}

/**
 * A token goes into an HTTP header: white space or a control character in it is a pasting mistake
 * (or an attempt to add a header line). The value is never echoed.
 */
function checkToken(value: string, name: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\s\x00-\x1f\x7f]/.test(value)) throw new InputError(`input ${name}: contains white space or a control character (the value is not shown)`);
  return value;
}

/** A comma list in which every element names something: `a,,b` is a typo, not two names. */
function commaList(value: string | undefined, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new InputError(`input ${name}: ${JSON.stringify(value)} has an empty name; separate names with single commas`);
  return items;
}

export function readInputs(get: InputGetter): ActionInputs {
  const opt = (name: string) => {
    const value = get(name).trim();
    return value === '' ? undefined : value;
  };
  const modeRaw = opt('mode');
  if (modeRaw === undefined) throw new InputError('input mode: required (one of ' + MODES.join(', ') + ')');
  const mode = oneOf(modeRaw, MODES, 'mode');
  const token = checkToken(get('token').trim(), 'token');
  const inputs: ActionInputs = {
    mode,
    component: opt('component'),
    toVersion: opt('to-version'),
    toCommit: opt('to-commit'),
    lockFile: opt('lock-file'),
    rev: opt('rev'),
    storeHash: opt('store-hash'),
    storeBranch: opt('store-branch'),
    snapshotAction: opt('snapshot-action') === undefined ? undefined : oneOf(opt('snapshot-action')!, ['create', 'restore'] as const, 'snapshot-action'),
    snapshotFile: opt('snapshot-file'),
    components: commaList(opt('components'), 'components'),
    changeset: opt('changeset'),
    env: opt('env'),
    root: opt('root') ?? '.',
    token,
    componentsToken: checkToken(get('components-token').trim(), 'components-token') || token,
    pullRequest: oneOf(opt('pull-request') ?? 'open', ['open', 'merge', 'auto-merge', 'none'] as const, 'pull-request'),
    mergeMethod: oneOf(opt('merge-method') ?? 'squash', ['merge', 'squash', 'rebase'] as const, 'merge-method'),
    base: opt('base'),
    branch: opt('branch'),
    health: bool(get('health').trim(), 'health', true),
    rollbackOnUnhealthy: bool(get('rollback-on-unhealthy').trim(), 'rollback-on-unhealthy', false),
    recordKnownGood: bool(get('record-known-good').trim(), 'record-known-good', true),
    hold: bool(get('hold').trim(), 'hold', true),
    dryRun: bool(get('dry-run').trim(), 'dry-run', false),
    signCommits: bool(get('sign-commits').trim(), 'sign-commits', false),
    mergeTimeoutMs: duration(get('merge-timeout').trim(), 'merge-timeout', 10 * 60_000),
    groupSize: positive(get('group-size').trim(), 'group-size', DEFAULT_GROUP_SIZE),
    good: opt('good') ?? (mode === 'bisect' ? 'known-good' : undefined),
    bad: opt('bad') ?? (mode === 'bisect' ? 'HEAD' : undefined),
    rollbackCulprits: bool(get('rollback-culprits').trim(), 'rollback-culprits', false),
  };
  validateForMode(inputs);
  return inputs;
}

function require(value: string | undefined, name: string, mode: Mode): string {
  if (value === undefined) throw new InputError(`input ${name}: required with mode ${mode}`);
  return value;
}

/**
 * Paths are relative to the workspace (root) or to the meta-repo root (files) and may not climb out
 * of it; `root` may also be absolute (`${{ github.workspace }}/meta`). The core checks again, after
 * symbolic links, once it knows the root.
 */
function checkPathInput(value: string, name: string, absoluteAllowed: boolean): void {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(value)) throw new InputError(`input ${name}: ${quote(value)} contains a control character`);
  if (isAbsolute(value)) {
    if (absoluteAllowed) return;
    throw new InputError(`input ${name}: ${quote(value)} is absolute; give a path relative to the meta-repo root`);
  }
  const normal = normalize(value).replace(/\\/g, '/');
  if (normal === '..' || normal.startsWith('../')) throw new InputError(`input ${name}: ${quote(value)} climbs out of the ${absoluteAllowed ? 'workspace' : 'meta-repo root'}`);
}

function validateForMode(i: ActionInputs): void {
  if (i.env !== undefined) checkEnvName(i.env, 'input env');
  if (i.component !== undefined) checkComponentName(i.component, 'input component');
  for (const c of i.components ?? []) checkComponentName(c, 'input components');
  if (i.base !== undefined) checkRefName(i.base, 'input base');
  if (i.branch !== undefined) checkRefName(i.branch, 'input branch');
  if (i.storeBranch !== undefined) checkRefName(i.storeBranch, 'input store-branch');
  if (i.toVersion !== undefined) checkRefName(i.toVersion, 'input to-version');
  if (i.toCommit !== undefined) checkShaOrAbbrev(i.toCommit, 'input to-commit');
  // Everything else a mode needs is checked here too, before the run makes any API call or moves
  // the workspace: a bad value is refused the same way however far the run would have got.
  if (i.rev !== undefined) checkRevision(i.rev, 'input rev');
  if (i.storeHash !== undefined) checkHashPrefix(i.storeHash, 'input store-hash');
  if (i.changeset !== undefined) checkChangesetId(i.changeset, 'input changeset');
  checkPathInput(i.root, 'root', true);
  if (i.lockFile !== undefined) checkPathInput(i.lockFile, 'lock-file', false);
  if (i.snapshotFile !== undefined) checkPathInput(i.snapshotFile, 'snapshot-file', false);
  switch (i.mode) {
    case 'component':
      require(i.component, 'component', i.mode);
      if ((i.toVersion === undefined) === (i.toCommit === undefined)) throw new InputError('input to-version / to-commit: give exactly one with mode component');
      break;
    case 'lock':
      require(i.lockFile, 'lock-file', i.mode);
      break;
    case 'store':
      require(i.component, 'component', i.mode);
      require(i.storeHash, 'store-hash', i.mode);
      break;
    case 'snapshot':
      require(i.snapshotAction, 'snapshot-action', i.mode);
      if (i.snapshotAction === 'restore') require(i.snapshotFile, 'snapshot-file', i.mode);
      break;
    case 'changeset':
      require(i.changeset, 'changeset', i.mode);
      break;
    case 'bisect':
      checkRevision(i.good!, 'input good');
      checkRevision(i.bad!, 'input bad');
      if (i.good === i.bad) throw new InputError(`input bad: ${quote(i.bad!)} is input good too; give two different revisions`);
      break;
    default:
      break;
  }
  if (i.branch !== undefined && i.branch === i.base) throw new InputError(`input branch: ${quote(i.branch)} is the base branch too; the head branch must be another`);
  if (i.rollbackOnUnhealthy && i.mode !== 'health') throw new InputError('input rollback-on-unhealthy: only with mode health');
  if (i.mode !== 'bisect') {
    // Ignoring them would run a different mode than the author meant to configure.
    for (const [name, given] of [['good', i.good], ['bad', i.bad], ['rollback-culprits', i.rollbackCulprits || undefined]] as const) {
      if (given !== undefined) throw new InputError(`input ${name}: only with mode bisect`);
    }
  }
}

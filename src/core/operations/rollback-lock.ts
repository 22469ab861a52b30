import { existsSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { RollbackResult } from '../changes.js';
import type { RunContext } from '../context.js';
import { executePlan, type PlannedPin } from '../apply-plan.js';
import { loadLock, parseLockBytes, type Lock } from '../lock.js';
import type { Manifest } from '../manifest.js';
import { requireComponent } from '../manifest.js';
import { quote } from '../names.js';
import { SNAPSHOT_DIR, relativeToRoot, resolveInsideRoot } from '../paths.js';
import { prepareSourcePins, type SourcePin } from '../source-pins.js';
import { readFileAtRevision } from '../../git/meta-history.js';
import { resolveLockRevision } from '../known-good.js';
import { loadState } from './load-state.js';
import { selectEnvForSource } from '../select-env.js';

export interface LockRollbackOptions {
  /** Only these components (the CLI's --component, the action's component or components). */
  readonly components?: readonly string[];
  readonly rev?: string;
}

/**
 * `meta rollback lock LOCKFILE [--component NAME] [--rev GITREV]`: bring the workspace to the pins
 * of another lock (or of a lock as it was at an earlier revision) and record them in the current one.
 */
export async function rollbackLock(ctx: RunContext, lockFile: string, options: LockRollbackOptions = {}): Promise<RollbackResult> {
  const abs = resolveInsideRoot(ctx.root, ctx.cwd, lockFile, 'LOCKFILE');
  // Named as given, so the CLI and the action each name their argument.
  if (options.rev === undefined && !existsSync(abs)) throw new InputError(`LOCKFILE: ${quote(lockFile)}: no such file`);
  const rel = relativeToRoot(ctx.root, abs);
  // git reads the older lock while the manifest and the current lock are parsed.
  const rev = options.rev;
  const olderBytes = rev === undefined ? undefined : resolveLockRevision(ctx, rev).then((commit) => readFileAtRevision(ctx.root, commit, rel));
  olderBytes?.catch(() => undefined);
  // The source is read first: whose lock it is decides which env's lock is written.
  const sourceName = olderBytes !== undefined ? `${rel}@${rev}` : rel;
  const source = olderBytes !== undefined ? parseLockBytes(await olderBytes, sourceName) : await loadLock(ctx.root, rel);
  const { ctx: selected, notice } = selectEnvForSource(ctx, lockFile, 'LOCKFILE', rel, source.environment);
  const state = await loadState(selected, olderBytes === undefined ? { rel, lock: source } : undefined);
  const sourceIsCurrent = options.rev === undefined && rel === state.lockRel;
  const pins = new Map<string, SourcePin>();
  for (const [name, entry] of source.entries) pins.set(name, { version: entry.version, commit: entry.commit, repo: entry.repo, at: `${sourceName}:${entry.commitLine}` });
  return applyPins(selected, state, pins, {
    mode: 'lock',
    sourceName,
    components: options.components,
    // The current lock itself is rewritten only to replace a tag object it pins by its commit.
    writeLock: sourceIsCurrent ? 'if-peeled' : true,
    notice,
    fromPythonLock: source.mode !== undefined,
  });
}

export interface ApplyPinsOptions {
  readonly mode: string;
  readonly sourceName: string;
  readonly components?: readonly string[];
  readonly writeLock: boolean | 'if-peeled';
  /** The versions were read from checkouts (a snapshot): `HEAD` or a branch name is not kept as one. */
  readonly checkoutVersions?: boolean;
  /** A snapshot restore: the undo of whichever rollback saved it. */
  readonly undoOf?: string;
  /** Which lock is written and why (see select-env.ts): printed once every pin has been checked. */
  readonly notice?: string;
  /** See prepareSourcePins. */
  readonly fromPythonLock?: boolean;
}

/** Shared by lock rollbacks and snapshot restores: validate every pin first, then execute. */
export async function applyPins(
  ctx: RunContext,
  state: { manifest: Manifest; lock: Lock; lockRel: string },
  sourcePins: ReadonlyMap<string, SourcePin>,
  options: ApplyPinsOptions,
): Promise<RollbackResult> {
  let names = [...sourcePins.keys()];
  const warnings: string[] = [];
  if (options.components !== undefined) {
    for (const name of options.components) {
      requireComponent(state.manifest, name, '--component');
      if (!sourcePins.has(name)) throw new InputError(`--component: ${quote(name)} has no pin in ${options.sourceName}`);
    }
    names = [...new Set(options.components)];
  }
  for (const name of names) requireComponent(state.manifest, name, `${options.sourceName}: components.${name}`);
  const chosen = new Map(names.map((name) => [name, sourcePins.get(name)!]));
  const { pins, peeled } = await prepareSourcePins(ctx, state.manifest.components, state.lock, chosen, warnings, { checkoutVersions: options.checkoutVersions, fromPythonLock: options.fromPythonLock });
  const planned: PlannedPin[] = names.map((name) => {
    const spec = requireComponent(state.manifest, name, `${options.sourceName}: components.${name}`);
    const pin = pins.get(name)!;
    return { component: name, to: { version: pin.version, commit: pin.commit }, repo: state.lock.entries.get(name)?.repo ?? pin.repo ?? spec.repo };
  });
  // An undo snapshot (.meta/snapshots/) holds only the entries its rollback changed: the others are
  // missing by design, and a warning about each would bury the one line that matters.
  const undoSnapshot = options.mode === 'snapshot' && options.sourceName.startsWith(`${SNAPSHOT_DIR}/`);
  if (options.components === undefined && !undoSnapshot) {
    const missing = [...state.lock.entries.keys()].filter((n) => !sourcePins.has(n));
    if (missing.length > 0) warnings.push(`${options.sourceName} has no pin for ${missing.join(', ')}; left as they are`);
  }
  const writeLock = options.writeLock === 'if-peeled' ? peeled > 0 : options.writeLock;
  return executePlan(ctx, { mode: options.mode, lock: state.lock, lockRel: state.lockRel, pins: planned, writeLock, warnings, undoOf: options.undoOf, notice: options.notice });
}

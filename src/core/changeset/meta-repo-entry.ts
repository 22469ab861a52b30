import { basename } from 'node:path';
import type { RollbackResult } from '../changes.js';
import type { RunContext } from '../context.js';
import { InputError } from '../errors.js';
import type { Manifest } from '../manifest.js';
import { quote } from '../names.js';
import { rollbackLock } from '../operations/rollback-lock.js';
import { lockPathFor } from '../paths.js';
import { resolveMetaRevision } from '../../git/meta-history.js';
import type { ChangesetFile, ChangesetRepoEntry } from './file.js';

/**
 * The Python CLI's `meta lock --changeset ID` records the meta-repo itself in the changeset:
 * `name:` its directory, `repo: ''`, `commit:` the meta-repo's HEAD when the lock was generated.
 * Rolling such an entry back means putting the selected env's lock back as it was before that change.
 */
export interface LockRestorePlan {
  /** `manifests/components.lock[.<env>].yaml` */
  readonly lock: string;
  /** The meta-repo commit whose version of the lock is restored. */
  readonly rev: string;
  /** The commit the changeset recorded. */
  readonly recorded: string;
  /** What restoring would change (a dry run of `rollback lock LOCK --rev REV`). */
  readonly preview: RollbackResult;
}

export function isMetaRepoEntry(manifest: Manifest, entry: ChangesetRepoEntry): boolean {
  return entry.repoEmpty === true && (entry.name === undefined || !manifest.components.has(entry.name));
}

/**
 * Which lock state the meta-repo entries of a changeset go back to. Python records the meta-repo's
 * HEAD right after generating the new lock and before it can be committed, so the lock as it is at
 * that commit is the state before the change. With several entries, the oldest (first listed) decides.
 */
export async function planLockRestore(ctx: RunContext, changeset: ChangesetFile, entries: readonly ChangesetRepoEntry[], warnings: string[]): Promise<LockRestorePlan | undefined> {
  const entry = entries[0];
  if (!entry) return undefined;
  const where = `${changeset.rel}:${entry.line}: repos[${entry.index}]`;
  const sha = entry.commits[0];
  if (sha === undefined) throw new InputError(`${where}.commit: missing; the meta-repo's entry needs the commit it was recorded at`);
  let recorded: string;
  try {
    recorded = await resolveMetaRevision(ctx.root, sha);
  } catch (err) {
    if (err instanceof InputError) throw new InputError(`${where}.commit: ${quote(sha)} is not a commit of the meta-repo`);
    throw err;
  }
  if (entry.name !== undefined && entry.name !== basename(ctx.root)) {
    warnings.push(`${where}.name: ${quote(entry.name)} is no component and its repo is ''; read as the meta-repo itself (this one is ${quote(basename(ctx.root))})`);
  }
  const lock = lockPathFor(ctx.env);
  const rev = recorded;
  const preview = await rollbackLock({ ...ctx, dryRun: true }, lock, { rev });
  return { lock, rev, recorded, preview };
}

/** Carries out the restore; the result's snapshot undoes it. */
export function restoreLock(ctx: RunContext, plan: LockRestorePlan): Promise<RollbackResult> {
  return rollbackLock(ctx, plan.lock, { rev: plan.rev });
}

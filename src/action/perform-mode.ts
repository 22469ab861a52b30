import type { RollbackReport } from '../core/changes.js';
import type { RunContext } from '../core/context.js';
import { CHANGESET_DIR, HOLDS_PATH } from '../core/paths.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { rollbackChangeset, type ApplyOptions, type ChangesetRollbackResult } from '../core/changeset/apply.js';
import type { ComponentPull } from './changeset-pulls.js';

const CHANGESET_INDEX = `${CHANGESET_DIR}/index.yaml`;
import { timestamp } from '../core/lock-edit.js';
import { rollbackComponent } from '../core/operations/rollback-component.js';
import { rollbackLock } from '../core/operations/rollback-lock.js';
import { createSnapshot, restoreSnapshot, type SnapshotCreated } from '../core/operations/snapshot.js';
import { listTargets, type TargetList } from '../core/operations/list-targets.js';
import { rollbackStore } from '../core/store/rollback-store.js';
import { storeTargetsFrom } from '../core/store/targets.js';
import { changesetTargets } from '../core/changeset/targets.js';
import { knownGoodTargets } from '../core/known-good.js';
import type { ActionInputs } from './inputs.js';

export type ModeOutcome =
  | { readonly kind: 'rollback'; readonly result: RollbackReport; readonly files: string[] }
  | { readonly kind: 'snapshot-created'; readonly result: SnapshotCreated; readonly files: string[] }
  | { readonly kind: 'list'; readonly result: TargetList; readonly files: [] }
  | { readonly kind: 'changeset'; readonly result: ChangesetRollbackResult; readonly files: string[]; pulls?: ComponentPull[] };

/** The files a rollback wrote, which the action commits: lock, journal, the undo snapshot, holds. */
export function filesOf(result: RollbackReport): string[] {
  if (result.dryRun || result.changes.length === 0) return [];
  const files = result.journalFile ? [result.journalFile] : [];
  if (result.changes.some((c) => c.lock === 'changed')) files.unshift(result.lock);
  if (result.snapshot) files.push(result.snapshot);
  // The holds it added land in the same commit and pull request as the rollback they guard.
  if ((result.historyEntry?.holds?.length ?? 0) + (result.historyEntry?.holds_released?.length ?? 0) > 0) files.push(HOLDS_PATH);
  return files;
}

/** Runs the core operation a mode names, in the checked-out meta-repo. */
export async function performMode(ctx: RunContext, inputs: ActionInputs, publishBranch?: ApplyOptions['publishBranch']): Promise<ModeOutcome> {
  switch (inputs.mode) {
    case 'component': {
      const target = inputs.toVersion !== undefined ? { kind: 'version' as const, tag: inputs.toVersion } : { kind: 'commit' as const, sha: inputs.toCommit! };
      const result = await rollbackComponent(ctx, inputs.component!, target);
      return { kind: 'rollback', result, files: filesOf(result) };
    }
    case 'lock': {
      const result = await rollbackLock(ctx, inputs.lockFile!, { components: selection(inputs), rev: inputs.rev });
      return { kind: 'rollback', result, files: filesOf(result) };
    }
    case 'snapshot': {
      if (inputs.snapshotAction === 'restore') {
        const result = await restoreSnapshot(ctx, inputs.snapshotFile!, selection(inputs));
        return { kind: 'rollback', result, files: filesOf(result) };
      }
      const file = inputs.snapshotFile ?? `.meta/snapshots/${timestamp(ctx.now()).slice(0, 10)}-${ctx.env ?? 'default'}.yaml`;
      const result = await createSnapshot(ctx, file, inputs.components);
      return { kind: 'snapshot-created', result, files: result.dryRun ? [] : [result.file] };
    }
    case 'store': {
      const result = await rollbackStore(ctx, inputs.component!, inputs.storeHash!, { storeBranch: inputs.storeBranch });
      return { kind: 'rollback', result, files: filesOf(result) };
    }
    case 'changeset': {
      // Revert branches are pushed here, all or nothing, with the components' credentials.
      const result = await rollbackChangeset(ctx, inputs.changeset!, { push: !ctx.dryRun, gitEnv: ctx.gitEnv, publishBranch });
      const restored = result.lockRestore ? filesOf(result.lockRestore) : [];
      const written = result.dryRun || result.nothingToDo ? [] : [result.file, CHANGESET_INDEX, ...(result.journalFile ? [result.journalFile] : []), ...restored];
      return { kind: 'changeset', result, files: written.filter((f) => existsSync(join(ctx.root, f))) };
    }
    case 'list': {
      const result = await listTargets(ctx, inputs.component, [storeTargetsFrom({ storeBranch: inputs.storeBranch }), changesetTargets, knownGoodTargets]);
      return { kind: 'list', result, files: [] };
    }
    default:
      throw new Error(`mode ${inputs.mode} is handled elsewhere`);
  }
}

/** `component` and `components` both narrow lock and snapshot rollbacks (a fan-out job passes a group). */
export function selection(inputs: ActionInputs): string[] | undefined {
  const names = [...(inputs.component !== undefined ? [inputs.component] : []), ...(inputs.components ?? [])];
  return names.length > 0 ? names : undefined;
}

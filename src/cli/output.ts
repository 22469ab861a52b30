import type { RollbackResult } from '../core/changes.js';
import { shortPin } from '../core/changes.js';
import type { SnapshotCreated } from '../core/operations/snapshot.js';
import { undoCommand } from './cli-context.js';

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export function printJson(io: Io, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

export function formatRollback(result: RollbackResult): string {
  const lines: string[] = [];
  const verb = result.dryRun ? 'would roll back' : 'rolled back';
  if (result.changes.length === 0) {
    lines.push(`nothing to do: ${result.lock} and the checkouts already match`);
  } else {
    lines.push(`${verb} ${result.changes.length} component${result.changes.length === 1 ? '' : 's'} in ${result.lock}${result.dryRun ? ' (dry run: nothing changed)' : ''}`);
    const width = Math.max(...result.changes.map((c) => c.component.length));
    for (const change of result.changes) {
      const notes = [change.lock === 'changed' ? 'lock' : null, change.checkout === 'moved' ? 'checkout' : null].filter(Boolean).join(' + ');
      lines.push(`  ${change.component.padEnd(width)}  ${shortPin(change.from)} -> ${shortPin(change.to)}  [${notes}]`);
    }
  }
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  for (const hold of result.historyEntry?.holds ?? []) {
    lines.push(`held ${hold.component} ${hold.version ?? ''} (${hold.commit.slice(0, 12)})${hold.envs ? ` for ${hold.envs.join(', ')}` : ''} in manifests/holds.yaml; release with: meta hold release ${hold.component} --commit ${hold.commit.slice(0, 12)}`);
  }
  for (const hold of result.historyEntry?.holds_released ?? []) lines.push(`released the hold on ${hold.component} ${hold.version ?? ''} (${hold.commit.slice(0, 12)}) that the undone rollback added`);
  if (result.snapshot) {
    lines.push(`snapshot of the previous pins: ${result.snapshot}`);
    lines.push(`undo with: ${undoCommand(result.snapshot, result.env ?? undefined)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatSnapshotCreated(result: SnapshotCreated): string {
  const names = Object.keys(result.snapshot.components);
  return `${result.dryRun ? 'would write' : 'wrote'} snapshot of ${names.length} component${names.length === 1 ? '' : 's'} to ${result.file}\n`;
}

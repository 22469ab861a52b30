import type { Pin } from './lock.js';

/** One component's move, as reported in `--json`, the action's outputs and the journal. */
export interface Change {
  readonly component: string;
  readonly from: Pin | null;
  readonly to: Pin;
  /** What happened to `components/<name>`: moved, already there, or no checkout. */
  readonly checkout: 'moved' | 'unchanged' | 'absent';
  readonly lock: 'changed' | 'unchanged';
}

export interface JournalLine {
  readonly at: string;
  readonly actor: string;
  readonly mode: string;
  readonly env: string | null;
  readonly lock: string;
  readonly changes: ReadonlyArray<{ component: string; from: Pin | null; to: Pin }>;
  readonly snapshot: string | null;
  /** The holds this rollback added to manifests/holds.yaml (absent when it added none). */
  readonly holds?: ReadonlyArray<{ component: string; commit: string; version?: string; envs?: readonly string[] }>;
  /** The holds it released: an undo (snapshot restore) releases those its rollback added. */
  readonly holds_released?: ReadonlyArray<{ component: string; commit: string; version?: string; envs?: readonly string[] }>;
}

export interface RollbackResult {
  readonly ok: boolean;
  readonly mode: string;
  readonly env: string | null;
  readonly lock: string;
  readonly dryRun: boolean;
  readonly changes: readonly Change[];
  readonly snapshot: string | null;
  readonly historyEntry: JournalLine | null;
  /** The journal file the entry was written to, relative to the root (null: nothing was journaled). */
  readonly journalFile: string | null;
  readonly warnings: readonly string[];
}

/** Where a rollback moved a component; `commit` is null only for a store entry that is a bare file tree. */
export interface TargetPin {
  readonly version: string;
  readonly commit: string | null;
}

/**
 * What every kind of rollback reports (component, lock, snapshot, store): the shape the CLI's
 * `--json`, the action's outputs and its summary are built from.
 */
export interface RollbackReport {
  readonly ok: boolean;
  readonly mode: string;
  readonly env: string | null;
  readonly lock: string;
  readonly dryRun: boolean;
  readonly changes: ReadonlyArray<Omit<Change, 'to'> & { readonly to: TargetPin }>;
  readonly snapshot: string | null;
  readonly historyEntry: (Omit<JournalLine, 'changes'> & { readonly changes: ReadonlyArray<{ component: string; from: Pin | null; to: TargetPin }> }) | null;
  readonly journalFile: string | null;
  readonly warnings: readonly string[];
}

export function shortPin(pin: TargetPin | null): string {
  if (!pin) return '(none)';
  if (pin.commit === null) return pin.version;
  return pin.version === pin.commit.slice(0, 12) ? pin.version : `${pin.version} (${pin.commit.slice(0, 12)})`;
}

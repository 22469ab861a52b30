import { InputError } from '../errors.js';
import type { RunContext } from '../context.js';
import type { Pin } from '../lock.js';
import { readJournal } from '../journal-reader.js';
import { parseYamlText } from '../yaml-source.js';
import { describeHold, findHold, type HoldsFile } from './holds-file.js';
import { appendHoldsText, removeHoldsText, type NewHold } from './holds-edit.js';

/** A component a rollback moves: where its pin was, and where it goes. */
export interface PinMove {
  readonly component: string;
  readonly from: Pin | null;
  readonly to: Pin;
}

/**
 * A rollback whose targets include a held commit is refused whole, before anything changes: the
 * hold says that version was rolled away from for a reason. `--force` goes ahead (the hold stays)
 * and says so in a warning.
 */
export function refuseHeldTargets(ctx: RunContext, holds: HoldsFile, moves: readonly PinMove[], warnings: string[]): void {
  for (const move of moves) {
    if (move.to.commit === '') continue;
    const hold = findHold(holds.holds, move.component, move.to.commit, ctx.env);
    if (!hold) continue;
    if (ctx.force) {
      warnings.push(`--force: rolling ${move.component} back to a held commit (${describeHold(hold)}); the hold stays`);
      continue;
    }
    throw new InputError(`${describeHold(hold)}; release it first (meta hold release ${move.component} --commit ${hold.commit.slice(0, 12)}) or give --force`);
  }
}

/**
 * The holds a rollback adds: one for each pin it rolls away from, for the rollback's env (none for
 * the default lock's, which covers every env), unless one already holds that pin there.
 */
export function holdsFor(ctx: RunContext, holds: HoldsFile, moves: readonly PinMove[], mode: string, at: string): NewHold[] {
  if (ctx.hold === false) return [];
  const added: NewHold[] = [];
  for (const { component, from, to } of moves) {
    if (!from || from.commit === '' || from.commit === to.commit) continue;
    if (findHold(holds.holds, component, from.commit, ctx.env) || added.some((h) => h.component === component && h.commit === from.commit)) continue;
    added.push({
      component,
      commit: from.commit,
      version: from.version,
      envs: ctx.env === undefined ? undefined : [ctx.env],
      reason: ctx.holdReason ?? `rolled back by meta-rollback (${mode})`,
      at,
      by: ctx.actor,
    });
  }
  return added;
}

/**
 * Restoring the undo snapshot of a rollback undoes that rollback, holds included: the holds it added
 * (as its journal entry names them) are released in the same write, so the undo is not refused for
 * re-pinning what that very rollback held; and it adds none, since it says the rollback was the
 * mistake, not the pins it moves away from. Returns their indexes in the holds file.
 */
export async function holdsAddedByRollbackOf(root: string, snapshotRel: string, holds: HoldsFile): Promise<{ undo: boolean; released: Set<number> }> {
  // Newest first: the latest rollback that saved this snapshot.
  const entry = (await readJournal(root)).records.find((r) => r.entry.snapshot === snapshotRel)?.entry;
  const added = entry?.holds ?? [];
  const indexes = new Set<number>();
  holds.holds.forEach((h, i) => {
    if (added.some((a) => a.component === h.component && a.commit === h.commit && (a.envs ?? []).join(',') === (h.envs ?? []).join(','))) indexes.add(i);
  });
  return { undo: entry !== undefined, released: indexes };
}

/** The holds file less the released entries, as refusals and de-duplication see it. */
export function withoutReleased(holds: HoldsFile, released: ReadonlySet<number>): HoldsFile {
  return { file: holds.file, holds: holds.holds.filter((_, i) => !released.has(i)) };
}

/** The holds file's new text (undefined: unchanged) after releasing and adding, each edit in place. */
export function holdsText(holds: HoldsFile, released: ReadonlySet<number>, added: readonly NewHold[]): string | undefined {
  if (released.size === 0 && added.length === 0) return undefined;
  let file = holds.file;
  if (file && released.size > 0) file = parseYamlText(removeHoldsText(file, released), file.display);
  return added.length > 0 ? appendHoldsText(file, added) : file!.text;
}

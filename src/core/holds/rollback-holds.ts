import { OperationError, InputError } from '../errors.js';
import type { RunContext } from '../context.js';
import type { Pin } from '../lock.js';
import { HOLDS_PATH } from '../paths.js';
import { describeHold, findHold, type HoldsFile } from './holds-file.js';
import type { NewHold } from './holds-edit.js';

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

/** Under the lock: the holds file must still be what was read, or another run changed it. */
export function assertHoldsUnchanged(before: HoldsFile, nowText: string | undefined): void {
  if ((before.file?.text ?? undefined) !== nowText) throw new OperationError(`${HOLDS_PATH}: changed by someone else while this rollback was being planned; run it again`);
}

import type { RunContext } from '../core/context.js';
import { OperationError } from '../core/errors.js';
import { loadLock, parseLockBytes, type Lock } from '../core/lock.js';
import { knownGoodRef, fetchKnownGood } from '../git/known-good.js';
import { readFileAtRevision } from '../git/meta-history.js';
import { ensureLastChange, type MetaRemote } from '../git/shallow-history.js';

/** Where an automated rollback goes, and the sentence the summary gives for it. */
export interface HealthTarget {
  readonly kind: 'known-good' | 'previous';
  readonly commit: string;
  readonly why: string;
}

function samePins(a: Lock, b: Lock): boolean {
  if (a.entries.size !== b.entries.size) return false;
  for (const [name, entry] of a.entries) {
    const other = b.entries.get(name);
    if (other?.commit !== entry.commit || other.version !== entry.version) return false;
  }
  return true;
}

/**
 * The known-good state when one is recorded and pins something else than the current lock: the
 * previous revision may be a bad release too (two in a row), and known-good is the last state whose
 * checks passed. Otherwise the revision before the lock's last change, as before known-good existed,
 * but never when that change was itself a meta-rollback: then a person decides what comes next.
 */
export async function chooseHealthTarget(ctx: RunContext, remote: MetaRemote, lockRel: string): Promise<HealthTarget> {
  const knownGood = await fetchKnownGood(remote, ctx.env);
  let whyNot = `no known-good state is recorded (${knownGoodRef(ctx.env)})`;
  if (knownGood !== undefined) {
    const short = knownGood.slice(0, 12);
    const current = await loadLock(ctx.root, lockRel);
    const recorded = await readFileAtRevision(ctx.root, knownGood, lockRel).then((bytes) => parseLockBytes(bytes, `${lockRel}@known-good`), () => undefined);
    if (recorded && !samePins(recorded, current)) {
      return { kind: 'known-good', commit: knownGood, why: `rolled back to the known-good state ${short} (${knownGoodRef(ctx.env)}, the last commit whose health checks passed): its ${lockRel} pins differ from the current ones` };
    }
    whyNot = recorded ? `the known-good state ${short} pins what the current lock pins` : `the known-good state ${short} has no ${lockRel}`;
  }
  const last = await ensureLastChange(remote, lockRel);
  if (!last?.parent) throw new OperationError(`${lockRel}: no earlier revision in the meta-repo's history to roll back to (${whyNot})`);
  if (/^Meta-Rollback-Mode: /m.test(last.message)) {
    throw new OperationError(`${lockRel}: its last change (${last.commit.slice(0, 12)}) is already a meta-rollback; not rolling back again automatically (${whyNot})`);
  }
  return { kind: 'previous', commit: last.parent, why: `rolled back to the revision before ${last.commit.slice(0, 12)}, the lock's last change: ${whyNot}` };
}

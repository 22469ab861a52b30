import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { writeFileAtomic } from './atomic-write.js';
import type { Change, JournalLine, RollbackResult } from './changes.js';
import type { RunContext } from './context.js';
import { OperationError, errorMessage } from './errors.js';
import { appendJournal } from './journal.js';
import { editLockText, timestamp, type PinWrite } from './lock-edit.js';
import type { Lock, Pin } from './lock.js';
import { SNAPSHOT_DIR } from './paths.js';
import { locateRepo } from './repo-url.js';
import { writeSnapshot, type SnapshotPin } from './snapshot-file.js';
import { inspectCheckout } from './workspace.js';
import { checkoutDetached, ensureCommitPresent, restoreCheckout, type CheckoutState } from '../git/checkout.js';

export interface PlannedPin {
  readonly component: string;
  readonly to: Pin;
  /** The component's repository, written into new lock entries and used to fetch missing commits. */
  readonly repo: string;
}

export interface Plan {
  readonly mode: string;
  readonly lock: Lock;
  readonly lockRel: string;
  readonly pins: readonly PlannedPin[];
  /** False when the source is the current lock itself: only checkouts move. */
  readonly writeLock: boolean;
  readonly warnings?: readonly string[];
}

interface Step {
  readonly pin: PlannedPin;
  readonly checkout?: CheckoutState;
  readonly change: Change;
}

/**
 * Carries out a fully validated plan in the order that keeps it undoable: record the current state
 * as a snapshot, move the checkouts, write the lock, then journal. If any step fails, everything
 * already done is put back and the snapshot removed, so a failed run leaves no trace.
 */
export async function executePlan(ctx: RunContext, plan: Plan): Promise<RollbackResult> {
  const limit = pLimit(ctx.jobs);
  const steps = await Promise.all(plan.pins.map((pin) => limit(() => planStep(ctx, plan, pin))));
  const effective = steps.filter((s) => s.change.lock === 'changed' || s.change.checkout === 'moved');
  const base = {
    ok: true,
    mode: plan.mode,
    env: ctx.env ?? null,
    lock: plan.lockRel,
    dryRun: ctx.dryRun,
    changes: effective.map((s) => s.change),
    warnings: plan.warnings ?? [],
  };
  if (effective.length === 0 || ctx.dryRun) return { ...base, snapshot: null, historyEntry: null };

  const moving = effective.filter((s) => s.change.checkout === 'moved' && s.checkout);
  await Promise.all(
    moving.map((s) =>
      limit(async () => {
        const location = locateRepo(s.pin.repo, ctx.root);
        const url = location.kind === 'url' ? location.url : location.path;
        try {
          if (await ensureCommitPresent(s.checkout!.dir, s.pin.to.commit, url, ctx.gitEnv as Record<string, string>)) {
            ctx.log(`fetched ${s.pin.to.commit.slice(0, 12)} into components/${s.pin.component}`);
          }
        } catch (err) {
          throw new OperationError(`components/${s.pin.component}: ${errorMessage(err)}`);
        }
      }),
    ),
  );

  const lockPath = join(ctx.root, plan.lockRel);
  const lockChanges = effective.filter((s) => s.change.lock === 'changed');
  if (lockChanges.length > 0) await assertUnchanged(lockPath, plan);

  const now = ctx.now();
  const snapshotRel = `${SNAPSHOT_DIR}/${timestamp(now).replace(/:/g, '')}-${ctx.env ?? 'default'}-${plan.mode}-${process.pid}.yaml`;
  const snapshotPath = join(ctx.root, snapshotRel);
  const before = new Map<string, SnapshotPin>();
  for (const s of effective) {
    if (s.change.from) before.set(s.pin.component, { ...s.change.from, repo: plan.lock.entries.get(s.pin.component)?.repo ?? s.pin.repo });
  }
  await writeSnapshot(snapshotPath, { createdAt: timestamp(now), environment: ctx.env, components: before });

  const moved: CheckoutState[] = [];
  let lockWritten = false;
  try {
    await Promise.all(
      moving.map((s) =>
        limit(async () => {
          await checkoutDetached(s.checkout!.dir, s.pin.to.commit);
          moved.push(s.checkout!);
        }),
      ),
    );
    if (lockChanges.length > 0) {
      const writes: PinWrite[] = lockChanges.map((s) => ({ component: s.pin.component, pin: s.pin.to, repo: s.pin.repo }));
      await writeFileAtomic(lockPath, editLockText(plan.lock, writes, timestamp(now)));
      lockWritten = true;
    }
    const historyEntry: JournalLine = {
      at: timestamp(now),
      actor: ctx.actor,
      mode: plan.mode,
      env: ctx.env ?? null,
      lock: plan.lockRel,
      changes: effective.map((s) => ({ component: s.change.component, from: s.change.from, to: s.change.to })),
      snapshot: snapshotRel,
    };
    await appendJournal(ctx.root, historyEntry);
    return { ...base, snapshot: snapshotRel, historyEntry };
  } catch (err) {
    await Promise.allSettled(moved.map((state) => restoreCheckout(state)));
    if (lockWritten) await writeFileAtomic(lockPath, plan.lock.file.text).catch(() => undefined);
    await rm(snapshotPath, { force: true });
    throw err instanceof OperationError ? err : new OperationError(`rollback failed and was undone: ${errorMessage(err)}`);
  }
}

async function planStep(ctx: RunContext, plan: Plan, pin: PlannedPin): Promise<Step> {
  const entry = plan.lock.entries.get(pin.component);
  const checkout = await inspectCheckout(ctx.root, pin.component);
  const lockChanged = plan.writeLock && (!entry || entry.commit !== pin.to.commit || entry.version !== pin.to.version);
  const checkoutStatus = !checkout ? 'absent' : checkout.head === pin.to.commit ? 'unchanged' : 'moved';
  let from: Pin | null = entry ? { version: entry.version, commit: entry.commit } : null;
  if (!lockChanged && checkout && checkoutStatus === 'moved') {
    // Only the checkout moves, so "from" is where the checkout was, which is what undo must restore.
    from = { version: entry?.commit === checkout.head ? entry.version : checkout.head.slice(0, 12), commit: checkout.head };
  }
  return {
    pin,
    checkout,
    change: { component: pin.component, from, to: pin.to, checkout: checkoutStatus, lock: lockChanged ? 'changed' : 'unchanged' },
  };
}

async function assertUnchanged(lockPath: string, plan: Plan): Promise<void> {
  const now = await readFile(lockPath, 'utf8').catch(() => undefined);
  if (now !== plan.lock.file.text) {
    throw new OperationError(`${plan.lockRel}: changed by someone else while this rollback was being planned; run it again`);
  }
}

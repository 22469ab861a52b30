import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit, { type LimitFunction } from 'p-limit';
import { writeFileAtomic } from './atomic-write.js';
import type { Change, JournalLine, RollbackResult } from './changes.js';
import type { RunContext } from './context.js';
import { OperationError, errorMessage } from './errors.js';
import { nextJournalFile, writeJournalEntry } from './journal.js';
import { editLockText, timestamp } from './lock-edit.js';
import type { Lock, Pin } from './lock.js';
import { crashPoint, sha256, staleLockPresent, withMetaLock, type MetaLock } from './meta-lock.js';
import { MANIFEST_PATH, SNAPSHOT_DIR, relativeToRoot, resolveInsideRoot } from './paths.js';
import { loadManifest } from './manifest.js';
import { editManifestVersions, type ManifestVersionWrite } from './manifest-edit.js';
import { locateRepo } from './repo-url.js';
import { writeSnapshot, type SnapshotPin } from './snapshot-file.js';
import { inspectCheckout } from './workspace.js';
import { ensureCommitPresent, restoreCheckout, type CheckoutState } from '../git/checkout.js';
import { checkoutMany } from '../git/batch-checkout.js';
import { InterruptedError, interruptPoint, throwIfInterrupted } from './interrupt.js';
import { headState } from '../git/repo-reader.js';
import { loadHolds, type HoldsFile } from './holds/holds-file.js';
import { holdsAddedByRollbackOf, holdsFor, holdsText, refuseHeldTargets, withoutReleased } from './holds/rollback-holds.js';
import { HOLDS_PATH } from './paths.js';

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
  /** The undo snapshot being restored, when this plan undoes an earlier rollback (its holds are released). */
  readonly undoOf?: string;
  /** A line naming the lock written when the env was taken from an argument; printed before anything changes. */
  readonly notice?: string;
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
 *
 * The writes happen holding `.meta/lock` (see meta-lock.ts), so two rollbacks of one meta-repo
 * never interleave; under it the plan is checked against the files and checkouts again, and the
 * lock records what is being written so a run killed half-way is finished or undone by the next.
 */
export async function executePlan(ctx: RunContext, given: Plan): Promise<RollbackResult> {
  let plan = vendoredPins(given);
  const limit = pLimit(ctx.jobs);
  // A run killed half-way leaves checkouts this run would take for someone's uncommitted work:
  // finish or undo it first, then plan from what is there.
  if (!ctx.dryRun && (await staleLockPresent(ctx.root))) await withMetaLock(ctx, `meta rollback ${plan.mode} (recovery)`, async () => undefined);
  let steps = await planSteps(ctx, plan, limit);
  const warnings = [...(plan.warnings ?? [])];
  // Held targets are refused before anything is fetched or locked, dry runs included.
  refuseHeldTargets(ctx, (await readHoldsState(ctx, plan)).kept, lockMoves(steps), warnings);
  plan = { ...plan, warnings };
  await interruptPoint('planned');
  if (ctx.dryRun && plan.notice) ctx.log(plan.notice);
  if (ctx.dryRun) return resultOf(ctx, plan, steps, null, null);
  // Nothing to do may only look so because a killed run got half-way: then take its lock anyway.
  if (effectiveOf(steps).length === 0 && !(await staleLockPresent(ctx.root))) return resultOf(ctx, plan, steps, null, null);
  await fetchMissing(ctx, effectiveOf(steps), limit);
  // After the fetch (objects only) and before the first write: a failed fetch stays one error line.
  if (plan.notice) ctx.log(plan.notice);

  return withMetaLock(ctx, `meta rollback ${plan.mode}${ctx.env ? ` --env ${ctx.env}` : ''}`, async (metaLock) => {
    await interruptPoint('locked');
    if (metaLock.recovered) {
      // An interrupted run was just finished or undone: plan again from what is there now.
      steps = await planSteps(ctx, plan, limit);
      await fetchMissing(ctx, effectiveOf(steps), limit);
    } else {
      await assertCheckoutsUnchanged(ctx, effectiveOf(steps), limit);
    }
    if (effectiveOf(steps).length === 0) return resultOf(ctx, plan, steps, null, null);
    // Read again under the lock: a rollback of another env may have added holds meanwhile, and
    // holds are only ever written under it, so this read stays true until this run writes.
    const holds = await readHoldsState(ctx, plan);
    refuseHeldTargets(ctx, holds.kept, lockMoves(steps), []);
    return writePlan(ctx, plan, steps, metaLock, limit, holds);
  });
}

/**
 * A vendored lock entry (the Python CLI's vendored mode) keeps pinning a version only: the commit a
 * target resolved to is not written, and components/NAME, a copy of the sources, is not touched.
 */
function vendoredPins(plan: Plan): Plan {
  const warnings = [...(plan.warnings ?? [])];
  const vendoredMode = plan.lock.mode === 'vendored';
  const pins = plan.pins.map((pin) => {
    const entry = plan.lock.entries.get(pin.component);
    if (!(entry?.vendored ?? vendoredMode)) return pin;
    if (entry?.version !== pin.to.version) {
      warnings.push(
        `${plan.lockRel}: components.${pin.component} is vendored (a version, no commit): only its version is set, to ${pin.to.version}; the vendored files in components/${pin.component} are not changed; re-vendor them at that version (Python CLI: meta vendor import ${pin.component} --force)`,
      );
    }
    return { ...pin, to: { version: pin.to.version, commit: '' } };
  });
  return { ...plan, pins, warnings };
}

/** How the journal names a hold: what it holds and where. */
function holdSummary(h: { component: string; commit: string; version?: string; envs?: readonly string[] }): NonNullable<JournalLine['holds']>[number] {
  return { component: h.component, commit: h.commit, version: h.version, envs: h.envs };
}

/** The pins a rollback writes into the lock: what holds guard (a checkout synced to the lock is no release). */
function lockMoves(steps: readonly Step[]): Change[] {
  return steps.filter((s) => s.change.lock === 'changed').map((s) => s.change);
}

function effectiveOf(steps: readonly Step[]): Step[] {
  return steps.filter((s) => s.change.lock === 'changed' || s.change.checkout === 'moved');
}

function resultOf(ctx: RunContext, plan: Plan, steps: readonly Step[], snapshot: string | null, historyEntry: JournalLine | null, journalFile: string | null = null): RollbackResult {
  return {
    ok: true,
    mode: plan.mode,
    env: ctx.env ?? null,
    lock: plan.lockRel,
    dryRun: ctx.dryRun,
    changes: effectiveOf(steps).map((s) => s.change),
    warnings: plan.warnings ?? [],
    snapshot,
    historyEntry,
    journalFile,
  };
}

async function planSteps(ctx: RunContext, plan: Plan, limit: LimitFunction): Promise<Step[]> {
  return Promise.all(plan.pins.map((pin) => limit(() => planStep(ctx, plan, pin))));
}

/** Fetching only adds objects to the checkouts, so it happens before the lock is taken. */
async function fetchMissing(ctx: RunContext, effective: readonly Step[], limit: LimitFunction): Promise<void> {
  try {
    await fetchEach(ctx, effective, limit);
  } finally {
    ctx.progress?.('');
  }
}

async function fetchEach(ctx: RunContext, effective: readonly Step[], limit: LimitFunction): Promise<void> {
  const moving = effective.filter((s) => s.change.checkout === 'moved' && s.checkout);
  let looked = 0;
  await Promise.all(
    moving.map((s) =>
      limit(async () => {
        ctx.progress?.(`commits checked (fetched where missing): ${++looked} of ${moving.length}`);
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
}

async function readHoldsState(ctx: RunContext, plan: Plan): Promise<HoldsState> {
  const read = await loadHolds(ctx.root, await loadManifest(ctx.root));
  const { undo, released } = plan.undoOf === undefined ? { undo: false, released: new Set<number>() } : await holdsAddedByRollbackOf(ctx.root, plan.undoOf, read);
  return { read, kept: withoutReleased(read, released), released, undo };
}

interface HoldsState {
  readonly read: HoldsFile;
  /** The holds that stay: all but those an undo releases. */
  readonly kept: HoldsFile;
  readonly released: ReadonlySet<number>;
  /** The plan restores a rollback's undo snapshot: it adds no holds. */
  readonly undo: boolean;
}

async function writePlan(ctx: RunContext, plan: Plan, steps: readonly Step[], metaLock: MetaLock, limit: LimitFunction, holdsState: HoldsState): Promise<RollbackResult> {
  const holds = holdsState.read;
  const effective = effectiveOf(steps);
  const moving = effective.filter((s) => s.change.checkout === 'moved' && s.checkout);
  const lockPath = join(ctx.root, plan.lockRel);
  const lockChanges = effective.filter((s) => s.change.lock === 'changed');
  if (lockChanges.length > 0) await assertUnchanged(lockPath, plan);
  const holdsPath = join(ctx.root, HOLDS_PATH);

  const now = ctx.now();
  // Random, not the pid: two rollback pull requests made in the same second on two runners (whose
  // pids are alike) must add two snapshots, not one path twice. Unique under the lock besides.
  const stem = `${SNAPSHOT_DIR}/${timestamp(now).replace(/:/g, '')}-${ctx.env ?? 'default'}-${plan.mode}-${randomBytes(4).toString('hex')}`;
  let snapshotRel = `${stem}.yaml`;
  for (let n = 2; existsSync(join(ctx.root, snapshotRel)); n++) snapshotRel = `${stem}-${n}.yaml`;
  // A .meta/snapshots that is a symbolic link out of the meta-repo is refused, not written through.
  const snapshotPath = resolveInsideRoot(ctx.root, ctx.root, snapshotRel, SNAPSHOT_DIR);
  const before = new Map<string, SnapshotPin>();
  for (const s of effective) {
    if (s.change.from) before.set(s.pin.component, { ...s.change.from, repo: plan.lock.entries.get(s.pin.component)?.repo ?? s.pin.repo });
  }
  const newLockText =
    lockChanges.length > 0
      ? editLockText(
          plan.lock,
          lockChanges.map((s) => ({ component: s.pin.component, pin: s.pin.to, repo: s.pin.repo })),
          timestamp(now),
        )
      : undefined;
  // Holds go with the lock change they guard: a checkout moved back alone rolls no release away.
  const added = holdsState.undo ? [] : holdsFor(ctx, holdsState.kept, lockChanges.map((s) => s.change), plan.mode, timestamp(now));
  const released = holds.holds.filter((_, i) => holdsState.released.has(i));
  const newHoldsText = holdsText(holds, holdsState.released, added);
  const historyEntry: JournalLine = {
    at: timestamp(now),
    actor: ctx.actor,
    mode: plan.mode,
    env: ctx.env ?? null,
    lock: plan.lockRel,
    changes: effective.map((s) => ({ component: s.change.component, from: s.change.from, to: s.change.to })),
    snapshot: snapshotRel,
    ...(added.length > 0 ? { holds: added.map(holdSummary) } : {}),
    ...(released.length > 0 ? { holds_released: released.map(holdSummary) } : {}),
  };
  throwIfInterrupted();
  const journalFile = await nextJournalFile(ctx.root, historyEntry.env, now);
  await metaLock.setIntent({
    kind: 'rollback',
    lock: plan.lockRel,
    lockBefore: sha256(plan.lock.file.text),
    lockAfter: newLockText === undefined ? null : sha256(newLockText),
    snapshot: snapshotRel,
    journal: historyEntry,
    journalFile,
    checkouts: moving.map((s) => ({ dir: relativeToRoot(ctx.root, s.checkout!.dir), head: s.checkout!.head, branch: s.checkout!.branch, to: s.pin.to.commit })),
    ...(newHoldsText !== undefined ? { holds: { before: holds.file?.text ?? null, after: sha256(newHoldsText) } } : {}),
  });
  await writeSnapshot(snapshotPath, { createdAt: timestamp(now), environment: ctx.env, components: before });
  crashPoint('after-snapshot');
  await interruptPoint('after-snapshot');

  let lockWritten = false;
  let holdsWritten = false;
  let manifestWritten = false;
  const manifestPath = join(ctx.root, MANIFEST_PATH);
  const manifestEdit = ctx.updateManifest && lockChanges.length > 0 ? await manifestVersionsEdit(ctx, lockChanges.map((s) => ({ component: s.pin.component, version: s.pin.to.version }))) : undefined;
  try {
    throwIfInterrupted('stopped before moving the checkouts');
    await checkoutMany(
      moving.map((s) => ({ dir: s.checkout!.dir, commit: s.pin.to.commit })),
      ctx.jobs,
      ctx.progress && ((moved, total) => ctx.progress!(`checkouts moved: ${moved} of ${total}`)),
    );
    ctx.progress?.('');
    crashPoint('after-checkouts');
    await interruptPoint('after-checkouts');
    // Past here finishing is quicker and as safe as undoing: the rest is a few file renames, so a
    // signal no longer stops the run; the command's end reports the completed state and its undo.
    // Before the lock, whose rename is the commit point: a run killed between the two is undone,
    // holds included (see recoverInterrupted).
    if (newHoldsText !== undefined) {
      await writeFileAtomic(holdsPath, newHoldsText);
      holdsWritten = true;
    }
    if (newLockText !== undefined) {
      await writeFileAtomic(lockPath, newLockText);
      lockWritten = true;
    }
    if (manifestEdit && manifestEdit.after !== manifestEdit.before) {
      await writeFileAtomic(manifestPath, manifestEdit.after);
      manifestWritten = true;
    }
    crashPoint('after-lock');
    await interruptPoint('after-lock');
    await writeJournalEntry(ctx.root, journalFile, historyEntry);
    crashPoint('after-journal');
    await interruptPoint('after-journal');
    await metaLock.setIntent(undefined);
    return resultOf(ctx, plan, steps, snapshotRel, historyEntry, journalFile);
  } catch (err) {
    // A checkout that failed part-way may still have moved: put back every one not where it was.
    await Promise.allSettled(moving.map((s) => limit(() => restoreIfMoved(s.checkout!))));
    if (lockWritten) await writeFileAtomic(lockPath, plan.lock.file.text).catch(() => undefined);
    if (holdsWritten) await (holds.file ? writeFileAtomic(holdsPath, holds.file.text) : rm(holdsPath, { force: true })).catch(() => undefined);
    if (manifestWritten) await writeFileAtomic(manifestPath, manifestEdit!.before).catch(() => undefined);
    await rm(snapshotPath, { force: true });
    await metaLock.setIntent(undefined).catch(() => undefined);
    if (err instanceof InterruptedError) {
      throw new InterruptedError(err.signal, `${err.message.replace(/^interrupted by \w+: /, '')}; every checkout it had moved is back where it was and no file changed: the workspace is in its old state`);
    }
    throw err instanceof OperationError ? err : new OperationError(`rollback failed and was undone: ${errorMessage(err)}`);
  }
}

async function manifestVersionsEdit(ctx: RunContext, writes: readonly ManifestVersionWrite[]): Promise<{ before: string; after: string }> {
  const manifest = await loadManifest(ctx.root);
  return { before: manifest.file.text, after: editManifestVersions(manifest, writes) };
}

async function restoreIfMoved(state: CheckoutState): Promise<void> {
  const now = await headState(state.dir).catch(() => undefined);
  if (now?.head === state.head && now.branch === state.branch) return;
  await restoreCheckout(state);
}

/** Under the lock: the checkouts must still be where the plan saw them, or another run moved them. */
async function assertCheckoutsUnchanged(ctx: RunContext, effective: readonly Step[], limit: LimitFunction): Promise<void> {
  const moved = await Promise.all(
    effective.map((s) =>
      limit(async () => {
        if (!s.checkout) return undefined;
        const now = await headState(s.checkout.dir).catch(() => undefined);
        return now?.head !== s.checkout.head || now.branch !== s.checkout.branch ? s.checkout.dir : undefined;
      }),
    ),
  );
  const first = moved.find((dir) => dir !== undefined);
  if (first) throw new OperationError(`${relativeToRoot(ctx.root, first)}: moved by someone else while this rollback was being planned; run it again`);
}

async function planStep(ctx: RunContext, plan: Plan, pin: PlannedPin): Promise<Step> {
  const entry = plan.lock.entries.get(pin.component);
  // A pin without a commit (vendored) has nothing to check a checkout out at.
  const checkout = pin.to.commit === '' ? undefined : await inspectCheckout(ctx.root, pin.component);
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

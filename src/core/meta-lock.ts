import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, open, readdir, readFile, rename, rm, rmdir, stat, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { JournalLine } from './changes.js';
import type { RunContext } from './context.js';
import { InputError, OperationError, errorMessage } from './errors.js';
import { JOURNAL_FILE, nextJournalFile, writeJournalEntry } from './journal.js';
import { readJournal } from './journal-reader.js';
import { isFullSha, isValidComponentName, quote, refNameProblem } from './names.js';
import { HOLDS_PATH, JOURNAL_DIR, SNAPSHOT_DIR, resolveInsideRoot } from './paths.js';
import { putBackCheckout } from '../git/half-checkout.js';
import { duringWrites, interruption, throwIfInterrupted } from './interrupt.js';

/**
 * `.meta/lock`: one writing command at a time per meta-repo.
 *
 * - Created exclusively (a hard link of a fully written temp file, which fails if the lock exists, as
 *   O_CREAT|O_EXCL does; `open(path, 'wx')` where links are unsupported), so of two runs exactly
 *   one creates it, and it is never seen half-written; the other
 *   polls for up to META_ROLLBACK_LOCK_WAIT_MS (default 10 s), then refuses with exit 1, naming the
 *   holder. The holder removes it in a `finally`, and refreshes its mtime while it runs.
 * - A lock is stale when its pid is not running on this host, or when it has not been refreshed
 *   for META_ROLLBACK_LOCK_STALE_MS (default 10 min; a holder on another host cannot be asked).
 *   A stale lock is taken over atomically: a new lock is written beside it, the old one is read
 *   again and must still be byte-for-byte what was judged stale, then the new one is renamed over
 *   it; after a short pause the lock is read back and must be ours, else the run backs off and
 *   waits like any other. (Two runs can both win only if one stalls for longer than that pause
 *   between its second read and its rename.)
 * - While it writes, a rollback records its intent in the lock (the journal entry it will write and
 *   the file it goes in, the lock text it will write, the checkouts it will move). A run that takes
 *   over the stale lock of a killed rollback first finishes it (the new lock had been written: the
 *   journal entry is written, under the name the dead run chose) or undoes it (it had not: the checkouts are put back and the snapshot removed), so
 *   no run ever builds on a half-done one.
 * - Holding it, a run removes the temp files (`.NAME.PID.RANDOM.tmp`) that killed writers on this
 *   host left beside the lock, the journal and the snapshots.
 * - Dry runs and read-only commands take no lock.
 */
export const META_LOCK_PATH = '.meta/lock';

const DEFAULT_WAIT_MS = 10_000;
const DEFAULT_STALE_MS = 10 * 60_000;
const POLL_MS = 100;
/** How long a takeover waits before reading the lock back. */
const SETTLE_MS = 100;
/** A lock file with no readable content is someone's lock being written, unless it is this old. */
const UNREADABLE_GRACE_MS = 5_000;

export interface MetaLockOwner {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  readonly actor?: string;
}

/** What a rollback is in the middle of writing; see `recoverInterrupted`. */
export interface RollbackIntent {
  readonly kind: 'rollback';
  /** The lock file being edited, relative to the root. */
  readonly lock: string;
  /** sha256 of the lock's text before the rollback and of the text it writes (null: the lock does not change). */
  readonly lockBefore: string;
  readonly lockAfter: string | null;
  /** The undo snapshot written first. */
  readonly snapshot: string;
  /** The journal entry written last. */
  readonly journal: JournalLine;
  /** The file it goes in, relative to the root; absent in the intents of versions that appended to .meta/history.jsonl. */
  readonly journalFile?: string;
  /** Checkouts being moved: where each was, and where it goes. */
  readonly checkouts: ReadonlyArray<{ readonly dir: string; readonly head: string; readonly branch?: string; readonly to: string }>;
  /** manifests/holds.yaml, written just before the lock: its text before (null: absent) and the sha256 of what is written. */
  readonly holds?: { readonly before: string | null; readonly after: string };
}

export interface MetaLockRecord {
  readonly owner: MetaLockOwner;
  readonly created_at: string;
  /** Random; tells this run's lock from one that replaced it. */
  readonly id: string;
  readonly intent?: RollbackIntent;
}

export interface MetaLock {
  readonly path: string;
  readonly record: MetaLockRecord;
  /** Set when this lock replaced the stale lock of a run that was killed while writing. */
  readonly recovered?: 'finished' | 'undone';
  /** Records (or, with undefined, clears) what the holder is about to write. */
  setIntent(intent: RollbackIntent | undefined): Promise<void>;
  release(): Promise<void>;
}

export function lockSettings(): { waitMs: number; staleMs: number } {
  return { waitMs: msFromEnv('META_ROLLBACK_LOCK_WAIT_MS', DEFAULT_WAIT_MS), staleMs: msFromEnv('META_ROLLBACK_LOCK_STALE_MS', DEFAULT_STALE_MS) };
}

const held = new AsyncLocalStorage<ReadonlyMap<string, MetaLock>>();

/**
 * Runs `fn` holding the meta-repo's lock. Re-entrant within one async call chain (a command that
 * holds the lock may call another that takes it), exclusive between runs, in-process ones included.
 */
export async function withMetaLock<T>(ctx: RunContext, command: string, fn: (lock: MetaLock) => Promise<T>): Promise<T> {
  const mine = held.getStore();
  const already = mine?.get(ctx.root);
  if (already) return fn(already);
  // A write phase: SIGINT/SIGTERM from here on is noted and acted on at the writer's safe points.
  return duringWrites(async () => {
    const lock = await acquireMetaLock(ctx, command);
    try {
      return await held.run(new Map([...(mine ?? new Map<string, MetaLock>()), [ctx.root, lock]]), () => fn(lock));
    } finally {
      await lock.release();
    }
  });
}

export async function acquireMetaLock(ctx: RunContext, command: string): Promise<MetaLock> {
  const path = resolveInsideRoot(ctx.root, ctx.root, META_LOCK_PATH, META_LOCK_PATH);
  // A refused run must leave no trace, not even an empty .meta/ it made for its lock.
  const madeDir = await mkdir(dirname(path), { recursive: true });
  const tidy = async () => {
    if (madeDir) await rmdir(madeDir).catch(() => undefined);
  };
  const { waitMs, staleMs } = lockSettings();
  const record: MetaLockRecord = {
    owner: { pid: process.pid, host: hostname(), command, actor: ctx.actor },
    created_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    id: randomBytes(8).toString('hex'),
  };
  const deadline = Date.now() + waitMs;
  let waiting = false;
  for (;;) {
    // Again each time: a run that releases its lock removes the .meta/ it made, if it is empty.
    await mkdir(dirname(path), { recursive: true });
    if (await createExclusive(path, render(record))) {
      await sweepTemps(ctx.root);
      return lockHandle(path, record, staleMs, tidy);
    }
    const seen = await readLockFile(path);
    if (!seen) {
      // Released between our attempt and our read: try again at once (but not for ever).
      if (Date.now() >= deadline) throw new OperationError(`${META_LOCK_PATH}: could not be created within ${Math.round(waitMs / 1000)}s`);
      continue;
    }
    const stale = staleReason(seen, staleMs);
    if (stale) {
      // The intent comes from a file anyone could have written: refuse a bad one before touching anything.
      const intent = seen.record?.intent === undefined ? undefined : checkIntent(seen.record.intent);
      // Take over, carrying the dead run's intent until it has been finished or undone, so a run
      // killed during recovery leaves the same work to the next one.
      const inherited: MetaLockRecord = intent ? { ...record, intent } : record;
      if (await takeOver(path, seen.text, render(inherited))) {
        ctx.log(`${META_LOCK_PATH}: took over a stale lock (${stale})`);
        await sweepTemps(ctx.root);
        const handle = lockHandle(path, inherited, staleMs, tidy);
        if (!intent || !seen.record) return handle;
        try {
          handle.recovered = await recoverInterrupted(ctx, seen.record, intent);
          await handle.setIntent(undefined);
          return handle;
        } catch (err) {
          // Leave the dead run's lock as it was, so the next run tries again.
          await replaceFile(path, seen.text).catch(() => undefined);
          await handle.release();
          throw err;
        }
      }
      continue;
    }
    if (Date.now() >= deadline) {
      await tidy();
      throw new OperationError(heldMessage(seen.record));
    }
    if (!waiting) {
      ctx.log(`${heldMessage(seen.record).replace(/; try again.*$/, '')}; waiting up to ${Math.round(waitMs / 1000)}s`);
      waiting = true;
    }
    if (interruption()) {
      await tidy();
      throwIfInterrupted(`stopped while waiting for ${META_LOCK_PATH}, held by another run; the workspace is in its old state`);
    }
    await sleep(POLL_MS);
  }
}

/** Temp files (`.NAME.PID.RANDOM.tmp`) of writers that were killed before renaming them. */
const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/** Holding the lock, remove the temp files that runs killed on this host left beside the files they write. */
async function sweepTemps(root: string): Promise<void> {
  for (const dir of ['.meta', SNAPSHOT_DIR, JOURNAL_DIR, 'manifests']) {
    const names = await readdir(join(root, dir)).catch(() => [] as string[]);
    for (const name of names) {
      const pid = Number(TEMP_FILE.exec(name)?.[1]);
      if (pid && pid !== process.pid && !pidAlive(pid)) await rm(join(root, dir, name), { force: true }).catch(() => undefined);
    }
  }
}

/**
 * Whether `.meta/lock` is left by a run that is gone. A command that finds nothing to do still takes
 * (and so recovers and removes) such a lock, since what it sees may be a killed run's half.
 */
export async function staleLockPresent(root: string): Promise<boolean> {
  if (!existsSync(join(root, META_LOCK_PATH))) return false;
  const seen = await readLockFile(join(root, META_LOCK_PATH)).catch(() => undefined);
  return seen !== undefined && staleReason(seen, lockSettings().staleMs) !== undefined;
}

function heldMessage(record: MetaLockRecord | undefined): string {
  if (!record) return `${META_LOCK_PATH}: held by a run whose lock cannot be read; try again, or remove it if that run is gone`;
  const { pid, host, command } = record.owner;
  return `${META_LOCK_PATH}: held by pid ${pid} on ${host} since ${record.created_at} (${command}); try again, or remove it if that run is gone`;
}

type Handle = { -readonly [K in keyof MetaLock]: MetaLock[K] };

function lockHandle(path: string, record: MetaLockRecord, staleMs: number, tidy: () => Promise<void>): Handle {
  // The holder keeps the lock's mtime fresh, so only a run that stopped refreshing it looks stale.
  const beat = setInterval(() => {
    const now = new Date();
    utimes(path, now, now).catch(() => undefined);
  }, Math.max(1_000, Math.min(60_000, Math.floor(staleMs / 4))));
  beat.unref();
  let current = record;
  const ours = async (): Promise<boolean> => (await readLockFile(path))?.record?.id === record.id;
  return {
    path,
    get record() {
      return current;
    },
    async setIntent(intent) {
      if (!(await ours())) throw new OperationError(`${META_LOCK_PATH}: taken over by another run while this one held it; nothing more was written`);
      const next: MetaLockRecord = { owner: record.owner, created_at: record.created_at, id: record.id, ...(intent ? { intent } : {}) };
      await replaceFile(path, render(next));
      current = next;
    },
    async release() {
      clearInterval(beat);
      if (await ours()) await rm(path, { force: true });
      await tidy();
    },
  };
}

interface SeenLock {
  readonly text: string;
  readonly record?: MetaLockRecord;
  readonly mtimeMs: number;
}

async function readLockFile(path: string): Promise<SeenLock | undefined> {
  let text: string;
  let mtimeMs: number;
  try {
    [text, mtimeMs] = await Promise.all([readFile(path, 'utf8'), stat(path).then((s) => s.mtimeMs)]);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new OperationError(`${META_LOCK_PATH}: cannot read (${(err as NodeJS.ErrnoException).code ?? errorMessage(err)})`);
  }
  return { text, record: parseRecord(text), mtimeMs };
}

function parseRecord(text: string): MetaLockRecord | undefined {
  try {
    const value = JSON.parse(text) as Partial<MetaLockRecord> | null;
    const owner = value?.owner as Partial<MetaLockOwner> | undefined;
    if (!value || typeof owner !== 'object' || !owner || typeof owner.pid !== 'number' || typeof owner.host !== 'string') return undefined;
    return {
      owner: { pid: owner.pid, host: owner.host, command: typeof owner.command === 'string' ? owner.command : '?', actor: typeof owner.actor === 'string' ? owner.actor : undefined },
      created_at: typeof value.created_at === 'string' ? value.created_at : '?',
      id: typeof value.id === 'string' ? value.id : '',
      intent: value.intent,
    };
  } catch {
    return undefined;
  }
}

function staleReason(seen: SeenLock, staleMs: number): string | undefined {
  const age = Date.now() - seen.mtimeMs;
  if (!seen.record) return age > UNREADABLE_GRACE_MS ? `unreadable and ${Math.round(age / 1000)}s old` : undefined;
  const { pid, host } = seen.record.owner;
  if (host === hostname() && !pidAlive(pid)) return `pid ${pid} is not running on ${host}`;
  if (age > staleMs) return `pid ${pid} on ${host} has not refreshed it for ${Math.round(age / 60_000)} min`;
  return undefined;
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Creates the lock only if there is none, with its whole content at once: the record is written to
 * a temp file and hard-linked to the lock's name, which fails if the name exists, exactly like
 * O_CREAT|O_EXCL, but a run killed half-way can never leave an empty lock behind. Where hard links
 * are not supported, `open(path, 'wx')` is used instead.
 */
async function createExclusive(path: string, text: string): Promise<boolean> {
  const temp = tempBeside(path);
  try {
    await writeDurably(temp, text);
    await link(temp, path);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // EEXIST: someone holds it. ENOENT: .meta/ was removed meanwhile; the caller makes it again.
    if (code === 'EEXIST' || code === 'ENOENT') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') return openExclusive(path, text);
    throw new OperationError(`${META_LOCK_PATH}: cannot create (${code ?? errorMessage(err)})`);
  } finally {
    await rm(temp, { force: true });
  }
}

async function openExclusive(path: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o644);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOENT') return false;
    throw new OperationError(`${META_LOCK_PATH}: cannot create (${(err as NodeJS.ErrnoException).code ?? errorMessage(err)})`);
  }
  try {
    await handle.writeFile(text);
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await rm(path, { force: true });
    throw new OperationError(`${META_LOCK_PATH}: cannot write (${(err as NodeJS.ErrnoException).code ?? errorMessage(err)})`);
  }
  await handle.close();
  return true;
}

async function takeOver(path: string, seenText: string, text: string): Promise<boolean> {
  const temp = tempBeside(path);
  try {
    await writeDurably(temp, text);
    const again = await readFile(path, 'utf8').catch(() => undefined);
    if (again !== seenText) return false;
    await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
  await sleep(SETTLE_MS);
  return (await readFile(path, 'utf8').catch(() => undefined)) === text;
}

async function replaceFile(path: string, text: string): Promise<void> {
  const temp = tempBeside(path);
  try {
    await writeDurably(temp, text);
    await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
}

async function writeDurably(path: string, text: string): Promise<void> {
  const handle = await open(path, 'wx', 0o644);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function tempBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

function render(record: MetaLockRecord): string {
  return `${JSON.stringify(record)}\n`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Finishes or undoes the rollback a killed run was writing. The commit point is the rename of the
 * new lock text (or, when the lock does not change, the journal line): past it, the rollback
 * happened and only its journal entry may be missing, so it is written; before it, the checkouts
 * it moved are put back and its snapshot is removed, so the meta-repo is as it was before that run.
 */
export async function recoverInterrupted(ctx: RunContext, stale: MetaLockRecord, intent: RollbackIntent): Promise<'finished' | 'undone'> {
  const who = `pid ${stale.owner.pid} on ${stale.owner.host} (${stale.owner.command})`;
  const lockNow = await readFile(join(ctx.root, intent.lock), 'utf8').then(sha256, () => undefined);
  const journaled =
    (intent.journalFile !== undefined && existsSync(join(ctx.root, intent.journalFile))) ||
    (await readJournal(ctx.root)).records.some(({ entry }) => entry.snapshot === intent.snapshot && entry.at === intent.journal.at);
  if (journaled || (intent.lockAfter !== null && lockNow === intent.lockAfter)) {
    if (!journaled) await writeJournalEntry(ctx.root, intent.journalFile ?? (await nextJournalFile(ctx.root, intent.journal.env, ctx.now())), intent.journal);
    ctx.log(`finished the rollback interrupted in ${who}: ${intent.lock} had been written${journaled ? '' : '; its journal entry is now recorded'}`);
    return 'finished';
  }
  if (lockNow === intent.lockBefore) {
    for (const c of intent.checkouts) {
      if (c.head === c.to) continue;
      // A checkout the dead run left half-written is recognised as its own and put back clean.
      const outcome = await putBackCheckout({ ...c, dir: join(ctx.root, c.dir) });
      if (outcome === 'foreign') {
        throw new OperationError(`${c.dir}: has changes the rollback interrupted in ${who} did not make, so it cannot be undone; commit or stash them and run again`);
      }
    }
  }
  if (intent.holds) await undoHolds(ctx.root, intent.holds);
  await rm(join(ctx.root, intent.snapshot), { force: true });
  ctx.log(`undid the rollback interrupted in ${who}: it had not written ${intent.lock}`);
  return 'undone';
}

/** The holds the killed run added go too, unless someone has changed the file since. */
async function undoHolds(root: string, holds: NonNullable<RollbackIntent['holds']>): Promise<void> {
  const path = join(root, HOLDS_PATH);
  const now = await readFile(path, 'utf8').then(sha256, () => undefined);
  if (now !== holds.after) return;
  if (holds.before === null) await rm(path, { force: true });
  else await replaceFile(path, holds.before);
}

const SNAPSHOT_REL = /^\.meta\/snapshots\/[A-Za-z0-9][A-Za-z0-9._-]*\.yaml$/;
const LOCK_REL = /^manifests\/components\.lock(?:\.[A-Za-z0-9._-]+)?\.yaml$/;
const HASH = /^[0-9a-f]{64}$/;

/** The intent comes from a file anyone could have written: it may only name the paths a rollback writes. */
function checkIntent(raw: unknown): RollbackIntent {
  const bad = (field: string, value: unknown): never => {
    throw new InputError(`${META_LOCK_PATH}: intent.${field}: ${quote(String(typeof value === 'string' ? value : JSON.stringify(value) ?? 'missing'))} is not what a rollback writes; remove ${META_LOCK_PATH} if no rollback is running`);
  };
  const i = (raw ?? {}) as Partial<RollbackIntent>;
  if (i.kind !== 'rollback') bad('kind', i.kind);
  if (typeof i.lock !== 'string' || !LOCK_REL.test(i.lock)) bad('lock', i.lock);
  if (typeof i.lockBefore !== 'string' || !HASH.test(i.lockBefore)) bad('lockBefore', i.lockBefore);
  if (i.lockAfter !== null && (typeof i.lockAfter !== 'string' || !HASH.test(i.lockAfter))) bad('lockAfter', i.lockAfter);
  if (typeof i.snapshot !== 'string' || !SNAPSHOT_REL.test(i.snapshot)) bad('snapshot', i.snapshot);
  const j = i.journal as Partial<JournalLine> | undefined;
  if (!j || typeof j.at !== 'string' || typeof j.mode !== 'string' || !Array.isArray(j.changes) || j.snapshot !== i.snapshot) bad('journal', j);
  if (i.journalFile !== undefined && (typeof i.journalFile !== 'string' || !i.journalFile.startsWith(`${JOURNAL_DIR}/`) || !JOURNAL_FILE.test(i.journalFile.slice(JOURNAL_DIR.length + 1)))) {
    bad('journalFile', i.journalFile);
  }
  if (!Array.isArray(i.checkouts)) bad('checkouts', i.checkouts);
  if (i.holds !== undefined && (typeof i.holds?.after !== 'string' || !HASH.test(i.holds.after) || (i.holds.before !== null && typeof i.holds.before !== 'string'))) bad('holds', i.holds);
  for (const c of i.checkouts!) {
    const name = typeof c?.dir === 'string' && c.dir.startsWith('components/') ? c.dir.slice('components/'.length) : '';
    if (!isValidComponentName(name)) bad('checkouts.dir', c?.dir);
    if (typeof c.head !== 'string' || !isFullSha(c.head)) bad('checkouts.head', c.head);
    if (typeof c.to !== 'string' || !isFullSha(c.to)) bad('checkouts.to', c.to);
    if (c.branch !== undefined && (typeof c.branch !== 'string' || refNameProblem(c.branch))) bad('checkouts.branch', c.branch);
  }
  return i as RollbackIntent;
}

/**
 * Test hook: with META_ROLLBACK_TEST_CRASH_AT=<point>, the process kills itself (SIGKILL, no
 * cleanup) at that point of a rollback's write phase, so the suite can crash it at exactly the
 * moments that are too short to hit by timing alone. Unset, it does nothing.
 */
export function crashPoint(point: 'after-snapshot' | 'after-checkouts' | 'after-lock' | 'after-journal'): void {
  if (process.env.META_ROLLBACK_TEST_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}

function msFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

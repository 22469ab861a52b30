import { throwIfInterrupted } from '../interrupt.js';
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat, mkdir, mkdtemp, rename, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { executePlan } from '../apply-plan.js';
import { staleLockPresent, withMetaLock } from '../meta-lock.js';
import type { Change, JournalLine } from '../changes.js';
import type { RunContext } from '../context.js';
import { InputError, MetaError, OperationError, errorMessage } from '../errors.js';
import { recordJournal } from '../journal.js';
import { timestamp } from '../lock-edit.js';
import type { LockEntry, Pin } from '../lock.js';
import { requireComponent, type ComponentSpec } from '../manifest.js';
import { checkComponentName, quote } from '../names.js';
import { loadState, type MetaState } from '../operations/load-state.js';
import { COMPONENTS_DIR, SNAPSHOT_DIR, componentDir } from '../paths.js';
import { resolveTarget } from '../resolve-target.js';
import { writeSnapshot, type SnapshotPin } from '../snapshot-file.js';
import type { StoreBackend } from './backend.js';
import { checkEntry, describeCheck, readMetadata, resolveHash, restoreFiles } from './entry.js';
import { readDirTree, TreeWriter } from './fs-tree.js';
import type { StoreMetadata } from './metadata.js';
import { openStore, type StoreOptions } from './open.js';
import { checkHashPrefix, consumeTree } from './tree.js';
import { isGitRepo, workingState } from '../../git/repo-reader.js';

/** Like a rollback's Change, except that an entry holding only files may have no commit. */
export interface StoreChange extends Omit<Change, 'to'> {
  readonly to: { readonly version: string; readonly commit: string | null };
}

export interface StoreJournalLine extends Omit<JournalLine, 'changes'> {
  readonly changes: ReadonlyArray<{ component: string; from: Pin | null; to: StoreChange['to'] }>;
}

export interface StoreRollbackResult {
  readonly ok: boolean;
  readonly mode: 'store';
  readonly env: string | null;
  readonly lock: string;
  readonly dryRun: boolean;
  readonly changes: readonly StoreChange[];
  readonly snapshot: string | null;
  readonly historyEntry: StoreJournalLine | null;
  readonly journalFile: string | null;
  readonly warnings: readonly string[];
  readonly store: {
    readonly hash: string;
    readonly component: string;
    readonly path: string;
    readonly files: number;
    /** `commit`: lock and checkout moved to the entry's commit; `tree`: its files written to components/NAME. */
    readonly restored: 'commit' | 'tree';
  };
}

/**
 * `meta rollback store NAME HASH`. Before anything changes: HASH must name exactly one entry, the
 * entry must belong to NAME, and its files must still hash to HASH and be safe to write (a mismatch
 * is refused like malformed input: exit 2, nothing changed).
 *
 * An entry whose commit can be found in the component's repository is restored exactly like
 * `rollback component NAME --to-commit COMMIT` (snapshot, checkout, lock, journal), with the
 * entry's version. Otherwise (no commit, or the commit is gone) its files replace `components/NAME`.
 */
export async function rollbackStore(ctx: RunContext, name: string, hash: string, options: StoreOptions = {}): Promise<StoreRollbackResult> {
  checkComponentName(name, 'NAME');
  checkHashPrefix(hash, 'HASH');
  const state = await loadState(ctx);
  const spec = requireComponent(state.manifest, name, 'NAME');
  const store = openStore(ctx, options);
  const full = await resolveHash(store, hash, 'HASH');
  const meta = await readMetadata(store, full);
  if (!meta) {
    throw new InputError(`HASH: ${store.entryName(full)} has no metadata (${store.metadataName(full)}), so the component it belongs to is unknown`);
  }
  if (meta.component !== name) throw new InputError(`HASH: ${store.entryName(full)} belongs to ${quote(meta.component)}, not ${quote(name)}`);
  const check = await checkEntry(store, full, meta);
  if (check.status !== 'ok') throw new InputError(`HASH: ${describeCheck(store, full, check, meta)}; nothing was changed`);
  const entry = { hash: full, component: name, path: store.entryName(full), files: check.files, treeHash: check.treeHash };

  const warnings: string[] = [];
  if (meta.commit !== null) {
    if (await commitExists(ctx, spec, meta.commit)) {
      const result = await executePlan(ctx, {
        mode: 'store',
        lock: state.lock,
        lockRel: state.lockRel,
        pins: [{ component: name, to: { version: meta.version, commit: meta.commit }, repo: state.lock.entries.get(name)?.repo ?? meta.repo ?? spec.repo }],
        writeLock: true,
      });
      return { ...result, mode: 'store', store: { ...entry, restored: 'commit' } };
    }
    warnings.push(`commit ${meta.commit.slice(0, 12)} of ${entry.path} is not in ${name}'s repository; restoring its files instead (the lock is not changed)`);
  }
  return restoreTree(ctx, state, store, meta, entry, warnings);
}

async function commitExists(ctx: RunContext, spec: ComponentSpec, commit: string): Promise<boolean> {
  try {
    await resolveTarget(ctx, spec, { kind: 'commit', sha: commit });
    return true;
  } catch (err) {
    // Not found is an answer; a remote that cannot be reached is not, and fails the run.
    if (err instanceof InputError) return false;
    throw err;
  }
}

/**
 * Restores an entry's files into `components/NAME` (see writeTree). A git checkout is never
 * replaced this way: its history and untracked files would be lost.
 */
async function restoreTree(
  ctx: RunContext,
  state: MetaState,
  store: StoreBackend,
  meta: StoreMetadata,
  entry: EntryFacts,
  warnings: string[],
): Promise<StoreRollbackResult> {
  const name = meta.component;
  const { treeHash: _treeHash, ...shown } = entry;
  const base = { ok: true, mode: 'store' as const, env: ctx.env ?? null, lock: state.lockRel, dryRun: ctx.dryRun, warnings, store: { ...shown, restored: 'tree' as const } };
  const to = { version: meta.version, commit: meta.commit };
  const planned = await inspectTarget(ctx, state, meta, entry);
  // Nothing to do may only look so because a killed run got half-way: then take its lock anyway.
  if (planned.holdsEntry && (ctx.dryRun || !(await staleLockPresent(ctx.root)))) return { ...base, changes: [], snapshot: null, historyEntry: null, journalFile: null };
  if (planned.keepGit) {
    warnings.push(
      `${COMPONENTS_DIR}/${name} is a git checkout: its .git is kept and its HEAD does not move, so git status there shows the entry's files as changes (the Python CLI would have replaced the .git too)`,
    );
  }
  if (ctx.dryRun) return { ...base, changes: [{ component: name, from: planned.from, to, checkout: 'moved', lock: 'unchanged' }], snapshot: null, historyEntry: null, journalFile: null };

  // The files are written holding .meta/lock, so the journal entries of concurrent runs are named in
  // the order their changes were; what was seen above is seen again under it, since another run may
  // have replaced components/NAME or moved its pin meanwhile.
  return withMetaLock(ctx, `meta rollback store${ctx.env ? ` --env ${ctx.env}` : ''}`, async () => {
    const now = await inspectTarget(ctx, await loadState(ctx), meta, entry);
    if (now.holdsEntry) return { ...base, changes: [], snapshot: null, historyEntry: null, journalFile: null };
    return writeTree(ctx, state.lockRel, store, meta, entry, now, base, warnings);
  });
}

interface TreeTarget {
  readonly current: Stats | undefined;
  readonly pinned: LockEntry | undefined;
  readonly from: Pin | null;
  /** components/NAME already holds exactly the entry's files. */
  readonly holdsEntry: boolean;
  /** components/NAME is a git checkout whose `.git` stays (only for the Python CLI's entries). */
  readonly keepGit: boolean;
}

type EntryFacts = Omit<StoreRollbackResult['store'], 'restored'> & { readonly treeHash: string };

async function inspectTarget(ctx: RunContext, state: MetaState, meta: StoreMetadata, entry: EntryFacts): Promise<TreeTarget> {
  const name = meta.component;
  const rel = `${COMPONENTS_DIR}/${name}`;
  const dir = componentDir(ctx.root, name);
  const current = await lstatOrUndefined(dir);
  if (current?.isSymbolicLink()) throw new InputError(`${rel}: is a symbolic link; refusing to replace it`);
  if (current && !current.isDirectory()) throw new InputError(`${rel}: exists but is not a directory`);
  const keepGit = current !== undefined && meta.origin === 'python' && isGitRepo(dir);
  if (keepGit) {
    // The Python CLI restores over a checkout; its .git stays here, but never over work not committed.
    const { changed } = await workingState(dir);
    if (changed.length > 0) throw new InputError(`${rel}: has uncommitted changes (${changed.slice(0, 5).join(', ')}); commit, stash or check them out before restoring a store entry over it`);
  } else if (current && isGitRepo(dir)) {
    const why = meta.commit === null ? 'has no commit' : `has a commit (${meta.commit.slice(0, 12)}) that is not in ${name}'s repository`;
    throw new InputError(`${rel}: is a git checkout and ${entry.path} ${why}; a checkout is never replaced by plain files (its history would be lost), move it away first`);
  }
  const pinned = state.lock.entries.get(name);
  const from: Pin | null = pinned ? { version: pinned.version, commit: pinned.commit } : null;
  return { current, pinned, from, keepGit, holdsEntry: current !== undefined && (await hashOfDir(dir, keepGit)) === entry.treeHash };
}

/**
 * Replaces `components/NAME` with the entry's files: they are written into a temp directory beside
 * it and checked again as they are written, the old directory is renamed aside, the new one renamed
 * into place, and the old one removed only once the journal entry is written.
 */
async function writeTree(
  ctx: RunContext,
  lockRel: string,
  store: StoreBackend,
  meta: StoreMetadata,
  entry: EntryFacts,
  target: TreeTarget,
  base: Omit<StoreRollbackResult, 'changes' | 'snapshot' | 'historyEntry' | 'journalFile'>,
  warnings: string[],
): Promise<StoreRollbackResult> {
  const name = meta.component;
  const rel = `${COMPONENTS_DIR}/${name}`;
  const dir = componentDir(ctx.root, name);
  const { current, pinned, from, keepGit } = target;
  const to = { version: meta.version, commit: meta.commit };
  const change: StoreChange = { component: name, from, to, checkout: 'moved', lock: 'unchanged' };
  const parent = join(ctx.root, COMPONENTS_DIR);
  const parentExisted = (await lstatOrUndefined(parent)) !== undefined;
  await mkdir(parent, { recursive: true });
  const now = ctx.now();
  const snapshotRel = `${SNAPSHOT_DIR}/${timestamp(now).replace(/:/g, '')}-${ctx.env ?? 'default'}-store-${randomBytes(4).toString('hex')}.yaml`;
  let temp: string | undefined;
  let old: string | undefined;
  let swapped = false;
  let snapshotWritten = false;
  // Where the kept .git is while the directories are swapped: the old dir, the new tree, or (swapped) dir.
  let gitIn: 'old' | 'temp' = 'old';
  try {
    temp = await mkdtemp(join(parent, `.${name}.store-`));
    const writer = new TreeWriter(temp);
    // The files go to a temp directory first, so a signal until the swap below leaves components/NAME as it was.
    const stopped = `stopped while writing the entry's files beside ${COMPONENTS_DIR}/${name}, which was not touched: the workspace is in its old state`;
    const written = await consumeTree(restoreFiles(store, meta), (file) => {
      throwIfInterrupted(stopped);
      return writer.write(file);
    });
    if (written.hash !== entry.treeHash) throw new InputError(`HASH: ${entry.path} changed while it was being restored; nothing was changed`);
    await writer.finish();
    throwIfInterrupted(stopped);

    const before = new Map<string, SnapshotPin>();
    if (pinned) before.set(name, { version: pinned.version, commit: pinned.commit, repo: pinned.repo });
    await writeSnapshot(join(ctx.root, snapshotRel), { createdAt: timestamp(now), environment: ctx.env, components: before });
    snapshotWritten = true;

    if (keepGit) {
      await rename(join(dir, '.git'), join(temp, '.git'));
      gitIn = 'temp';
    }
    if (current) {
      const aside = join(parent, `.${name}.store-old-${randomBytes(6).toString('hex')}`);
      await rename(dir, aside);
      old = aside;
    }
    await rename(temp, dir);
    temp = undefined;
    swapped = true;
    const historyEntry: StoreJournalLine = {
      at: timestamp(now),
      actor: ctx.actor,
      mode: 'store',
      env: ctx.env ?? null,
      lock: lockRel,
      changes: [{ component: name, from, to }],
      snapshot: snapshotRel,
    };
    // The journal entry has the shape of every other one; only `to.commit` may be null here.
    const journalFile = await recordJournal(ctx.root, historyEntry as unknown as JournalLine, now);
    if (old) {
      await rm(old, { recursive: true, force: true }).catch((err: unknown) => {
        warnings.push(`the previous ${rel} was kept at ${COMPONENTS_DIR}/${old!.split(/[\\/]/).pop()}: ${errorMessage(err)}`);
      });
    }
    return { ...base, changes: [change], snapshot: snapshotRel, historyEntry, journalFile };
  } catch (err) {
    if (gitIn === 'temp') {
      // The checkout's .git goes back first, so no clean-up below can remove it.
      const holder = swapped ? dir : temp!;
      await rename(join(holder, '.git'), join(old ?? dir, '.git')).catch(() => undefined);
    }
    if (swapped) await rm(dir, { recursive: true, force: true });
    if (old) await rename(old, dir).catch(() => undefined);
    if (temp) await rm(temp, { recursive: true, force: true });
    if (snapshotWritten) await rm(join(ctx.root, snapshotRel), { force: true });
    if (!parentExisted) await rmdir(parent).catch(() => undefined);
    throw err instanceof MetaError ? err : new OperationError(`rollback failed and was undone: ${errorMessage(err)}`);
  }
}

async function hashOfDir(dir: string, skipGit: boolean): Promise<string | undefined> {
  try {
    return (await consumeTree(readDirTree(dir, '', skipGit ? (rel) => rel === '.git' : undefined))).hash;
  } catch {
    return undefined;
  }
}

async function lstatOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

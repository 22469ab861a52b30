import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { RunContext } from '../context.js';
import { errorMessage } from '../errors.js';
import { parseLockBytes, type LockEntry } from '../lock.js';
import { scanLockEntries, scanLockEntry } from '../lock-entry-scan.js';
import { requireComponent, type ComponentSpec } from '../manifest.js';
import { SNAPSHOT_DIR } from '../paths.js';
import { locateRepo } from '../repo-url.js';
import { localSources } from '../resolve-target.js';
import { readSnapshot } from '../snapshot-file.js';
import { fileRevisions, isMetaRepoGit, readBlobs } from '../../git/meta-history.js';
import { lsRemoteTags } from '../../git/remote-reader.js';
import { listTags } from '../../git/repo-reader.js';
import { loadState } from './load-state.js';

export type TargetKind = 'tag' | 'lock' | 'lock-history' | 'snapshot' | 'store' | 'changeset' | 'known-good';

export interface RollbackTarget {
  readonly component: string;
  readonly kind: TargetKind;
  readonly version: string;
  readonly commit: string;
  /** Where the target was found: a tag name, `path`, `path@rev`, a snapshot file, a store hash. */
  readonly source: string;
  readonly date: string | null;
  readonly current: boolean;
  readonly status?: string;
  /** The command that rolls back to this target. */
  readonly command: string;
}

export interface TargetList {
  readonly ok: true;
  readonly env: string | null;
  readonly lock: string;
  readonly targets: RollbackTarget[];
  readonly warnings: string[];
  readonly changes: [];
}

const LOCK_GLOB = 'manifests/components.lock*.yaml';

/** Extra sources (the store, changesets) plug in here without list-targets knowing them. */
export type TargetSource = (ctx: RunContext, components: readonly ComponentSpec[]) => Promise<Array<Omit<RollbackTarget, 'current'>>>;

/** `meta rollback list [--component NAME]`: every target a user can roll back to, newest first. */
export async function listTargets(ctx: RunContext, component?: string, extraSources: readonly TargetSource[] = []): Promise<TargetList> {
  const { manifest, lock, lockRel } = await loadState(ctx);
  const specs = component !== undefined ? [requireComponent(manifest, component, '--component')] : [...manifest.components.values()];
  const wanted = new Set(specs.map((s) => s.name));
  const warnings: string[] = [];
  const found: Array<Omit<RollbackTarget, 'current'>> = [];
  const envFlag = ctx.env ? ` --env ${ctx.env}` : '';

  const limit = pLimit(ctx.jobs);
  // Tags (a git process per component) and the lock's history (three for the meta-repo) are
  // independent: asked at once, a list costs the slower of the two, not their sum.
  const tagTargets: typeof found = [];
  const historyTargets: typeof found = [];
  const tagsDone = Promise.all(
    specs.map((spec) =>
      limit(async () => {
        try {
          for (const tag of await tagsOf(ctx, spec)) {
            tagTargets.push({
              component: spec.name,
              kind: 'tag',
              version: tag.name,
              commit: tag.commit,
              source: `tag ${tag.name}`,
              date: tag.date ?? null,
              command: `meta rollback component ${spec.name} --to-version ${tag.name}${envFlag}`,
            });
          }
        } catch (err) {
          warnings.push(`${spec.name}: tags not listed (${errorMessage(err)})`);
        }
      }),
    ),
  );

  const historyDone = lockHistoryTargets(ctx, wanted, envFlag, historyTargets);
  await Promise.all([tagsDone, historyDone]);
  // Appended one by one: a spread of 150,000 targets (5,000 components) overflows the call stack.
  for (const t of tagTargets) found.push(t);

  const lockFiles = (await readdir(join(ctx.root, 'manifests'))).filter((f) => /^components\.lock(\.[A-Za-z0-9._-]+)?\.yaml$/.test(f));
  for (const file of lockFiles) {
    const rel = `manifests/${file}`;
    try {
      const command = (name: string) => `meta rollback lock ${rel} --component ${name}${envFlag}`;
      if (rel === lockRel) addLockPins(found, lock.entries.values(), lock.generatedAt ?? null, rel, wanted, command);
      else {
        const bytes = await readFile(join(ctx.root, rel));
        const other = lockEntries(bytes, rel, wanted, true);
        addLockPins(found, other, generatedAtOf(bytes), rel, wanted, command);
      }
    } catch (err) {
      warnings.push(`${rel}: skipped (${errorMessage(err)})`);
    }
  }

  for (const t of historyTargets) found.push(t);

  for (const snap of await snapshotFiles(ctx.root)) {
    try {
      const snapshot = await readSnapshot(join(ctx.root, snap), snap);
      if (snapshot.environment !== undefined && snapshot.environment !== ctx.env) continue;
      for (const [name, pin] of snapshot.components) {
        if (!wanted.has(name)) continue;
        found.push({
          component: name,
          kind: 'snapshot',
          version: pin.version,
          commit: pin.commit,
          source: snap,
          date: snapshot.createdAt,
          command: `meta rollback snapshot --restore ${snap}${envFlag}`,
        });
      }
    } catch (err) {
      warnings.push(`${snap}: skipped (${errorMessage(err)})`);
    }
  }

  for (const source of extraSources) for (const t of await source(ctx, specs)) found.push(t);

  const targets = found
    .map((t) => ({ ...t, date: isoDate(t.date), current: isCurrent(lock.entries.get(t.component), t) }))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.component.localeCompare(b.component) || a.source.localeCompare(b.source));
  return { ok: true, env: ctx.env ?? null, lock: lockRel, targets, warnings, changes: [] };
}

/** A vendored entry (no commit) is current where the version matches; others where the commit does. */
function isCurrent(entry: LockEntry | undefined, target: { version: string; commit: string }): boolean {
  if (!entry) return false;
  return entry.commit === '' ? target.commit === '' && entry.version === target.version : entry.commit === target.commit;
}

/** Every pin the lock files ever had, from the meta-repo's history (one log and one cat-file). */
async function lockHistoryTargets(ctx: RunContext, wanted: ReadonlySet<string>, envFlag: string, out: Array<Omit<RollbackTarget, 'current'>>): Promise<void> {
  if (!(await isMetaRepoGit(ctx.root))) return;
  const revisions = await fileRevisions(ctx.root, [LOCK_GLOB]);
  const blobs = await readBlobs(ctx.root, revisions.map((r) => `${r.commit}:${r.path}`));
  const seen = new Set<string>();
  for (const revision of revisions) {
    const bytes = blobs.get(`${revision.commit}:${revision.path}`);
    if (!bytes) continue;
    const at = `${revision.path}@${revision.commit.slice(0, 12)}`;
    const old = lockEntries(bytes, at, wanted);
    if (!old) continue;
    for (const entry of old) {
      const key = `${entry.name}\0${revision.path}\0${entry.commit}`;
      if (!wanted.has(entry.name) || seen.has(key)) continue;
      seen.add(key);
      out.push({
        component: entry.name,
        kind: 'lock-history',
        version: entry.version,
        commit: entry.commit,
        source: at,
        date: revision.date,
        command: `meta rollback lock ${revision.path} --rev ${revision.commit.slice(0, 12)} --component ${entry.name}${envFlag}`,
      });
    }
  }
}

/**
 * The wanted entries of an old lock revision. For one or a few components only their lines are
 * parsed (see lock-entry-scan.ts); for many, or in a layout the scan does not know, the whole lock.
 */
function lockEntries(bytes: Uint8Array, at: string, wanted: ReadonlySet<string>, strict: true): Iterable<LockEntry>;
function lockEntries(bytes: Uint8Array, at: string, wanted: ReadonlySet<string>, strict?: boolean): Iterable<LockEntry> | undefined;
/** `strict`: a lock that does not parse is an error for the caller to report, not a revision to skip. */
function lockEntries(bytes: Uint8Array, at: string, wanted: ReadonlySet<string>, strict = false): Iterable<LockEntry> | undefined {
  const text = Buffer.from(bytes).toString('utf8');
  if (wanted.size <= SCAN_AT_MOST) {
    const scanned = [...wanted].map((name) => scanLockEntry(text, name, at));
    if (scanned.every((e) => e !== undefined)) return scanned.filter((e): e is LockEntry => e !== 'absent');
  } else {
    // Read line by line; the listing uses only names, versions and commits.
    const all = scanLockEntries(text);
    if (all) return all.filter((e) => wanted.has(e.name)).map((e) => ({ ...e, vendored: e.commit === '', line: 0, commitLine: 0 }));
  }
  try {
    return parseLockBytes(bytes, at).entries.values();
  } catch (err) {
    if (strict) throw err;
    return undefined;
  }
}

/** Up to this many components, scanning each one's lines beats parsing the whole lock. */
const SCAN_AT_MOST = 8;

function addLockPins(
  out: Array<Omit<RollbackTarget, 'current'>>,
  entries: Iterable<LockEntry>,
  date: string | null,
  source: string,
  wanted: ReadonlySet<string>,
  command: (name: string) => string,
): void {
  for (const entry of entries) {
    if (!wanted.has(entry.name)) continue;
    out.push({ component: entry.name, kind: 'lock', version: entry.version, commit: entry.commit, source, date, command: command(entry.name) });
  }
}

/** A lock's `generated_at` from its text, without parsing it (see lockEntries). */
function generatedAtOf(bytes: Uint8Array): string | null {
  return /^generated_at:[ \t]*['"]?([^'"\s#]+)/m.exec(Buffer.from(bytes).toString('utf8'))?.[1] ?? null;
}

async function tagsOf(ctx: RunContext, spec: ComponentSpec): Promise<Array<{ name: string; commit: string; date?: string }>> {
  const dirs = localSources(ctx, spec);
  if (dirs[0]) return listTags(dirs[dirs.length - 1]!);
  const location = locateRepo(spec.repo, ctx.root);
  if (location.kind === 'url') return lsRemoteTags(location.url, ctx.root, ctx.gitEnv as Record<string, string>);
  return [];
}

async function snapshotFiles(root: string): Promise<string[]> {
  try {
    const names = await readdir(join(root, SNAPSHOT_DIR));
    return names.filter((n) => /\.(ya?ml|json)$/.test(n) && !n.startsWith('.')).map((n) => `${SNAPSHOT_DIR}/${n}`);
  } catch {
    return [];
  }
}

/** One date format for every source, so "newest first" sorts correctly across them. */
function isoDate(date: string | null): string | null {
  if (!date) return null;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? date : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

import type { RunContext } from '../context.js';
import { MetaError, errorMessage } from '../errors.js';
import { CHANGESET_INDEX, changesetFileRel, checkChangesetId, revertBranchName } from './id.js';
import { changesetFileIds, loadChangeset, loadChangesetIndex, type ChangesetFile, type ChangesetIndex } from './file.js';
import { planChangesetRollback } from './plan.js';

export interface ChangesetSummary {
  readonly id: string;
  readonly status: string;
  readonly title: string | null;
  /** How many repositories the file lists (0: its commits are found by their `[changeset:ID]` marker). */
  readonly repos: number;
  readonly created_at: string | null;
  /** `.meta/changesets/<id>.yaml`, or null for an index entry without a file. */
  readonly file: string | null;
}

export interface ChangesetList {
  readonly ok: true;
  readonly changesets: ChangesetSummary[];
  readonly warnings: string[];
  readonly changes: [];
}

/** `meta changeset list`: every changeset of the index and of `.meta/changesets/`, newest first. */
export async function listChangesets(ctx: RunContext): Promise<ChangesetList> {
  const warnings: string[] = [];
  let index: ChangesetIndex | undefined;
  try {
    index = await loadChangesetIndex(ctx.root);
  } catch (err) {
    if (!(err instanceof MetaError)) throw err;
    warnings.push(`${CHANGESET_INDEX}: skipped (${errorMessage(err)})`);
  }
  for (const bad of index?.skipped ?? []) warnings.push(`${CHANGESET_INDEX}: ${JSON.stringify(bad)} is not a valid changeset id; skipped`);
  const { ids, skipped } = await changesetFileIds(ctx.root);
  for (const name of skipped) warnings.push(`.meta/changesets/${name}: not a valid changeset id; skipped`);

  const out: ChangesetSummary[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    seen.add(id);
    const fromIndex = index?.entries.get(id);
    let file: ChangesetFile;
    try {
      file = await loadChangeset(ctx.root, id);
    } catch (err) {
      if (!(err instanceof MetaError)) throw err;
      warnings.push(`${changesetFileRel(id)}: skipped (${errorMessage(err)})`);
      continue;
    }
    out.push({
      id,
      status: file.status ?? fromIndex?.status ?? 'open',
      title: file.title ?? file.description ?? fromIndex?.title ?? null,
      repos: repoCount(file),
      created_at: file.createdAt ?? fromIndex?.createdAt ?? null,
      file: file.rel,
    });
  }
  for (const entry of index?.entries.values() ?? []) {
    if (seen.has(entry.id)) continue;
    warnings.push(`${CHANGESET_INDEX}: ${entry.id} has no ${changesetFileRel(entry.id)}`);
    out.push({ id: entry.id, status: entry.status ?? 'open', title: entry.title ?? null, repos: 0, created_at: entry.createdAt ?? null, file: null });
  }
  out.sort((a, b) => sortKey(b.created_at).localeCompare(sortKey(a.created_at)) || a.id.localeCompare(b.id));
  return { ok: true, changesets: out, warnings, changes: [] };
}

export function repoCount(file: ChangesetFile): number {
  return new Set(file.repos.map((r) => r.name ?? r.repo ?? '')).size;
}

function sortKey(date: string | null): string {
  if (!date) return '';
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? date : new Date(ms).toISOString();
}

export interface ChangesetDetails {
  readonly ok: true;
  readonly id: string;
  readonly file: string;
  readonly status: string;
  readonly title: string | null;
  readonly description: string | null;
  readonly author: string | null;
  readonly created_at: string | null;
  readonly revertBranch: string;
  /** The `repos:` entries as written. */
  readonly listed: ReadonlyArray<{ name: string | null; repo: string | null; commits: readonly string[]; branch: string | null; message: string | null }>;
  /** The commits a rollback would revert now, per repository, dependents first and newest first. */
  readonly repos: ReadonlyArray<{
    component: string;
    branch: string;
    base: string;
    commits: ReadonlyArray<{ commit: string; subject: string; source: 'listed' | 'message' }>;
    alreadyReverted: readonly string[];
  }>;
  /** The meta-repo's own entry: the lock a rollback would put back, and the pins it would change. */
  readonly lockRestore: { lock: string; rev: string; recorded: string; changes: ReadonlyArray<{ component: string; from: unknown; to: unknown }> } | null;
  readonly warnings: readonly string[];
  readonly changes: [];
}

/**
 * `meta changeset show ID`: the file, and the commits per repository as a rollback would find them
 * (read-only: nothing is fetched into a checkout; a component that cannot be read is a warning).
 */
export async function showChangeset(ctx: RunContext, id: string): Promise<ChangesetDetails> {
  checkChangesetId(id);
  const plan = await planChangesetRollback(ctx, id, { fetch: false, ignoreStatus: true, lenient: true });
  const file = plan.changeset;
  return {
    ok: true,
    id,
    file: plan.file,
    status: plan.status,
    title: file.title ?? null,
    description: file.description ?? null,
    author: file.author ?? null,
    created_at: file.createdAt ?? plan.index?.entries.get(id)?.createdAt ?? null,
    revertBranch: revertBranchName(id),
    listed: file.repos.map((r) => ({ name: r.name ?? null, repo: r.repo ?? null, commits: r.commits, branch: r.branch ?? null, message: r.message ?? null })),
    repos: plan.repos.map((r) => ({
      component: r.component,
      branch: r.branch,
      base: r.base,
      commits: r.commits.map((c) => ({ commit: c.commit, subject: c.subject, source: c.source })),
      alreadyReverted: r.alreadyReverted,
    })),
    lockRestore: plan.lockRestore
      ? { lock: plan.lockRestore.lock, rev: plan.lockRestore.rev, recorded: plan.lockRestore.recorded, changes: plan.lockRestore.preview.changes.map((c) => ({ component: c.component, from: c.from, to: c.to })) }
      : null,
    warnings: plan.warnings,
    changes: [],
  };
}

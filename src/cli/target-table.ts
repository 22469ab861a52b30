import type { RollbackTarget, TargetKind, TargetList } from '../core/operations/list-targets.js';

/** One distinct target of one component: every place it was found, merged into one row. */
export interface TargetRow {
  readonly component: string;
  readonly version: string;
  readonly commit: string;
  readonly date: string | null;
  readonly current: boolean;
  /** Where it was found, most telling first: `tag, lock x2, rev x3, snapshot` (rev: earlier lock revisions) */
  readonly seenIn: string;
  readonly status: string;
  readonly command: string;
}

/** Rows shown per component unless --all: the choice during an incident is among recent ones. */
export const DEFAULT_PER_COMPONENT = 20;
const WIDTH = 80;
const KIND_ORDER: readonly TargetKind[] = ['tag', 'known-good', 'lock', 'lock-history', 'snapshot', 'store', 'changeset'];
const KIND_LABEL: Record<TargetKind, string> = { tag: 'tag', 'known-good': 'known-good', lock: 'lock', 'lock-history': 'rev', snapshot: 'snapshot', store: 'store', changeset: 'changeset' };

/**
 * Merges the targets that name the same commit of a component (a tag, the locks pinning it, the
 * lock revisions that did, a snapshot) into one row: the user chooses a commit, not a source.
 * The version shown is the tag's when there is one; the command the most direct one (by kind order).
 * One pass over the targets, whatever their number.
 */
export function mergeTargets(targets: readonly RollbackTarget[]): TargetRow[] {
  const groups = new Map<string, RollbackTarget[]>();
  for (const t of targets) {
    const key = `${t.component}\0${t.commit || `version:${t.version}`}`;
    const group = groups.get(key);
    if (group) group.push(t);
    else groups.set(key, [t]);
  }
  const rows: TargetRow[] = [];
  for (const group of groups.values()) {
    const byKind = [...group].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
    const best = byKind[0]!;
    const counts = new Map<TargetKind, number>();
    for (const t of group) counts.set(t.kind, (counts.get(t.kind) ?? 0) + 1);
    const seenIn = KIND_ORDER.filter((k) => counts.has(k))
      .map((k) => (counts.get(k)! > 1 ? `${KIND_LABEL[k]} x${counts.get(k)}` : KIND_LABEL[k]))
      .join(', ');
    const date = group.reduce<string | null>((newest, t) => (t.date !== null && (newest === null || t.date > newest) ? t.date : newest), null);
    rows.push({
      component: best.component,
      version: best.version,
      commit: best.commit,
      date,
      current: group.some((t) => t.current),
      seenIn,
      status: group.map((t) => t.status).find((s) => s !== undefined) ?? '',
      command: best.command,
    });
  }
  rows.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.component.localeCompare(b.component) || a.version.localeCompare(b.version));
  return rows;
}

/** The newest `limit` rows of each component (the current pin always among them), in the rows' order. */
export function newestPerComponent(rows: readonly TargetRow[], limit: number): { shown: TargetRow[]; hidden: number } {
  const seen = new Map<string, number>();
  const shown: TargetRow[] = [];
  for (const row of rows) {
    const n = seen.get(row.component) ?? 0;
    if (n < limit || row.current) {
      shown.push(row);
      seen.set(row.component, n + 1);
    }
  }
  return { shown, hidden: rows.length - shown.length };
}

/**
 * The text of `meta rollback list`: one row per distinct target, columns that are empty everywhere
 * left out, every row within 80 columns (the widest cells, the sources, give way first, then long
 * names), the current pin marked. `--json` prints the full list instead.
 */
export function formatTargetTable(list: TargetList, options: { all?: boolean } = {}): string {
  if (list.targets.length === 0) return 'no rollback targets found\n';
  const merged = mergeTargets(list.targets);
  const { shown, hidden } = options.all ? { shown: merged, hidden: 0 } : newestPerComponent(merged, DEFAULT_PER_COMPONENT);
  const columns: Array<{ header: string; cell: (r: TargetRow) => string; max: number }> = [
    { header: ' ', cell: (r) => (r.current ? '*' : ' '), max: 1 },
    { header: 'COMPONENT', cell: (r) => r.component, max: 24 },
    { header: 'VERSION', cell: (r) => r.version, max: 16 },
    { header: 'COMMIT', cell: (r) => r.commit.slice(0, 10), max: 10 },
    { header: 'DATE', cell: (r) => r.date?.slice(0, 10) ?? '', max: 10 },
    { header: 'STATUS', cell: (r) => r.status, max: 11 },
    { header: 'SEEN IN', cell: (r) => r.seenIn, max: WIDTH },
  ];
  const used = columns.filter((c, i) => i === 0 || shown.some((r) => c.cell(r) !== ''));
  const cells = shown.map((r) => used.map((c) => c.cell(r)));
  // A loop, not Math.max(...cells): --all at 5,000 components is 100,000+ rows, too many arguments.
  const widths = used.map((c, i) => Math.min(c.max, cells.reduce((w, row) => Math.max(w, row[i]!.length), c.header.length)));
  // The last column takes what is left of the 80.
  const fixed = widths.slice(0, -1).reduce((sum, w) => sum + w + 2, 0);
  widths[widths.length - 1] = Math.max(8, Math.min(widths[widths.length - 1]!, WIDTH - fixed));
  const render = (row: string[]) =>
    row
      .map((cell, i) => fit(cell, widths[i]!).padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const out = [render(used.map((c) => c.header)), ...cells.map(render)];
  if (hidden > 0) out.push(`(${hidden} older target${hidden === 1 ? '' : 's'} not shown; --all lists every one, --json gives every source)`);
  for (const warning of list.warnings) out.push(`warning: ${warning}`);
  out.push(`* = current pin in ${list.lock}`);
  return `${out.join('\n')}\n`;
}

function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

import type { JournalLine } from '../changes.js';
import { checkComponentName, checkEnvName } from '../names.js';
import { readJournal, type JournalSource } from '../journal-reader.js';

export const DEFAULT_HISTORY_LIMIT = 20;

export interface HistoryOptions {
  readonly env?: string;
  readonly component?: string;
  /** Newest entries shown; 0 shows all. */
  readonly limit: number;
}

export type HistoryEntry = JournalLine & { readonly source: JournalSource };

export interface HistoryResult {
  /** Newest first. */
  readonly entries: readonly HistoryEntry[];
  /** Entries that matched the filters, before the limit. */
  readonly matched: number;
  /** Entries that could not be read and were skipped, one line each naming file (and line). */
  readonly warnings: readonly string[];
}

/** `meta history`: the journal (both layouts), newest first, filtered by env and component, then limited. */
export async function journalHistory(root: string, options: HistoryOptions): Promise<HistoryResult> {
  if (options.env !== undefined) checkEnvName(options.env);
  if (options.component !== undefined) checkComponentName(options.component, '--component');
  const { records, warnings } = await readJournal(root);
  const matching = records.filter(
    ({ entry }) => (options.env === undefined || entry.env === options.env) && (options.component === undefined || entry.changes.some((c) => c.component === options.component)),
  );
  const shown = options.limit === 0 ? matching : matching.slice(0, options.limit);
  return { entries: shown.map(({ entry, source }) => ({ ...entry, source })), matched: matching.length, warnings };
}

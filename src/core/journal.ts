import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import type { JournalLine } from './changes.js';
import { JOURNAL_DIR, resolveInsideRoot } from './paths.js';

/**
 * The journal: one file per entry in JOURNAL_DIR, never a shared file that every rollback appends to.
 * Two rollback pull requests made from the same base then each add a file of their own, and git
 * merges them in either order; an appended line would be an add/add conflict for the second.
 *
 * Name: `<UTC time, ISO 8601 basic format to the millisecond>-<env or "default">-<8 random hex>.json`,
 * e.g. `20261204T192257.123Z-prod-3fa9c1d2.json`. The time comes first and is fixed-width, so names
 * sort in the order entries were written; the random part keeps two runs on different machines
 * that write in the same millisecond apart; the env is there for a human scanning the directory.
 * Old `.meta/history.jsonl` journals are only ever read (see journal-reader.ts).
 */
export const JOURNAL_FILE = /^(\d{8}T\d{6}\.\d{3}Z)-([A-Za-z0-9._-]+)-([0-9a-f]{8})\.json$/;

/**
 * Picks the name of the next entry. Called holding `.meta/lock`: the name sorts after every entry
 * already here even if the clock stepped back or two entries fall in one millisecond, so in one
 * meta-repo the order of names is always the order of writes.
 */
export async function nextJournalFile(root: string, env: string | null | undefined, now: Date): Promise<string> {
  // A journal directory that is a symbolic link out of the meta-repo is refused, not written through.
  resolveInsideRoot(root, root, JOURNAL_DIR, JOURNAL_DIR);
  const names = (await readdir(join(root, JOURNAL_DIR)).catch(() => [] as string[])).filter((n) => JOURNAL_FILE.test(n)).sort();
  const last = names.length > 0 ? stampTime(JOURNAL_FILE.exec(names[names.length - 1]!)![1]!) : -Infinity;
  const at = Math.max(now.getTime(), last + 1);
  for (;;) {
    const rel = `${JOURNAL_DIR}/${compactStamp(new Date(at))}-${env ?? 'default'}-${randomBytes(4).toString('hex')}.json`;
    if (!existsSync(join(root, rel))) return rel;
  }
}

/** Writes one entry, atomically (temp file and rename): a crash leaves the whole entry or none. */
export async function writeJournalEntry(root: string, rel: string, line: JournalLine): Promise<void> {
  await writeFileAtomic(join(root, rel), `${JSON.stringify(line)}\n`);
}

/** Names and writes the next entry; returns its path relative to the root. Hold `.meta/lock`. */
export async function recordJournal(root: string, line: JournalLine, now: Date): Promise<string> {
  const rel = await nextJournalFile(root, line.env, now);
  await writeJournalEntry(root, rel, line);
  return rel;
}

/** `20261204T192257.123Z`: ISO 8601 basic format, so the name holds no `:` (not allowed on Windows). */
export function compactStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '');
}

/** Milliseconds since the epoch of a name's stamp. */
export function stampTime(stamp: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\.(\d{3})Z$/.exec(stamp);
  if (!m) return NaN;
  const [y, mo, d, h, mi, s, ms] = m.slice(1).map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

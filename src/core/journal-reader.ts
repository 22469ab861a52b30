import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalLine } from './changes.js';
import { JOURNAL_FILE, stampTime } from './journal.js';
import { JOURNAL_DIR, LEGACY_JOURNAL_PATH } from './paths.js';

/** Where an entry was read from: a file of the journal directory, or a line of the old `.meta/history.jsonl`. */
export interface JournalSource {
  readonly file: string;
  /** 1-based line in the old journal; null for a file of its own. */
  readonly line: number | null;
}

export interface JournalRecord {
  readonly entry: JournalLine;
  readonly source: JournalSource;
}

export interface JournalRead {
  /** Newest first. */
  readonly records: readonly JournalRecord[];
  /** One line per entry that could not be read, naming file (and line); those entries are left out. */
  readonly warnings: readonly string[];
}

/** Journal files are small; one this large is not an entry this tool wrote. */
const MAX_ENTRY_BYTES = 1024 * 1024;

interface Ordered extends JournalRecord {
  readonly time: number;
  /** Old-journal entries before directory entries of the same time; then line or name order. */
  readonly rank: number;
}

/**
 * Reads the whole journal, both layouts merged: the lines of an old `.meta/history.jsonl` (kept
 * as they are, never rewritten) and the files of `.meta/history/rollbacks/`. An entry that cannot be
 * read is reported and skipped rather than failing the read: the journal is evidence someone may
 * be reading during an incident, and one damaged entry must not hide the others.
 */
export async function readJournal(root: string): Promise<JournalRead> {
  const warnings: string[] = [];
  const found: Ordered[] = [...(await readLegacy(root, warnings)), ...(await readDirectory(root, warnings))];
  found.sort((a, b) => a.time - b.time || a.rank - b.rank);
  return { records: found.reverse().map(({ entry, source }) => ({ entry, source })), warnings };
}

async function readLegacy(root: string, warnings: string[]): Promise<Ordered[]> {
  const text = await readRegular(root, LEGACY_JOURNAL_PATH, warnings, Infinity);
  if (text === undefined) return [];
  const out: Ordered[] = [];
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    const where = `${LEGACY_JOURNAL_PATH}:${i + 1}`;
    const entry = parseEntry(raw, where, warnings);
    if (entry) out.push({ entry, source: { file: LEGACY_JOURNAL_PATH, line: i + 1 }, time: Date.parse(entry.at), rank: i });
  });
  return out;
}

async function readDirectory(root: string, warnings: string[]): Promise<Ordered[]> {
  let names: string[];
  try {
    names = (await readdir(join(root, JOURNAL_DIR))).sort();
  } catch {
    return [];
  }
  const out: Ordered[] = [];
  for (const [i, name] of names.entries()) {
    // Dot files are temp files of a writer (or of one that was killed before its rename).
    if (name.startsWith('.')) continue;
    const rel = `${JOURNAL_DIR}/${name}`;
    const stamp = JOURNAL_FILE.exec(name)?.[1];
    if (stamp === undefined) {
      warnings.push(`${rel}: not named like a journal entry (<time>-<env>-<hex>.json); skipped`);
      continue;
    }
    const text = await readRegular(root, rel, warnings, MAX_ENTRY_BYTES);
    if (text === undefined) continue;
    const entry = parseEntry(text, rel, warnings);
    // The name's time, not `at`: it has milliseconds and is kept in write order even across clock steps.
    if (entry) out.push({ entry, source: { file: rel, line: null }, time: stampTime(stamp), rank: 1_000_000_000 + i });
  }
  return out;
}

async function readRegular(root: string, rel: string, warnings: string[], maxBytes: number): Promise<string | undefined> {
  try {
    const info = await lstat(join(root, rel));
    if (!info.isFile()) {
      warnings.push(`${rel}: not a regular file; skipped`);
      return undefined;
    }
    if (info.size > maxBytes) {
      warnings.push(`${rel}: ${info.size} bytes, too large for a journal entry; skipped`);
      return undefined;
    }
    return await readFile(join(root, rel), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') warnings.push(`${rel}: cannot read (${code ?? String(err)}); skipped`);
    return undefined;
  }
}

/** The fields `meta history` shows must be there and have their types; anything else is kept as it is. */
function parseEntry(text: string, where: string, warnings: string[]): JournalLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    warnings.push(`${where}: not valid JSON; skipped`);
    return undefined;
  }
  const problem = entryProblem(value);
  if (problem) {
    warnings.push(`${where}: ${problem}; skipped`);
    return undefined;
  }
  return value as JournalLine;
}

function entryProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const v = value as Record<string, unknown>;
  if (typeof v.at !== 'string' || Number.isNaN(Date.parse(v.at))) return '"at" is missing or not a time';
  if (typeof v.mode !== 'string') return '"mode" is missing or not a string';
  if (v.env !== undefined && v.env !== null && typeof v.env !== 'string') return '"env" must be a string or null';
  if (!Array.isArray(v.changes)) return '"changes" is missing or not a list';
  for (const [i, c] of v.changes.entries()) {
    if (typeof c !== 'object' || c === null || typeof (c as { component?: unknown }).component !== 'string') return `"changes[${i}].component" is missing`;
  }
  return undefined;
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export const JOURNAL_DIR = '.meta/history/rollbacks';

/** Every entry of a meta-repo's journal directory, in name order (the order they were written); each file must be whole. */
export function journalEntries(meta: string): Array<Record<string, unknown>> {
  const dir = join(meta, JOURNAL_DIR);
  if (!existsSync(dir)) return [];
  return journalFiles(meta).map((name) => wholeEntry(readFileSync(join(dir, name), 'utf8'), name));
}

/** The entry files' names, sorted; temp files (dot files) are not entries and are left out. */
export function journalFiles(meta: string): string[] {
  const dir = join(meta, JOURNAL_DIR);
  return existsSync(dir) ? readdirSync(dir).filter((n) => !n.startsWith('.')).sort() : [];
}

/** The journal entries at a revision of a repository (a bare one included), in name order. */
export function journalEntriesAt(git: (args: string[]) => string, rev: string): Array<Record<string, unknown>> {
  const names = git(['ls-tree', '--name-only', `${rev}:${JOURNAL_DIR}`]).split('\n').filter(Boolean).sort();
  return names.map((name) => wholeEntry(`${git(['show', `${rev}:${JOURNAL_DIR}/${name}`]).trimEnd()}\n`, name));
}

function wholeEntry(text: string, name: string): Record<string, unknown> {
  expect(name).toMatch(/^\d{8}T\d{6}\.\d{3}Z-[A-Za-z0-9._-]+-[0-9a-f]{8}\.json$/);
  expect(text.endsWith('\n'), `${name} is cut short`).toBe(true);
  return JSON.parse(text) as Record<string, unknown>;
}

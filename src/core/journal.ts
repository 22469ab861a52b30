import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import type { JournalLine } from './changes.js';
import { HISTORY_PATH } from './paths.js';

/**
 * Appends one line to the audit journal. The whole file is rewritten through a temp file and a
 * rename, so a crash leaves either the old journal or the new one, never half a line.
 */
export async function appendJournal(root: string, line: JournalLine): Promise<void> {
  const path = join(root, HISTORY_PATH);
  let existing = '';
  try {
    existing = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const separator = existing.length > 0 && !existing.endsWith('\n') ? '\n' : '';
  await writeFileAtomic(path, `${existing}${separator}${JSON.stringify(line)}\n`);
}

export async function readJournal(root: string): Promise<JournalLine[]> {
  let text: string;
  try {
    text = await readFile(join(root, HISTORY_PATH), 'utf8');
  } catch {
    return [];
  }
  const lines: JournalLine[] = [];
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue;
    try {
      lines.push(JSON.parse(raw) as JournalLine);
    } catch {
      // A hand-edited or foreign line is skipped, not fatal: the journal is an audit aid.
    }
  }
  return lines;
}

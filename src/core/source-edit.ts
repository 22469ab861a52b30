/**
 * Edits of YAML source text by byte range: how locks and changeset files change only the values
 * they mean to, leaving comments, quoting and layout as they were.
 */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Non-overlapping edits, applied in one pass (a lock rollback at N=500 makes a thousand). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  // Inserts at one offset keep the order they were given in.
  const ordered = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.i - b.i);
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of ordered) {
    parts.push(text.slice(cursor, edit.start), edit.text);
    cursor = Math.max(cursor, edit.end);
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The offset just past the end of the line that `offset` is on (or `offset`, at a line start). */
export function endOfLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/** A newline to put before an insert at `at` when that is not the start of a line. */
export function needsNewline(text: string, at: number): string {
  return at > 0 && text[at - 1] !== '\n' ? '\n' : '';
}

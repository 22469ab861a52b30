import { isMap, type Node } from 'yaml';
import { InputError } from '../errors.js';
import { renderScalar } from '../lock-edit.js';
import { applyEdits, columnOf, endOfLine, needsNewline, type TextEdit } from '../source-edit.js';
import { lineOf, type YamlFile } from '../yaml-source.js';
import { holdsSeq, type Hold } from './holds-file.js';

/** What a new hold says; the line numbers are the file's business once it is written. */
export type NewHold = Omit<Hold, 'line' | 'commitLine'>;

const HEADER = '# Pins that must not be released again: added by rollbacks and `meta hold add`,\n# removed by `meta hold release`. `meta check` fails while a lock pins one of them.\n';

function renderHold(hold: NewHold, indent: string): string {
  const lines = [`${indent}- component: ${renderScalar(hold.component)}`, `${indent}  commit: ${renderScalar(hold.commit)}`];
  if (hold.version !== undefined) lines.push(`${indent}  version: ${renderScalar(hold.version)}`);
  if (hold.envs !== undefined) lines.push(`${indent}  envs: [${hold.envs.map((e) => renderScalar(e)).join(', ')}]`);
  if (hold.reason !== undefined) lines.push(`${indent}  reason: ${renderScalar(hold.reason)}`);
  // Quoted like generated_at, so YAML 1.1 readers keep it a string rather than a timestamp.
  if (hold.at !== undefined) lines.push(`${indent}  at: ${renderScalar(hold.at, 'QUOTE_SINGLE')}`);
  if (hold.by !== undefined) lines.push(`${indent}  by: ${renderScalar(hold.by)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The holds file's text with these holds appended to its list, every other byte as it was (comments,
 * order, quoting), so the rollback's pull request shows only the lines added. Without a file, a new one.
 */
export function appendHoldsText(file: YamlFile | undefined, holds: readonly NewHold[]): string {
  if (holds.length === 0 && file) return file.text;
  const block = (indent: string) => holds.map((h) => renderHold(h, indent)).join('');
  if (!file || file.text.trim() === '' || !isMap(file.doc.contents)) {
    // An empty file, or one holding only comments: its text is kept above the new list.
    const kept = file?.text ?? HEADER;
    return `${kept}${needsNewline(kept, kept.length)}holds:\n${block('  ')}`;
  }
  const text = file.text;
  const top = file.doc.contents;
  const seq = holdsSeq(file);
  if (seq && !seq.flow && seq.items.length > 0 && seq.range) {
    const at = endOfLine(text, seq.range[1]);
    return applyEdits(text, [{ start: at, end: at, text: `${needsNewline(text, at)}${block(' '.repeat(columnOf(text, seq.range[0])))}` }]);
  }
  const pair = top.items.find((p) => (p.key as { value?: unknown } | null)?.value === 'holds');
  if (!pair) {
    const at = text.length;
    return applyEdits(text, [{ start: at, end: at, text: `${needsNewline(text, at)}holds:\n${block('  ')}` }]);
  }
  const value = pair.value as Node | null;
  // `holds: []` or `holds:` with nothing: the list becomes a block list under the key.
  const keyEnd = (pair.key as Node).range![1];
  const edit: TextEdit = value?.range ? { start: keyEnd, end: value.range[1], text: `:\n${block('  ').replace(/\n$/, '')}` } : { start: keyEnd, end: endOfLine(text, keyEnd), text: `:\n${block('  ')}` };
  return applyEdits(text, [edit]);
}

/**
 * The holds file's text without the holds at these indexes of its list. Each entry's lines go, from
 * the comment lines right above its `-` (indented as the `-` is: they are about it) to the start of
 * the next entry. An emptied list leaves `holds:` with no value, which reads as no holds.
 */
export function removeHoldsText(file: YamlFile, indexes: ReadonlySet<number>): string {
  const seq = holdsSeq(file);
  if (!seq || indexes.size === 0) return file.text;
  const text = file.text;
  if (seq.flow) {
    // A flow list has no lines to cut; emptied whole it becomes `[]`, anything finer is left to a person.
    if (indexes.size === seq.items.length && seq.range) return applyEdits(text, [{ start: seq.range[0], end: seq.range[1], text: '[]' }]);
    throw new InputError(`${file.display}:${lineOf(file, seq)}: holds: a flow list ([...]); write it as a block list (one \`- component:\` per entry) to release single holds`);
  }
  const edits: TextEdit[] = [];
  seq.items.forEach((item, i) => {
    if (!indexes.has(i) || !isMap(item) || !item.range) return;
    edits.push({ start: withCommentsAbove(text, text.lastIndexOf('\n', item.range[0] - 1) + 1), end: endOfLine(text, item.range[1]), text: '' });
  });
  return applyEdits(text, edits);
}


/** The start of the comment lines directly above the line at `start` that are indented as it is. */
function withCommentsAbove(text: string, start: number): number {
  const indent = /^ */.exec(text.slice(start))![0];
  let at = start;
  while (at > 0) {
    const prev = text.lastIndexOf('\n', at - 2) + 1;
    const line = text.slice(prev, at - 1);
    if (!line.startsWith(`${indent}#`)) break;
    at = prev;
  }
  return at;
}

import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { renderScalar } from '../lock-edit.js';
import type { YamlFile } from '../yaml-source.js';
import type { ChangesetFile, ChangesetIndex } from './file.js';
import { applyEdits, columnOf, endOfLine, needsNewline, type TextEdit } from '../source-edit.js';


/**
 * The changeset file's new text with only its `status` changed (or, when it has none, one
 * `status:` line added). Everything else — comments, key order, quoting — stays byte-for-byte,
 * like a lock edit, so the meta-repo's pull request shows one changed line.
 */
export function setChangesetStatus(changeset: ChangesetFile, status: string): string {
  const top = changeset.yaml.doc.contents;
  if (!isMap(top)) return changeset.yaml.text;
  return applyEdits(changeset.yaml.text, [statusEdit(changeset.yaml, top, status)]);
}

/**
 * The index's new text with the entry of `id` showing `status`; undefined when the index has
 * nothing to change (no entry for the id, an entry that is a bare id, or the status already set).
 */
export function setIndexStatus(index: ChangesetIndex, id: string, status: string): string | undefined {
  const entry = index.entries.get(id);
  if (!entry?.node) return undefined;
  if (entry.status === status) return undefined;
  if (isScalar(entry.node)) {
    const node = entry.node;
    if (!node.range) return undefined;
    return applyEdits(index.yaml.text, [{ start: node.range[0], end: node.range[1], text: renderScalar(status, node.type) }]);
  }
  return applyEdits(index.yaml.text, [statusEdit(index.yaml, entry.node, status)]);
}

function statusEdit(yaml: YamlFile, map: YAMLMap<unknown, unknown>, status: string): TextEdit {
  const text = yaml.text;
  const node = map.get('status', true) as Node | undefined;
  if (isScalar(node) && node.range && node.range[1] > node.range[0]) {
    return { start: node.range[0], end: node.range[1], text: renderScalar(status, node.type) };
  }
  if (isScalar(node) && node.range) {
    // `status:` with nothing after it: the value goes right after the key's colon.
    const pair = map.items.find((p) => p.value === node);
    const keyEnd = (pair?.key as Node | undefined)?.range?.[1];
    if (keyEnd !== undefined) {
      const colon = text.indexOf(':', keyEnd);
      return { start: colon + 1, end: colon + 1, text: ` ${renderScalar(status)}` };
    }
  }
  const line = `status: ${renderScalar(status)}`;
  if (map.flow) {
    const close = text.lastIndexOf('}', map.range?.[1] ?? text.length);
    return { start: close, end: close, text: `${map.items.length === 0 ? '' : ', '}${line}` };
  }
  const firstKey = map.items[0]?.key as Node | undefined;
  const indent = ' '.repeat(columnOf(text, firstKey?.range?.[0] ?? map.range?.[0] ?? 0));
  const last = map.items[map.items.length - 1];
  const lastEnd = (last?.value as Node | undefined)?.range?.[1] ?? (last?.key as Node | undefined)?.range?.[1] ?? map.range?.[1] ?? text.length;
  const at = endOfLine(text, lastEnd);
  return { start: at, end: at, text: `${needsNewline(text, at)}${indent}${line}\n` };
}

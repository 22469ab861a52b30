import { isMap, isScalar, parse, type Node, type Scalar, type YAMLMap } from 'yaml';
import { componentsMap, type Lock, type Pin } from './lock.js';
import { applyEdits, columnOf, endOfLine, needsNewline, type TextEdit } from './source-edit.js';

export interface PinWrite {
  readonly component: string;
  readonly pin: Pin;
  /** Written only when the entry is new; an existing entry keeps its own `repo`. */
  readonly repo?: string;
}


/**
 * Returns the lock's new text with only the changed scalars replaced in the source. Re-serialising
 * the document would reflow flow sequences and comment spacing; a rollback's pull request must show
 * only the lines it really changes, so everything else stays byte-for-byte.
 */
export function editLockText(lock: Lock, writes: readonly PinWrite[], generatedAt: string): string {
  const text = lock.file.text;
  const edits: TextEdit[] = [];
  const components = componentsMap(lock);
  // One pass to index the entries: YAMLMap.get scans every item, so a get per write is quadratic.
  const byName = new Map<string, unknown>();
  for (const pair of components.items) if (isScalar(pair.key)) byName.set(sourceValue(pair.key), pair.value);
  let changed = false;
  const appended: PinWrite[] = [];
  for (const write of writes) {
    const entry = byName.get(write.component);
    if (!isMap(entry)) {
      appended.push(write);
      changed = true;
      continue;
    }
    const versionNode = entry.get('version', true) as Node | undefined;
    const oldVersion = isScalar(versionNode) ? sourceValue(versionNode) : undefined;
    for (const key of ['version', 'commit'] as const) {
      const value = write.pin[key];
      // A vendored entry pins no commit, and gets none.
      if (key === 'commit' && value === '') continue;
      const node = entry.get(key, true) as Node | undefined;
      if (isScalar(node) && node.range) {
        if (sourceValue(node) === value) continue;
        // A comment on the line that names the old version (`commit: <sha>   # web-ui v1.2.0`) would lie afterwards.
        const comment = commentNaming(text, node.range[1], oldVersion, write.pin.version);
        edits.push({ start: node.range[0], end: comment?.end ?? node.range[1], text: renderScalar(value, node.type) + (comment?.text ?? '') });
        changed = true;
      } else {
        edits.push(insertIntoEntry(text, entry, key, value));
        changed = true;
      }
    }
  }
  if (!changed) return text;
  if (appended.length > 0) edits.push(appendEntries(text, components, appended));
  edits.push(generatedAtEdit(lock, generatedAt));
  return applyEdits(text, edits);
}

/** The rest of the line after a scalar, when it is a comment naming `from`: with `from` replaced by `to`. */
function commentNaming(text: string, at: number, from: string | undefined, to: string): { end: number; text: string } | undefined {
  if (from === undefined || from === '' || from === to) return undefined;
  const newline = text.indexOf('\n', at);
  const end = newline < 0 ? text.length : newline;
  const rest = text.slice(at, end);
  if (!/^\s+#/.test(rest)) return undefined;
  const word = new RegExp(`(?<![\\w.+-])${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.+-])`, 'g');
  if (!word.test(rest)) return undefined;
  return { end, text: rest.replace(word, () => to) };
}

function sourceValue(node: Scalar): string {
  return node.type === 'PLAIN' && typeof node.source === 'string' ? node.source : String(node.value);
}

/**
 * Plain when the value reads back as the same string both in YAML 1.2 and in YAML 1.1 (which
 * PyYAML and other `meta` tools use): an all-digit SHA or `1.10` would otherwise become a number.
 */
export function renderScalar(value: string, style: Scalar['type'] = 'PLAIN'): string {
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (style === 'PLAIN' && isPlainSafe(value)) return value;
  return `'${value.replace(/'/g, "''")}'`;
}

function isPlainSafe(value: string): boolean {
  // Hex with a letter other than e (every SHA but a few) and tag-like names starting with a letter
  // are strings in every YAML schema; the parse below costs ~0.2 ms a value, a second at N=500.
  if (/^[0-9a-f]+$/.test(value) && /[a-df]/.test(value)) return true;
  if (/^[A-Za-z][A-Za-z0-9._+/-]*$/.test(value) && !YAML11_WORDS.test(value)) return true;
  // Absolute paths and URLs (the `repo:` of every entry): no YAML number, date or word starts so.
  if (/^(?:\/|[A-Za-z][A-Za-z0-9+.-]*:\/\/)[A-Za-z0-9._~/@%=&?+,-]*$/.test(value) && !value.endsWith(':')) return true;
  return parsesBackPlain(value);
}

/** Words YAML 1.1 reads as booleans or null, and 1.2's null; a plain scalar must avoid them. */
const YAML11_WORDS = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;

function parsesBackPlain(value: string): boolean {
  if (value.length === 0 || /^[-?:,[\]{}#&*!|>'"%@`\s]/.test(value) || /\s$|: | #|:$|[\t\n\r]/.test(value)) return false;
  if (YAML11_WORDS.test(value)) return false;
  try {
    return parse(`k: ${value}`)?.k === value && parse(`k: ${value}`, { version: '1.1' })?.k === value;
  } catch {
    return false;
  }
}

export function insertIntoEntry(text: string, entry: YAMLMap<unknown, unknown>, key: string, value: string): TextEdit {
  const line = `${key}: ${renderScalar(value)}`;
  if (entry.flow) {
    const close = text.lastIndexOf('}', entry.range?.[1] ?? text.length);
    const empty = entry.items.length === 0;
    return { start: close, end: close, text: `${empty ? '' : ', '}${line}` };
  }
  const firstKey = entry.items[0]?.key as Node | undefined;
  const indent = ' '.repeat(columnOf(text, firstKey?.range?.[0] ?? entry.range?.[0] ?? 0));
  const at = endOfLine(text, entry.range?.[2] ?? entry.range?.[1] ?? text.length);
  return { start: at, end: at, text: `${needsNewline(text, at)}${indent}${line}\n` };
}

function appendEntries(text: string, components: YAMLMap<unknown, unknown>, writes: readonly PinWrite[]): TextEdit {
  const firstKey = components.items[0]?.key as Node | undefined;
  const block = (indent: string) =>
    writes
      .map((w) => {
        const lines = [`${indent}${w.component}:`, `${indent}  version: ${renderScalar(w.pin.version)}`];
        if (w.pin.commit !== '') lines.push(`${indent}  commit: ${renderScalar(w.pin.commit)}`);
        if (w.repo !== undefined) lines.push(`${indent}  repo: ${renderScalar(w.repo)}`);
        return `${lines.join('\n')}\n`;
      })
      .join('');
  if (components.flow || components.items.length === 0) {
    // `components: {}` becomes a block mapping; nothing else on the line carries meaning.
    const start = components.range?.[0] ?? text.length;
    const end = components.range?.[1] ?? start;
    return { start, end, text: `\n${block('  ').replace(/\n$/, '')}` };
  }
  const indent = ' '.repeat(columnOf(text, firstKey?.range?.[0] ?? 0));
  const at = endOfLine(text, components.range?.[2] ?? components.range?.[1] ?? text.length);
  return { start: at, end: at, text: `${needsNewline(text, at)}${block(indent)}` };
}

function generatedAtEdit(lock: Lock, generatedAt: string): TextEdit {
  const top = lock.file.doc.contents as YAMLMap<unknown, unknown>;
  const node = top.get('generated_at', true) as Node | undefined;
  if (isScalar(node) && node.range) {
    const style = node.type === 'PLAIN' ? 'QUOTE_SINGLE' : node.type;
    return { start: node.range[0], end: node.range[1], text: renderScalar(generatedAt, style) };
  }
  const firstKey = top.items[0]?.key as Node | undefined;
  const at = firstKey?.range?.[0] ?? 0;
  return { start: at, end: at, text: `generated_at: ${renderScalar(generatedAt, 'QUOTE_SINGLE')}\n` };
}

export function timestamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

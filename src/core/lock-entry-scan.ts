import { parseLockBytes, type LockEntry } from './lock.js';

/**
 * One component's entry of a lock, read without parsing the whole document: `rollback list
 * --component X` looks at every earlier revision of every lock (150 blobs of 5,000 entries at
 * N = 5,000), and only X's lines matter. In the block layout every tool writes, the entry is the
 * lines from `  X:` to the next key at that indent; those lines alone are parsed, by the same
 * parser and checks as a whole lock. Any other layout (flow mappings, anchors, odd indents) gives
 * undefined, and the caller parses the whole text as before.
 */
export function scanLockEntry(text: string, name: string, display: string): LockEntry | 'absent' | undefined {
  const start = /^components:[ \t]*(?:#.*)?\r?\n/m.exec(text);
  if (!start) return undefined;
  const body = start.index + start[0].length;
  const indent = /^([ ]+)[^\s#]/m.exec(text.slice(body));
  if (!indent) return undefined;
  const pad = indent[1]!;
  if (!text.includes(name)) return 'absent';
  const key = new RegExp(`^${pad}${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:[ \\t]*(?:#.*)?$`, 'm');
  const found = key.exec(text.slice(body));
  if (!found) return undefined;
  const from = body + found.index;
  // The components mapping must run without a top-level key until the entry.
  if (/^[^\s#]/m.test(text.slice(body, from))) return undefined;
  const lines = text.slice(from).split('\n');
  const block = [lines[0]!];
  for (const line of lines.slice(1)) {
    if (line.trim() !== '' && !line.startsWith(`${pad} `) && !/^\s*#/.test(line)) break;
    block.push(line);
  }
  try {
    const entry = parseLockBytes(Buffer.from(`components:\n${block.join('\n')}\n`), display).entries.get(name);
    return entry ?? undefined;
  } catch {
    return undefined;
  }
}

const ENTRY_KEY = /^([A-Za-z0-9][A-Za-z0-9._-]*):[ \t]*(?:#.*)?$/;
const PIN_FIELD = /^(version|commit):[ \t]*(.*?)[ \t]*(?:[ \t]#.*)?$/;
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * Every entry's `version` and `commit` of a lock in the block layout, read line by line without the
 * YAML parser: the listing reads up to 150 old revisions of locks of 5,000 entries, where parsing
 * each whole costs seconds. Only what the listing needs is read; a line this reader does not
 * understand (flow mappings, anchors, block scalars, escapes, a tab indent, a duplicate name) gives
 * undefined, and the caller parses the whole document as before.
 */
export function scanLockEntries(text: string): Array<{ name: string; version: string; commit: string }> | undefined {
  const start = /^components:[ \t]*(?:#.*)?\r?$/m.exec(text);
  if (!start) return undefined;
  const out: Array<{ name: string; version: string; commit: string }> = [];
  const seen = new Set<string>();
  let pad: string | undefined;
  let current: { name: string; version?: string; commit?: string } | undefined;
  const close = (): boolean => {
    if (!current) return true;
    const commit = current.commit ?? '';
    if (commit !== '' && !SHA.test(commit)) return false;
    if (commit === '' && current.version === undefined) return false;
    out.push({ name: current.name, version: current.version ?? commit.slice(0, 12), commit });
    current = undefined;
    return true;
  };
  for (const raw of text.slice(start.index + start[0].length).split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    if (line.includes('\t')) return undefined;
    const indent = line.length - line.trimStart().length;
    if (indent === 0) break;
    pad ??= line.slice(0, indent);
    if (indent === pad.length) {
      const key = ENTRY_KEY.exec(line.slice(indent));
      if (!key || seen.has(key[1]!) || !close()) return undefined;
      seen.add(key[1]!);
      current = { name: key[1]! };
    } else if (indent > pad.length && current) {
      const field = PIN_FIELD.exec(line.slice(indent));
      if (!field) continue;
      const value = plainValue(field[2]!);
      if (value === undefined) return undefined;
      current[field[1] as 'version' | 'commit'] = value;
    } else return undefined;
  }
  return close() ? out : undefined;
}

/** A scalar as the block layout writes it: plain, or quoted without escapes. Anything else: undefined. */
function plainValue(text: string): string | undefined {
  if (/^'[^']*'$/.test(text)) return text.slice(1, -1);
  if (/^"[^"\\]*"$/.test(text)) return text.slice(1, -1);
  if (text === '' || /^[-?:,[\]{}#&*!|>'"%@`]/.test(text) || /: | #/.test(text)) return undefined;
  return text;
}

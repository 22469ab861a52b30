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

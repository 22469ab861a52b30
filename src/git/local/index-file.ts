/**
 * The parts of git's index (`.git/index`, versions 2 to 4) needed to tell a clean checkout from a
 * changed one: each entry's recorded file metadata, and the root of the cached tree. An index that
 * uses a feature this reader does not follow is reported as unsupported, never half-read.
 */
export interface IndexEntry {
  readonly path: string;
  readonly ctimeS: number;
  readonly ctimeNs: number;
  readonly mtimeS: number;
  readonly mtimeNs: number;
  readonly ino: number;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  /** The blob's id (hex). */
  readonly oid: string;
  /** Merge stage: non-zero during a conflicted merge. */
  readonly stage: number;
  /** assume-unchanged, skip-worktree or intent-to-add: the worktree is not compared as usual. */
  readonly special: boolean;
}

export type ParsedIndex =
  | { readonly supported: true; readonly entries: IndexEntry[]; readonly rootTree: string | undefined }
  | { readonly supported: false; readonly reason: string };

const ENTRY_FIXED = 62;
const ASSUME_VALID = 0x8000;
const EXTENDED = 0x4000;
const HASH_BYTES = 20;

export function parseIndexFile(data: Buffer): ParsedIndex {
  if (data.length < 12 + HASH_BYTES || data.toString('latin1', 0, 4) !== 'DIRC') return unsupported('not an index');
  const version = data.readUInt32BE(4);
  if (version < 2 || version > 4) return unsupported(`index version ${version}`);
  const count = data.readUInt32BE(8);
  const end = data.length - HASH_BYTES;
  const entries: IndexEntry[] = [];
  let pos = 12;
  let previous = '';
  for (let i = 0; i < count; i++) {
    if (pos + ENTRY_FIXED > end) return unsupported('truncated');
    const flags = data.readUInt16BE(pos + 60);
    let extendedFlags = 0;
    let nameStart = pos + ENTRY_FIXED;
    if (flags & EXTENDED) {
      if (version < 3) return unsupported('extended flags in a version 2 index');
      extendedFlags = data.readUInt16BE(nameStart);
      nameStart += 2;
    }
    let path: string;
    let next: number;
    if (version === 4) {
      const strip = readVarint(data, nameStart, end);
      if (!strip || strip.value > previous.length) return unsupported('bad path prefix');
      const nul = data.indexOf(0, strip.next);
      if (nul < 0 || nul >= end) return unsupported('truncated');
      path = previous.slice(0, previous.length - strip.value) + data.toString('utf8', strip.next, nul);
      next = nul + 1;
    } else {
      const nul = data.indexOf(0, nameStart);
      if (nul < 0 || nul >= end) return unsupported('truncated');
      path = data.toString('utf8', nameStart, nul);
      // Entries are padded with NULs to a multiple of eight bytes, counted from the entry's start.
      next = pos + ((nameStart - pos + (nul - nameStart) + 8) & ~7);
    }
    entries.push({
      path,
      ctimeS: data.readUInt32BE(pos),
      ctimeNs: data.readUInt32BE(pos + 4),
      mtimeS: data.readUInt32BE(pos + 8),
      mtimeNs: data.readUInt32BE(pos + 12),
      ino: data.readUInt32BE(pos + 20),
      mode: data.readUInt32BE(pos + 24),
      uid: data.readUInt32BE(pos + 28),
      gid: data.readUInt32BE(pos + 32),
      size: data.readUInt32BE(pos + 36),
      oid: data.toString('hex', pos + 40, pos + 40 + HASH_BYTES),
      stage: (flags >> 12) & 3,
      special: (flags & ASSUME_VALID) !== 0 || extendedFlags !== 0,
    });
    previous = path;
    pos = next;
  }
  let rootTree: string | undefined;
  while (pos + 8 <= end) {
    const signature = data.toString('latin1', pos, pos + 4);
    const size = data.readUInt32BE(pos + 4);
    const body = pos + 8;
    if (body + size > end) return unsupported('truncated extension');
    // Split and sparse indexes keep entries elsewhere; reading only this file would miss them.
    if (signature === 'link' || signature === 'sdir') return unsupported(`index extension ${signature}`);
    if (signature === 'TREE') rootTree = rootOfCacheTree(data.subarray(body, body + size));
    pos = body + size;
  }
  return { supported: true, entries, rootTree };
}

/** The cached tree's first record is the root: "" NUL "<entries> <subtrees>\n" then its id when valid. */
function rootOfCacheTree(tree: Buffer): string | undefined {
  if (tree.length === 0 || tree[0] !== 0) return undefined;
  const newline = tree.indexOf(0x0a, 1);
  if (newline < 0) return undefined;
  const match = /^(-?\d+) \d+$/.exec(tree.toString('latin1', 1, newline));
  if (!match || Number(match[1]) < 0 || newline + 1 + HASH_BYTES > tree.length) return undefined;
  return tree.toString('hex', newline + 1, newline + 1 + HASH_BYTES);
}

/** Git's offset varint (also used by index version 4 for the length of the shared path prefix). */
function readVarint(data: Buffer, pos: number, end: number): { value: number; next: number } | undefined {
  if (pos >= end) return undefined;
  let byte = data[pos++]!;
  let value = byte & 0x7f;
  while (byte & 0x80) {
    if (pos >= end || value > 0xffffff) return undefined;
    byte = data[pos++]!;
    value = ((value + 1) << 7) | (byte & 0x7f);
  }
  return { value, next: pos };
}

function unsupported(reason: string): ParsedIndex {
  return { supported: false, reason };
}

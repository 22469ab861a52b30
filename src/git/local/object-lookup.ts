import { closeSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { constants, inflateSync } from 'node:zlib';

export const COMMIT_TYPE = 1;
export const TAG_TYPE = 4;
const LOOSE_TYPES: Record<string, number> = { commit: 1, tree: 2, blob: 3, tag: 4 };
const OFS_DELTA = 6;
const REF_DELTA = 7;
const MAX_DELTA_DEPTH = 64;
/** Larger objects are not commits worth reading here; git is asked instead. */
const MAX_OBJECT_BYTES = 1 << 20;
const IDX_V2_MAGIC = 0xff744f63;
const MAX_ALTERNATES_DEPTH = 5;

interface PackIndex {
  readonly pack: string;
  readonly data: Buffer;
  readonly version: 1 | 2;
  readonly count: number;
}

/**
 * Answers "is this commit here, and what is its tree" from a repository's pack indexes and loose
 * objects, without starting git. Only definite answers are given: a commit stored as a delta, an
 * index of an unknown version or a pack that cannot be read gives undefined, and "not found" is
 * never final (a pack may be arriving, or the object may be a promisor's), so callers ask git then.
 */
export class ObjectLookup {
  private readonly objectDirs: string[];
  private packs: PackIndex[] | undefined;

  constructor(commonDir: string) {
    this.objectDirs = objectDirectories(join(commonDir, 'objects'), 0);
  }

  /** The tree of a commit when it is certainly a commit stored here; undefined otherwise. */
  commitTree(sha: string): string | undefined {
    const object = this.readObjectStart(sha);
    if (object?.type !== COMMIT_TYPE) return undefined;
    return /^tree ([0-9a-f]{40})\n/.exec(object.data.toString('latin1'))?.[1];
  }

  /**
   * An object's type and the start of its content (at least its header lines: a commit's tree,
   * parents and committer, a tag's object, type and tagger), or undefined when not read here.
   */
  readObjectStart(sha: string): PackedObject | undefined {
    if (!/^[0-9a-f]{40}$/.test(sha)) return undefined;
    return this.readLooseStart(sha) ?? this.readPacked(sha);
  }

  private readLooseStart(sha: string): PackedObject | undefined {
    for (const dir of this.objectDirs) {
      const raw = readPrefix(join(dir, sha.slice(0, 2), sha.slice(2)), 0, 4096);
      if (raw === undefined) continue;
      const inflated = inflateStart(raw);
      const nul = inflated?.indexOf(0) ?? -1;
      if (!inflated || nul < 0) return undefined;
      const type = LOOSE_TYPES[inflated.toString('latin1', 0, nul).split(' ')[0]!];
      return type === undefined ? undefined : { type, data: inflated.subarray(nul + 1) };
    }
    return undefined;
  }

  private readPacked(sha: string): PackedObject | undefined {
    const found = this.findPacked(Buffer.from(sha, 'hex'));
    if (!found) return undefined;
    return readPackedObject(found.index, found.offset, (base) => this.findPacked(base), 0);
  }

  private findPacked(sha: Buffer): { index: PackIndex; offset: number } | undefined {
    for (const index of this.packIndexes()) {
      const offset = findOffset(index, sha);
      if (offset !== undefined) return { index, offset };
    }
    return undefined;
  }

  private packIndexes(): PackIndex[] {
    if (this.packs) return this.packs;
    const packs: PackIndex[] = [];
    for (const dir of this.objectDirs) {
      const packDir = join(dir, 'pack');
      let names: string[];
      try {
        names = readdirSync(packDir);
      } catch {
        continue;
      }
      for (const name of names) {
        if (!name.endsWith('.idx')) continue;
        const parsed = parseIndex(join(packDir, name));
        if (parsed) packs.push(parsed);
      }
    }
    this.packs = packs;
    return packs;
  }
}

function objectDirectories(objects: string, depth: number): string[] {
  const dirs = [objects];
  if (depth >= MAX_ALTERNATES_DEPTH) return dirs;
  let alternates: string;
  try {
    alternates = readFileSync(join(objects, 'info', 'alternates'), 'utf8');
  } catch {
    return dirs;
  }
  for (const line of alternates.split('\n')) {
    const entry = line.trim();
    if (!entry || entry.startsWith('#') || entry.startsWith('"')) continue;
    dirs.push(...objectDirectories(isAbsolute(entry) ? entry : resolve(objects, entry), depth + 1));
  }
  return dirs;
}

function parseIndex(path: string): PackIndex | undefined {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch {
    return undefined;
  }
  const pack = path.slice(0, -'.idx'.length) + '.pack';
  if (data.length >= 8 && data.readUInt32BE(0) === IDX_V2_MAGIC) {
    if (data.readUInt32BE(4) !== 2 || data.length < 8 + 1024) return undefined;
    const count = data.readUInt32BE(8 + 255 * 4);
    if (data.length < 8 + 1024 + count * 28) return undefined;
    return { pack, data, version: 2, count };
  }
  if (data.length < 1024) return undefined;
  const count = data.readUInt32BE(255 * 4);
  if (data.length < 1024 + count * 24) return undefined;
  return { pack, data, version: 1, count };
}

/** Binary search of the sorted object names, narrowed by the fan-out table. */
function findOffset(index: PackIndex, sha: Buffer): number | undefined {
  const { data, version, count } = index;
  const fanout = version === 2 ? 8 : 0;
  const names = fanout + 1024;
  const stride = version === 2 ? 20 : 24;
  const nameAt = version === 2 ? 0 : 4;
  const first = sha[0]!;
  let lo = first === 0 ? 0 : data.readUInt32BE(fanout + (first - 1) * 4);
  let hi = data.readUInt32BE(fanout + first * 4);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = names + mid * stride + nameAt;
    // Negative when the stored name sorts before the wanted one.
    const cmp = data.compare(sha, 0, 20, at, at + 20);
    if (cmp === 0) {
      if (version === 1) return data.readUInt32BE(names + mid * stride);
      const offsets = names + count * 24;
      const small = data.readUInt32BE(offsets + mid * 4);
      if ((small & 0x80000000) === 0) return small;
      const large = offsets + count * 4 + (small & 0x7fffffff) * 8;
      if (large + 8 > data.length) return undefined;
      const value = data.readBigUInt64BE(large);
      return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : undefined;
    }
    if (cmp < 0) lo = mid + 1;
    else hi = mid;
  }
  return undefined;
}

export interface PackedObject {
  readonly type: number;
  readonly data: Buffer;
}

type FindBase = (sha: Buffer) => { index: PackIndex; offset: number } | undefined;

/**
 * A whole object from a pack, deltas resolved (packs store most commits of a cloned repository as
 * deltas against their neighbours). Objects are only read in full when small: a commit is.
 */
function readPackedObject(index: PackIndex, offset: number, findBase: FindBase, depth: number): PackedObject | undefined {
  if (depth > MAX_DELTA_DEPTH) return undefined;
  const head = readPrefix(index.pack, offset, 32);
  if (head === undefined || head.length < 2) return undefined;
  let byte = head[0]!;
  const type = (byte >> 4) & 7;
  let size = byte & 0x0f;
  let shift = 4;
  let pos = 1;
  while (byte & 0x80) {
    if (pos >= head.length || shift > 28) return undefined;
    byte = head[pos++]!;
    size += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  }
  if (size > MAX_OBJECT_BYTES) return undefined;
  let base: PackedObject | undefined;
  if (type === OFS_DELTA) {
    if (pos >= head.length) return undefined;
    byte = head[pos++]!;
    let distance = byte & 0x7f;
    while (byte & 0x80) {
      if (pos >= head.length || distance > 2 ** 40) return undefined;
      byte = head[pos++]!;
      distance = (distance + 1) * 128 + (byte & 0x7f);
    }
    if (distance <= 0 || distance > offset) return undefined;
    base = readPackedObject(index, offset - distance, findBase, depth + 1);
  } else if (type === REF_DELTA) {
    if (pos + 20 > head.length) return undefined;
    const where = findBase(head.subarray(pos, pos + 20));
    pos += 20;
    base = where ? readPackedObject(where.index, where.offset, findBase, depth + 1) : undefined;
  } else if (type < 1 || type > 4) {
    return undefined;
  }
  // Deflate never grows data by more than a few bytes per block, so this holds the whole stream.
  const compressed = readPrefix(index.pack, offset + pos, size + (size >> 4) + 64);
  const data = compressed && inflateWhole(compressed, size);
  if (!data) return undefined;
  if (type !== OFS_DELTA && type !== REF_DELTA) return { type, data };
  if (!base) return undefined;
  const result = applyDelta(base.data, data);
  return result ? { type: base.type, data: result } : undefined;
}
/** Up to `length` bytes of a file from `position`; a commit's first line never needs more. */
function readPrefix(path: string, position: number, length: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const chunk = Buffer.alloc(length);
    return chunk.subarray(0, readSync(fd, chunk, 0, length, position));
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function inflateWhole(raw: Buffer, size: number): Buffer | undefined {
  try {
    const data = inflateSync(raw, { maxOutputLength: Math.max(size, 1) });
    return data.length === size ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Git's delta format: source and result sizes, then copy-from-base and insert instructions. */
function applyDelta(base: Buffer, delta: Buffer): Buffer | undefined {
  let pos = 0;
  const varint = (): number | undefined => {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      if (pos >= delta.length || shift > 28) return undefined;
      byte = delta[pos++]!;
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  if (varint() !== base.length) return undefined;
  const size = varint();
  if (size === undefined || size > MAX_OBJECT_BYTES) return undefined;
  const out = Buffer.alloc(size);
  let written = 0;
  while (pos < delta.length) {
    const op = delta[pos++]!;
    if (op & 0x80) {
      let from = 0;
      let length = 0;
      for (let bit = 0; bit < 4; bit++) if (op & (1 << bit)) from |= (delta[pos++] ?? 0) << (8 * bit);
      for (let bit = 0; bit < 3; bit++) if (op & (0x10 << bit)) length |= (delta[pos++] ?? 0) << (8 * bit);
      from >>>= 0;
      if (length === 0) length = 0x10000;
      if (from + length > base.length || written + length > size) return undefined;
      base.copy(out, written, from, from + length);
      written += length;
    } else if (op > 0) {
      if (pos + op > delta.length || written + op > size) return undefined;
      delta.copy(out, written, pos, pos + op);
      pos += op;
      written += op;
    } else {
      return undefined;
    }
  }
  return written === size ? out : undefined;
}

/** Inflates as much of a zlib stream as the bytes given hold; a commit's first line is enough. */
function inflateStart(raw: Buffer): Buffer | undefined {
  try {
    return inflateSync(raw, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    return undefined;
  }
}

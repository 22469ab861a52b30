import type { Dirent, Stats } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { InputError } from '../errors.js';
import { STORE_DIR } from '../paths.js';
import type { AddInput, AddOutcome, RawEntry, StoreBackend, StoreEntryInfo } from './backend.js';
import type { PathFilter } from './python-hash.js';
import { readMetadata, requireSoundEntry } from './entry.js';
import { readDirTree, TreeWriter } from './fs-tree.js';
import { renderMetadata } from './metadata.js';
import { consumeTree, type TreeFile } from './tree.js';

const SHARD = /^[0-9a-f]{2}$/;
const ENTRY = /^([0-9a-f]{64})(\.metadata\.json)?$/;

/**
 * The store in `.meta-store/` of the meta-repo. Every path is built from a validated hex hash, and
 * every directory on the way (the store, its shard, the entry) must be a real directory, not a
 * symbolic link, so nothing read or written can be outside `.meta-store`.
 */
export class DirStore implements StoreBackend {
  private readonly base: string;

  /** `dirRel`: the store's path relative to the root (the Python CLI's `--store-dir`). */
  constructor(
    readonly root: string,
    readonly description: string = STORE_DIR,
  ) {
    this.base = join(root, description);
  }

  entryName(hash: string): string {
    return `${this.description}/${hash.slice(0, 2)}/${hash}`;
  }

  metadataName(hash: string): string {
    return `${this.entryName(hash)}.metadata.json`;
  }

  private entryDir(hash: string): string {
    return join(this.base, hash.slice(0, 2), hash);
  }

  /** Whether `.meta-store` exists; refuses one that is a link or a file. */
  private async baseExists(): Promise<boolean> {
    const stat = await lstatOrUndefined(this.base);
    if (!stat) return false;
    requireRealDir(stat, this.description, this.description);
    return true;
  }

  async entries(prefix?: string): Promise<StoreEntryInfo[]> {
    if (!(await this.baseExists())) return [];
    const shards = prefix ? [prefix.slice(0, 2)] : (await readdir(this.base)).filter((n) => SHARD.test(n)).sort();
    const found = new Map<string, { tree: boolean; metadata: boolean }>();
    for (const shard of shards) {
      const dir = join(this.base, shard);
      const stat = await lstatOrUndefined(dir);
      if (!stat) continue;
      requireRealDir(stat, `${this.description}/${shard}`, this.description);
      let names: Dirent[];
      try {
        names = await readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const dirent of names) {
        const match = ENTRY.exec(dirent.name);
        if (!match || !match[1]!.startsWith(shard) || (prefix && !match[1]!.startsWith(prefix))) continue;
        const info = found.get(match[1]!) ?? { tree: false, metadata: false };
        if (match[2]) info.metadata = true;
        else info.tree = true;
        found.set(match[1]!, info);
      }
    }
    return [...found].sort(([a], [b]) => a.localeCompare(b)).map(([hash, info]) => ({ hash, ...info }));
  }

  async readMetadataBytes(hash: string): Promise<Buffer | undefined> {
    if (!(await this.baseExists())) return undefined;
    await this.requireShard(hash);
    const path = `${this.entryDir(hash)}.metadata.json`;
    const stat = await lstatOrUndefined(path);
    if (!stat) return undefined;
    if (!stat.isFile()) throw new InputError(`${this.metadataName(hash)}: is not a regular file`);
    return readFile(path);
  }

  async readAllMetadata(hashes: readonly string[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    for (const hash of hashes) {
      const bytes = await this.readMetadataBytes(hash);
      if (bytes) out.set(hash, bytes);
    }
    return out;
  }

  async *readTree(hash: string): AsyncGenerator<TreeFile> {
    if (!(await this.baseExists())) throw new InputError(`${this.entryName(hash)}: no such entry`);
    await this.requireShard(hash);
    const stat = await lstatOrUndefined(this.entryDir(hash));
    if (!stat) throw new InputError(`${this.entryName(hash)}: no such entry`);
    requireRealDir(stat, this.entryName(hash), this.description);
    yield* readDirTree(this.entryDir(hash));
  }

  async readRawEntry(hash: string, skip: PathFilter, fileName: string): Promise<RawEntry> {
    if (!(await this.baseExists())) throw new InputError(`${this.entryName(hash)}: no such entry`);
    await this.requireShard(hash);
    const path = this.entryDir(hash);
    const stat = await lstatOrUndefined(path);
    if (!stat) throw new InputError(`${this.entryName(hash)}: no such entry`);
    if (stat.isSymbolicLink()) throw new InputError(`${this.entryName(hash)}: is a symbolic link; the store may not lead outside ${this.description}`);
    if (stat.isFile()) return { kind: 'file', file: { path: fileName, mode: stat.mode & 0o100 ? '100755' : '100644', data: await readFile(path) } };
    requireRealDir(stat, this.entryName(hash), this.description);
    return { kind: 'dir', files: readDirTree(path, '', skip) };
  }

  private async requireShard(hash: string): Promise<void> {
    const stat = await lstatOrUndefined(join(this.base, hash.slice(0, 2)));
    if (stat) requireRealDir(stat, `${this.description}/${hash.slice(0, 2)}`, this.description);
  }

  /**
   * Builds the tree in a temp directory inside `.meta-store` (same filesystem, so the final step is
   * a rename), then writes the metadata. Content already stored is not stored again.
   */
  async add(input: AddInput): Promise<AddOutcome> {
    const baseExisted = await this.baseExists();
    if (input.dryRun) {
      const { hash, files } = await consumeTree(input.files);
      const existing = (await this.entries(hash)).find((e) => e.hash === hash);
      const metadata = existing?.metadata ? await readMetadata(this, hash) : undefined;
      return { hash, files, added: !metadata, metadata: metadata ?? input.metadataFor(hash) };
    }
    await mkdir(this.base, { recursive: true });
    let temp: string | undefined;
    let shardCreated = false;
    let shard: string | undefined;
    try {
      temp = await mkdtemp(join(this.base, '.tmp-add-'));
      const writer = new TreeWriter(temp);
      const { hash, files } = await consumeTree(input.files, (file) => writer.write(file));
      await writer.finish();
      const final = this.entryDir(hash);
      shard = join(this.base, hash.slice(0, 2));
      if (!(await lstatOrUndefined(shard))) {
        await mkdir(shard);
        shardCreated = true;
      }
      requireRealDir(await lstat(shard), `${this.description}/${hash.slice(0, 2)}`, this.description);
      let moved = false;
      if (!(await lstatOrUndefined(final))) {
        try {
          await rename(temp, final);
          moved = true;
          temp = undefined;
        } catch (err) {
          // Another run stored the same content first: theirs is as good as ours.
          if (!['ENOTEMPTY', 'EEXIST'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
        }
      }
      if (!moved) {
        await rm(temp!, { recursive: true, force: true });
        temp = undefined;
        await requireSoundEntry(this, hash);
        const metadata = await readMetadata(this, hash);
        if (metadata) return { hash, files, added: false, metadata };
      }
      const metadata = input.metadataFor(hash);
      try {
        await writeFileAtomic(`${final}.metadata.json`, renderMetadata(metadata));
      } catch (err) {
        if (moved) await rm(final, { recursive: true, force: true });
        throw err;
      }
      return { hash, files, added: true, metadata };
    } catch (err) {
      if (temp) await rm(temp, { recursive: true, force: true });
      if (shardCreated && shard) await rmdir(shard).catch(() => undefined);
      if (!baseExisted) await rmdir(this.base).catch(() => undefined);
      throw err;
    }
  }
}

async function lstatOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function requireRealDir(stat: Stats, display: string, store: string): void {
  if (stat.isSymbolicLink()) throw new InputError(`${display}: is a symbolic link; the store may not lead outside ${store}`);
  if (!stat.isDirectory()) throw new InputError(`${display}: is not a directory`);
}

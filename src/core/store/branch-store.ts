import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, OperationError } from '../errors.js';
import { checkRefName, quote } from '../names.js';
import type { AddInput, AddOutcome, RawEntry, StoreBackend, StoreEntryInfo } from './backend.js';
import type { PathFilter } from './python-hash.js';
import { readMetadata, requireSoundEntry } from './entry.js';
import { renderMetadata } from './metadata.js';
import { consumeTree, UnsafeTreeError, type FileMode, type TreeFile } from './tree.js';
import { isMetaRepoGit, readBlobs } from '../../git/meta-history.js';
import { branchTip, commitTree, headRef, lsTree, readBlobsChunked, updateBranch, writeBlobs, writeTreeFrom, type IndexEntry } from '../../git/store-files.js';

const SHARD = /^[0-9a-f]{2}$/;
const ENTRY = /^([0-9a-f]{2})\/([0-9a-f]{64})(\.metadata\.json)?$/;
const MODES: ReadonlySet<string> = new Set(['100644', '100755', '120000']);

/**
 * The store kept on a branch of the meta-repo (`--store-branch`), so that a workflow's entries
 * survive between runs. It is read with `ls-tree`/`cat-file` and written with plumbing
 * (`hash-object`, a private index, `commit-tree`, `update-ref` with the old value), so the
 * meta-repo's working tree, index and HEAD never change, and two runs cannot overwrite each other.
 */
export class BranchStore implements StoreBackend {
  readonly description: string;
  private tipPromise: Promise<string | undefined> | undefined;

  constructor(
    readonly root: string,
    readonly branch: string,
  ) {
    checkRefName(branch, '--store-branch');
    this.description = `branch ${branch}`;
  }

  entryName(hash: string): string {
    return `${this.branch}:${hash.slice(0, 2)}/${hash}`;
  }

  metadataName(hash: string): string {
    return `${this.entryName(hash)}.metadata.json`;
  }

  private async tip(): Promise<string | undefined> {
    this.tipPromise ??= (async () => {
      if (!(await isMetaRepoGit(this.root))) throw new InputError(`--store-branch: the meta-repo is not a git repository`);
      return branchTip(this.root, this.branch);
    })();
    return this.tipPromise;
  }

  async entries(prefix?: string): Promise<StoreEntryInfo[]> {
    const tip = await this.tip();
    if (!tip) return [];
    const shards = prefix ? [prefix.slice(0, 2)] : (await lsTree(this.root, tip)).filter((e) => e.type === 'tree' && SHARD.test(e.path)).map((e) => e.path);
    if (shards.length === 0) return [];
    const found = new Map<string, { tree: boolean; metadata: boolean }>();
    for (const item of await lsTree(this.root, tip, { paths: shards.map((s) => `${s}/`) })) {
      const match = ENTRY.exec(item.path);
      if (!match || !match[2]!.startsWith(match[1]!) || (prefix && !match[2]!.startsWith(prefix))) continue;
      const info = found.get(match[2]!) ?? { tree: false, metadata: false };
      if (match[3] && item.type === 'blob') info.metadata = true;
      // A blob under the entry's own name is a Python CLI entry made from a single file.
      if (!match[3] && (item.type === 'tree' || item.type === 'blob')) info.tree = true;
      found.set(match[2]!, info);
    }
    return [...found]
      .filter(([, info]) => info.tree || info.metadata)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([hash, info]) => ({ hash, ...info }));
  }

  async readMetadataBytes(hash: string): Promise<Buffer | undefined> {
    return (await this.readAllMetadata([hash])).get(hash);
  }

  async readAllMetadata(hashes: readonly string[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    const tip = await this.tip();
    if (!tip || hashes.length === 0) return out;
    const spec = (hash: string) => `${tip}:${hash.slice(0, 2)}/${hash}.metadata.json`;
    const blobs = await readBlobs(this.root, hashes.map(spec));
    for (const hash of hashes) {
      const bytes = blobs.get(spec(hash));
      if (bytes) out.set(hash, bytes);
    }
    return out;
  }

  async *readTree(hash: string): AsyncGenerator<TreeFile> {
    const tip = await this.tip();
    const prefix = `${hash.slice(0, 2)}/${hash}/`;
    const items = tip ? await lsTree(this.root, tip, { recursive: true, paths: [prefix] }) : [];
    if (items.length === 0 && !(await this.entries(hash)).some((e) => e.hash === hash && e.tree)) {
      throw new InputError(`${this.entryName(hash)}: no such entry`);
    }
    const blobs = items.filter((item) => item.path.startsWith(prefix));
    for (const item of blobs) {
      const rel = item.path.slice(prefix.length);
      if (!item.utf8) throw new UnsafeTreeError(rel, 'has a name that is not UTF-8');
      if (item.type !== 'blob' || !MODES.has(item.mode)) throw new UnsafeTreeError(rel, `is a ${item.type} (mode ${item.mode}), not a file or link`);
    }
    for await (const [item, data] of readBlobsChunked(this.root, blobs)) {
      yield { path: item.path.slice(prefix.length), mode: item.mode as FileMode, data };
    }
  }

  async readRawEntry(hash: string, skip: PathFilter, fileName: string): Promise<RawEntry> {
    const tip = await this.tip();
    const path = `${hash.slice(0, 2)}/${hash}`;
    const [item] = tip ? (await lsTree(this.root, tip, { paths: [path] })).filter((i) => i.path === path) : [];
    if (!item) throw new InputError(`${this.entryName(hash)}: no such entry`);
    if (item.type === 'blob') {
      const data = (await readBlobs(this.root, [`${tip}:${path}`])).get(`${tip}:${path}`);
      if (!data) throw new InputError(`${this.entryName(hash)}: cannot be read`);
      if (item.mode === '120000') throw new InputError(`${this.entryName(hash)}: is a symbolic link`);
      return { kind: 'file', file: { path: fileName, mode: item.mode === '100755' ? '100755' : '100644', data } };
    }
    const files = this.readTree(hash);
    return {
      kind: 'dir',
      files: (async function* () {
        for await (const file of files) {
          if (!file.path.split('/').some((_, i, parts) => skip(parts.slice(0, i + 1).join('/')))) yield file;
        }
      })(),
    };
  }

  async add(input: AddInput): Promise<AddOutcome> {
    const tip = await this.tip();
    if (input.dryRun) {
      const { hash, files } = await consumeTree(input.files);
      const metadata = (await this.entries(hash)).some((e) => e.hash === hash && e.metadata) ? await readMetadata(this, hash) : undefined;
      return { hash, files, added: !metadata, metadata: metadata ?? input.metadataFor(hash) };
    }
    if ((await headRef(this.root)) === `refs/heads/${this.branch}`) {
      throw new InputError(`--store-branch: ${quote(this.branch)} is checked out in the meta-repo; use a branch that is not`);
    }
    const temp = await mkdtemp(join(tmpdir(), 'meta-store-add-'));
    try {
      const staged: Array<{ mode: FileMode; path: string; file: string }> = [];
      const { hash, files } = await consumeTree(input.files, async (file) => {
        const path = join(temp, String(staged.length));
        await writeFile(path, file.data);
        staged.push({ mode: file.mode, path: file.path, file: path });
      });
      const existing = (await this.entries(hash)).find((e) => e.hash === hash);
      const entries: IndexEntry[] = [];
      const prefix = `${hash.slice(0, 2)}/${hash}`;
      if (existing?.tree) {
        await requireSoundEntry(this, hash);
        const metadata = existing.metadata ? await readMetadata(this, hash) : undefined;
        if (metadata) return { hash, files, added: false, metadata };
      } else {
        const ids = await writeBlobs(this.root, staged.map((s) => s.file));
        staged.forEach((s, i) => entries.push({ mode: s.mode, object: ids[i]!, path: `${prefix}/${s.path}` }));
      }
      const metadata = input.metadataFor(hash);
      const metadataFile = join(temp, 'metadata.json');
      await writeFile(metadataFile, renderMetadata(metadata));
      const [metadataId] = await writeBlobs(this.root, [metadataFile]);
      entries.push({ mode: '100644', object: metadataId!, path: `${prefix}.metadata.json` });
      const tree = await writeTreeFrom(this.root, tip, entries);
      const commit = await commitTree(this.root, tree, tip, input.message, input.actor);
      if (!(await updateBranch(this.root, this.branch, commit, tip, input.message))) {
        throw new OperationError(`--store-branch: ${quote(this.branch)} moved while the entry was being added; run again`);
      }
      this.tipPromise = Promise.resolve(commit);
      return { hash, files, added: true, metadata };
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  }
}

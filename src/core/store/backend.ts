import type { StoreMetadata } from './metadata.js';
import type { PathFilter } from './python-hash.js';
import type { TreeFile } from './tree.js';

/**
 * An entry of the Python CLI as it is stored: a single file (its `--source` was a file), or a
 * directory whose files are read without those `skip` names (its `.git`, among others).
 */
export type RawEntry = { readonly kind: 'file'; readonly file: TreeFile } | { readonly kind: 'dir'; readonly files: AsyncIterable<TreeFile> };

/** What the store knows of one hash: its file tree, its metadata file, or both. */
export interface StoreEntryInfo {
  readonly hash: string;
  readonly tree: boolean;
  readonly metadata: boolean;
}

export interface AddInput {
  /** The files to store; read once. An unsafe file aborts the add with UnsafeTreeError. */
  readonly files: AsyncIterable<TreeFile>;
  readonly metadataFor: (hash: string) => StoreMetadata;
  readonly dryRun: boolean;
  /** Commit message, for a store kept on a branch. */
  readonly message: string;
  /** Used as the committer when git has no identity configured. */
  readonly actor: string;
}

export interface AddOutcome {
  readonly hash: string;
  /** False when an entry with this content was already there (nothing was written). */
  readonly added: boolean;
  readonly files: number;
  /** The entry's metadata: the new one, or the one already stored. */
  readonly metadata: StoreMetadata;
}

/**
 * Where entries live: `.meta-store/` in the meta-repo's working tree, or a branch of the meta-repo.
 * Both hold the same layout (`<hash[0:2]>/<hash>/` and `<hash[0:2]>/<hash>.metadata.json`).
 */
export interface StoreBackend {
  /** For messages: `.meta-store` or `branch meta-store`. */
  readonly description: string;
  entryName(hash: string): string;
  metadataName(hash: string): string;
  /** Every hash with a tree or a metadata file; only those starting with `prefix` when given. */
  entries(prefix?: string): Promise<StoreEntryInfo[]>;
  readMetadataBytes(hash: string): Promise<Buffer | undefined>;
  readAllMetadata(hashes: readonly string[]): Promise<Map<string, Buffer>>;
  readTree(hash: string): AsyncIterable<TreeFile>;
  /** An entry as the Python CLI stores it; `fileName` names a single-file entry's one file. */
  readRawEntry(hash: string, skip: PathFilter, fileName: string): Promise<RawEntry>;
  add(input: AddInput): Promise<AddOutcome>;
}

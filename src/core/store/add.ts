import type { RunContext } from '../context.js';
import { InputError } from '../errors.js';
import { timestamp } from '../lock-edit.js';
import { requireComponent } from '../manifest.js';
import { quote } from '../names.js';
import { loadState } from '../operations/load-state.js';
import { inspectCheckout } from '../workspace.js';
import { metadataJson, type StoreMetadataJson } from './metadata.js';
import { openStore, type StoreOptions } from './open.js';
import { UnsafeTreeError, type FileMode, type TreeFile } from './tree.js';
import { PythonDirHasher, pythonExcludes } from './python-hash.js';
import { tagsPointingAt } from '../../git/repo-reader.js';
import { lsTree, readBlobsChunked } from '../../git/store-files.js';

export interface StoreAddResult {
  readonly ok: true;
  /** False when the same content was already stored: nothing was written. */
  readonly added: boolean;
  readonly dryRun: boolean;
  readonly store: string;
  /** Where the entry is: `.meta-store/ab/<hash>` or `BRANCH:ab/<hash>`. */
  readonly path: string;
  readonly files: number;
  readonly entry: StoreMetadataJson;
  readonly warnings: string[];
  readonly changes: [];
}

/**
 * `meta store add NAME`: stores the files `components/NAME` tracks at its HEAD commit, with that
 * commit and a version (a tag pointing at it, else the lock's version when the lock pins it, else
 * the 12-hex short SHA). The content is read from git's objects, not the working tree, so the hash
 * is that of the commit's files whatever line-ending or other filters the checkout applies.
 */
export async function storeAdd(ctx: RunContext, name: string, options: StoreOptions = {}): Promise<StoreAddResult> {
  const { manifest, lock } = await loadState(ctx);
  const spec = requireComponent(manifest, name, 'NAME');
  const store = openStore(ctx, options);
  const checkout = await inspectCheckout(ctx.root, name);
  if (!checkout) throw new InputError(`components/${name}: no checkout; store add records the files of a checkout`);
  const commit = checkout.head;
  const pinned = lock.entries.get(name);
  const tags = await tagsPointingAt(checkout.dir, commit);
  const version = tags[0] ?? (pinned?.commit === commit ? pinned.version : commit.slice(0, 12));
  const createdAt = timestamp(ctx.now());
  // The Python CLI's output_hash of the same files goes into the metadata too, so that tool (or
  // anyone applying its rules) can check an entry of ours as it checks its own.
  const pythonHash = new PythonDirHasher();
  const excluded = pythonExcludes(null);
  // Python hashes what a link points to, which a stream of files cannot know: no output_hash then.
  let hasLink = false;
  let outcome;
  try {
    outcome = await store.add({
      files: tap(committedFiles(checkout.dir, commit), (file) => {
        if (file.mode === '120000') hasLink = true;
        else if (!excluded(file.path)) pythonHash.add(file.path, file.data);
      }),
      metadataFor: (hash) => ({
        contentHash: hash,
        component: name,
        version,
        commit,
        repo: pinned?.repo ?? spec.repo,
        createdAt,
        outputHash: hasLink ? null : pythonHash.digest(),
        sourcePath: null,
        origin: 'meta-rollback',
      }),
      dryRun: ctx.dryRun,
      message: `meta store add ${name} ${version}`,
      actor: ctx.actor,
    });
  } catch (err) {
    if (err instanceof UnsafeTreeError) throw new InputError(`components/${name}: ${err.message}; the store cannot hold it`);
    throw err;
  }
  const warnings: string[] = [];
  if (!outcome.added && outcome.metadata.component !== name) {
    warnings.push(`the same files are already stored for ${quote(outcome.metadata.component)}; that entry was left as it is`);
  }
  return {
    ok: true,
    added: outcome.added,
    dryRun: ctx.dryRun,
    store: store.description,
    path: store.entryName(outcome.hash),
    files: outcome.files,
    entry: metadataJson(outcome.metadata),
    warnings,
    changes: [],
  };
}

async function* tap(files: AsyncIterable<TreeFile>, see: (file: TreeFile) => void): AsyncGenerator<TreeFile> {
  for await (const file of files) {
    see(file);
    yield file;
  }
}

/** The files of a commit, as git holds them: only tracked files, each with its mode. */
async function* committedFiles(dir: string, commit: string): AsyncGenerator<TreeFile> {
  const items = await lsTree(dir, commit, { recursive: true });
  for (const item of items) {
    if (!item.utf8) throw new UnsafeTreeError(item.path, 'has a name that is not UTF-8');
    if (item.type === 'commit') throw new UnsafeTreeError(item.path, 'is a submodule');
    if (item.type !== 'blob' || !['100644', '100755', '120000'].includes(item.mode)) {
      throw new UnsafeTreeError(item.path, `has an unsupported mode ${item.mode}`);
    }
  }
  for await (const [item, data] of readBlobsChunked(dir, items)) yield { path: item.path, mode: item.mode as FileMode, data };
}

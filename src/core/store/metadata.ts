import { InputError } from '../errors.js';
import { isFullSha, isValidComponentName, quote } from '../names.js';
import { repoUrlProblem } from '../repo-url.js';

/**
 * `<hash>.metadata.json`. Two kinds share the layout: entries this tool writes (named by the hash of
 * their file tree, with `version`/`commit`/`repo`) and entries the Python `meta` CLI writes (named
 * by a hash of their build inputs, checked by `output_hash`, with `source_path` and no `version`).
 */
export interface StoreMetadata {
  readonly contentHash: string;
  readonly component: string;
  readonly version: string;
  /** The commit the files came from; null for a tree recorded without one. */
  readonly commit: string | null;
  readonly repo: string | null;
  readonly createdAt: string | null;
  /** The Python CLI's hash of the entry's files (see python-hash.ts); this tool records it too. */
  readonly outputHash: string | null;
  readonly sourcePath: string | null;
  /** `python`: verified by `output_hash`, not by its name; may be a single file. */
  readonly origin: 'meta-rollback' | 'python';
}

/** The metadata as it appears on disk and in `--json` output (snake_case, Python's field names). */
export interface StoreMetadataJson {
  readonly content_hash: string;
  readonly component: string;
  readonly version: string;
  readonly commit: string | null;
  readonly repo: string | null;
  readonly created_at: string | null;
  readonly output_hash: string | null;
  readonly source_path?: string | null;
  readonly origin?: 'python';
}

const MAX_METADATA_BYTES = 1024 * 1024;

export function metadataJson(meta: StoreMetadata): StoreMetadataJson {
  return {
    content_hash: meta.contentHash,
    component: meta.component,
    version: meta.version,
    commit: meta.commit,
    repo: meta.repo,
    created_at: meta.createdAt,
    output_hash: meta.outputHash,
    ...(meta.origin === 'python' ? { source_path: meta.sourcePath, origin: 'python' as const } : {}),
  };
}

export function renderMetadata(meta: StoreMetadata): string {
  return `${JSON.stringify(metadataJson(meta), null, 2)}\n`;
}

/**
 * Reads and checks a metadata file. Every value that a restore acts on is validated here (the
 * component name, the commit, the repo URL), because the store may have been filled by another
 * tool or edited by hand. Fields beyond the six are ignored, as the Python CLI may add some.
 */
export function parseMetadata(bytes: Uint8Array, display: string, hash: string): StoreMetadata {
  const fail = (field: string, problem: string): never => {
    throw new InputError(`${display}: ${field}: ${problem}`);
  };
  if (bytes.length > MAX_METADATA_BYTES) throw new InputError(`${display}: larger than 1 MiB`);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    throw new InputError(`${display}: not valid JSON (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(`${display}: not a JSON object`);
  const record = value as Record<string, unknown>;
  const optionalString = (field: string): string | null => {
    const v = record[field];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') return fail(field, 'not a string');
    // eslint-disable-next-line no-control-regex
    if (/[\0-\x1f]/.test(v)) return fail(field, 'contains a control character');
    return v;
  };

  const contentHash = optionalString('content_hash');
  if (contentHash !== hash) fail('content_hash', `${quote(contentHash ?? '(missing)')} is not the entry's hash ${hash}`);
  const component = optionalString('component');
  if (component === null) return fail('component', 'missing');
  if (!isValidComponentName(component)) fail('component', `invalid component name ${quote(component)}`);
  const commit = optionalString('commit');
  if (commit !== null && !isFullSha(commit)) fail('commit', `not a SHA (${quote(commit)}; expected 40 or 64 lowercase hex digits)`);
  const repo = optionalString('repo');
  if (repo !== null) {
    const problem = repoUrlProblem(repo);
    if (problem) fail('repo', `${quote(repo)} ${problem}`);
  }
  const version = optionalString('version');
  if (version !== null && (version.length === 0 || version.length > 255)) fail('version', 'must be 1 to 255 characters');
  const outputHash = optionalString('output_hash');
  // Python writes an empty output_hash for a source it could not hash; such an entry fails verify.
  if (outputHash !== null && outputHash !== '' && !/^[0-9a-f]{64}$/.test(outputHash)) fail('output_hash', `not a sha256 hex digest (${quote(outputHash)})`);
  const python = !('version' in record) && outputHash !== null;
  return {
    contentHash: hash,
    component,
    version: version ?? commit?.slice(0, 12) ?? hash.slice(0, 12),
    commit,
    repo,
    createdAt: optionalString('created_at'),
    outputHash,
    sourcePath: optionalString('source_path'),
    origin: python ? 'python' : 'meta-rollback',
  };
}

import { InputError } from '../core/errors.js';
import { quote } from '../core/names.js';
import { git, runGit } from './run-git.js';

/**
 * Revisions such as `HEAD~1`, `main^`, `v1.2`, `abc1234` or `HEAD@{2}`; refused are option-like
 * values and anything with characters that no revision needs.
 */
export function checkRevision(rev: string, where = '--rev'): string {
  // eslint-disable-next-line no-control-regex
  if (rev.length === 0 || rev.length > 255 || rev.startsWith('-') || /[\x00-\x20\x7f\\:?*[]/.test(rev) || rev.includes('..')) {
    throw new InputError(`${where}: invalid revision ${quote(rev)}`);
  }
  return rev;
}

/** `where` names the argument in errors (`--rev`, `--good`, `input bad`). */
export async function resolveMetaRevision(root: string, rev: string, where = '--rev'): Promise<string> {
  checkRevision(rev, where);
  const result = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { cwd: root });
  if (result.code !== 0) throw new InputError(`${where}: ${quote(rev)} is not a revision of the meta-repo`);
  return result.stdout.toString().trim();
}

/** The bytes of a file as it was at a revision of the meta-repo. */
export async function readFileAtRevision(root: string, commit: string, relPath: string, where = '--rev'): Promise<Buffer> {
  const result = await runGit(['cat-file', 'blob', `${commit}:${relPath}`], { cwd: root });
  if (result.code !== 0) throw new InputError(`${where}: ${relPath} does not exist at ${commit.slice(0, 12)}`);
  return result.stdout;
}

export interface FileRevision {
  readonly commit: string;
  readonly date: string;
  readonly path: string;
  readonly subject: string;
}

/** Every commit that changed one of the given files, newest first (renames not followed). */
export async function fileRevisions(root: string, pathspecs: readonly string[]): Promise<FileRevision[]> {
  const result = await runGit(['log', '--format=%x01%H%x00%cI%x00%s', '--name-only', '--no-renames', '--', ...pathspecs], { cwd: root });
  if (result.code !== 0) return [];
  const revisions: FileRevision[] = [];
  for (const block of result.stdout.toString().split('\x01').slice(1)) {
    const [header = '', ...files] = block.split('\n');
    const [commit = '', date = '', subject = ''] = header.split('\0');
    for (const path of files.filter(Boolean)) revisions.push({ commit, date, path, subject });
  }
  return revisions;
}

/** Reads many `commit:path` blobs with one git process instead of one per revision. */
export async function readBlobs(root: string, specs: readonly string[]): Promise<Map<string, Buffer | undefined>> {
  const out = new Map<string, Buffer | undefined>();
  if (specs.length === 0) return out;
  const result = await runGit(['cat-file', '--batch'], { cwd: root, input: specs.map((s) => `${s}\n`).join('') });
  if (result.code !== 0) throw new Error(`git cat-file --batch failed: ${result.stderr}`);
  const data = result.stdout;
  let offset = 0;
  for (const spec of specs) {
    const nl = data.indexOf(0x0a, offset);
    const header = data.subarray(offset, nl).toString();
    offset = nl + 1;
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
      out.set(spec, undefined);
      continue;
    }
    const size = Number(header.split(' ')[2]);
    out.set(spec, data.subarray(offset, offset + size));
    offset += size + 1;
  }
  return out;
}

export async function isMetaRepoGit(root: string): Promise<boolean> {
  return (await runGit(['rev-parse', '--git-dir'], { cwd: root })).code === 0;
}

export async function metaHead(root: string): Promise<string> {
  return (await git(['rev-parse', 'HEAD'], { cwd: root })).trim();
}

export interface CommitInfo {
  readonly commit: string;
  readonly parent?: string;
  readonly message: string;
}

/** The newest commit that changed a file, with its first parent (undefined for a root commit). */
export async function lastCommitTouching(root: string, relPath: string): Promise<CommitInfo | undefined> {
  const result = await runGit(['log', '-n', '1', '--format=%H%x00%P%x00%B', '--', relPath], { cwd: root });
  if (result.code !== 0 || result.stdout.length === 0) return undefined;
  const [commit = '', parents = '', message = ''] = result.stdout.toString().split('\0');
  return { commit, parent: parents.split(' ').filter(Boolean)[0], message };
}

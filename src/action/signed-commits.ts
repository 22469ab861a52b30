import { readBlobs } from '../git/meta-history.js';
import { git } from '../git/run-git.js';
import type { GitHubApi } from '../github/client.js';
import type { RepoRef } from '../github/repository.js';
import { createSignedCommit, type FileChange } from '../github/signed-commit.js';

const MODES = new Set(['100644', '100755', '120000']);

/** What a commit changed against its parent, as the Git Data API takes it: whole files, binary-safe. */
async function changesOf(dir: string, parent: string, commit: string): Promise<FileChange[]> {
  const raw = await git(['diff-tree', '-r', '-z', '--no-renames', '--no-commit-id', parent, commit], { cwd: dir });
  const fields = raw.split('\0');
  const entries: Array<{ path: string; mode: string; blob: string; deleted: boolean }> = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    // `:<old mode> <new mode> <old blob> <new blob> <status>`, then the path
    const [, mode = '', , blob = '', status = ''] = fields[i]!.replace(/^:/, '').split(' ');
    entries.push({ path: fields[i + 1]!, mode, blob, deleted: status.startsWith('D') });
  }
  const blobs = await readBlobs(dir, entries.filter((e) => !e.deleted).map((e) => e.blob));
  return entries.map((e): FileChange => {
    if (e.deleted) return { path: e.path, deleted: true };
    if (!MODES.has(e.mode)) throw new Error(`${e.path}: mode ${e.mode} (a submodule?) cannot be committed through the Git Data API`);
    const content = blobs.get(e.blob);
    if (!content) throw new Error(`${e.path}: blob ${e.blob} is missing`);
    return { path: e.path, content, mode: e.mode as '100644' | '100755' | '120000' };
  });
}

/**
 * Makes the local commits `base..tip` again through the Git Data API, oldest first, with the same
 * trees and messages, so that GitHub signs each one and marks it verified. Returns the new tip; no
 * ref moves (see moveRefWithLease). The remote must already hold `base`.
 */
export async function signCommits(api: GitHubApi, repo: RepoRef, dir: string, base: string, tip: string): Promise<string> {
  const commits = (await git(['rev-list', '--reverse', '--first-parent', `${base}..${tip}`], { cwd: dir })).split('\n').filter(Boolean);
  let parent = base;
  for (const commit of commits) {
    const [changes, message, tree] = await Promise.all([
      changesOf(dir, `${commit}^`, commit),
      git(['log', '-1', '--format=%B', commit], { cwd: dir }),
      git(['rev-parse', `${commit}^{tree}`], { cwd: dir }).then((t) => t.trim()),
    ]);
    parent = (await createSignedCommit(api, repo, { base: parent, changes, message, expectedTree: tree })).sha;
  }
  return parent;
}

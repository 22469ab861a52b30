// Reads and writes a bare repository on disk. Everything the forge reports about
// refs and commits comes from here, so pushes over HTTP are seen immediately.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { gitIn, runGit } from './git.js';

export const ZERO_SHA = '0000000000000000000000000000000000000000';

export interface RefEntry {
  ref: string;
  sha: string;
  type: string;
}

export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  authorDate: string;
  committerName: string;
  committerEmail: string;
  committerDate: string;
  message: string;
}

export interface Identity {
  name: string;
  email: string;
  /** ISO 8601; now when absent. */
  date?: string;
}

export async function initBareRepo(barePath: string, defaultBranch: string, from?: string): Promise<void> {
  await mkdir(dirname(barePath), { recursive: true });
  await runGit(['init', '--quiet', '--bare', `--initial-branch=${defaultBranch}`, barePath]);
  // http-backend only enables receive-pack for authenticated users unless told so.
  await gitIn(barePath, ['config', 'http.receivepack', 'true']);
  if (from) {
    await gitIn(barePath, ['fetch', '--quiet', '--no-tags', from, '+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*']);
  }
  await gitIn(barePath, ['symbolic-ref', 'HEAD', `refs/heads/${defaultBranch}`]);
}

/** The branch checked out in a (non-bare) source repository, if any. */
export async function currentBranch(repoPath: string): Promise<string | undefined> {
  const r = await runGit(['-C', repoPath, 'symbolic-ref', '--quiet', '--short', 'HEAD'], { ok: [1, 128] });
  return r.code === 0 ? r.stdout.trim() : undefined;
}

export async function listRefs(barePath: string, prefix = 'refs/'): Promise<RefEntry[]> {
  const out = await gitIn(barePath, ['for-each-ref', '--format=%(objectname) %(objecttype) %(refname)', prefix]);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [sha, type, ref] = line.split(' ');
      return { sha, type, ref };
    });
}

export async function readRef(barePath: string, ref: string): Promise<RefEntry | undefined> {
  const refs = await listRefs(barePath, ref);
  return refs.find((r) => r.ref === ref);
}

export async function branchSha(barePath: string, branch: string): Promise<string | undefined> {
  return (await readRef(barePath, `refs/heads/${branch}`))?.sha;
}

/** Resolves a branch, tag or (abbreviated) sha to a commit sha. */
export async function resolveCommit(barePath: string, spec: string): Promise<string | undefined> {
  for (const candidate of [`refs/heads/${spec}`, `refs/tags/${spec}`, spec]) {
    const r = await runGit(['--git-dir', barePath, 'rev-parse', '--verify', '--quiet', '--end-of-options', `${candidate}^{commit}`], {
      ok: [1, 128],
    });
    if (r.code === 0) return r.stdout.trim();
  }
  return undefined;
}

export async function objectExists(barePath: string, sha: string): Promise<boolean> {
  if (!/^[0-9a-f]{40}$/.test(sha)) return false;
  const r = await runGit(['--git-dir', barePath, 'cat-file', '-e', sha], { ok: [1, 128] });
  return r.code === 0;
}

/**
 * Moves `ref` to `next` only if it still points at `expected` (ZERO_SHA: must not
 * exist). Returns false when someone else moved it first.
 */
export async function compareAndSwapRef(barePath: string, ref: string, next: string, expected: string): Promise<boolean> {
  const r = await runGit(['--git-dir', barePath, 'update-ref', ref, next, expected === ZERO_SHA ? '' : expected], { ok: [1, 128] });
  return r.code === 0;
}

export async function deleteRef(barePath: string, ref: string, expected: string): Promise<boolean> {
  const r = await runGit(['--git-dir', barePath, 'update-ref', '-d', ref, expected], { ok: [1, 128] });
  return r.code === 0;
}

export async function isAncestor(barePath: string, ancestor: string, descendant: string): Promise<boolean> {
  const r = await runGit(['--git-dir', barePath, 'merge-base', '--is-ancestor', ancestor, descendant], { ok: [1] });
  return r.code === 0;
}

export async function mergeBase(barePath: string, a: string, b: string): Promise<string | undefined> {
  const r = await runGit(['--git-dir', barePath, 'merge-base', a, b], { ok: [1] });
  return r.code === 0 ? r.stdout.trim() : undefined;
}

/** Commits reachable from `to` but not `from`, oldest first. */
export async function commitsBetween(barePath: string, from: string, to: string): Promise<string[]> {
  const out = await gitIn(barePath, ['rev-list', '--reverse', '--topo-order', `${from}..${to}`]);
  return out.split('\n').filter(Boolean);
}

const FIELD = '%x1f';
const COMMIT_FORMAT = ['%H', '%T', '%P', '%an', '%ae', '%aI', '%cn', '%ce', '%cI', '%B'].join(FIELD);

export async function commitInfo(barePath: string, sha: string): Promise<CommitInfo> {
  const r = await runGit(['--git-dir', barePath, 'show', '-s', `--format=${COMMIT_FORMAT}`, sha]);
  const [full, tree, parents, an, ae, ad, cn, ce, cd, ...message] = r.stdout.split('\x1f');
  return {
    sha: full,
    tree,
    parents: parents.split(' ').filter(Boolean),
    authorName: an,
    authorEmail: ae,
    authorDate: ad,
    committerName: cn,
    committerEmail: ce,
    committerDate: cd,
    message: message.join('\x1f').replace(/\n+$/, ''),
  };
}

export interface DiffStat {
  file: string;
  additions: number;
  deletions: number;
  status: string;
}

export async function diffStats(barePath: string, base: string, head: string): Promise<DiffStat[]> {
  const numstat = await gitIn(barePath, ['diff', '--numstat', '--no-renames', base, head]);
  const names = await gitIn(barePath, ['diff', '--name-status', '--no-renames', base, head]);
  const statusOf = new Map(
    names
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [status, file] = line.split('\t');
        return [file, status] as const;
      }),
  );
  return numstat
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [add, del, file] = line.split('\t');
      return { file, additions: Number(add) || 0, deletions: Number(del) || 0, status: statusOf.get(file) ?? 'M' };
    });
}

/** Three-way merge without a work tree; `tree` is undefined when there are conflicts. */
export async function mergeTrees(barePath: string, base: string, head: string): Promise<{ tree?: string }> {
  const r = await runGit(['--git-dir', barePath, 'merge-tree', '--write-tree', '--no-messages', base, head], { ok: [1] });
  return r.code === 0 ? { tree: r.stdout.split('\n')[0].trim() } : {};
}

export async function commitTree(
  barePath: string,
  tree: string,
  parents: string[],
  message: string,
  author: Identity,
  committer: Identity,
): Promise<string> {
  const args = ['commit-tree', tree, ...parents.flatMap((p) => ['-p', p])];
  return gitIn(barePath, args, {
    input: message.endsWith('\n') ? message : `${message}\n`,
    env: identityEnv(author, committer),
  });
}

export function identityEnv(author: Identity, committer: Identity): NodeJS.ProcessEnv {
  return {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: committer.name,
    GIT_COMMITTER_EMAIL: committer.email,
    ...(author.date ? { GIT_AUTHOR_DATE: author.date } : {}),
    ...(committer.date ? { GIT_COMMITTER_DATE: committer.date } : {}),
  };
}

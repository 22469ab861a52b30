// The three merge methods GitHub offers, performed on the bare repository with
// real git so tests can inspect the resulting history and trees.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitInfo, commitTree, commitsBetween, mergeTrees, type Identity } from './bare-repo.js';
import { gitIn, runGit } from './git.js';

export type MergeMethod = 'merge' | 'squash' | 'rebase';

export const GITHUB_COMMITTER: Identity = { name: 'GitHub', email: 'noreply@github.com' };

export interface MergeRequest {
  barePath: string;
  baseSha: string;
  headSha: string;
  method: MergeMethod;
  title: string;
  message: string;
  author: Identity;
}

export type MergeOutcome = { ok: true; sha: string } | { ok: false; reason: 'conflict' | 'cannot-rebase' };

export async function isMergeable(barePath: string, baseSha: string, headSha: string): Promise<boolean> {
  return (await mergeTrees(barePath, baseSha, headSha)).tree !== undefined;
}

/** Creates the commit(s) for a merge; does not move any ref. */
export async function createMergeCommit(req: MergeRequest): Promise<MergeOutcome> {
  if (req.method === 'rebase') return rebase(req);
  const { tree } = await mergeTrees(req.barePath, req.baseSha, req.headSha);
  if (!tree) return { ok: false, reason: 'conflict' };
  const parents = req.method === 'merge' ? [req.baseSha, req.headSha] : [req.baseSha];
  const message = req.message ? `${req.title}\n\n${req.message}` : req.title;
  const sha = await commitTree(req.barePath, tree, parents, message, req.author, GITHUB_COMMITTER);
  return { ok: true, sha };
}

// git 2.39's merge-tree cannot take an explicit merge base, so replaying commits
// one by one needs cherry-pick, which needs a work tree. A throwaway worktree of
// the bare repository writes its objects straight into it.
async function rebase(req: MergeRequest): Promise<MergeOutcome> {
  const commits = await commitsBetween(req.barePath, req.baseSha, req.headSha);
  for (const sha of commits) {
    if ((await commitInfo(req.barePath, sha)).parents.length > 1) return { ok: false, reason: 'cannot-rebase' };
  }
  if (commits.length === 0) return { ok: true, sha: req.baseSha };
  const dir = await mkdtemp(join(tmpdir(), 'forge-rebase-'));
  const worktree = join(dir, 'wt');
  await gitIn(req.barePath, ['worktree', 'add', '--quiet', '--detach', worktree, req.baseSha]);
  try {
    const picked = await runGit(['-C', worktree, 'cherry-pick', '--allow-empty', '--keep-redundant-commits', ...commits], {
      ok: [1],
      // cherry-pick keeps each commit's author; only the committer becomes GitHub.
      env: { GIT_COMMITTER_NAME: GITHUB_COMMITTER.name, GIT_COMMITTER_EMAIL: GITHUB_COMMITTER.email },
    });
    if (picked.code !== 0) {
      await runGit(['-C', worktree, 'cherry-pick', '--abort'], { ok: [1, 128] });
      return { ok: false, reason: 'conflict' };
    }
    return { ok: true, sha: (await runGit(['-C', worktree, 'rev-parse', 'HEAD'])).stdout.trim() };
  } finally {
    await runGit(['--git-dir', req.barePath, 'worktree', 'remove', '--force', worktree], { ok: [1, 128] });
    await runGit(['--git-dir', req.barePath, 'worktree', 'prune'], { ok: [1, 128] });
    await rm(dir, { recursive: true, force: true });
  }
}

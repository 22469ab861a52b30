// Hosts a local meta-repo on the forge and runs the action on it as a GitHub job would: a runner
// workspace made as actions/checkout makes it, then `node dist/index.js` with the step's inputs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { inputsWithDefaults, runAction } from './actions-runner.mjs';
import { checkoutLikeActions } from './actions-checkout.mjs';

const gitIn = (dir, args) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** A GitHub repository name made from a directory's name. */
function repoName(dir) {
  return basename(resolve(dir)).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'meta';
}

/**
 * Hosts the committed state of the git repository `dir` (its branches and tags; not its working
 * tree) as `owner/name` on the forge, with the branch `dir` has checked out as default branch.
 */
export async function hostRepo(forge, dir, { owner = 'local', name = repoName(dir) } = {}) {
  let branch;
  try {
    branch = gitIn(dir, ['symbolic-ref', '--short', 'HEAD']);
  } catch {
    throw new Error(`${dir}: not a git repository with a branch checked out (the hosted repository's default branch is that branch)`);
  }
  const created = await forge.createRepo(owner, name, { from: resolve(dir), defaultBranch: branch });
  return { owner, name, branch, bare: created.barePath };
}

/**
 * Runs the action on a fresh runner for `hosted`: `inputs` as a step's `with:` (action.yml's
 * defaults for the rest, the forge's token for `${{ github.token }}`). Returns the run and the
 * repository's pull requests, each with its diff.
 */
export async function runOnRunner(forge, hosted, inputs, { persist = 'v4', node } = {}) {
  const runner = mkdtempSync(join(tmpdir(), 'meta-try-runner-'));
  const workspace = join(runner, 'work', hosted.name);
  const runnerTemp = join(runner, 'temp');
  await checkoutLikeActions({ serverUrl: forge.serverUrl, owner: hosted.owner, name: hosted.name, token: forge.token, workspace, runnerTemp, persist, branch: hosted.branch });
  const run = await runAction(inputsWithDefaults(inputs, forge.token), {
    dir: mkdtempSync(join(runner, 'step-')),
    workspace,
    repository: `${hosted.owner}/${hosted.name}`,
    apiUrl: forge.apiUrl,
    serverUrl: forge.serverUrl,
    node,
    env: { RUNNER_TEMP: runnerTemp },
  });
  const pulls = (await forge.pulls(hosted.owner, hosted.name)).map((pr) => ({ ...pr, diff: pullDiff(hosted.bare, pr) }));
  return { run, pulls, runner };
}

/** What the pull request changes: its merge commit against its first parent once merged, else base...head. */
function pullDiff(bare, pr) {
  const range = pr.mergeCommitSha ? [`${pr.mergeCommitSha}^1`, pr.mergeCommitSha] : [`${pr.baseSha}...${pr.headSha}`];
  return gitIn(bare, ['diff', ...range]);
}

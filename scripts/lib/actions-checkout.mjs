// Makes a runner's workspace the way actions/checkout makes it with its defaults: used by the
// tests, the benchmark and the demo, so none of them runs the action on an easier workspace than a
// real runner has.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

// Asynchronously: a local server may answer from this very process, so a blocking call would deadlock it.
async function git(cwd, args) {
  return (await execFileAsync('git', args, { cwd, encoding: 'utf8' })).stdout.trim();
}

function header(token) {
  return `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
}

/**
 * actions/checkout with `fetch-depth: 1`, `fetch-tags: false` and `persist-credentials`:
 * `git init`, `origin` without `.git`, the token configured before the fetch, one shallow
 * `--no-tags` fetch of the run's commit into `refs/remotes/origin/<branch>`, `checkout --force -B`.
 * `persist`: `v4` (v4, v5: the header in .git/config), `v6` (v6, v7: in
 * `$RUNNER_TEMP/git-credentials-<uuid>.config`, included through `includeIf.gitdir:` for the
 * workspace, its worktrees and the same paths inside a container) or `none`
 * (`persist-credentials: false`: the header removed after the fetch).
 */
export async function checkoutLikeActions({ serverUrl, owner, name, token, workspace, runnerTemp, persist = 'v4', branch = 'main', sha }) {
  const origin = new URL(serverUrl).origin;
  const key = `http.${origin}/.extraheader`;
  mkdirSync(workspace, { recursive: true });
  mkdirSync(runnerTemp, { recursive: true });
  await git(workspace, ['init', '-q', workspace]);
  await git(workspace, ['remote', 'add', 'origin', `${origin}/${owner}/${name}`]);
  await git(workspace, ['config', '--local', 'gc.auto', '0']);
  if (persist === 'v6') {
    const id = randomUUID();
    const file = join(runnerTemp, `git-credentials-${id}.config`);
    const gitDir = join(workspace, '.git');
    const container = '/github/workspace/.git';
    const containerFile = `/github/runner_temp/git-credentials-${id}.config`;
    await git(workspace, ['config', '--file', file, key, header(token)]);
    await git(workspace, ['config', '--local', `includeIf.gitdir:${gitDir}.path`, file]);
    await git(workspace, ['config', '--local', `includeIf.gitdir:${gitDir}/worktrees/*.path`, file]);
    await git(workspace, ['config', '--local', `includeIf.gitdir:${container}.path`, containerFile]);
    await git(workspace, ['config', '--local', `includeIf.gitdir:${container}/worktrees/*.path`, containerFile]);
  } else {
    await git(workspace, ['config', '--local', key, header(token)]);
  }
  const commit = sha ?? (await git(workspace, ['ls-remote', 'origin', `refs/heads/${branch}`])).split('\t')[0];
  if (!commit) throw new Error(`${owner}/${name} has no branch ${branch}`);
  await git(workspace, ['-c', 'protocol.version=2', 'fetch', '--no-tags', '--prune', '--no-recurse-submodules', '--depth=1', 'origin', `+${commit}:refs/remotes/origin/${branch}`]);
  await git(workspace, ['checkout', '--force', '-B', branch, `refs/remotes/origin/${branch}`]);
  if (persist === 'none') await git(workspace, ['config', '--local', '--unset-all', key]);
}

/** The files that hold a workspace's persisted credentials, by path, with their text. */
export function credentialFiles(workspace, runnerTemp) {
  const files = { '.git/config': readFileSync(join(workspace, '.git', 'config'), 'utf8') };
  if (existsSync(runnerTemp)) {
    for (const name of readdirSync(runnerTemp).filter((n) => n.startsWith('git-credentials-'))) files[`RUNNER_TEMP/${name}`] = readFileSync(join(runnerTemp, name), 'utf8');
  }
  return files;
}

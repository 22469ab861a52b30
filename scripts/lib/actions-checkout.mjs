// Makes a runner workspace the way actions/checkout does with its defaults, so tests, the
// benchmark and `npm run try-action` run the action on exactly what a real job would have.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

// How actions/checkout leaves credentials behind with `persist-credentials`:
// - `v4`: v4 and v5 write `http.<origin>/.extraheader` into .git/config;
// - `v6`: v6 and v7 write it into `$RUNNER_TEMP/git-credentials-<uuid>.config` and include that file
//   from .git/config with `includeIf.gitdir:` for the workspace (and its worktrees, and the same
//   paths inside a container);
// - `none`: `persist-credentials: false`, the header removed again after the fetch.

/** actions/checkout's placeholder trick keeps the token off command lines; the file ends up the same. */
function header(token) {
  return `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
}

async function git(cwd, args) {
  // Asynchronously: the forge may serve from this very process, so a blocking call would deadlock it.
  return (await execFileAsync('git', args, { cwd, encoding: 'utf8' })).stdout.trim();
}

/**
 * Makes a workspace the way actions/checkout does with its defaults (`fetch-depth: 1`,
 * `fetch-tags: false`, `persist-credentials: true`): `git init`, `origin` without `.git`, the
 * token configured before the fetch, one shallow `--no-tags` fetch of the run's commit into
 * `refs/remotes/origin/<branch>`, then `checkout --force -B <branch>`.
 */
export async function checkoutLikeActions(options) {
  const { workspace, runnerTemp, serverUrl, owner, name, token } = options;
  const persist = options.persist ?? 'v4';
  const branch = options.branch ?? 'main';
  const origin = new URL(serverUrl).origin;
  const key = `http.${origin}/.extraheader`;
  mkdirSync(workspace, { recursive: true });
  mkdirSync(runnerTemp, { recursive: true });
  await git(workspace, ['init', '-q', workspace]);
  await git(workspace, ['remote', 'add', 'origin', `${origin}/${owner}/${name}`]);
  await git(workspace, ['config', '--local', 'gc.auto', '0']);

  const credentialsFile = join(runnerTemp, `git-credentials-${randomUUID()}.config`);
  const gitDir = join(workspace, '.git');
  const containerGitDir = '/github/workspace/.git';
  const containerFile = `/github/runner_temp/git-credentials-${credentialsFile.split('git-credentials-')[1]}`;
  if (persist === 'v6') {
    await git(workspace, ['config', '--file', credentialsFile, key, header(token)]);
    await git(workspace, ['config', '--local', `includeIf.gitdir:${gitDir}.path`, credentialsFile]);
    await git(workspace, ['config', '--local', `includeIf.gitdir:${gitDir}/worktrees/*.path`, credentialsFile]);
    await git(workspace, ['config', '--local', `includeIf.gitdir:${containerGitDir}.path`, containerFile]);
    await git(workspace, ['config', '--local', `includeIf.gitdir:${containerGitDir}/worktrees/*.path`, containerFile]);
  } else {
    await git(workspace, ['config', '--local', key, header(token)]);
  }

  const sha = options.sha ?? (await git(workspace, ['ls-remote', 'origin', `refs/heads/${branch}`])).split('\t')[0];
  if (!sha) throw new Error(`${owner}/${name} has no branch ${branch}`);
  await git(workspace, ['-c', 'protocol.version=2', 'fetch', '--no-tags', '--prune', '--no-recurse-submodules', '--depth=1', 'origin', `+${sha}:refs/remotes/origin/${branch}`]);
  await git(workspace, ['checkout', '--force', '-B', branch, `refs/remotes/origin/${branch}`]);

  if (persist === 'none') await git(workspace, ['config', '--local', '--unset-all', key]);
}

/** The files that hold a workspace's persisted credentials, by path, with their bytes. */
export function credentialFiles(workspace, runnerTemp) {
  const files = { '.git/config': readFileSync(join(workspace, '.git', 'config'), 'utf8') };
  if (existsSync(runnerTemp)) {
    for (const name of readdirSync(runnerTemp).filter((n) => n.startsWith('git-credentials-'))) files[`RUNNER_TEMP/${name}`] = readFileSync(join(runnerTemp, name), 'utf8');
  }
  return files;
}

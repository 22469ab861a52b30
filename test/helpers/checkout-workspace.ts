import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from './workspace.js';

const execFileAsync = promisify(execFile);

/**
 * How actions/checkout leaves credentials behind with `persist-credentials`:
 * - `v4`: v4 and v5 write `http.<origin>/.extraheader` into .git/config;
 * - `v6`: v6 and v7 write it into `$RUNNER_TEMP/git-credentials-<uuid>.config` and include that file
 *   from .git/config with `includeIf.gitdir:` for the workspace (and its worktrees, and the same
 *   paths inside a container);
 * - `none`: `persist-credentials: false`, the header removed again after the fetch.
 */
export type PersistedCredentials = 'v4' | 'v6' | 'none';

export interface CheckoutOptions {
  readonly serverUrl: string;
  readonly owner: string;
  readonly name: string;
  readonly token: string;
  /** The directory to check out into: GITHUB_WORKSPACE, as for a checkout without `path:`. */
  readonly workspace: string;
  readonly runnerTemp: string;
  readonly persist?: PersistedCredentials;
  readonly branch?: string;
  /** The commit the workflow run is for (`github.sha`); default: the branch's tip on the server. */
  readonly sha?: string;
}

/** actions/checkout's placeholder trick keeps the token off command lines; the file ends up the same. */
function header(token: string): string {
  return `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
}

async function git(cwd: string, args: string[]): Promise<string> {
  // Asynchronously: the forge serves from the test process, so a blocking call would deadlock it.
  return (await execFileAsync('git', args, { cwd, encoding: 'utf8' })).stdout.trim();
}

/**
 * Makes a workspace the way actions/checkout does with its defaults (`fetch-depth: 1`,
 * `fetch-tags: false`, `persist-credentials: true`): `git init`, `origin` without `.git`, the
 * token configured before the fetch, one shallow `--no-tags` fetch of the run's commit into
 * `refs/remotes/origin/<branch>`, then `checkout --force -B <branch>`.
 */
export async function checkoutLikeActions(options: CheckoutOptions): Promise<void> {
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
export function credentialFiles(workspace: string, runnerTemp: string): Record<string, string> {
  const files: Record<string, string> = { '.git/config': readFileSync(join(workspace, '.git', 'config'), 'utf8') };
  if (existsSync(runnerTemp)) {
    for (const name of readdirSync(runnerTemp).filter((n) => n.startsWith('git-credentials-'))) files[`RUNNER_TEMP/${name}`] = readFileSync(join(runnerTemp, name), 'utf8');
  }
  return files;
}

export interface RunnerCheckout {
  /** GITHUB_WORKSPACE, holding the checked-out meta-repo. */
  readonly workspace: string;
  readonly runnerTemp: string;
}

/** A fresh runner's workspace and RUNNER_TEMP, checked out from the forge like `actions/checkout` does with its defaults. */
export async function runnerCheckout(forge: { serverUrl: string; token: string }, owner: string, name: string, persist?: PersistedCredentials): Promise<RunnerCheckout> {
  const runner = tempDir('meta-runner-home-');
  const workspace = join(runner, 'work', name);
  const runnerTemp = join(runner, 'temp');
  await checkoutLikeActions({ serverUrl: forge.serverUrl, owner, name, token: forge.token, workspace, runnerTemp, persist });
  return { workspace, runnerTemp };
}

// Helpers for tests that need local (non-bare) repositories to seed the forge,
// clone from it or push to it.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runGit, type GitOptions } from './git.js';

/** Runs git in `cwd`; throws with stderr on failure. Returns trimmed stdout. */
export async function git(cwd: string, args: string[], options: GitOptions = {}): Promise<string> {
  return (await runGit(['-C', cwd, ...args], options)).stdout.trim();
}

export async function tempDir(prefix = 'forge-work-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A fresh non-bare repository on `branch`. */
export async function initRepo(dir?: string, branch = 'main'): Promise<string> {
  const path = dir ?? (await tempDir('forge-src-'));
  await runGit(['init', '--quiet', `--initial-branch=${branch}`, path]);
  return path;
}

/** Writes the files and commits them; returns the new commit's sha. */
export async function commitFiles(repo: string, files: Record<string, string | Buffer>, message: string): Promise<string> {
  for (const [name, content] of Object.entries(files)) {
    const path = join(repo, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
  await git(repo, ['add', '--', ...Object.keys(files)]);
  await git(repo, ['commit', '--quiet', '-m', message]);
  return git(repo, ['rev-parse', 'HEAD']);
}

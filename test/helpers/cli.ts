import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the `meta` command line in this process (fast; the same code path as dist/cli.js). */
export async function meta(args: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

export const repoRoot = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');

/** Runs the built `dist/cli.js` as a user would, in a real process. */
export function metaProcess(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

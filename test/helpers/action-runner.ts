import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOutputFile, runnerEnvironment } from '../../scripts/lib/actions-runner.mjs';
import { repoRoot } from './cli.js';
import { tempDir } from './workspace.js';

export interface ActionRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  /** Every file the run could have written to, for secret scans. */
  readonly files: { output: string; summary: string };
}

export interface RunnerSetup {
  readonly workspace: string;
  readonly repository: string;
  readonly apiUrl: string;
  readonly serverUrl: string;
  /** The node binary to run dist/index.js with (default: this process's). */
  readonly node?: readonly string[];
  /** The action's entry to run (default: the committed dist/index.js). */
  readonly script?: string;
  readonly env?: Record<string, string>;
}

export { parseOutputFile };

/**
 * Runs `node dist/index.js` exactly as a runner would: inputs as INPUT_* variables, outputs and
 * summary through the files named by GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
 */
export async function runActionProcess(inputs: Record<string, string>, setup: RunnerSetup): Promise<ActionRun> {
  const dir = tempDir('meta-runner-');
  const output = join(dir, 'output');
  const summary = join(dir, 'summary.md');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const home = join(dir, 'home');
  mkdirSync(home);
  const env = runnerEnvironment({
    home,
    workspace: setup.workspace,
    runnerTemp: join(dir, 'tmp'),
    outputFile: output,
    summaryFile: summary,
    apiUrl: setup.apiUrl,
    serverUrl: setup.serverUrl,
    repository: setup.repository,
    inputs,
    extra: { GIT_CONFIG_GLOBAL: process.env.GIT_CONFIG_GLOBAL, META_ROLLBACK_CACHE: join(dir, 'cache'), ...setup.env },
  });
  const [command, ...prefix] = setup.node ?? [process.execPath];
  const child = spawn(command!, [...prefix, setup.script ?? join(repoRoot, 'dist', 'index.js')], { cwd: setup.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(output, 'utf8')),
    summary: readFileSync(summary, 'utf8'),
    files: { output, summary },
  };
}

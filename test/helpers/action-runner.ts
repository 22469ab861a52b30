import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  readonly env?: Record<string, string>;
}

/** Parses GITHUB_OUTPUT's `name<<DELIMITER ... DELIMITER` blocks as the runner does. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (match) {
      const [, name, delimiter] = match;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      out[name!] = value.join('\n');
    } else if (lines[i]!.includes('=')) {
      const at = lines[i]!.indexOf('=');
      out[lines[i]!.slice(0, at)] = lines[i]!.slice(at + 1);
    }
  }
  return out;
}

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
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_GLOBAL: process.env.GIT_CONFIG_GLOBAL,
    GIT_CONFIG_NOSYSTEM: '1',
    META_ROLLBACK_CACHE: join(dir, 'cache'),
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_API_URL: setup.apiUrl,
    GITHUB_SERVER_URL: setup.serverUrl,
    GITHUB_GRAPHQL_URL: `${setup.serverUrl}/api/graphql`,
    GITHUB_REPOSITORY: setup.repository,
    GITHUB_WORKSPACE: setup.workspace,
    GITHUB_ACTOR: 'on-call-engineer',
    RUNNER_TEMP: join(dir, 'tmp'),
    ...setup.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const [command, ...prefix] = setup.node ?? [process.execPath];
  const child = spawn(command!, [...prefix, join(repoRoot, 'dist', 'index.js')], { cwd: setup.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

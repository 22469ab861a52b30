import { InvalidArgumentError } from 'commander';
import { makeContext, type RunContext } from '../core/context.js';
import { checkEnvName } from '../core/names.js';
import { resolveRoot } from '../core/paths.js';
import { printJson, type Io } from './output.js';

export interface GlobalOptions {
  root?: string;
  env?: string;
  json?: boolean;
  dryRun?: boolean;
  jobs?: number;
  groupSize?: number;
}

export interface CliEnvironment extends Io {
  readonly cwd: string;
  /** Commands register the exit code of what they did here (0 unless told otherwise). */
  exitCode: number;
}

export function parseGroupSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100000) throw new InvalidArgumentError('must be a whole number from 1 to 100000');
  return n;
}

export function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError('must be a whole number from 1 to 256');
  return n;
}

export function parseList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function contextFor(cli: CliEnvironment, opts: GlobalOptions): RunContext {
  if (opts.env !== undefined) checkEnvName(opts.env);
  const root = resolveRoot(opts.root, cli.cwd);
  return makeContext({
    root,
    cwd: cli.cwd,
    env: opts.env,
    dryRun: opts.dryRun ?? false,
    jobs: opts.jobs ?? 8,
    log: (message) => cli.stderr(`${message}\n`),
  });
}

export function emit<T>(cli: CliEnvironment, opts: GlobalOptions, result: T, format: (r: T) => string): void {
  if (opts.json) printJson(cli, result);
  else cli.stdout(format(result));
}


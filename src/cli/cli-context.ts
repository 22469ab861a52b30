import { InvalidArgumentError } from 'commander';
import { makeContext, type RunContext } from '../core/context.js';
import { basename, dirname, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { checkEnvName, quote } from '../core/names.js';
import { resolveRoot } from '../core/paths.js';
import { printJson, type Io } from './output.js';

export interface GlobalOptions {
  root?: string;
  env?: string;
  manifests?: string;
  json?: boolean;
  dryRun?: boolean;
  updateManifest?: boolean;
  force?: boolean;
  /** False with --no-hold. */
  hold?: boolean;
  jobs?: number;
  groupSize?: number;
}

export interface CliEnvironment extends Io {
  readonly cwd: string;
  /** stderr is a terminal: progress counters may be shown there. */
  readonly terminal?: boolean;
  /** Commands register the exit code of what they did here (0 unless told otherwise). */
  exitCode: number;
  /**
   * Set when a command changed the workspace, so that a signal that came while it finished can be
   * answered with "completed" and the undo (SPEC section 2, "Interrupted runs").
   */
  completed?: { readonly undo?: string };
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
  const root = resolveRoot(rootOption(opts, cli.cwd), cli.cwd);
  return makeContext({
    root,
    cwd: cli.cwd,
    env: opts.env,
    dryRun: opts.dryRun ?? false,
    updateManifest: opts.updateManifest ?? false,
    force: opts.force ?? false,
    hold: opts.hold ?? true,
    jobs: opts.jobs ?? 8,
    log: (message) => cli.stderr(`${message}\n`),
    // Only for a person watching: never in a log, a pipe or with --json.
    progress: cli.terminal && !opts.json ? terminalProgress(cli) : undefined,
  });
}

/**
 * The Python CLI's `-m/--manifests DIR` names the manifests directory; this tool finds every file
 * from the meta-repo root, so DIR must be a `manifests` directory and the root is its parent.
 */
function rootOption(opts: GlobalOptions, cwd: string): string | undefined {
  if (opts.manifests === undefined) return opts.root;
  if (opts.manifests.includes('\0')) throw new InputError('--manifests: contains a NUL byte');
  const dir = resolve(cwd, opts.manifests);
  if (basename(dir) !== 'manifests') {
    throw new InputError(`--manifests: ${quote(opts.manifests)} is not a directory named manifests (the meta-repo layout keeps its manifests in <root>/manifests)`);
  }
  const root = dirname(dir);
  if (opts.root !== undefined && resolve(cwd, opts.root) !== root) throw new InputError(`--manifests: ${quote(opts.manifests)} is not inside --root ${quote(opts.root)}`);
  return root;
}

/** One line rewritten in place (carriage return, erase line); an empty message clears it before other output. */
function terminalProgress(io: Io): (message: string) => void {
  return (message) => io.stderr(`\r\x1b[K${message}`);
}

export function emit<T>(cli: CliEnvironment, opts: GlobalOptions, result: T, format: (r: T) => string): void {
  if (opts.json) printJson(cli, result);
  else cli.stdout(format(result));
  const r = result as { dryRun?: boolean; changes?: unknown[]; snapshot?: unknown; env?: unknown };
  if (!r.dryRun && Array.isArray(r.changes) && r.changes.length > 0) {
    cli.completed = { undo: typeof r.snapshot === 'string' ? undoCommand(r.snapshot, typeof r.env === 'string' ? r.env : undefined) : undefined };
  }
}

export function undoCommand(snapshot: string, env: string | undefined): string {
  return `meta rollback snapshot --restore ${snapshot}${env ? ` --env ${env}` : ''}`;
}


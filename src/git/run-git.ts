import { spawn } from 'node:child_process';
import { GIT_ALLOW_PROTOCOL } from '../core/repo-url.js';
import { trackChild } from '../core/interrupt.js';

export interface GitRunOptions {
  readonly cwd: string;
  /** Extra environment for this one command (credentials travel this way, never in config or URLs). */
  readonly env?: Readonly<Record<string, string>>;
  readonly input?: string | Buffer;
  readonly timeoutMs?: number;
}

export interface GitResult {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly code: number,
    readonly stderr: string,
  ) {
    super(`git ${args[0] ?? ''} failed (exit ${code}): ${firstLine(stderr)}`);
    this.name = 'GitError';
  }
}

let gitProcesses = 0;
/** How many git processes this process has started; the benchmark reports it. */
export function gitProcessCount(): number {
  return gitProcesses;
}

/**
 * Inherited variables that would point git at another repository, index or object store, add config
 * entries (a second Authorization header among them) or change what a pathspec means. The in-process
 * readers under ./local always read the repository in the directory given, so spawned git must too.
 */
const INHERITED_GIT_VARIABLES =
  /^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|COMMON_DIR|NAMESPACE|PREFIX|SHALLOW_FILE|GRAFT_FILE|REPLACE_REF_BASE|NO_REPLACE_OBJECTS|QUARANTINE_PATH|CONFIG|CONFIG_PARAMETERS|CONFIG_COUNT|CONFIG_KEY_\d+|CONFIG_VALUE_\d+|(LITERAL|GLOB|NOGLOB|ICASE)_PATHSPECS)$/;

/** The environment every git gets: the caller's less the variables above, prompts off, only safe transports, messages in English. */
export function gitEnvironment(extra?: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!INHERITED_GIT_VARIABLES.test(name)) env[name] = value;
  return { ...env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never', GIT_ALLOW_PROTOCOL, LC_ALL: 'C', ...extra };
}

/**
 * Runs git with an argument array (never a shell), with prompts disabled so a missing credential
 * fails fast instead of hanging an incident run, and with only safe transports allowed.
 */
export function runGit(args: readonly string[], options: GitRunOptions): Promise<GitResult> {
  gitProcesses += 1;
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', args, {
      cwd: options.cwd,
      shell: false,
      env: gitEnvironment(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs,
      // A group of its own: a Ctrl-C sent to the terminal's process group must not kill a
      // `git checkout` half-way through its files; interrupt.ts decides when git stops.
      detached: process.platform !== 'win32',
    });
    const untrack = trackChild(child.pid);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (err) => {
      untrack();
      reject(err);
    });
    child.on('close', (code, signal) => {
      untrack();
      resolvePromise({
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** Runs git and returns its stdout as text, throwing GitError on a non-zero exit. */
export async function git(args: readonly string[], options: GitRunOptions): Promise<string> {
  const result = await runGit(args, options);
  if (result.code !== 0) throw new GitError(args, result.code, result.stderr);
  return result.stdout.toString('utf8');
}

export async function gitLines(args: readonly string[], options: GitRunOptions): Promise<string[]> {
  return (await git(args, options)).split('\n').filter((line) => line.length > 0);
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim().length > 0) ?? '').trim();
}

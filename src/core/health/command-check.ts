import { spawn, type ChildProcess } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { quote } from '../names.js';
import { OWN_PROCESS_GROUP, signalTree } from './process-group.js';
import { HEALTH_DEFAULTS, type CheckOutcome, type CommandCheckSpec } from './types.js';

export interface CommandCheckOptions {
  /** The component's checkout; the command runs there. */
  readonly cwd: string;
  readonly signal?: AbortSignal;
  /** Time between SIGTERM and SIGKILL when a command is cut off. */
  readonly killGraceMs?: number;
  /** How much of the end of the combined output the detail keeps. */
  readonly outputChars?: number;
  /** Variables added to the inherited environment (the bisect oracle's META_BISECT_PINS). */
  readonly env?: Readonly<Record<string, string>>;
}

export const DEFAULT_KILL_GRACE_MS = 2000;
export const DEFAULT_OUTPUT_CHARS = 2000;

// After the command exits, a process that escaped its group (setsid) could still hold the pipes
// open; the check must not wait on it forever.
const CLOSE_AFTER_EXIT_MS = 1000;

/**
 * Runs the argv in `cwd` without a shell; exit 0 passes. Whatever the command leaves behind in its
 * process group is killed once it exits, and the whole group is killed when it runs out of time,
 * so a check never leaves processes running.
 */
export async function runCommandCheck(spec: CommandCheckSpec, options: CommandCheckOptions): Promise<CheckOutcome> {
  const { cwd, signal } = options;
  if (signal?.aborted) return { ok: false, detail: 'aborted before it started' };
  const cwdProblem = await directoryProblem(cwd);
  if (cwdProblem) return { ok: false, detail: cwdProblem };

  const seconds = spec.timeoutSeconds ?? HEALTH_DEFAULTS.commandTimeoutSeconds;
  const graceMs = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
  const output = new OutputTail(options.outputChars ?? DEFAULT_OUTPUT_CHARS);
  const [program, ...args] = spec.command;

  let child: ChildProcess;
  try {
    child = spawn(program as string, args, {
      cwd,
      shell: false,
      ...(options.env !== undefined && { env: { ...process.env, ...options.env } }),
      detached: OWN_PROCESS_GROUP,
      // No stdin: a command that prompts gets end-of-file instead of hanging until the timeout.
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
  } catch (err) {
    return { ok: false, detail: `could not start ${quote(program as string)}: ${(err as Error).message}` };
  }

  return new Promise<CheckOutcome>((resolve) => {
    let cutOff: string | undefined;
    let startError: Error | undefined;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let graceTimer: NodeJS.Timeout | undefined;
    let closeTimer: NodeJS.Timeout | undefined;
    let settled = false;

    const stop = (reason: string): void => {
      if (cutOff !== undefined || exit !== undefined || settled) return;
      cutOff = reason;
      signalTree(child, 'SIGTERM');
      graceTimer = setTimeout(() => signalTree(child, 'SIGKILL'), graceMs);
    };
    const onAbort = (): void => stop('aborted');
    const timer = setTimeout(() => stop(`timed out after ${seconds}s`), Math.max(1, Math.round(seconds * 1000)));
    signal?.addEventListener('abort', onAbort, { once: true });

    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => output.push(chunk));
    }

    const finish = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
      clearTimeout(closeTimer);
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome({ cutOff, startError, exit, program: program as string }, output.text()));
    };
    const finishSoon = (): void => {
      closeTimer ??= setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        finish();
      }, CLOSE_AFTER_EXIT_MS);
    };

    child.on('error', (err) => {
      startError ??= err;
      finishSoon();
    });
    child.on('exit', (code, sig) => {
      exit = { code, signal: sig };
      // Leftovers in the group (background jobs, a stuck worker) die with the check. Only where the
      // group is the child's own: on Windows a tree kill by a reaped pid could hit a reused one.
      if (OWN_PROCESS_GROUP) signalTree(child, 'SIGKILL');
      finishSoon();
    });
    child.on('close', finish);
  });
}

function outcome(
  run: {
    cutOff: string | undefined;
    startError: Error | undefined;
    exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    program: string;
  },
  output: string,
): CheckOutcome {
  let head: string;
  let ok = false;
  if (run.cutOff !== undefined) head = `${run.cutOff} (killed)`;
  else if (run.startError && !run.exit) head = `could not start ${quote(run.program)}: ${run.startError.message}`;
  else if (run.exit?.code === 0) {
    head = 'exit 0';
    ok = true;
  } else if (run.exit?.code !== null && run.exit?.code !== undefined) head = `exit ${run.exit.code}`;
  else head = `killed by ${run.exit?.signal ?? 'an unknown signal'}`;
  const exitCode = run.cutOff === undefined && typeof run.exit?.code === 'number' ? run.exit.code : undefined;
  return { ok, detail: output ? `${head}\n${output}` : head, ...(exitCode !== undefined && { exitCode }) };
}

async function directoryProblem(dir: string): Promise<string | undefined> {
  try {
    if (!(await stat(dir)).isDirectory()) return `checkout ${quote(dir)} is not a directory`;
    return undefined;
  } catch {
    return `checkout ${quote(dir)} does not exist`;
  }
}

/** Keeps the end of the output (where test runners print their verdict) in bounded memory. */
class OutputTail {
  private buffer = '';
  private dropped = false;

  constructor(private readonly limit: number) {}

  push(chunk: string): void {
    this.buffer += chunk;
    if (this.buffer.length > this.limit * 4) {
      this.buffer = this.buffer.slice(-this.limit * 2);
      this.dropped = true;
    }
  }

  text(): string {
    const clean = cleanOutput(this.buffer);
    if (!this.dropped && clean.length <= this.limit) return clean;
    return `…${clean.slice(-this.limit)}`.replace(/^…\s+/, '…');
  }
}

/** Colour codes and progress-bar carriage returns are noise in a report; keep what a terminal would show. */
function cleanOutput(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, '')
      // eslint-disable-next-line no-control-regex
      .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '')
      .replace(/\r\n/g, '\n')
      .split('\n')
      .map((line) => line.slice(line.lastIndexOf('\r') + 1))
      .join('\n')
      .trim()
  );
}

import pRetry from 'p-retry';
import { GitError, runGit, type GitResult, type GitRunOptions } from './run-git.js';

/**
 * git over the network, run again when it fails the way a busy or restarting server fails. git
 * itself retries almost nothing over HTTP, and an incident run should not end on one 502.
 *
 * Only transport failures are retried. A rejected credential, a missing repository or a refused
 * push gives the same answer the next time, so retrying it would only delay the error (and a
 * rejected lease must reach the caller as it is: it means someone else wrote first).
 */
export const GIT_ATTEMPTS = 3;
/** Waits before the 2nd and 3rd attempts: 0.5 s, then 1.5 s. Short, because a run is waiting on it. */
const FIRST_DELAY_MS = 500;
const FACTOR = 3;

/** Answers that will not change on a retry; checked first, since they often come with "RPC failed". */
const PERMANENT = [
  /\bHTTP 4\d\d\b/,
  /returned error: 4\d\d\b/,
  /Authentication failed/i,
  /could not read (?:Username|Password)/i,
  /terminal prompts disabled/i,
  /Permission denied/i,
  /repository .* not found/i,
  /does not appear to be a git repository/i,
  /\[rejected\]|\[remote rejected\]|stale info|non-fast-forward|fetch first/,
  /couldn't find remote ref|not our ref|upload-pack: not our/i,
];

/** How an interrupted or overloaded transfer looks from git and libcurl. */
const TRANSIENT = [
  /returned error: 5\d\d\b/,
  /\bHTTP 5\d\d\b/,
  /RPC failed/,
  /Connection reset|Connection refused|Connection timed out|Operation timed out|timed out after/i,
  /Empty reply from server|Recv failure|Send failure|Failed to connect|Couldn't connect to server/i,
  /early EOF|unexpected disconnect|the remote end hung up unexpectedly|transfer closed with/i,
  /SSL_read|SSL_write|GnuTLS recv error|TLS connection was non-properly terminated/i,
  /HTTP\/2 stream \d+ was not closed cleanly/i,
];

/** Whether a failed git command's output (stderr, and stdout for a porcelain push) is worth another try. */
export function isTransientGitFailure(output: string): boolean {
  if (PERMANENT.some((re) => re.test(output))) return false;
  return TRANSIENT.some((re) => re.test(output));
}

export interface RetriedResult extends GitResult {
  /** How many times git ran; more than 1 means an earlier attempt failed in transit. */
  readonly attempts: number;
}

export interface RetryHooks {
  /** Runs before each repeat, e.g. to remove what a failed clone left. */
  readonly beforeRetry?: () => Promise<void>;
}

class TransientFailure extends Error {
  constructor(readonly result: GitResult) {
    super(result.stderr);
  }
}

/** `runGit`, repeated while it fails in transit; the last result is returned either way. */
export async function runGitRetrying(args: readonly string[], options: GitRunOptions, hooks: RetryHooks = {}): Promise<RetriedResult> {
  let attempts = 0;
  try {
    return await pRetry(
      async (attempt) => {
        if (attempt > 1) await hooks.beforeRetry?.();
        attempts = attempt;
        const result = await runGit(args, options);
        if (result.code !== 0 && isTransientGitFailure(`${result.stderr}\n${result.stdout.toString('utf8', 0, 4096)}`)) throw new TransientFailure(result);
        return { ...result, attempts };
      },
      { retries: GIT_ATTEMPTS - 1, minTimeout: FIRST_DELAY_MS, factor: FACTOR, randomize: false, shouldRetry: ({ error }) => error instanceof TransientFailure },
    );
  } catch (err) {
    if (err instanceof TransientFailure) return { ...err.result, attempts };
    throw err;
  }
}

/** Like `git`: stdout on success, else a GitError saying how many times it was tried. */
export async function gitRetrying(args: readonly string[], options: GitRunOptions, hooks: RetryHooks = {}): Promise<string> {
  const result = await runGitRetrying(args, options, hooks);
  if (result.code !== 0) throw retriedError(args, result);
  return result.stdout.toString('utf8');
}

/** ` (tried 3 times)` after an error that was retried, so the log shows it was not a one-off. */
export function triedNote(result: { readonly attempts: number }): string {
  return result.attempts > 1 ? ` (tried ${result.attempts} times)` : '';
}

/**
 * A ref push (an update or a delete) tried again in transit. A push that failed after more than one
 * attempt may have landed on an earlier one and lost only its answer (the retry then trips over its
 * own lease); `landed` looks at the remote, and the push counts as done when it says so.
 */
export async function pushRetrying(args: readonly string[], options: GitRunOptions, landed: () => Promise<boolean>): Promise<RetriedResult> {
  const result = await runGitRetrying(args, options);
  if (result.code === 0 || result.attempts < 2) return result;
  return (await landed().catch(() => false)) ? { ...result, code: 0 } : result;
}

/** The GitError for a command that failed, saying how many times it was tried. */
export function retriedError(args: readonly string[], result: RetriedResult): GitError {
  const error = new GitError(args, result.code, result.stderr);
  error.message += triedNote(result);
  return error;
}

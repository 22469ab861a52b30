import { spawn } from 'node:child_process';
import pLimit from 'p-limit';
import { checkoutDetached } from './checkout.js';
import { headState } from './repo-reader.js';
import { gitEnvironment } from './run-git.js';
import { interruption, interruptPoint, onInterrupt, throwIfInterrupted, trackChild } from '../core/interrupt.js';

export interface CheckoutTarget {
  readonly dir: string;
  readonly commit: string;
}

const ARGS_PER_CHECKOUT = 7;

/**
 * Moves many checkouts, each with its own `git checkout --detach`, started by one `xargs -0 -P`
 * instead of by Node. Starting a process from Node forks the whole runtime (100+ MB at N=500) and
 * blocks its one thread until the child has exec'd, about 30 ms of CPU each on a 2-core runner;
 * xargs forks from a 2 MB process and runs `jobs` at a time. No shell is involved: xargs receives
 * every argument NUL-separated and passes them to git as an argument array, unparsed.
 *
 * Afterwards every checkout's HEAD is read; any not at its target is checked out again alone, which
 * either succeeds or throws git's own error for that checkout (after all have settled, so the
 * caller's undo finds every checkout at rest). Without xargs (or with
 * META_ROLLBACK_BATCH=0) each checkout is started from Node, as before.
 */
export async function checkoutMany(targets: readonly CheckoutTarget[], jobs: number, onProgress?: (moved: number, total: number) => void): Promise<void> {
  const batched = targets.length > 1 && process.env.META_ROLLBACK_BATCH !== '0';
  // xargs says nothing as it goes, so the count is read from the HEADs now and then (files, no process).
  const poll = batched && onProgress ? setInterval(() => void countMoved(targets).then((n) => onProgress(n, targets.length)), PROGRESS_MS) : undefined;
  try {
    if (batched) await runThroughXargs(targets, jobs);
  } finally {
    if (poll) clearInterval(poll);
  }
  let moved = batched && onProgress ? await countMoved(targets) : 0;
  if (batched) onProgress?.(moved, targets.length);
  const limit = pLimit(Math.max(1, jobs));
  let started = 0;
  const results = await Promise.allSettled(
    targets.map((target) =>
      limit(async () => {
        // After SIGINT/SIGTERM no checkout is started; the ones running finish, and the caller puts every moved one back.
        if (interruption()) return;
        await interruptPoint(`checkout-${++started}`);
        const now = batched ? await headState(target.dir).catch(() => undefined) : undefined;
        if (now?.head !== target.commit || now.branch !== undefined) {
          await checkoutDetached(target.dir, target.commit);
          onProgress?.(++moved, targets.length);
        }
      }),
    ),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  throwIfInterrupted('stopped while moving the checkouts');
}

const PROGRESS_MS = 250;

async function countMoved(targets: readonly CheckoutTarget[]): Promise<number> {
  const heads = await Promise.all(targets.map((t) => headState(t.dir).then((s) => s.head === t.commit && s.branch === undefined, () => false)));
  return heads.filter(Boolean).length;
}

/** Waits until no process of the group is left: the checkouts xargs had started when it was ended. */
async function groupEnded(pgid: number | undefined): Promise<void> {
  if (pgid === undefined) return;
  for (;;) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Resolves whether or not every checkout succeeded: the HEADs read afterwards are what count. */
function runThroughXargs(targets: readonly CheckoutTarget[], jobs: number): Promise<void> {
  const input = targets
    .map((t) => ['-C', t.dir, 'checkout', '--quiet', '--detach', t.commit, '--'])
    .map((args) => {
      if (args.length !== ARGS_PER_CHECKOUT || args.some((a) => a.includes('\0'))) throw new Error(`cannot pass ${args.join(' ')} to xargs`);
      return args.join('\0');
    })
    .join('\0');
  return new Promise((resolve) => {
    const child = spawn('xargs', ['-0', '-n', String(ARGS_PER_CHECKOUT), '-P', String(Math.max(1, jobs)), 'git'], {
      shell: false,
      stdio: ['pipe', 'ignore', 'ignore'],
      env: gitEnvironment(),
      // Its own process group (see run-git.ts): a terminal's Ctrl-C must not reach the checkouts it runs.
      detached: true,
    });
    const untrack = trackChild(child.pid);
    // On a signal xargs alone is ended, so it starts no more checkouts; the ones it started run to
    // their end (a checkout killed half-way leaves a dirty tree) and are waited for below.
    const stop = onInterrupt(() => {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
    });
    const done = () => {
      stop();
      untrack();
      void groupEnded(child.pid).then(resolve);
    };
    child.on('error', done);
    child.on('close', done);
    child.stdin.on('error', () => undefined);
    child.stdin.end(`${input}\0`);
  });
}

import { spawn } from 'node:child_process';
import pLimit from 'p-limit';
import { GIT_ALLOW_PROTOCOL } from '../core/repo-url.js';
import { checkoutDetached } from './checkout.js';
import { fastHead } from './local/fast-state.js';
import { headState } from './repo-reader.js';

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
 * either succeeds or throws git's own error for that checkout. Without xargs (or with
 * META_ROLLBACK_BATCH=0) each checkout is started from Node, as before.
 */
export async function checkoutMany(targets: readonly CheckoutTarget[], jobs: number, onMoved: (target: CheckoutTarget) => void): Promise<void> {
  if (targets.length > 1 && process.env.META_ROLLBACK_BATCH !== '0') await runThroughXargs(targets, jobs);
  const limit = pLimit(Math.max(1, jobs));
  // Every checkout is settled before an error is thrown, so the caller's undo sees them all at rest.
  const results = await Promise.allSettled(
    targets.map((target) =>
      limit(async () => {
        const now = fastHead(target.dir) ?? (await headState(target.dir).catch(() => undefined));
        if (now?.head !== target.commit || now.branch !== undefined) await checkoutDetached(target.dir, target.commit);
        onMoved(target);
      }),
    ),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
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
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never', GIT_ALLOW_PROTOCOL, LC_ALL: 'C' },
    });
    child.on('error', () => resolve());
    child.on('close', () => resolve());
    child.stdin.on('error', () => undefined);
    child.stdin.end(`${input}\0`);
  });
}

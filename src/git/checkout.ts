import { git, runGit } from './run-git.js';
import { gitRetrying } from './transient-retry.js';
import { currentBranch, hasCommit, headCommit, isShallow } from './repo-reader.js';

export interface CheckoutState {
  readonly dir: string;
  readonly head: string;
  readonly branch?: string;
}

export async function readCheckoutState(dir: string): Promise<CheckoutState> {
  const head = await headCommit(dir);
  if (!head) throw new Error(`${dir} has no commit checked out`);
  return { dir, head, branch: await currentBranch(dir) };
}

/**
 * Makes a commit available in a checkout with the least transfer: nothing is fetched when it is
 * already there, and a missing one is fetched alone (depth 1 in a shallow clone), never re-cloned.
 * Only objects and FETCH_HEAD change, so doing this before any checkout moves keeps a failed run
 * from leaving some checkouts moved and others not.
 */
export async function ensureCommitPresent(dir: string, commit: string, fallbackUrl: string | undefined, env?: Record<string, string>): Promise<boolean> {
  if (await hasCommit(dir, commit)) return false;
  const hasOrigin = (await runGit(['remote', 'get-url', 'origin'], { cwd: dir })).code === 0;
  const remote = hasOrigin ? 'origin' : fallbackUrl;
  if (!remote) throw new Error(`commit ${commit.slice(0, 12)} is not in ${dir} and it has no remote to fetch it from`);
  const depth = (await isShallow(dir)) ? ['--depth=1'] : [];
  await gitRetrying(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', ...depth, remote, commit], { cwd: dir, env });
  if (!(await hasCommit(dir, commit))) throw new Error(`fetching ${commit.slice(0, 12)} into ${dir} did not bring the commit`);
  return true;
}

export async function checkoutDetached(dir: string, commit: string): Promise<void> {
  await git(['checkout', '--quiet', '--detach', commit, '--'], { cwd: dir });
}

/** Puts a checkout back where it was before a failed run: on its branch, or at its commit. */
export async function restoreCheckout(state: CheckoutState): Promise<void> {
  if (state.branch) {
    await git(['checkout', '--quiet', state.branch, '--'], { cwd: state.dir });
  } else {
    await git(['checkout', '--quiet', '--detach', state.head, '--'], { cwd: state.dir });
  }
}

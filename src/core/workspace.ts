import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const VENDOR_INFO = '.vendor-info.yaml';
import { InputError } from './errors.js';
import { componentDir, relativeToRoot } from './paths.js';
import type { CheckoutState } from '../git/checkout.js';
import { isGitRepo, workingState } from '../git/repo-reader.js';

/**
 * The state of `components/<name>`: absent (a lock-only rollback), or a git checkout that may be
 * moved. A directory that is not a checkout, or one with uncommitted tracked changes, is refused
 * before anything changes: a rollback must never discard someone's work.
 */
export async function inspectCheckout(root: string, name: string): Promise<CheckoutState | undefined> {
  const dir = componentDir(root, name);
  if (!existsSync(dir)) return undefined;
  const rel = relativeToRoot(root, dir);
  // The Python CLI's vendored mode copies a component's sources here (with .vendor-info.yaml, no
  // .git): not a checkout to move, and nothing a rollback may rewrite.
  if (statSync(dir).isDirectory() && !isGitRepo(dir) && existsSync(join(dir, VENDOR_INFO))) return undefined;
  if (!statSync(dir).isDirectory() || !isGitRepo(dir)) {
    throw new InputError(`${rel}: exists but is not a git checkout`);
  }
  const state = await workingState(dir);
  if (state.changed.length > 0) {
    throw new InputError(`${rel}: has uncommitted changes (${state.changed.slice(0, 5).join(', ')}); commit or stash them first`);
  }
  if (!state.head) throw new InputError(`${rel}: has no commit checked out`);
  return { dir, head: state.head, branch: state.branch };
}

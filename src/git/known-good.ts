import { OperationError } from '../core/errors.js';
import { git, runGit } from './run-git.js';
import { ensureFullHistory, type MetaRemote } from './shallow-history.js';
import { gitRetrying, pushRetrying, runGitRetrying, triedNote } from './transient-retry.js';

/**
 * An env's known-good state: the meta-repo commit whose health checks last passed, kept in
 * `refs/meta-rollback/known-good/<env>` (`default` for the default lock). A ref rather than a file,
 * so recording it never makes a commit, and it travels with `git push`/`git fetch` like a branch.
 */
export function knownGoodRef(env: string | undefined): string {
  return `refs/meta-rollback/known-good/${env ?? 'default'}`;
}

export async function readKnownGood(root: string, env: string | undefined): Promise<string | undefined> {
  const result = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${knownGoodRef(env)}^{commit}`], { cwd: root });
  return result.code === 0 ? result.stdout.toString().trim() : undefined;
}

export interface KnownGoodRecord {
  /** True when the ref now points at `commit` because of this call. */
  readonly moved: boolean;
  /** What the ref points at afterwards. */
  readonly commit: string;
  readonly previous?: string;
  /** Why it was not moved, when it was not. */
  readonly note?: string;
}

/** Whether `older` is `newer` or one of its ancestors; in a shallow clone the history is fetched first when needed. */
async function isAncestor(root: string, older: string, newer: string, remote?: MetaRemote): Promise<boolean> {
  const ask = async () => (await runGit(['merge-base', '--is-ancestor', older, newer], { cwd: root })).code === 0;
  if (await ask()) return true;
  if (!remote) return false;
  // A shallow clone cannot see past its boundary: look again with the whole history.
  await ensureFullHistory(remote);
  return ask();
}

/**
 * Only forward: the ref moves to `commit` when it is absent or `commit` descends from where it is.
 * A health run that started on an older commit and finished last never moves it back.
 */
function forwardNote(previous: string, commit: string): string {
  return `${previous.slice(0, 12)} is already recorded and ${commit.slice(0, 12)} does not descend from it; the known-good state only moves forward`;
}

/** Records `commit` in the local ref, compare-and-swap (`update-ref NEW OLD`), never backwards. */
export async function recordKnownGood(root: string, env: string | undefined, commit: string): Promise<KnownGoodRecord> {
  const ref = knownGoodRef(env);
  const previous = await readKnownGood(root, env);
  if (previous === commit) return { moved: false, commit, previous, note: `${commit.slice(0, 12)} is already recorded` };
  if (previous && !(await isAncestor(root, previous, commit))) return { moved: false, commit: previous, previous, note: forwardNote(previous, commit) };
  const result = await runGit(['update-ref', '-m', 'meta health --record', ref, commit, previous ?? ''], { cwd: root });
  if (result.code !== 0) throw new OperationError(`${ref}: moved by another run while this one recorded it; run again (${result.stderr.trim().split('\n')[0]})`);
  return { moved: true, commit, previous };
}

/** The remote's known-good commit, or undefined when it has none. */
export async function remoteKnownGood(remote: MetaRemote, env: string | undefined): Promise<string | undefined> {
  const ref = knownGoodRef(env);
  const result = await runGitRetrying(['ls-remote', remote.url, ref], { cwd: remote.root, env: remote.env });
  if (result.code !== 0) throw new OperationError(`cannot read ${ref} from the meta-repo's remote: ${result.stderr.trim().split('\n')[0]}${triedNote(result)}`);
  return result.stdout.toString().split('\n').find((l) => l.endsWith(`\t${ref}`))?.split('\t')[0];
}

/**
 * Fetches the remote's known-good ref into the same local ref, for `--rev known-good` and `list` on
 * a checkout that lacks it (actions/checkout fetches one branch, shallow, without tags). Only the
 * commit itself is fetched (depth 1) when it is not present, so the shallow boundary of what is
 * present never moves. Returns the commit, or undefined when the remote has none.
 */
export async function fetchKnownGood(remote: MetaRemote, env: string | undefined): Promise<string | undefined> {
  const commit = await remoteKnownGood(remote, env);
  if (commit === undefined) return undefined;
  const present = (await runGit(['cat-file', '-e', `${commit}^{commit}`], { cwd: remote.root })).code === 0;
  if (!present) await gitRetrying(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--depth=1', remote.url, commit], { cwd: remote.root, env: remote.env });
  await git(['update-ref', knownGoodRef(env), commit], { cwd: remote.root });
  return commit;
}

const PUSH_ATTEMPTS = 5;

/**
 * Pushes `commit` as the remote's known-good state with a lease (`--force-with-lease=REF:SEEN`):
 * the push lands only if the ref is still where it was read, and only forward from it. When another
 * run moved it in between, it is read again; a newer state recorded by that run is kept.
 */
export async function pushKnownGood(remote: MetaRemote, env: string | undefined, commit: string): Promise<KnownGoodRecord> {
  const ref = knownGoodRef(env);
  for (let attempt = 1; ; attempt++) {
    const seen = await remoteKnownGood(remote, env);
    if (seen === commit) return { moved: false, commit, previous: seen, note: `${commit.slice(0, 12)} is already recorded` };
    if (seen) {
      await fetchKnownGood(remote, env);
      if (!(await isAncestor(remote.root, seen, commit, remote))) return { moved: false, commit: seen, previous: seen, note: forwardNote(seen, commit) };
    }
    const args = ['push', '--quiet', '--porcelain', `--force-with-lease=${ref}:${seen ?? ''}`, remote.url, `${commit}:${ref}`];
    const result = await pushRetrying(args, { cwd: remote.root, env: remote.env }, async () => (await remoteKnownGood(remote, env)) === commit);
    if (result.code === 0) {
      await git(['update-ref', ref, commit], { cwd: remote.root });
      return { moved: true, commit, previous: seen };
    }
    const text = `${result.stdout.toString()}\n${result.stderr}`;
    if (!/stale info|rejected|fetch first/.test(text) || attempt >= PUSH_ATTEMPTS) {
      throw new OperationError(`push of ${ref} failed: ${result.stderr.trim().split('\n').find((l) => l && !l.startsWith('To ')) ?? text.trim()}${triedNote(result)}`);
    }
  }
}

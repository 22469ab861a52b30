import { readFile } from 'node:fs/promises';
import { InputError } from '../core/errors.js';
import { quote } from '../core/names.js';
import { checkRevision, lastCommitTouching, type CommitInfo } from './meta-history.js';
import { git, runGit } from './run-git.js';
import { gitRetrying, runGitRetrying } from './transient-retry.js';

/**
 * actions/checkout's default is a clone of depth 1 without tags. The action fetches the history it
 * needs itself, only as deep as needed: `--deepen` (relative to the shallow boundary) and never
 * `--depth` on a commit already present, which would move the boundary up and cut history away.
 */
export interface MetaRemote {
  readonly root: string;
  readonly url: string;
  readonly env: Record<string, string>;
}

/** The commits at the shallow boundary (empty for a complete clone). */
async function shallowBoundary(root: string): Promise<Set<string>> {
  const path = (await git(['rev-parse', '--path-format=absolute', '--git-path', 'shallow'], { cwd: root })).trim();
  const text = await readFile(path, 'utf8').catch(() => '');
  return new Set(text.split('\n').filter(Boolean));
}

async function resolveLocal(root: string, rev: string): Promise<string | undefined> {
  const result = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { cwd: root });
  return result.code === 0 ? result.stdout.toString().trim() : undefined;
}

async function fetchInto(remote: MetaRemote, options: string[], want: string): Promise<void> {
  await gitRetrying(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', ...options, remote.url, want], { cwd: remote.root, env: remote.env });
}

async function deepen(remote: MetaRemote, by: number): Promise<void> {
  const head = (await git(['rev-parse', 'HEAD'], { cwd: remote.root })).trim();
  await fetchInto(remote, [`--deepen=${by}`], head);
}

async function unshallow(remote: MetaRemote): Promise<void> {
  if ((await shallowBoundary(remote.root)).size === 0) return;
  const head = (await git(['rev-parse', 'HEAD'], { cwd: remote.root })).trim();
  await fetchInto(remote, ['--unshallow'], head);
}

/** `v1.2~3` → base `v1.2`, 3 generations; undefined generations when the suffix is not ~N / ^N steps. */
function splitRevision(rev: string): { base: string; generations?: number } {
  const match = /^(.*?)((?:[~^]\d*)*)$/.exec(rev);
  const base = match?.[1] || 'HEAD';
  const suffix = match?.[2] ?? '';
  let generations = 0;
  for (const step of suffix.match(/[~^]\d*/g) ?? []) {
    const n = step.length > 1 ? Number(step.slice(1)) : 1;
    // `^2` is a second parent: one generation, but fetched by depth just the same.
    generations += step[0] === '~' ? n : Math.min(n, 1);
  }
  return { base, generations: base.includes('@{') ? undefined : generations };
}

/** A branch or tag name on the remote, peeled to its commit; undefined when the remote has none. */
async function remoteCommitOf(remote: MetaRemote, name: string): Promise<string | undefined> {
  if (/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(name)) return name;
  const refs = [`refs/tags/${name}`, `refs/heads/${name}`];
  const result = await runGitRetrying(['ls-remote', remote.url, ...refs, `refs/tags/${name}^{}`], { cwd: remote.root, env: remote.env });
  if (result.code !== 0) return undefined;
  const lines = result.stdout.toString().split('\n').map((l) => l.split('\t'));
  const find = (ref: string): string | undefined => lines.find((l) => l[1] === ref)?.[0];
  return find(`refs/tags/${name}^{}`) ?? find(refs[0]!) ?? find(refs[1]!);
}

/**
 * Resolves a revision of the meta-repo to its commit, first fetching what a shallow clone lacks:
 * the generations below a present commit (`HEAD~1`), or a branch or tag the clone does not have.
 * A revision that the whole history does not hold is refused, as in a complete clone.
 */
export async function ensureRevision(remote: MetaRemote, rev: string, where: string): Promise<string> {
  checkRevision(rev, where);
  const refuse = (): InputError => new InputError(`${where}: ${quote(rev)} is not a revision of the meta-repo`);
  const found = await resolveLocal(remote.root, rev);
  if (found) return found;
  if ((await shallowBoundary(remote.root)).size === 0) throw refuse();

  const { base, generations } = splitRevision(rev);
  const suffix = rev.slice(base.length);
  const present = await resolveLocal(remote.root, base);
  let start = present;
  if (present && generations !== undefined && generations > 0) {
    await deepen(remote, generations);
  } else if (!present) {
    start = await remoteCommitOf(remote, base);
    // Not present, so fetching it with a depth cannot cut history that is.
    if (start) await fetchInto(remote, generations === undefined ? [] : [`--depth=${generations + 1}`], start).catch(() => undefined);
  }
  const after = start ? await resolveLocal(remote.root, `${start}${suffix}`) : undefined;
  if (after) return after;
  await unshallow(remote);
  const last = await resolveLocal(remote.root, start ? `${start}${suffix}` : rev);
  if (!last) throw refuse();
  return last;
}

/**
 * The newest commit that changed a file, with its parent present: in a shallow clone the boundary
 * commit seems to add every file, so the history is deepened (1, 2, 4, ... commits) until the
 * commit found lies above the boundary, or the clone is complete.
 */
export async function ensureLastChange(remote: MetaRemote, relPath: string): Promise<CommitInfo | undefined> {
  for (let by = 1; ; by *= 2) {
    const last = await lastCommitTouching(remote.root, relPath);
    const boundary = await shallowBoundary(remote.root);
    if (boundary.size === 0 || (last && !boundary.has(last.commit))) return last;
    if (by > 64) await unshallow(remote);
    else await deepen(remote, by);
  }
}

/** The whole history, for what reads every revision (the lock history `list` shows). */
export async function ensureFullHistory(remote: MetaRemote): Promise<void> {
  await unshallow(remote);
}

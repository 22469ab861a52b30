import { existsSync } from 'node:fs';
import { readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { restoreCheckout } from '../git/checkout.js';
import { pathsTrackedAt, restorePathsFrom } from '../git/publish-commit.js';
import { currentBranch, headCommit } from '../git/repo-reader.js';

/**
 * The runner's workspace as it was before a run, so that a run which could not publish leaves it as
 * it found it: later steps of the job (and a re-run on a self-hosted runner) must not find a
 * rollback's files lying uncommitted, as if it had happened.
 */
export interface WorkspaceMark {
  readonly head: string | undefined;
  readonly branch: string | undefined;
  /** Files a run may write to without having created them, with their bytes (undefined: absent). */
  readonly kept: ReadonlyMap<string, Buffer | undefined>;
  /** Directories a run may create, and whether each existed. */
  readonly dirs: ReadonlyMap<string, boolean>;
}

/**
 * `kept`: the files a run appends to or edits in place (journal, lock, changeset files). Saving them
 * matters only when git does not hold them; any other file a failed run wrote and git does not hold
 * (the undo snapshot) was made by the run and is removed. `dirs`: where the run may make files.
 */
export async function markWorkspace(root: string, kept: readonly string[], dirs: readonly string[]): Promise<WorkspaceMark> {
  const [head, branch] = await Promise.all([headCommit(root), currentBranch(root)]);
  const saved = new Map<string, Buffer | undefined>();
  for (const rel of new Set(kept)) saved.set(rel, await readFile(join(root, rel)).catch(() => undefined));
  const existed = new Map<string, boolean>();
  for (const start of [...kept.map((rel) => dirname(rel)), ...dirs]) {
    for (let dir = start; dir !== '.' && dir !== '/' && dir !== '' && !existed.has(dir); dir = dirname(dir)) existed.set(dir, existsSync(join(root, dir)));
  }
  return { head, branch, kept: saved, dirs: existed };
}

/**
 * Undoes a run's writes to the files it names and puts HEAD back on the commit (and branch) it
 * was on. HEAD is moved without --force: if changes the run did not make stand in the way, this
 * fails and says so rather than discard them.
 */
export async function restoreWorkspace(root: string, mark: WorkspaceMark, written: readonly string[]): Promise<void> {
  await discardWrites(root, mark, written);
  if (mark.head === undefined) return;
  const [head, branch] = await Promise.all([headCommit(root), currentBranch(root)]);
  if (head === mark.head && branch === mark.branch) return;
  await restoreCheckout({ dir: root, head: mark.head, branch: mark.branch });
  // Against the original commit this time: a file git held only where the run had moved to is gone now.
  await discardWrites(root, mark, written);
}

/** Puts the written files back as HEAD has them, or as they were before the run when git does not hold them. */
export async function discardWrites(root: string, mark: WorkspaceMark, written: readonly string[]): Promise<void> {
  if (written.length === 0) return;
  const head = await headCommit(root);
  const tracked = head ? await pathsTrackedAt(root, head, written) : new Set<string>();
  await restorePathsFrom(root, head ?? '', written.filter((f) => tracked.has(f)));
  for (const rel of written.filter((f) => !tracked.has(f))) {
    const before = mark.kept.get(rel);
    if (before === undefined) await rm(join(root, rel), { force: true });
    else if (!(await readFile(join(root, rel)).catch(() => undefined))?.equals(before)) await writeFile(join(root, rel), before);
  }
  // Directories the run made for its files (`.meta/snapshots/`), once they are empty again.
  for (const rel of written) {
    for (let dir = dirname(rel); mark.dirs.get(dir) === false; dir = dirname(dir)) {
      if (!(await rmdir(join(root, dir)).then(() => true, () => false))) break;
    }
  }
}

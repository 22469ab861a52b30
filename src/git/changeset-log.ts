import { git, gitLines, runGit } from './run-git.js';

/** Read-only history questions a changeset rollback asks of a component repository. */

export interface CommitInfo {
  readonly commit: string;
  readonly parents: readonly string[];
  readonly subject: string;
  readonly message: string;
}

const RECORD = '%H%x00%P%x00%B%x01';

function parseRecords(text: string): CommitInfo[] {
  const out: CommitInfo[] = [];
  for (const record of text.split('\x01')) {
    const trimmed = record.replace(/^\n+/, '');
    if (!trimmed) continue;
    const [commit = '', parents = '', message = ''] = trimmed.split('\0');
    out.push({ commit, parents: parents.split(' ').filter(Boolean), subject: message.split('\n')[0] ?? '', message });
  }
  return out;
}

/**
 * Every commit reachable from `tip` whose message contains any of `needles` (fixed strings, not
 * patterns), newest first in topological order. Each needle is its own argv element, so nothing in
 * it can be read as an option.
 */
export async function commitsWithMessage(dir: string, tip: string, needles: readonly string[]): Promise<CommitInfo[]> {
  const args = ['log', '--topo-order', '--fixed-strings', `--format=${RECORD}`];
  for (const needle of needles) args.push('--grep', needle);
  args.push(tip, '--');
  return parseRecords(await git(args, { cwd: dir }));
}

/** Subject, parents and message of the given commits, in the order given. */
export async function commitInfos(dir: string, commits: readonly string[]): Promise<Map<string, CommitInfo>> {
  const out = new Map<string, CommitInfo>();
  if (commits.length === 0) return out;
  const text = await git(['log', '--no-walk=unsorted', `--format=${RECORD}`, '--stdin', '--'], { cwd: dir, input: commits.map((c) => `${c}\n`).join('') });
  for (const info of parseRecords(text)) out.set(info.commit, info);
  return out;
}

/**
 * Orders commits newest first (children before parents) as they sit in the history of `tip`, and
 * names those that are not in that history at all. One walk, bounded below by the commits' common
 * ancestor, however long the history.
 */
export async function orderOnBranch(dir: string, tip: string, commits: readonly string[]): Promise<{ ordered: string[]; notOnBranch: string[] }> {
  const wanted = new Set(commits);
  if (wanted.size === 0) return { ordered: [], notOnBranch: [] };
  const base = await runGit(['merge-base', '--octopus', ...wanted], { cwd: dir });
  const bound = base.code === 0 ? base.stdout.toString().trim().split('\n')[0] : undefined;
  const walk = await gitLines(['rev-list', '--topo-order', tip, ...(bound ? [`^${bound}`] : []), '--'], { cwd: dir });
  const ordered = walk.filter((c) => wanted.has(c));
  // The common ancestor itself is excluded from the walk; when it is one of the commits it is the oldest.
  if (bound && wanted.has(bound) && (await isAncestor(dir, bound, tip))) ordered.push(bound);
  const found = new Set(ordered);
  return { ordered, notOnBranch: [...wanted].filter((c) => !found.has(c)) };
}

export async function isAncestor(dir: string, ancestor: string, descendant: string): Promise<boolean> {
  return (await runGit(['merge-base', '--is-ancestor', ancestor, descendant], { cwd: dir })).code === 0;
}

/** The commits a merge brought in besides itself (reachable from it but not from its first parent). */
export async function introducedByMerge(dir: string, merge: string, firstParent: string): Promise<string[]> {
  return (await gitLines(['rev-list', merge, `^${firstParent}`, '--'], { cwd: dir })).filter((c) => c !== merge);
}

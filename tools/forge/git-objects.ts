// Git objects written the way GitHub's Git Data API writes them: real blobs,
// trees and commits in the bare repository, made with git plumbing.
import { gitIn, runGit, runGitBytes } from './git.js';
import { HttpError, unprocessable } from './errors.js';

export interface TreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  size?: number;
}

/** One entry of a create-tree request: `sha: null` deletes the path. */
export interface TreeChange {
  path: string;
  mode: string;
  type?: string;
  sha?: string | null;
  content?: string;
}

export async function objectTypeOf(barePath: string, sha: string): Promise<string | undefined> {
  if (!/^[0-9a-f]{40}$/.test(sha)) return undefined;
  const r = await runGit(['--git-dir', barePath, 'cat-file', '-t', sha], { ok: [1, 128] });
  return r.code === 0 ? r.stdout.trim() : undefined;
}

export async function writeBlob(barePath: string, content: Buffer): Promise<string> {
  return gitIn(barePath, ['hash-object', '-w', '--stdin'], { input: content });
}

export async function readBlob(barePath: string, sha: string): Promise<Buffer> {
  return runGitBytes(['--git-dir', barePath, 'cat-file', 'blob', sha]);
}

/** Resolves a tree sha, or a commit / ref naming one, to the tree's sha. */
export async function resolveTree(barePath: string, spec: string): Promise<string | undefined> {
  const r = await runGit(['--git-dir', barePath, 'rev-parse', '--verify', '--quiet', '--end-of-options', `${spec}^{tree}`], { ok: [1, 128] });
  return r.code === 0 ? r.stdout.trim() : undefined;
}

/** `ls-tree -l` of one tree, optionally recursive (then subtrees are listed too). */
export async function listTree(barePath: string, tree: string, recursive = false): Promise<TreeEntry[]> {
  const out = await runGitBytes(['--git-dir', barePath, 'ls-tree', '-z', '-l', ...(recursive ? ['-r', '-t'] : []), tree]);
  return out
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, type, sha, size] = line.slice(0, tab).trim().split(/\s+/);
      const entry: TreeEntry = { path: line.slice(tab + 1), mode, type: type as TreeEntry['type'], sha };
      if (type === 'blob') entry.size = Number(size);
      return entry;
    });
}

type Node = { kind: 'entry'; mode: string; type: TreeEntry['type']; sha: string } | Dir;

interface Dir {
  kind: 'dir';
  children: Map<string, Node>;
}

const MODE_TYPE: Record<string, TreeEntry['type']> = { '100644': 'blob', '100755': 'blob', '120000': 'blob', '040000': 'tree', '160000': 'commit' };

// Only the directories a change touches are read, so a change to one file of a
// large repository costs a few ls-tree calls, not a walk of the whole tree.
async function loadDir(barePath: string, tree: string | undefined): Promise<Dir> {
  const children = new Map<string, Node>();
  if (tree) {
    for (const e of await listTree(barePath, tree)) children.set(e.path, { kind: 'entry', mode: e.mode, type: e.type, sha: e.sha });
  }
  return { kind: 'dir', children };
}

async function descend(barePath: string, dir: Dir, name: string, create: boolean): Promise<Dir | undefined> {
  const child = dir.children.get(name);
  if (child?.kind === 'dir') return child;
  if (child?.kind === 'entry' && child.type === 'tree') {
    const loaded = await loadDir(barePath, child.sha);
    dir.children.set(name, loaded);
    return loaded;
  }
  if (!create) return undefined;
  const fresh: Dir = { kind: 'dir', children: new Map() };
  dir.children.set(name, fresh);
  return fresh;
}

function badObject(): HttpError {
  return unprocessable('GitRPC::BadObjectState');
}

function pathSegments(path: string): string[] {
  const segments = path.split('/');
  if (!path || segments.some((s) => s === '' || s === '.' || s === '..' || s.toLowerCase() === '.git' || s.includes('\0'))) {
    throw unprocessable('tree.path contains a malformed path component');
  }
  return segments;
}

async function applyChange(barePath: string, root: Dir, change: TreeChange): Promise<void> {
  const segments = pathSegments(change.path);
  const name = segments.pop()!;
  const expectedType = MODE_TYPE[change.mode];
  if (!expectedType) throw unprocessable(`tree.mode contains an invalid value: ${change.mode}`);
  if (change.type !== undefined && change.type !== expectedType) throw badObject();
  if (change.sha !== undefined && change.content !== undefined) {
    throw unprocessable('Must supply either tree.sha or tree.content. Request will be rejected if both are present.');
  }
  const deleting = change.sha === null;
  let dir: Dir | undefined = root;
  for (const segment of segments) {
    dir = await descend(barePath, dir, segment, !deleting);
    if (!dir) throw badObject();
  }
  if (deleting) {
    if (!dir.children.delete(name)) throw badObject();
    return;
  }
  let sha: string;
  if (change.content !== undefined) {
    if (expectedType !== 'blob') throw badObject();
    sha = await writeBlob(barePath, Buffer.from(change.content, 'utf8'));
  } else {
    if (typeof change.sha !== 'string') throw unprocessable('Must supply either tree.sha or tree.content.');
    sha = change.sha;
    // Submodule entries name commits of another repository, which need not exist here.
    if (expectedType !== 'commit' && (await objectTypeOf(barePath, sha)) !== expectedType) throw badObject();
  }
  dir.children.set(name, { kind: 'entry', mode: change.mode, type: expectedType, sha });
}

/** Writes the directory bottom-up; undefined when it ends up empty (git stores no empty trees). */
async function writeDir(barePath: string, dir: Dir): Promise<string | undefined> {
  const lines: string[] = [];
  for (const [name, node] of [...dir.children.entries()]) {
    if (node.kind === 'dir') {
      const sha = await writeDir(barePath, node);
      if (sha) lines.push(`040000 tree ${sha}\t${name}`);
    } else {
      lines.push(`${node.mode} ${node.type} ${node.sha}\t${name}`);
    }
  }
  if (lines.length === 0) return undefined;
  return gitIn(barePath, ['mktree', '-z'], { input: lines.map((l) => `${l}\0`).join('') });
}

const EMPTY_TREE_INPUT = '';

/** Builds a tree from `baseTree` (if any) with the changes applied; returns its sha. */
export async function buildTree(barePath: string, baseTree: string | undefined, changes: TreeChange[]): Promise<string> {
  const root = await loadDir(barePath, baseTree);
  for (const change of changes) await applyChange(barePath, root, change);
  return (await writeDir(barePath, root)) ?? gitIn(barePath, ['mktree'], { input: EMPTY_TREE_INPUT });
}

/** The commit object as git stores it: what a signature would sign. */
export async function rawCommit(barePath: string, sha: string): Promise<string> {
  return (await runGit(['--git-dir', barePath, 'cat-file', 'commit', sha])).stdout;
}

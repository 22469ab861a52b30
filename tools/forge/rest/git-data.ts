// Git Data API: blobs, trees and commits written straight into the bare
// repository. Commits made here count as signed by GitHub.
import { commitInfo, identityEnv, type Identity } from '../bare-repo.js';
import { notFound, unprocessable, validationFailed } from '../errors.js';
import { buildTree, listTree, objectTypeOf, readBlob, resolveTree, writeBlob, type TreeChange, type TreeEntry } from '../git-objects.js';
import { gitIn } from '../git.js';
import { userIdentity } from '../pull-service.js';
import { markVerified, verificationOf } from '../signatures.js';
import { nodeId, timestamp, type RepoRecord } from '../state.js';
import type { Json, Urls } from '../shapes.js';
import { bodyOf, requireRepo, type RestContext, type RouteTable } from './context.js';

// GitHub refuses files over 100 MB in any repository.
export const MAX_BLOB_BYTES = 100 * 1024 * 1024;

function apiBase(urls: Urls, repo: RepoRecord): string {
  return `${urls.api}/repos/${repo.owner}/${repo.name}`;
}

function treeEntryJson(urls: Urls, repo: RepoRecord, e: TreeEntry): Json {
  const base = apiBase(urls, repo);
  const url = e.type === 'blob' ? `${base}/git/blobs/${e.sha}` : e.type === 'tree' ? `${base}/git/trees/${e.sha}` : undefined;
  return { path: e.path, mode: e.mode, type: e.type, sha: e.sha, ...(e.size !== undefined ? { size: e.size } : {}), ...(url ? { url } : {}) };
}

async function treeJson(ctx: RestContext, repo: RepoRecord, sha: string, recursive: boolean): Promise<Json> {
  const entries = await listTree(repo.barePath, sha, recursive);
  return {
    sha,
    url: `${apiBase(ctx.core.urls, repo)}/git/trees/${sha}`,
    tree: entries.map((e) => treeEntryJson(ctx.core.urls, repo, e)),
    truncated: false,
  };
}

async function gitCommitJson(ctx: RestContext, repo: RepoRecord, sha: string): Promise<Json> {
  const info = await commitInfo(repo.barePath, sha);
  const base = apiBase(ctx.core.urls, repo);
  const web = `${ctx.core.urls.web}/${repo.owner}/${repo.name}`;
  return {
    sha,
    node_id: nodeId('C', `${repo.owner}/${repo.name}:${sha}`),
    url: `${base}/git/commits/${sha}`,
    html_url: `${web}/commit/${sha}`,
    author: { name: info.authorName, email: info.authorEmail, date: timestamp(new Date(info.authorDate)) },
    committer: { name: info.committerName, email: info.committerEmail, date: timestamp(new Date(info.committerDate)) },
    tree: { sha: info.tree, url: `${base}/git/trees/${info.tree}` },
    message: info.message,
    parents: info.parents.map((p) => ({ sha: p, url: `${base}/git/commits/${p}`, html_url: `${web}/commit/${p}` })),
    verification: await verificationOf(ctx.core, repo.barePath, sha),
  };
}

function decodeContent(content: string, encoding: string): Buffer {
  if (encoding === 'utf-8' || encoding === 'utf8') return Buffer.from(content, 'utf8');
  if (encoding === 'base64') return Buffer.from(content, 'base64');
  throw validationFailed([{ resource: 'Blob', field: 'encoding', code: 'invalid', message: `encoding must be "utf-8" or "base64"` }]);
}

function identity(input: { name?: string; email?: string; date?: string } | undefined, fallback: Identity): Identity {
  if (!input) return fallback;
  return { name: input.name ?? fallback.name, email: input.email ?? fallback.email, ...(input.date ? { date: input.date } : {}) };
}

export const gitDataRoutes: RouteTable = {
  'POST /repos/{owner}/{repo}/git/blobs': async (ctx) => {
    const repo = requireRepo(ctx);
    const { content = '', encoding = 'utf-8' } = bodyOf<{ content: string; encoding: string }>(ctx);
    const bytes = decodeContent(content, encoding);
    if (bytes.length > MAX_BLOB_BYTES) {
      throw validationFailed([{ resource: 'Blob', field: 'content', code: 'too_large', message: 'Blob exceeds the 100 MB file size limit' }]);
    }
    const sha = await writeBlob(repo.barePath, bytes);
    const url = `${apiBase(ctx.core.urls, repo)}/git/blobs/${sha}`;
    return { status: 201, body: { sha, url }, headers: { location: url } };
  },

  'GET /repos/{owner}/{repo}/git/blobs/{file_sha}': async (ctx) => {
    const repo = requireRepo(ctx);
    const sha = ctx.params.file_sha;
    if ((await objectTypeOf(repo.barePath, sha)) !== 'blob') throw notFound();
    const bytes = await readBlob(repo.barePath, sha);
    // GitHub wraps the base64 text at 60 columns, as Ruby's pack('m') does.
    const content = (bytes.toString('base64').match(/.{1,60}/g) ?? []).map((l) => `${l}\n`).join('');
    return {
      status: 200,
      body: { sha, node_id: nodeId('B', `${repo.owner}/${repo.name}:${sha}`), size: bytes.length, url: `${apiBase(ctx.core.urls, repo)}/git/blobs/${sha}`, content, encoding: 'base64' },
    };
  },

  'POST /repos/{owner}/{repo}/git/trees': async (ctx) => {
    const repo = requireRepo(ctx);
    const input = bodyOf<{ tree: TreeChange[]; base_tree: string }>(ctx);
    let base: string | undefined;
    if (input.base_tree !== undefined) {
      if ((await objectTypeOf(repo.barePath, input.base_tree)) !== 'tree') throw unprocessable('base_tree is not a valid tree oid');
      base = input.base_tree;
    }
    const sha = await buildTree(repo.barePath, base, input.tree ?? []);
    const body = await treeJson(ctx, repo, sha, false);
    return { status: 201, body, headers: { location: String(body.url) } };
  },

  'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': async (ctx) => {
    const repo = requireRepo(ctx);
    const sha = await resolveTree(repo.barePath, ctx.params.tree_sha);
    if (!sha) throw notFound();
    // GitHub treats any value of `recursive` as true, even "false" or "0".
    return { status: 200, body: await treeJson(ctx, repo, sha, ctx.query.recursive !== undefined) };
  },

  'POST /repos/{owner}/{repo}/git/commits': async (ctx) => {
    const repo = requireRepo(ctx);
    const input = bodyOf<{ message: string; tree: string; parents: string[]; author: { name: string; email: string; date?: string }; committer: { name?: string; email?: string; date?: string }; signature: string }>(ctx);
    if (!input.tree || (await objectTypeOf(repo.barePath, input.tree)) !== 'tree') throw unprocessable('Tree SHA does not exist');
    const parents = input.parents ?? [];
    for (const parent of parents) {
      if ((await objectTypeOf(repo.barePath, parent)) !== 'commit') throw unprocessable('Parent SHA does not exist or is not a commit object');
    }
    const author = identity(input.author, userIdentity(ctx.user));
    const committer = identity(input.committer, author);
    const message = input.message ?? '';
    const sha = await gitIn(repo.barePath, ['commit-tree', input.tree, ...parents.flatMap((p) => ['-p', p])], {
      input: message,
      env: identityEnv(author, committer),
    });
    if (input.signature === undefined) markVerified(ctx.core, [sha]);
    const body = await gitCommitJson(ctx, repo, sha);
    return { status: 201, body, headers: { location: String(body.url) } };
  },

  'GET /repos/{owner}/{repo}/git/commits/{commit_sha}': async (ctx) => {
    const repo = requireRepo(ctx);
    if ((await objectTypeOf(repo.barePath, ctx.params.commit_sha)) !== 'commit') throw notFound();
    return { status: 200, body: await gitCommitJson(ctx, repo, ctx.params.commit_sha) };
  },
};


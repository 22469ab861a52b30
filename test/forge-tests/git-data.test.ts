// The forge's Git Data API against real git: the objects it writes are the
// objects git itself would write for the same content.
import { randomBytes } from 'node:crypto';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startForge, type Forge } from '../../tools/forge/index.js';
import { runGit } from '../../tools/forge/git.js';
import { commitFiles, initRepo } from '../../tools/forge/workdir.js';
import { checkedForge, forgeKit } from './kit.js';

const TOKEN = 'ghs_gitDataTestToken000000000000000000001';

let forge: Forge;
let seed: string;
const { client, freshRepo } = forgeKit(() => ({ forge, seed }), TOKEN, 'data');

beforeAll(async () => {
  forge = await startForge({ tokens: [TOKEN] });
  seed = await initRepo();
  await commitFiles(seed, { 'README.md': '# meta\n', 'lock/a.yaml': 'a: 1\n', 'lock/b.yaml': 'b: 1\n', 'bin/run': '#!/bin/sh\n' }, 'Initial commit');
});

checkedForge(() => forge);

async function hashObject(content: Buffer): Promise<string> {
  return (await runGit(['hash-object', '--stdin'], { input: content })).stdout.trim();
}

describe('git data API', () => {
  it('stores utf-8 and base64 blobs byte for byte and reads them back as base64', async () => {
    const { owner, repo } = await freshRepo();
    const octokit = client();
    const binary = randomBytes(4096);
    const text = await octokit.git.createBlob({ owner, repo, content: 'héllo\n' });
    const raw = await octokit.git.createBlob({ owner, repo, content: binary.toString('base64'), encoding: 'base64' });
    expect(text.data.sha).toBe(await hashObject(Buffer.from('héllo\n')));
    expect(raw.data.sha).toBe(await hashObject(binary));
    const back = await octokit.git.getBlob({ owner, repo, file_sha: raw.data.sha });
    expect(back.data).toMatchObject({ encoding: 'base64', size: 4096 });
    expect(Buffer.from(back.data.content, 'base64').equals(binary)).toBe(true);
  });

  it('builds trees on a base tree with content, shas, modes and deletions, like git does', async () => {
    const { owner, repo, clone } = await freshRepo();
    const octokit = client();
    const head = (await runGit(['-C', clone, 'rev-parse', 'HEAD'])).stdout.trim();
    const baseTree = (await octokit.git.getCommit({ owner, repo, commit_sha: head })).data.tree.sha;
    const blob = await octokit.git.createBlob({ owner, repo, content: 'new: 2\n' });
    const tree = await octokit.git.createTree({
      owner,
      repo,
      base_tree: baseTree,
      tree: [
        { path: 'lock/a.yaml', mode: '100644', type: 'blob', content: 'a: 2\n' },
        { path: 'lock/b.yaml', mode: '100644', type: 'blob', sha: null },
        { path: 'deep/dir/new.yaml', mode: '100644', type: 'blob', sha: blob.data.sha },
        { path: 'bin/run', mode: '100755', type: 'blob', content: '#!/bin/sh\necho hi\n' },
        { path: 'link', mode: '120000', type: 'blob', content: 'README.md' },
      ],
    });

    // The same change made by hand in a clone gives the same tree.
    await runGit(['-C', clone, 'rm', '--quiet', 'lock/b.yaml']);
    await commitFiles(clone, { 'lock/a.yaml': 'a: 2\n', 'deep/dir/new.yaml': 'new: 2\n', 'bin/run': '#!/bin/sh\necho hi\n' }, 'local');
    await runGit(['-C', clone, 'update-index', '--chmod=+x', 'bin/run']);
    await symlink('README.md', join(clone, 'link'));
    await runGit(['-C', clone, 'add', 'link']);
    expect(tree.data.sha).toBe((await runGit(['-C', clone, 'write-tree'])).stdout.trim());

    const listed = await octokit.git.getTree({ owner, repo, tree_sha: tree.data.sha, recursive: 'true' });
    expect(listed.data.tree.map((e) => [e.path, e.mode, e.type])).toEqual(
      expect.arrayContaining([
        ['bin/run', '100755', 'blob'],
        ['deep', '040000', 'tree'],
        ['deep/dir/new.yaml', '100644', 'blob'],
        ['link', '120000', 'blob'],
      ]),
    );
    expect(listed.data.tree.map((e) => e.path)).not.toContain('lock/b.yaml');

    // Deleting a directory's last file removes the directory; a tree entry replaces a whole subtree.
    const lockTree = listed.data.tree.find((e) => e.path === 'lock')!.sha!;
    const moved = await octokit.git.createTree({
      owner,
      repo,
      base_tree: tree.data.sha,
      tree: [
        { path: 'lock/a.yaml', mode: '100644', type: 'blob', sha: null },
        { path: 'copy', mode: '040000', type: 'tree', sha: lockTree },
      ],
    });
    expect(moved.data.tree.map((e) => e.path)).toEqual(expect.arrayContaining(['copy']));
    expect(moved.data.tree.map((e) => e.path)).not.toContain('lock');
  });

  it('creates commits with the given author and dates, verified', async () => {
    const { owner, repo } = await freshRepo();
    const octokit = client();
    const head = (await forge.branchSha(owner, repo, 'main'))!;
    const { data: parent } = await octokit.git.getCommit({ owner, repo, commit_sha: head });
    const author = { name: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z' };
    const { data } = await octokit.git.createCommit({ owner, repo, message: 'Roll back\n\nbody\n', tree: parent.tree.sha, parents: [head], author });
    expect(data).toMatchObject({ author, committer: author, message: 'Roll back\n\nbody', parents: [{ sha: head }], verification: { verified: true, reason: 'valid' } });
    const raw = (await runGit(['--git-dir', forge.barePath(owner, repo), 'cat-file', 'commit', data.sha])).stdout;
    expect(raw).toContain('author Ada <ada@example.com> 1704164645 +0000');
  });

  it("answers bad input with GitHub's errors", async () => {
    const { owner, repo } = await freshRepo();
    const octokit = client();
    const head = (await forge.branchSha(owner, repo, 'main'))!;
    const missing = 'f'.repeat(40);
    const message = (m: string) => ({ status: 422, response: { data: { message: m } } });
    await expect(octokit.git.createTree({ owner, repo, base_tree: head, tree: [] })).rejects.toMatchObject(message('base_tree is not a valid tree oid'));
    await expect(octokit.git.createTree({ owner, repo, tree: [{ path: 'x', mode: '100644', type: 'blob', sha: missing }] })).rejects.toMatchObject(message('GitRPC::BadObjectState'));
    await expect(octokit.git.createTree({ owner, repo, tree: [{ path: 'nope/x', mode: '100644', type: 'blob', sha: null }] })).rejects.toMatchObject(message('GitRPC::BadObjectState'));
    await expect(octokit.git.createTree({ owner, repo, tree: [{ path: 'a/../b', mode: '100644', type: 'blob', content: 'x' }] })).rejects.toMatchObject(
      message('tree.path contains a malformed path component'),
    );
    await expect(octokit.git.createCommit({ owner, repo, message: 'x', tree: missing })).rejects.toMatchObject(message('Tree SHA does not exist'));
    const tree = (await octokit.git.getCommit({ owner, repo, commit_sha: head })).data.tree.sha;
    await expect(octokit.git.createCommit({ owner, repo, message: 'x', tree, parents: [tree] })).rejects.toMatchObject(
      message('Parent SHA does not exist or is not a commit object'),
    );
    await expect(octokit.git.getBlob({ owner, repo, file_sha: missing })).rejects.toMatchObject({ status: 404 });
  });
});

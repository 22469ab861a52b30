// Signed commits through the Git Data API and lease-guarded ref moves, against
// the local forge: the commit GitHub makes must hold exactly the tree a local
// `git commit` of the same change has.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient, type GitHubApi } from '../../src/github/client.js';
import { createSignedCommit, gitBlobSha, moveRefWithLease, RefLeaseError, type FileChange } from '../../src/github/signed-commit.js';
import { startForge, type Forge } from '../../tools/forge/index.js';
import { commitFiles, git, initRepo, tempDir } from '../../tools/forge/workdir.js';
import { checkedForge } from '../forge-tests/kit.js';

const TOKEN = 'ghs_signedCommitTestToken0000000000000001';

let forge: Forge;
let seed: string;
let api: GitHubApi;
let counter = 0;

beforeAll(async () => {
  forge = await startForge({ tokens: [TOKEN] });
  api = createGitHubClient({ token: TOKEN, apiUrl: forge.apiUrl });
  seed = await initRepo();
  await commitFiles(seed, { 'README.md': '# meta\n', 'lock/a.yaml': 'a: 1\n', 'lock/b.yaml': 'b: 1\n', 'tools/run': '#!/bin/sh\n' }, 'Initial commit');
});

checkedForge(() => forge);

async function freshRepo(): Promise<{ repo: { owner: string; repo: string }; clone: string; base: string }> {
  const name = `signed-${++counter}`;
  await forge.createRepo('acme', name, { from: seed });
  const clone = join(await tempDir('signed-clone-'), 'meta');
  await git(await tempDir(), ['-c', `http.extraheader=${forge.gitAuthHeader(TOKEN)}`, 'clone', '--quiet', forge.cloneUrl('acme', name), clone]);
  return { repo: { owner: 'acme', repo: name }, clone, base: await git(clone, ['rev-parse', 'HEAD']) };
}

/** Applies the same change in the clone's work tree and index; returns the tree git writes. */
async function localTree(clone: string, changes: FileChange[]): Promise<string> {
  for (const change of changes) {
    const path = join(clone, change.path);
    if ('deleted' in change) {
      await git(clone, ['rm', '--quiet', '--', change.path]);
      continue;
    }
    await rm(path, { force: true });
    await mkdir(dirname(path), { recursive: true });
    if (change.mode === '120000') await symlink(change.content.toString('utf8'), path);
    else await writeFile(path, change.content);
    if (change.mode === '100755') await chmod(path, 0o755);
    await git(clone, ['add', '--', change.path]);
  }
  return git(clone, ['write-tree']);
}

describe('createSignedCommit', () => {
  it('commits large, binary, executable, symlinked and deleted files; the tree equals a local commit of the same change', async () => {
    const { repo, clone, base } = await freshRepo();
    const large = randomBytes(6 * 1024 * 1024);
    const binary = Buffer.from([0, 1, 2, 255, 254, 0, 10, 13]);
    const changes: FileChange[] = [
      { path: 'lock/a.yaml', content: Buffer.from('a: 2\n') },
      { path: 'lock/b.yaml', deleted: true },
      { path: 'assets/big.bin', content: large },
      { path: 'assets/logo.png', content: binary },
      { path: 'tools/run', content: Buffer.from('#!/bin/sh\necho rolled back\n'), mode: '100755' },
      { path: 'current', content: Buffer.from('lock/a.yaml'), mode: '120000' },
      { path: 'notes/ünïcode.txt', content: Buffer.from('héllo wörld\n') },
    ];
    const expectedTree = await localTree(clone, changes);

    const commit = await createSignedCommit(api, repo, { base, changes, message: 'Roll back api\n\nRollback of 1.1.0.\n', expectedTree });
    expect(commit.tree).toBe(expectedTree);

    const { data } = await api.rest.git.getCommit({ ...repo, commit_sha: commit.sha });
    expect(data.verification).toMatchObject({ verified: true, reason: 'valid' });
    expect(data.parents.map((p) => p.sha)).toEqual([base]);
    expect(data.message).toBe('Roll back api\n\nRollback of 1.1.0.');

    // Bytes survive: the bare repository holds the very blobs git hashes locally.
    const bare = forge.barePath(repo.owner, repo.repo);
    expect(await git(bare, ['rev-parse', `${commit.sha}:assets/big.bin`])).toBe(gitBlobSha(large));
    expect(await git(bare, ['rev-parse', `${commit.sha}:assets/logo.png`])).toBe(gitBlobSha(binary));
    // Text rides inside the tree request; only the two binary files needed blobs.
    const blobPosts = forge.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/git/blobs'));
    expect(blobPosts).toHaveLength(2);
  });

  it('refuses a change whose tree would differ from the local one, before any commit is made', async () => {
    const { repo, base } = await freshRepo();
    const wrong = 'e'.repeat(40);
    await expect(
      createSignedCommit(api, repo, { base, changes: [{ path: 'lock/a.yaml', content: Buffer.from('a: 3\n') }], message: 'x', expectedTree: wrong }),
    ).rejects.toThrow(`but the local commit has tree ${wrong}`);
    expect(forge.requests.some((r) => r.path.endsWith('/git/commits') && r.method === 'POST')).toBe(false);
  });

  it("names a file over GitHub's 100 MB limit without sending it", async () => {
    const { repo, base } = await freshRepo();
    const huge = Buffer.alloc(100 * 1024 * 1024 + 1);
    await expect(createSignedCommit(api, repo, { base, changes: [{ path: 'dump.bin', content: huge }], message: 'x' })).rejects.toThrow(
      "dump.bin: 104857601 bytes is more than GitHub's 100 MB file size limit",
    );
    expect(forge.requests.some((r) => r.path.endsWith('/git/blobs'))).toBe(false);
  });
});

describe('moveRefWithLease', () => {
  it('creates an absent branch, and refuses to create one that appeared meanwhile', async () => {
    const { repo, base } = await freshRepo();
    const commit = await createSignedCommit(api, repo, { base, changes: [{ path: 'lock/a.yaml', content: Buffer.from('a: 4\n') }], message: 'x' });
    expect(await moveRefWithLease(api, repo, { branch: 'rollback/prod', sha: commit.sha, expected: null })).toBe('created');
    expect(await forge.branchSha(repo.owner, repo.repo, 'rollback/prod')).toBe(commit.sha);
    const raced = moveRefWithLease(api, repo, { branch: 'rollback/prod', sha: base, expected: null });
    await expect(raced).rejects.toBeInstanceOf(RefLeaseError);
    await expect(raced).rejects.toMatchObject({ expected: null, actual: commit.sha });
  });

  it('updates a branch that is where expected, and never overwrites a commit someone else pushed', async () => {
    const { repo, clone, base } = await freshRepo();
    await forge.protectBranch(repo.owner, repo.repo, 'main', { requiredSignatures: true });
    const mine = await createSignedCommit(api, repo, { base, changes: [{ path: 'lock/a.yaml', content: Buffer.from('a: 5\n') }], message: 'mine' });
    expect(await moveRefWithLease(api, repo, { branch: 'main', sha: mine.sha, expected: base })).toBe('updated');
    expect(await forge.branchSha(repo.owner, repo.repo, 'main')).toBe(mine.sha);

    // Someone else lands a commit on a branch we mean to move.
    await git(clone, ['checkout', '--quiet', '-b', 'work']);
    const theirs = await commitFiles(clone, { 'README.md': '# theirs\n' }, 'theirs');
    await git(clone, ['-c', `http.extraheader=${forge.gitAuthHeader(TOKEN)}`, 'push', '--quiet', 'origin', 'work:refs/heads/work']);
    const next = await createSignedCommit(api, repo, { base, changes: [{ path: 'lock/a.yaml', content: Buffer.from('a: 6\n') }], message: 'next' });
    const refused = moveRefWithLease(api, repo, { branch: 'work', sha: next.sha, expected: base });
    await expect(refused).rejects.toBeInstanceOf(RefLeaseError);
    await expect(refused).rejects.toMatchObject({ expected: base, actual: theirs });
    expect(await forge.branchSha(repo.owner, repo.repo, 'work')).toBe(theirs);

    // Even with the lease right, a commit that drops history is refused unless asked for.
    await expect(moveRefWithLease(api, repo, { branch: 'work', sha: next.sha, expected: theirs })).rejects.toMatchObject({ status: 422 });
    expect(await moveRefWithLease(api, repo, { branch: 'work', sha: next.sha, expected: theirs, allowNonFastForward: true })).toBe('updated');
  });

  it("passes on the protected branch's refusal for an unsigned commit", async () => {
    const { repo, clone, base } = await freshRepo();
    await forge.protectBranch(repo.owner, repo.repo, 'main', { requiredSignatures: true });
    const unsigned = await commitFiles(clone, { 'lock/a.yaml': 'a: 7\n' }, 'unsigned');
    await git(clone, ['-c', `http.extraheader=${forge.gitAuthHeader(TOKEN)}`, 'push', '--quiet', 'origin', 'HEAD:refs/heads/side']);
    await expect(moveRefWithLease(api, repo, { branch: 'main', sha: unsigned, expected: base })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('Commits must have valid signatures.'),
    });
  });
});

// End-to-end checks of the forge itself: real git over HTTP, real Octokit, and
// every response validated against GitHub's OpenAPI description.
import { Octokit } from '@octokit/rest';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startForge, type Forge } from '../../tools/forge/index.js';
import { runGit } from '../../tools/forge/git.js';
import { commitFiles, git, initRepo, tempDir } from '../../tools/forge/workdir.js';
import { checkedForge, forgeKit, quiet } from './kit.js';

const TOKEN = 'ghs_forgeTestToken000000000000000000001';
const BOT_TOKEN = 'ghs_forgeTestBotToken00000000000000000002';

let forge: Forge;
let seed: string;
const { client, freshRepo, push, pushBranch } = forgeKit(() => ({ forge, seed }), TOKEN);

async function showFile(barePath: string, rev: string, file: string): Promise<string> {
  return (await runGit(['--git-dir', barePath, 'show', `${rev}:${file}`])).stdout;
}

async function parentsOf(barePath: string, rev: string): Promise<string[]> {
  return (await runGit(['--git-dir', barePath, 'rev-list', '--parents', '-n', '1', rev])).stdout.trim().split(' ').slice(1);
}

beforeAll(async () => {
  forge = await startForge({ tokens: [TOKEN, { token: BOT_TOKEN, login: 'rollback-bot', type: 'Bot' }] });
  seed = await initRepo();
  await commitFiles(seed, { 'README.md': '# meta\n', 'versions.yaml': 'api: 1.0.0\nweb: 2.0.0\n' }, 'Initial commit');
  await commitFiles(seed, { 'versions.yaml': 'api: 1.1.0\nweb: 2.0.0\n' }, 'Bump api');
});

checkedForge(() => forge);

describe('repositories and git over HTTP', () => {
  it('serves a seeded repository over REST and smart HTTP, and sees pushes immediately', async () => {
    const { owner, repo, clone } = await freshRepo();
    const octokit = client();
    const { data } = await octokit.repos.get({ owner, repo });
    expect(data.full_name).toBe(`acme/${repo}`);
    expect(data.default_branch).toBe('main');
    expect(data.clone_url).toBe(forge.cloneUrl(owner, repo));
    expect(data.permissions?.push).toBe(true);
    expect(await readFile(join(clone, 'versions.yaml'), 'utf8')).toContain('api: 1.1.0');

    // A push big enough that git streams it chunked, without Content-Length.
    await git(clone, ['checkout', '--quiet', '-b', 'big']);
    await commitFiles(clone, { 'blob.bin': randomBytes(3 * 1024 * 1024) }, 'Add a large file');
    await push(clone, 'big');
    const local = await git(clone, ['rev-parse', 'HEAD']);
    expect(await forge.branchSha(owner, repo, 'big')).toBe(local);

    const ref = await octokit.git.getRef({ owner, repo, ref: 'heads/big' });
    expect(ref.data.object.sha).toBe(local);
    const branch = await octokit.repos.getBranch({ owner, repo, branch: 'big' });
    expect(branch.data.commit.sha).toBe(local);
    expect(branch.data.commit.commit.message).toBe('Add a large file');

    // GHES-style /api/v3 and github.com-style root paths are both served.
    const atRoot = new Octokit({ auth: TOKEN, baseUrl: forge.serverUrl, log: quiet });
    expect((await atRoot.repos.get({ owner, repo })).data.id).toBe(data.id);

    const gitRequests = forge.requests.filter((r) => r.kind === 'git');
    expect(gitRequests.map((r) => r.status)).not.toContain(401);
    expect(gitRequests.some((r) => r.path.endsWith('/git-receive-pack') && r.status === 200)).toBe(true);
    const rest = forge.requests.filter((r) => r.kind === 'rest');
    expect(rest.every((r) => r.operation !== undefined && r.user === 'forge-user')).toBe(true);
  });

  it('handles gzip-compressed git request bodies', async () => {
    const { owner, repo, clone } = await freshRepo();
    // Enough distinct branch tips that the clone's want list exceeds git's 1 KiB gzip threshold.
    for (let i = 0; i < 40; i++) {
      await git(clone, ['checkout', '--quiet', '-B', `many/${i}`, 'origin/main']);
      await git(clone, ['commit', '--quiet', '--allow-empty', '-m', `empty ${i}`]);
    }
    await push(clone, '--all');
    const copy = join(await tempDir(), 'copy');
    await runGit(['-c', `http.extraheader=${forge.gitAuthHeader()}`, 'clone', '--quiet', forge.cloneUrl(owner, repo), copy]);
    expect(await git(copy, ['rev-parse', 'origin/many/39'])).toBe(await git(clone, ['rev-parse', 'many/39']));
    const gzipped = forge.requests.filter((r) => r.kind === 'git' && r.headers['content-encoding'] === 'gzip');
    expect(gzipped.length).toBeGreaterThan(0);
    expect(gzipped.every((r) => r.status === 200)).toBe(true);
  });

  it('refuses two Authorization headers as GitHub does, for git and for the API', async () => {
    const { owner, repo } = await freshRepo();
    const work = await tempDir();
    // git sends every matching http.<url>.extraheader: here two.
    const twice = await runGit(
      ['-c', `http.extraheader=${forge.gitAuthHeader(TOKEN)}`, '-c', `http.${forge.serverUrl}/.extraheader=${forge.gitAuthHeader(TOKEN)}`, 'clone', '--quiet', forge.cloneUrl(owner, repo), join(work, 'twice')],
      { ok: [128] },
    );
    expect(twice.code).toBe(128);
    expect(twice.stderr).toContain('remote: Duplicate header: "Authorization"');
    expect(twice.stderr).toContain('The requested URL returned error: 400');

    const { request } = await import('node:http');
    const url = new URL(`${forge.apiUrl}/repos/${owner}/${repo}`);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      // An array value goes out as one header line per element.
      const req = request(url, { method: 'GET', headers: { Authorization: [`token ${TOKEN}`, `token ${TOKEN}`], 'User-Agent': 'test' } }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).message).toBe('Duplicate header: "Authorization"');
    forge.violations.splice(0);
  });

  it('accepts token credentials in the URL and the bearer form, and rejects bad ones', async () => {
    const { owner, repo } = await freshRepo();
    const work = await tempDir();
    await runGit(['clone', '--quiet', forge.cloneUrl(owner, repo, TOKEN), join(work, 'url-creds')]);
    await runGit(['-c', `http.extraheader=Authorization: bearer ${BOT_TOKEN}`, 'clone', '--quiet', forge.cloneUrl(owner, repo), join(work, 'bearer')]);

    const denied = await runGit(['clone', '--quiet', forge.cloneUrl(owner, repo, 'ghs_wrong'), join(work, 'denied')], { ok: [128] });
    expect(denied.code).toBe(128);
    const anonymous = await runGit(['clone', '--quiet', forge.cloneUrl(owner, repo), join(work, 'anonymous')], { ok: [128] });
    expect(anonymous.code).toBe(128);
    const unauthorized = forge.requests.filter((r) => r.kind === 'git' && r.status === 401);
    expect(unauthorized.length).toBeGreaterThanOrEqual(2);

    const missing = await runGit(['clone', '--quiet', `${forge.serverUrl}/acme/nope.git`, join(work, 'missing')], {
      ok: [128],
      env: { GIT_CONFIG_PARAMETERS: `'http.extraheader=${forge.gitAuthHeader()}'` },
    });
    expect(missing.stderr).toMatch(/not found/i);
  });

  it('answers 401 Bad credentials on REST and GraphQL, and honours addToken/removeToken', async () => {
    const { owner, repo } = await freshRepo();
    await expect(client('ghs_nope').repos.get({ owner, repo })).rejects.toMatchObject({ status: 401, response: { data: { message: 'Bad credentials' } } });
    await expect(client('ghs_nope').graphql('query { viewer { login } }')).rejects.toMatchObject({ status: 401 });
    const unauthenticated = new Octokit({ baseUrl: forge.apiUrl, log: quiet });
    await expect(unauthenticated.repos.get({ owner, repo })).rejects.toMatchObject({ status: 401 });

    forge.addToken('ghs_temporary', 'temp-user');
    const viewer = await client('ghs_temporary').graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    expect(viewer.viewer.login).toBe('temp-user');
    forge.removeToken('ghs_temporary');
    await expect(client('ghs_temporary').repos.get({ owner, repo })).rejects.toMatchObject({ status: 401 });
  });
});

describe('git references', () => {
  it('creates, reads, lists, fast-forwards, force-moves and deletes refs', async () => {
    const { owner, repo, clone } = await freshRepo();
    const octokit = client();
    const main = (await octokit.git.getRef({ owner, repo, ref: 'heads/main' })).data.object.sha;
    const first = await git(clone, ['rev-parse', 'HEAD~1']);

    const created = await octokit.git.createRef({ owner, repo, ref: 'refs/heads/rollback/one', sha: first });
    expect(created.status).toBe(201);
    expect(created.data.ref).toBe('refs/heads/rollback/one');
    await expect(octokit.git.createRef({ owner, repo, ref: 'refs/heads/rollback/one', sha: first })).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Reference already exists' } },
    });

    const matching = await octokit.git.listMatchingRefs({ owner, repo, ref: 'heads/roll' });
    expect(matching.data.map((r) => r.ref)).toEqual(['refs/heads/rollback/one']);
    // Octokit encodes the slash in the branch name; the forge must decode it.
    expect((await octokit.git.getRef({ owner, repo, ref: 'heads/rollback/one' })).data.object.sha).toBe(first);

    const ff = await octokit.git.updateRef({ owner, repo, ref: 'heads/rollback/one', sha: main });
    expect(ff.data.object.sha).toBe(main);
    await expect(octokit.git.updateRef({ owner, repo, ref: 'heads/rollback/one', sha: first })).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Update is not a fast forward' } },
    });
    const forced = await octokit.git.updateRef({ owner, repo, ref: 'heads/rollback/one', sha: first, force: true });
    expect(forced.data.object.sha).toBe(first);
    expect(await forge.branchSha(owner, repo, 'rollback/one')).toBe(first);

    await expect(octokit.git.updateRef({ owner, repo, ref: 'heads/main', sha: 'f'.repeat(40), force: true })).rejects.toMatchObject({ status: 422 });
    expect((await octokit.git.deleteRef({ owner, repo, ref: 'heads/rollback/one' })).status).toBe(204);
    expect(await forge.branchSha(owner, repo, 'rollback/one')).toBeUndefined();
    await expect(octokit.git.getRef({ owner, repo, ref: 'heads/rollback/one' })).rejects.toMatchObject({ status: 404 });
    await expect(octokit.git.deleteRef({ owner, repo, ref: 'heads/rollback/one' })).rejects.toMatchObject({ status: 422 });
  });

  it('compares refs', async () => {
    const { owner, repo, clone } = await freshRepo();
    await pushBranch(clone, 'feature/compare', { 'new.txt': 'hello\n' });
    const { data } = await client().repos.compareCommitsWithBasehead({ owner, repo, basehead: 'main...feature/compare' });
    expect(data.status).toBe('ahead');
    expect(data.ahead_by).toBe(1);
    expect(data.files?.map((f) => [f.filename, f.status])).toEqual([['new.txt', 'added']]);
  });
});

describe('pull requests', () => {
  it('creates, finds by head, updates and comments on a pull request', async () => {
    const { owner, repo, clone } = await freshRepo();
    const octokit = client();
    const head = await pushBranch(clone, 'rollback/api', { 'versions.yaml': 'api: 1.0.0\nweb: 2.0.0\n' });

    const created = await octokit.pulls.create({ owner, repo, head: 'rollback/api', base: 'main', title: 'Roll api back', body: 'why' });
    expect(created.status).toBe(201);
    expect(created.data.number).toBe(1);
    expect(created.data.head.sha).toBe(head);
    expect(created.data.mergeable).toBe(true);

    await expect(octokit.pulls.create({ owner, repo, head: 'rollback/api', base: 'main', title: 'again' })).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ message: `A pull request already exists for acme:rollback/api.` }] } },
    });
    await push(clone, 'origin/main:refs/heads/empty');
    await expect(octokit.pulls.create({ owner, repo, head: 'empty', base: 'main', title: 'nothing' })).rejects.toMatchObject({ status: 422 });
    await expect(octokit.pulls.create({ owner, repo, head: 'missing', base: 'main', title: 'nothing' })).rejects.toMatchObject({ status: 422 });

    const listed = await octokit.pulls.list({ owner, repo, head: `${owner}:rollback/api`, state: 'open' });
    expect(listed.data.map((p) => p.number)).toEqual([1]);
    expect((await octokit.pulls.list({ owner, repo, head: `${owner}:other` })).data).toEqual([]);

    const updated = await octokit.pulls.update({ owner, repo, pull_number: 1, title: 'Roll api back to 1.0.0', body: 'updated' });
    expect(updated.data.title).toBe('Roll api back to 1.0.0');

    // A later push moves the head; the forge reads it live from the bare repository.
    await git(clone, ['checkout', '--quiet', 'rollback/api']);
    const moved = await commitFiles(clone, { 'NOTES.md': 'more\n' }, 'Second change');
    await push(clone, 'rollback/api');
    expect((await octokit.pulls.get({ owner, repo, pull_number: 1 })).data.head.sha).toBe(moved);

    const comment = await octokit.issues.createComment({ owner, repo, issue_number: 1, body: 'first' });
    await octokit.issues.updateComment({ owner, repo, comment_id: comment.data.id, body: 'edited' });
    const comments = await octokit.issues.listComments({ owner, repo, issue_number: 1 });
    expect(comments.data.map((c) => c.body)).toEqual(['edited']);
    expect(forge.comments(owner, repo, 1).map((c) => c.body)).toEqual(['edited']);
    await expect(octokit.issues.createComment({ owner, repo, issue_number: 99, body: 'x' })).rejects.toMatchObject({ status: 404 });

    const closed = await octokit.pulls.update({ owner, repo, pull_number: 1, state: 'closed' });
    expect(closed.data.state).toBe('closed');
    expect((await octokit.pulls.list({ owner, repo, state: 'closed' })).data.map((p) => p.number)).toEqual([1]);
    const [record] = await forge.pulls(owner, repo);
    expect(record).toMatchObject({ number: 1, state: 'closed', headSha: moved, title: 'Roll api back to 1.0.0' });
  });

  it.each(['squash', 'merge', 'rebase'] as const)('merges with %s and really moves the base branch', async (method) => {
    const { owner, repo, clone } = await freshRepo();
    const octokit = client();
    const before = (await forge.branchSha(owner, repo, 'main'))!;
    await pushBranch(clone, 'rollback/api', { 'versions.yaml': 'api: 1.0.0\nweb: 2.0.0\n' }, 'Roll api back');
    await commitFiles(clone, { 'CHANGELOG.md': 'rolled back\n' }, 'Note the rollback');
    await push(clone, 'rollback/api');
    const head = await git(clone, ['rev-parse', 'HEAD']);
    const pr = await octokit.pulls.create({ owner, repo, head: 'rollback/api', base: 'main', title: 'Rollback' });

    await expect(octokit.pulls.merge({ owner, repo, pull_number: pr.data.number, merge_method: method, sha: before })).rejects.toMatchObject({ status: 409 });
    const merged = await octokit.pulls.merge({ owner, repo, pull_number: pr.data.number, merge_method: method, sha: head });
    expect(merged.data.merged).toBe(true);

    const barePath = forge.barePath(owner, repo);
    const after = await forge.branchSha(owner, repo, 'main');
    expect(after).toBe(merged.data.sha);
    expect(await showFile(barePath, 'main', 'versions.yaml')).toBe('api: 1.0.0\nweb: 2.0.0\n');
    expect(await showFile(barePath, 'main', 'CHANGELOG.md')).toBe('rolled back\n');
    if (method === 'merge') expect(await parentsOf(barePath, 'main')).toEqual([before, head]);
    if (method === 'squash') expect(await parentsOf(barePath, 'main')).toEqual([before]);
    if (method === 'rebase') {
      expect(await parentsOf(barePath, 'main~1')).toEqual([before]);
      expect((await runGit(['--git-dir', barePath, 'log', '-1', '--format=%s', 'main'])).stdout.trim()).toBe('Note the rollback');
    }

    const state = (await octokit.pulls.get({ owner, repo, pull_number: pr.data.number })).data;
    expect(state).toMatchObject({ merged: true, state: 'closed', merge_commit_sha: merged.data.sha, commits: 2 });
    await expect(octokit.pulls.checkIfMerged({ owner, repo, pull_number: pr.data.number })).resolves.toMatchObject({ status: 204 });
    await expect(octokit.pulls.merge({ owner, repo, pull_number: pr.data.number })).rejects.toMatchObject({ status: 405 });
  });

  it('serialises concurrent merges into the same base', async () => {
    const { owner, repo, clone } = await freshRepo();
    const octokit = client();
    await pushBranch(clone, 'one', { 'one.txt': '1\n' });
    await pushBranch(clone, 'two', { 'two.txt': '2\n' });
    const one = await octokit.pulls.create({ owner, repo, head: 'one', base: 'main', title: 'one' });
    const two = await octokit.pulls.create({ owner, repo, head: 'two', base: 'main', title: 'two' });
    await Promise.all([
      octokit.pulls.merge({ owner, repo, pull_number: one.data.number, merge_method: 'merge' }),
      octokit.pulls.merge({ owner, repo, pull_number: two.data.number, merge_method: 'merge' }),
    ]);
    const barePath = forge.barePath(owner, repo);
    expect(await showFile(barePath, 'main', 'one.txt')).toBe('1\n');
    expect(await showFile(barePath, 'main', 'two.txt')).toBe('2\n');
  });

  it('paginates lists with Link headers', async () => {
    const { owner, repo, clone } = await freshRepo();
    const octokit = client();
    await pushBranch(clone, 'p', { 'p.txt': 'p\n' });
    const pr = await octokit.pulls.create({ owner, repo, head: 'p', base: 'main', title: 'p' });
    for (const body of ['a', 'b', 'c']) await octokit.issues.createComment({ owner, repo, issue_number: pr.data.number, body });
    const first = await octokit.issues.listComments({ owner, repo, issue_number: pr.data.number, per_page: 2 });
    expect(first.headers.link).toMatch(/rel="next"/);
    const all = await octokit.paginate(octokit.issues.listComments, { owner, repo, issue_number: pr.data.number, per_page: 2 });
    expect(all.map((c) => c.body)).toEqual(['a', 'b', 'c']);
  });

  it('can report mergeability as pending at first, as GitHub does', async () => {
    const slow = await startForge({ tokens: [TOKEN], mergeabilityDelay: 2 });
    try {
      const source = await initRepo();
      await commitFiles(source, { 'a.txt': 'a\n' }, 'a');
      await git(source, ['checkout', '--quiet', '-b', 'feature']);
      await commitFiles(source, { 'b.txt': 'b\n' }, 'b');
      await git(source, ['checkout', '--quiet', 'main']);
      await slow.createRepo('acme', 'slow', { from: source });
      const octokit = new Octokit({ auth: TOKEN, baseUrl: slow.apiUrl, log: quiet });
      const pr = await octokit.pulls.create({ owner: 'acme', repo: 'slow', head: 'feature', base: 'main', title: 'f' });
      expect([pr.data.mergeable, pr.data.mergeable_state]).toEqual([null, 'unknown']);
      const second = await octokit.pulls.get({ owner: 'acme', repo: 'slow', pull_number: pr.data.number });
      expect(second.data.mergeable).toBeNull();
      const third = await octokit.pulls.get({ owner: 'acme', repo: 'slow', pull_number: pr.data.number });
      expect([third.data.mergeable, third.data.mergeable_state]).toEqual([true, 'clean']);
      expect(slow.violations).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it('reports conflicts as not mergeable and refuses to merge them', async () => {
    const { owner, repo, clone } = await freshRepo();
    const octokit = client();
    await pushBranch(clone, 'left', { 'versions.yaml': 'api: 0.9.0\nweb: 2.0.0\n' });
    await pushBranch(clone, 'right', { 'versions.yaml': 'api: 0.8.0\nweb: 2.0.0\n' });
    const left = await octokit.pulls.create({ owner, repo, head: 'left', base: 'main', title: 'left' });
    const right = await octokit.pulls.create({ owner, repo, head: 'right', base: 'main', title: 'right' });
    await octokit.pulls.merge({ owner, repo, pull_number: left.data.number, merge_method: 'squash' });
    const { data } = await octokit.pulls.get({ owner, repo, pull_number: right.data.number });
    expect(data.mergeable).toBe(false);
    expect(data.mergeable_state).toBe('dirty');
    await expect(octokit.pulls.merge({ owner, repo, pull_number: right.data.number })).rejects.toMatchObject({ status: 405 });
    await expect(octokit.pulls.merge({ owner, repo, pull_number: right.data.number, merge_method: 'rebase' })).rejects.toMatchObject({ status: 405 });
  });

  it('treats a pull request whose head was pushed into its base as merged, and one whose head vanished as closed', async () => {
    const { owner, repo, clone } = await freshRepo();
    const octokit = client();
    const landed = await pushBranch(clone, 'landed', { 'a.txt': 'a\n' });
    await pushBranch(clone, 'vanishing', { 'b.txt': 'b\n' });
    await octokit.pulls.create({ owner, repo, head: 'landed', base: 'main', title: 'landed' });
    await octokit.pulls.create({ owner, repo, head: 'vanishing', base: 'main', title: 'vanishing' });
    await push(clone, `${landed}:refs/heads/main`, ':refs/heads/vanishing');
    const [one, two] = await forge.pulls(owner, repo);
    expect(one).toMatchObject({ state: 'closed', mergeCommitSha: landed, mergedBy: { login: 'forge-user' } });
    expect(two).toMatchObject({ state: 'closed', mergedAt: null });
  });
});

describe('graphql', () => {
  it('enables auto-merge by node id and merges once the forge runs auto-merge', async () => {
    const { owner, repo, clone } = await freshRepo();
    const octokit = client(BOT_TOKEN);
    await pushBranch(clone, 'rollback/web', { 'versions.yaml': 'api: 1.1.0\nweb: 1.9.0\n' });
    const pr = await octokit.pulls.create({ owner, repo, head: 'rollback/web', base: 'main', title: 'Roll web back' });

    const lookup = await octokit.graphql<{ repository: { pullRequest: { id: string; number: number } } }>(
      'query($owner: String!, $name: String!, $number: Int!) { repository(owner: $owner, name: $name) { pullRequest(number: $number) { id number } } }',
      { owner, name: repo, number: pr.data.number },
    );
    expect(lookup.repository.pullRequest.id).toBe(pr.data.node_id);

    const enabled = await octokit.graphql<{
      enablePullRequestAutoMerge: { pullRequest: { number: number; autoMergeRequest: { enabledAt: string; mergeMethod: string } } };
    }>(
      `mutation($id: ID!) {
        enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: SQUASH }) {
          pullRequest { number autoMergeRequest { enabledAt mergeMethod } }
        }
      }`,
      { id: pr.data.node_id },
    );
    expect(enabled.enablePullRequestAutoMerge.pullRequest.number).toBe(pr.data.number);
    expect(enabled.enablePullRequestAutoMerge.pullRequest.autoMergeRequest.mergeMethod).toBe('SQUASH');
    expect(Date.parse(enabled.enablePullRequestAutoMerge.pullRequest.autoMergeRequest.enabledAt)).not.toBeNaN();

    const rest = await octokit.pulls.get({ owner, repo, pull_number: pr.data.number });
    expect(rest.data.auto_merge).toMatchObject({ merge_method: 'squash', enabled_by: { login: 'rollback-bot', type: 'Bot' } });
    expect((await forge.pulls(owner, repo))[0].autoMerge?.mergeMethod).toBe('squash');

    const outcomes = await forge.runAutoMerge();
    expect(outcomes).toEqual([{ owner, repo, number: pr.data.number, sha: expect.any(String) }]);
    expect(await showFile(forge.barePath(owner, repo), 'main', 'versions.yaml')).toBe('api: 1.1.0\nweb: 1.9.0\n');
    expect(forge.requests.filter((r) => r.kind === 'graphql').map((r) => r.path)).toEqual(['/graphql', '/graphql']);
  });

  it('reports unknown nodes and disallowed auto-merge as GraphQL errors', async () => {
    const { owner, repo, clone } = await freshRepo({ allowAutoMerge: false });
    const octokit = client();
    await pushBranch(clone, 'x', { 'x.txt': 'x\n' });
    const pr = await octokit.pulls.create({ owner, repo, head: 'x', base: 'main', title: 'x' });
    const mutation = 'mutation($id: ID!) { enablePullRequestAutoMerge(input: { pullRequestId: $id }) { clientMutationId } }';
    await expect(octokit.graphql(mutation, { id: 'PR_nope' })).rejects.toMatchObject({
      errors: [{ type: 'NOT_FOUND', path: ['enablePullRequestAutoMerge'] }],
    });
    await expect(octokit.graphql(mutation, { id: pr.data.node_id })).rejects.toMatchObject({
      errors: [{ type: 'UNPROCESSABLE', message: expect.stringMatching(/not allowed/) }],
    });
  });

  it('records malformed GraphQL as violations', async () => {
    await expect(client().graphql('query { viewer { nosuchfield } }')).rejects.toThrow(/doesn't exist on type 'User'/);
    expect(forge.violations).toEqual([expect.stringMatching(/graphql: Field 'nosuchfield'/)]);
    forge.resetRecords();
  });
});

describe('fault injection', () => {
  it('answers injected faults the given number of times, then recovers', async () => {
    const { owner, repo } = await freshRepo();
    const octokit = client();
    const path = new RegExp(`^/repos/acme/${repo}$`);

    const fault = forge.injectFault({ path, kind: 'status', status: 502 }, { times: 2 });
    await expect(octokit.repos.get({ owner, repo })).rejects.toMatchObject({ status: 502 });
    await expect(octokit.repos.get({ owner, repo })).rejects.toMatchObject({ status: 502 });
    await expect(octokit.repos.get({ owner, repo })).resolves.toMatchObject({ status: 200 });
    expect(fault.hits).toBe(2);

    forge.injectFault({ method: 'GET', path, kind: 'secondary-rate-limit', retryAfter: 7 });
    const secondary = await octokit.repos.get({ owner, repo }).catch((e: unknown) => e);
    expect(secondary).toMatchObject({ status: 403, response: { headers: { 'retry-after': '7' } } });
    expect((secondary as Error).message).toMatch(/secondary rate limit/);

    forge.injectFault({ path, kind: 'rate-limit' });
    const primary = await octokit.repos.get({ owner, repo }).catch((e: unknown) => e);
    expect(primary).toMatchObject({ status: 403, response: { headers: { 'x-ratelimit-remaining': '0' } } });
    const reset = Number((primary as { response: { headers: Record<string, string> } }).response.headers['x-ratelimit-reset']);
    expect(reset - Date.now() / 1000).toBeLessThanOrEqual(2);

    forge.injectFault({ path, kind: '429', retryAfter: 1 });
    await expect(octokit.repos.get({ owner, repo })).rejects.toMatchObject({ status: 429, response: { headers: { 'retry-after': '1' } } });

    forge.injectFault({ path, kind: 'drop' });
    await expect(octokit.repos.get({ owner, repo })).rejects.toMatchObject({ status: 500 });
    expect(forge.requests.at(-1)).toMatchObject({ fault: 'drop', status: 0 });

    forge.injectFault({ path, kind: 'delay', ms: 300 });
    const started = Date.now();
    await expect(octokit.repos.get({ owner, repo })).resolves.toMatchObject({ status: 200 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);

    forge.injectFault({ path: /^\/graphql$/, kind: 'status', status: 503 });
    await expect(octokit.graphql('query { viewer { login } }')).rejects.toMatchObject({ status: 503 });

    await expect(octokit.repos.get({ owner, repo })).resolves.toMatchObject({ status: 200 });
    expect(forge.requests.filter((r) => r.fault).map((r) => r.fault)).toEqual(['status', 'status', 'secondary-rate-limit', 'rate-limit', '429', 'drop', 'status']);
  });

  it('injects faults into git traffic too', async () => {
    const { owner, repo } = await freshRepo();
    forge.injectFault({ path: /\/info\/refs$/, kind: 'status', status: 503 });
    const target = join(await tempDir(), 'c');
    const args = ['-c', `http.extraheader=${forge.gitAuthHeader()}`, 'clone', '--quiet', forge.cloneUrl(owner, repo), target];
    const failed = await runGit(args, { ok: [128] });
    expect(failed.code).toBe(128);
    expect((await runGit(args)).code).toBe(0);
  });
});

describe('OpenAPI checking', () => {
  it('records requests that break the OpenAPI description and answers them like GitHub', async () => {
    const { owner, repo } = await freshRepo();
    const octokit = client();
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/pulls', { owner, repo, title: 5 as unknown as string, head: 'x', base: 'main' }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(octokit.request('GET /repos/{owner}/{repo}/definitely-not-an-endpoint', { owner, repo })).rejects.toMatchObject({ status: 404 });
    await expect(octokit.request('GET /repos/{owner}/{repo}/pulls', { owner, repo, head: 'bare-branch' })).resolves.toMatchObject({ status: 200 });
    await expect(octokit.request('GET /repos/{owner}/{repo}/pulls', { owner, repo, sate: 'open' })).resolves.toMatchObject({ status: 200 });
    await expect(octokit.request('GET /repos/{owner}/{repo}/issues', { owner, repo })).rejects.toMatchObject({ status: 404 });

    expect(forge.violations).toEqual([
      expect.stringMatching(/^POST \/api\/v3\/repos\/acme\/meta-\d+\/pulls \(POST \/repos\/\{owner\}\/\{repo\}\/pulls\): request body: \/title must be string/),
      expect.stringMatching(/definitely-not-an-endpoint.*endpoint not in OpenAPI description/),
      expect.stringMatching(/head filter 'bare-branch' should be 'owner:branch'/),
      expect.stringMatching(/query parameter 'sate' is not in the OpenAPI description/),
      expect.stringMatching(/GET \/api\/v3\/repos\/acme\/meta-\d+\/issues .*endpoint not implemented by forge/),
    ]);
    forge.resetRecords();
  });

  it('loads and compiles the description quickly enough', () => {
    const stats = forge.openApiStats();
    expect(stats.compiles).toBeGreaterThan(0);
    expect(stats.loadMs + stats.setupMs).toBeLessThan(10_000);
    console.info('forge OpenAPI timings (ms):', JSON.stringify(stats));
  });
});

// The forge's protected branches, checked with real git pushes, real Octokit
// calls and GraphQL, as GitHub applies the rules.
import { Octokit } from '@octokit/rest';
import { beforeAll, describe, expect, it } from 'vitest';
import { startForge, type Forge } from '../../tools/forge/index.js';
import { runGit } from '../../tools/forge/git.js';
import { commitFiles, git, initRepo } from '../../tools/forge/workdir.js';
import { checkedForge, forgeKit, quiet } from './kit.js';

const TOKEN = 'ghs_protectionTestToken00000000000000001';

let forge: Forge;
let seed: string;
const { client, freshRepo, push, pushBranch } = forgeKit(() => ({ forge, seed }), TOKEN, 'protected');

beforeAll(async () => {
  forge = await startForge({ tokens: [TOKEN] });
  seed = await initRepo();
  await commitFiles(seed, { 'README.md': '# meta\n', 'versions.yaml': 'api: 1.0.0\n' }, 'Initial commit');
});

checkedForge(() => forge);

/** Pushes and returns git's exit code and stderr, for pushes that are expected to fail. */
async function tryPush(clone: string, refspec: string): Promise<{ code: number; stderr: string }> {
  const r = await runGit(['-C', clone, '-c', `http.extraheader=${forge.gitAuthHeader(TOKEN)}`, 'push', 'origin', refspec], { ok: [1] });
  return { code: r.code, stderr: r.stderr };
}

/** One verified commit on top of `parent`, made through the Git Data API. */
async function apiCommit(owner: string, repo: string, parent: string, files: Record<string, string>, message: string): Promise<string> {
  const octokit = client();
  const base = await octokit.git.getCommit({ owner, repo, commit_sha: parent });
  const tree = await octokit.git.createTree({
    owner,
    repo,
    base_tree: base.data.tree.sha,
    tree: Object.entries(files).map(([path, content]) => ({ path, mode: '100644' as const, type: 'blob' as const, content })),
  });
  const commit = await octokit.git.createCommit({ owner, repo, message, tree: tree.data.sha, parents: [parent] });
  return commit.data.sha;
}

async function openPull(owner: string, repo: string, head: string): Promise<{ number: number; nodeId: string }> {
  const { data } = await client().pulls.create({ owner, repo, head, base: 'main', title: `from ${head}` });
  return { number: data.number, nodeId: data.node_id };
}

async function mergeableState(owner: string, repo: string, pull_number: number): Promise<string> {
  return (await client().pulls.get({ owner, repo, pull_number })).data.mergeable_state;
}

describe('required signatures', () => {
  it('refuses a git push of unsigned commits with GH006, and lets other branches through', async () => {
    const { owner, repo, clone } = await freshRepo();
    await forge.protectBranch(owner, repo, 'main', { requiredSignatures: true });
    const before = await forge.branchSha(owner, repo, 'main');
    await commitFiles(clone, { 'versions.yaml': 'api: 1.1.0\n' }, 'Unsigned bump');

    const refused = await tryPush(clone, 'HEAD:main');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('remote: error: GH006: Protected branch update failed for refs/heads/main.');
    expect(refused.stderr).toContain('remote: error: Commits must have valid signatures.');
    expect(refused.stderr).toMatch(/! \[remote rejected\] HEAD -> main \(protected branch hook declined\)/);
    expect(await forge.branchSha(owner, repo, 'main')).toBe(before);

    await push(clone, 'HEAD:refs/heads/feature');
    expect(await forge.branchSha(owner, repo, 'feature')).toBe(await git(clone, ['rev-parse', 'HEAD']));
  });

  it('reports API commits as verified and pushed ones as unsigned; the refs API applies the same rule', async () => {
    const { owner, repo, clone } = await freshRepo();
    await forge.protectBranch(owner, repo, 'main', { requiredSignatures: true });
    const octokit = client();
    const main = (await forge.branchSha(owner, repo, 'main'))!;

    const signed = await apiCommit(owner, repo, main, { 'versions.yaml': 'api: 2.0.0\n' }, 'Signed bump');
    const { data } = await octokit.git.getCommit({ owner, repo, commit_sha: signed });
    expect(data.verification).toMatchObject({ verified: true, reason: 'valid' });
    expect(data.verification?.payload).toContain(`tree ${data.tree.sha}`);
    expect(data.author.name).toBe('forge-user');

    const pushed = await pushBranch(clone, 'unsigned', { 'versions.yaml': 'api: 3.0.0\n' });
    const unsigned = await octokit.git.getCommit({ owner, repo, commit_sha: pushed });
    expect(unsigned.data.verification).toEqual({ verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null });

    await expect(octokit.git.updateRef({ owner, repo, ref: 'heads/main', sha: pushed })).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Commits must have valid signatures.' } },
    });
    await octokit.git.updateRef({ owner, repo, ref: 'heads/main', sha: signed });
    expect(await forge.branchSha(owner, repo, 'main')).toBe(signed);

    // A verified commit made elsewhere may be pushed by anyone.
    const next = await apiCommit(owner, repo, signed, { 'README.md': '# signed\n' }, 'Another signed change');
    await octokit.git.createRef({ owner, repo, ref: 'refs/heads/staging', sha: next });
    await git(clone, ['-c', `http.extraheader=${forge.gitAuthHeader(TOKEN)}`, 'fetch', '--quiet', 'origin', 'staging']);
    await push(clone, 'FETCH_HEAD:refs/heads/main');
    expect(await forge.branchSha(owner, repo, 'main')).toBe(next);
  });

  it('blocks a pull request with unsigned commits; a squash merge lands one verified commit', async () => {
    const { owner, repo, clone } = await freshRepo();
    await forge.protectBranch(owner, repo, 'main', { requiredSignatures: true });
    await pushBranch(clone, 'fix', { 'versions.yaml': 'api: 1.0.1\n' });
    const pr = await openPull(owner, repo, 'fix');
    const octokit = client();

    expect(await mergeableState(owner, repo, pr.number)).toBe('blocked');
    await expect(octokit.pulls.merge({ owner, repo, pull_number: pr.number, merge_method: 'merge' })).rejects.toMatchObject({
      status: 405,
      response: { data: { message: 'Commits must have valid signatures.' } },
    });
    await expect(octokit.pulls.merge({ owner, repo, pull_number: pr.number, merge_method: 'rebase' })).rejects.toMatchObject({ status: 405 });

    const { data } = await octokit.pulls.merge({ owner, repo, pull_number: pr.number, merge_method: 'squash' });
    const squashed = await octokit.git.getCommit({ owner, repo, commit_sha: data.sha });
    expect(squashed.data.verification?.verified).toBe(true);
  });

  it('merges a pull request whose commits were all made through the API', async () => {
    const { owner, repo } = await freshRepo();
    await forge.protectBranch(owner, repo, 'main', { requiredSignatures: true });
    const octokit = client();
    const signed = await apiCommit(owner, repo, (await forge.branchSha(owner, repo, 'main'))!, { 'versions.yaml': 'api: 4.0.0\n' }, 'Signed');
    await octokit.git.createRef({ owner, repo, ref: 'refs/heads/signed', sha: signed });
    const pr = await openPull(owner, repo, 'signed');
    expect(await mergeableState(owner, repo, pr.number)).toBe('clean');
    const { data } = await octokit.pulls.merge({ owner, repo, pull_number: pr.number, merge_method: 'merge' });
    expect((await octokit.git.getCommit({ owner, repo, commit_sha: data.sha })).data.verification?.verified).toBe(true);
  });
});

const ENQUEUE = `mutation($id: ID!, $oid: GitObjectID) {
  enqueuePullRequest(input: { pullRequestId: $id, expectedHeadOid: $oid }) { mergeQueueEntry { id position state } }
}`;

const QUEUE_STATE = `query($owner: String!, $repo: String!, $number: Int!) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) { state isInMergeQueue isMergeQueueEnabled mergeQueueEntry { state position } }
  }
}`;

interface QueueState {
  repository: { pullRequest: { state: string; isInMergeQueue: boolean; isMergeQueueEnabled: boolean; mergeQueueEntry: { state: string; position: number } | null } };
}

describe('merge queue', () => {
  it('refuses PUT merge with 405, enqueues through GraphQL and merges when the queue runs', async () => {
    const { owner, repo, clone } = await freshRepo();
    await forge.protectBranch(owner, repo, 'main', { mergeQueue: { mergeMethod: 'squash' } });
    const head = await pushBranch(clone, 'one', { 'versions.yaml': 'api: 5.0.0\n' });
    await git(clone, ['checkout', '--quiet', '-B', 'two', 'origin/main']);
    await commitFiles(clone, { 'README.md': '# two\n' }, 'two');
    await push(clone, 'two:refs/heads/two');
    const first = await openPull(owner, repo, 'one');
    const second = await openPull(owner, repo, 'two');
    const octokit = client();

    await expect(octokit.pulls.merge({ owner, repo, pull_number: first.number })).rejects.toMatchObject({
      status: 405,
      response: { data: { message: 'Changes must be made through the merge queue' } },
    });
    const direct = await tryPush(clone, 'two:main');
    expect(direct.stderr).toContain('remote: error: Changes must be made through the merge queue');

    await expect(octokit.graphql(ENQUEUE, { id: first.nodeId, oid: '1'.repeat(40) })).rejects.toMatchObject({
      errors: [{ message: 'Pull request head commit does not match expectedHeadOid' }],
    });
    const entered = await octokit.graphql<{ enqueuePullRequest: { mergeQueueEntry: { id: string; position: number; state: string } } }>(ENQUEUE, { id: first.nodeId, oid: head });
    expect(entered.enqueuePullRequest.mergeQueueEntry).toMatchObject({ position: 1, state: 'QUEUED' });
    await octokit.graphql(ENQUEUE, { id: second.nodeId });

    const queued = await octokit.graphql<QueueState>(QUEUE_STATE, { owner, repo, number: second.number });
    expect(queued.repository.pullRequest).toMatchObject({ isInMergeQueue: true, isMergeQueueEnabled: true, mergeQueueEntry: { state: 'QUEUED', position: 2 } });

    const merged = await forge.runMergeQueue();
    expect(merged.map((m) => m.number)).toEqual([first.number, second.number]);
    const after = await octokit.graphql<QueueState>(QUEUE_STATE, { owner, repo, number: first.number });
    expect(after.repository.pullRequest).toMatchObject({ state: 'MERGED', isInMergeQueue: false, mergeQueueEntry: null });
    const main = await forge.branchSha(owner, repo, 'main');
    expect((await octokit.git.getCommit({ owner, repo, commit_sha: main! })).data.parents).toHaveLength(1);
  });

  it('drops an entry whose head is pushed again, and enqueues an auto-merge pull request once its checks pass', async () => {
    const { owner, repo, clone } = await freshRepo();
    await forge.protectBranch(owner, repo, 'main', { mergeQueue: true, requiredStatusChecks: ['ci'] });
    const head = await pushBranch(clone, 'auto', { 'versions.yaml': 'api: 6.0.0\n' });
    const pr = await openPull(owner, repo, 'auto');
    const octokit = client();

    await octokit.graphql(ENQUEUE, { id: pr.nodeId });
    await commitFiles(clone, { 'versions.yaml': 'api: 6.0.1\n' }, 'again');
    await push(clone, 'HEAD:refs/heads/auto');
    const dropped = await octokit.graphql<QueueState>(QUEUE_STATE, { owner, repo, number: pr.number });
    expect(dropped.repository.pullRequest.isInMergeQueue).toBe(false);
    const newHead = await git(clone, ['rev-parse', 'HEAD']);
    expect(newHead).not.toBe(head);

    await octokit.graphql('mutation($id: ID!) { enablePullRequestAutoMerge(input: { pullRequestId: $id }) { pullRequest { number } } }', { id: pr.nodeId });
    await forge.runAutoMerge();
    expect((await octokit.graphql<QueueState>(QUEUE_STATE, { owner, repo, number: pr.number })).repository.pullRequest.isInMergeQueue).toBe(false);

    await octokit.repos.createCommitStatus({ owner, repo, sha: newHead, state: 'success', context: 'ci' });
    await forge.runAutoMerge();
    expect((await octokit.graphql<QueueState>(QUEUE_STATE, { owner, repo, number: pr.number })).repository.pullRequest.mergeQueueEntry?.state).toBe('QUEUED');
    expect((await forge.runMergeQueue()).map((m) => m.number)).toEqual([pr.number]);
  });

  it('runs on its own after a delay when the forge is started with mergeQueueDelay', async () => {
    const timed = await startForge({ tokens: [TOKEN], mergeQueueDelay: 20 });
    try {
      await timed.createRepo('acme', 'timed', { from: seed });
      await timed.protectBranch('acme', 'timed', 'main', { mergeQueue: true });
      const work = await initRepo();
      await commitFiles(work, { 'README.md': '# timed\n', 'versions.yaml': 'api: 1.0.0\n' }, 'Initial commit');
      await git(work, ['fetch', '--quiet', seed, 'main']);
      await git(work, ['reset', '--quiet', '--hard', 'FETCH_HEAD']);
      await commitFiles(work, { 'versions.yaml': 'api: 7.0.0\n' }, 'timed');
      await git(work, ['-c', `http.extraheader=${timed.gitAuthHeader(TOKEN)}`, 'push', '--quiet', timed.cloneUrl('acme', 'timed'), 'HEAD:refs/heads/timed']);
      const timedClient = new Octokit({ auth: TOKEN, baseUrl: timed.apiUrl, log: quiet });
      const { data } = await timedClient.pulls.create({ owner: 'acme', repo: 'timed', head: 'timed', base: 'main', title: 'timed' });
      await timedClient.graphql(ENQUEUE, { id: data.node_id });
      await expect.poll(async () => (await timedClient.pulls.get({ owner: 'acme', repo: 'timed', pull_number: data.number })).data.merged, { timeout: 5000 }).toBe(true);
      expect(timed.violations).toEqual([]);
    } finally {
      await timed.close();
    }
  });
});

describe('required status checks', () => {
  it('blocks the merge while checks are missing or pending, allows it once they pass, and blocks it again when they fail', async () => {
    const { owner, repo, clone } = await freshRepo();
    await forge.protectBranch(owner, repo, 'main', { requiredStatusChecks: ['ci'] });
    const head = await pushBranch(clone, 'checked', { 'versions.yaml': 'api: 8.0.0\n' });
    const pr = await openPull(owner, repo, 'checked');
    const octokit = client();
    const expected = { status: 405, response: { data: { message: 'Required status check "ci" is expected.' } } };

    expect(await mergeableState(owner, repo, pr.number)).toBe('blocked');
    await expect(octokit.pulls.merge({ owner, repo, pull_number: pr.number })).rejects.toMatchObject(expected);

    await octokit.repos.createCommitStatus({ owner, repo, sha: head, state: 'pending', context: 'ci' });
    expect((await octokit.repos.getCombinedStatusForRef({ owner, repo, ref: 'checked' })).data).toMatchObject({ state: 'pending', total_count: 1, sha: head });
    expect(await mergeableState(owner, repo, pr.number)).toBe('blocked');
    await expect(octokit.pulls.merge({ owner, repo, pull_number: pr.number })).rejects.toMatchObject(expected);

    await octokit.repos.createCommitStatus({ owner, repo, sha: head, state: 'success', context: 'ci' });
    expect((await octokit.repos.getCombinedStatusForRef({ owner, repo, ref: head })).data.state).toBe('success');
    expect(await mergeableState(owner, repo, pr.number)).toBe('clean');

    await octokit.repos.createCommitStatus({ owner, repo, sha: head, state: 'failure', context: 'CI' });
    expect((await octokit.repos.getCombinedStatusForRef({ owner, repo, ref: head })).data).toMatchObject({ state: 'failure', total_count: 1 });
    expect(await mergeableState(owner, repo, pr.number)).toBe('blocked');
    await expect(octokit.pulls.merge({ owner, repo, pull_number: pr.number })).rejects.toMatchObject({
      status: 405,
      response: { data: { message: 'Required status check "ci" is failing.' } },
    });

    await octokit.repos.createCommitStatus({ owner, repo, sha: head, state: 'success', context: 'ci' });
    await octokit.pulls.merge({ owner, repo, pull_number: pr.number });
  });

  it('reads check runs too, reports unstable for failing checks that are not required, and guards direct pushes', async () => {
    const { owner, repo, clone } = await freshRepo();
    await forge.protectBranch(owner, repo, 'main', { requiredStatusChecks: ['build', 'test'] });
    const branch = await client().repos.getBranch({ owner, repo, branch: 'main' });
    expect(branch.data).toMatchObject({ protected: true, protection: { enabled: true, required_status_checks: { contexts: ['build', 'test'] } } });
    const head = await pushBranch(clone, 'runs', { 'versions.yaml': 'api: 9.0.0\n' });
    const pr = await openPull(owner, repo, 'runs');
    const octokit = client();

    const build = await octokit.checks.create({ owner, repo, name: 'build', head_sha: head, status: 'in_progress' });
    await octokit.checks.create({ owner, repo, name: 'test', head_sha: head, conclusion: 'success' });
    await expect(octokit.pulls.merge({ owner, repo, pull_number: pr.number })).rejects.toMatchObject({
      status: 405,
      response: { data: { message: '1 of 2 required status checks are expected.' } },
    });
    const direct = await tryPush(clone, 'runs:main');
    expect(direct.stderr).toContain('remote: error: 1 of 2 required status checks are expected.');

    await octokit.checks.update({ owner, repo, check_run_id: build.data.id, conclusion: 'success' });
    const runs = await octokit.checks.listForRef({ owner, repo, ref: head });
    expect(runs.data.check_runs.map((r) => [r.name, r.status, r.conclusion]).sort()).toEqual([
      ['build', 'completed', 'success'],
      ['test', 'completed', 'success'],
    ]);
    await octokit.repos.createCommitStatus({ owner, repo, sha: head, state: 'error', context: 'optional-lint' });
    expect(await mergeableState(owner, repo, pr.number)).toBe('unstable');

    // The checks passed on this very commit, so pushing it to main is allowed.
    await push(clone, 'runs:main');
    expect(await forge.branchSha(owner, repo, 'main')).toBe(head);
  });
});

import { Octokit } from '@octokit/rest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startForge, type Forge, type PullRecord } from '../../tools/forge/index.js';
import { runnerCheckout } from '../helpers/checkout-workspace.js';
import { hostedSystem, type HostedSystem } from './fixtures.js';
import { hostedChangesets } from './hosted-changesets.js';

// Bases as production meta-repos protect them: signed commits, merge queues, required checks. The
// forge applies each rule as GitHub does; the workspaces are actions/checkout's defaults.

let forge: Forge;
let octokit: Octokit;
beforeAll(async () => {
  forge = await startForge();
  octokit = new Octokit({ auth: forge.token, baseUrl: forge.apiUrl, log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} } });
});
afterAll(async () => {
  await forge?.close();
});
afterEach(() => {
  expect(forge.violations).toEqual([]);
  forge.resetRecords();
});

const rollback = { mode: 'component', component: 'web-ui', 'to-version': 'v1.0.0', env: 'prod', health: 'false' };

async function verified(h: { owner: string; name: string }, sha: string): Promise<boolean> {
  const { data } = await octokit.rest.git.getCommit({ owner: h.owner, repo: h.name, commit_sha: sha });
  return data.verification?.verified === true;
}

function errors(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l.startsWith('::error::'));
}

async function waitForPull(h: HostedSystem, count = 1): Promise<PullRecord> {
  for (let i = 0; i < 2400; i++) {
    const pulls = await forge.pulls(h.owner, h.name);
    if (pulls.length >= count) return pulls[count - 1]!;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('no pull request appeared');
}

describe('sign-commits on a base that requires signed commits', () => {
  it.each(['open', 'merge', 'auto-merge', 'none'])('pull-request: %s lands only verified commits', async (mode) => {
    const h = await hostedSystem(forge);
    await forge.protectBranch(h.owner, h.name, 'main', { requiredSignatures: true });
    const run = await h.run({ ...rollback, 'pull-request': mode, 'sign-commits': 'true' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    if (mode === 'none') {
      expect(await verified(h, h.bareGit(['rev-parse', 'main']))).toBe(true);
      expect(h.bareGit(['show', 'main:manifests/components.lock.prod.yaml'])).toContain(h.sys.components[2]!.versions[0]!.commit);
      return;
    }
    const [pr] = await forge.pulls(h.owner, h.name);
    expect(await verified(h, pr!.headSha)).toBe(true);
    if (mode === 'auto-merge') expect((await forge.runAutoMerge()).map((m) => m.number)).toEqual([pr!.number]);
    if (mode !== 'open') expect(h.bareGit(['show', 'main:manifests/components.lock.prod.yaml'])).toContain(h.sys.components[2]!.versions[0]!.commit);
    // The workspace sits on the commit GitHub made, as later steps of the job expect.
    expect(h.bareGit(['rev-parse', pr!.headRef === undefined ? 'main' : `refs/heads/${pr!.headRef}`]).length).toBe(40);
  });

  it('a large binary file in the change goes through as a blob, byte for byte', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 256;
    const h = await hostedSystem(forge, {
      prepare: async (meta) => {
        const { writeFileSync, mkdirSync } = await import('node:fs');
        const { join } = await import('node:path');
        mkdirSync(join(meta, '.meta/snapshots'), { recursive: true });
        writeFileSync(join(meta, '.meta/snapshots/blob.bin'), big);
      },
    });
    await forge.protectBranch(h.owner, h.name, 'main', { requiredSignatures: true });
    const run = await h.run({ mode: 'snapshot', 'snapshot-action': 'create', 'snapshot-file': '.meta/snapshots/prod.yaml', env: 'prod', health: 'false', 'pull-request': 'merge', 'sign-commits': 'true' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(h.bareGit(['show', 'main:.meta/snapshots/prod.yaml'])).toContain('environment: prod');
    expect(await verified(h, h.bareGit(['rev-parse', 'main']))).toBe(true);
  });

  it('without sign-commits, a refused push names the input to set, and nothing lands', async () => {
    const h = await hostedSystem(forge);
    await forge.protectBranch(h.owner, h.name, 'main', { requiredSignatures: true });
    const refs = h.bareGit(['for-each-ref']);
    const run = await h.run({ ...rollback, 'pull-request': 'none' });
    expect(run.code).toBe(1);
    expect(errors(run.stdout)).toHaveLength(1);
    expect(errors(run.stdout)[0]).toMatch(/^::error::error: push to main failed: GH006: Protected branch update failed for refs\/heads\/main\. Commits must have valid signatures\.; the branch requires signed commits: set input `sign-commits: true`/);
    expect(h.bareGit(['for-each-ref'])).toBe(refs);
  });

  it('changeset mode signs the revert commits in every component repository', async () => {
    const h = await hostedChangesets(forge);
    const run = await h.run({ mode: 'changeset', changeset: 'CS-1', 'pull-request': 'open', 'sign-commits': 'true' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const pulls = JSON.parse(run.outputs['component-pull-requests']!) as Array<{ component: string; number: number }>;
    expect(pulls.length).toBeGreaterThan(1);
    for (const p of pulls) {
      const { data: pr } = await octokit.rest.pulls.get({ owner: h.owner, repo: p.component, pull_number: p.number });
      const { data: commits } = await octokit.rest.pulls.listCommits({ owner: h.owner, repo: p.component, pull_number: p.number });
      expect(commits.length).toBeGreaterThan(0);
      for (const c of commits) expect(await verified({ owner: h.owner, name: p.component }, c.sha)).toBe(true);
      // The journal records the commits that were published, not the local ones they were made from.
      expect(run.outputs.changes).toContain(pr.head.sha);
    }
  });
});

describe('merge queues and required checks', () => {
  it('pull-request: merge on a merge-queue base enqueues the pull request with the pushed head expected', async () => {
    const h = await hostedSystem(forge);
    await forge.protectBranch(h.owner, h.name, 'main', { mergeQueue: { mergeMethod: 'squash' } });
    const run = await h.run({ ...rollback, 'pull-request': 'merge' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.queued).toBe('true');
    expect(run.outputs.merged).toBe('false');
    expect(run.summary).toContain("is in the base branch's merge queue");
    const enqueue = forge.requests.find((r) => r.kind === 'graphql' && JSON.stringify(r.body).includes('enqueuePullRequest'));
    const [pr] = await forge.pulls(h.owner, h.name);
    expect(JSON.stringify(enqueue!.body)).toContain(pr!.headSha);
    expect((await forge.runMergeQueue()).map((m) => m.number)).toEqual([pr!.number]);
    expect(h.bareGit(['show', 'main:manifests/components.lock.prod.yaml'])).toContain(h.sys.components[2]!.versions[0]!.commit);
  });

  it('pull-request: auto-merge works on a merge-queue base', async () => {
    const h = await hostedSystem(forge);
    await forge.protectBranch(h.owner, h.name, 'main', { mergeQueue: true });
    const run = await h.run({ ...rollback, 'pull-request': 'auto-merge' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    await forge.runAutoMerge();
    await forge.runMergeQueue();
    expect(h.bareGit(['show', 'main:manifests/components.lock.prod.yaml'])).toContain(h.sys.components[2]!.versions[0]!.commit);
  });

  it('waits for required checks that are pending, then merges once they pass', async () => {
    const h = await hostedSystem(forge);
    await forge.protectBranch(h.owner, h.name, 'main', { requiredStatusChecks: ['ci'] });
    // The check has not reported when the action first looks (GitHub counts that as pending); it
    // passes just before the action's second look, whenever that comes.
    let looks = 0;
    forge.injectFault(
      {
        method: 'GET',
        path: new RegExp(`/repos/${h.owner}/${h.name}/commits/[0-9a-f]{40}/status$`),
        kind: 'before',
        run: async () => {
          if (++looks !== 2) return;
          const [pr] = await forge.pulls(h.owner, h.name);
          await octokit.rest.repos.createCommitStatus({ owner: h.owner, repo: h.name, sha: pr!.headSha, state: 'success', context: 'ci' });
        },
      },
      { times: 10 },
    );
    const run = await h.run({ ...rollback, 'pull-request': 'merge' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.merged).toBe('true');
    expect(run.stdout).toContain('pull request #1: waiting for required checks: ci');
    // Polled with backoff, not hammered: looked at twice, merged on the second look.
    expect(looks).toBe(2);
  });

  it('fails at once, naming the check, when a required check fails', async () => {
    const h = await hostedSystem(forge);
    await forge.protectBranch(h.owner, h.name, 'main', { requiredStatusChecks: ['ci', 'e2e'] });
    const running = h.run({ ...rollback, 'pull-request': 'merge' });
    const pr = await waitForPull(h);
    await octokit.rest.repos.createCommitStatus({ owner: h.owner, repo: h.name, sha: pr.headSha, state: 'success', context: 'ci' });
    await octokit.rest.checks.create({ owner: h.owner, repo: h.name, head_sha: pr.headSha, name: 'e2e', status: 'completed', conclusion: 'failure' });
    const run = await running;
    expect(run.code).toBe(1);
    expect(errors(run.stdout)).toEqual([expect.stringMatching(new RegExp(`^::error::error: required check failed on pull request #${pr.number}: e2e \\(http`))]);
    expect((await forge.pulls(h.owner, h.name))[0]!.state).toBe('open');
  });

  it('gives up after merge-timeout, naming the checks still pending', async () => {
    const h = await hostedSystem(forge);
    await forge.protectBranch(h.owner, h.name, 'main', { requiredStatusChecks: ['ci'] });
    const run = await h.run({ ...rollback, 'pull-request': 'merge', 'merge-timeout': '2s' });
    expect(run.code).toBe(1);
    expect(errors(run.stdout)).toEqual([expect.stringMatching(/^::error::error: required check still pending after 2 s \(merge-timeout\) on pull request #\d+: ci \(http/)]);
  });
});

describe('two rollback pull requests for one env, opened from the same base', () => {
  const first = { ...rollback, component: 'web-ui', 'to-version': 'v1.0.0' };
  const second = { ...rollback, component: 'agent-core', 'to-version': 'v1.0.0' };

  it.each([
    ['web-ui first', first, second],
    ['agent-core first', second, first],
  ])('both land when %s is merged by hand and the other is pressed again', async (_name, a, b) => {
    const h = await hostedSystem(forge);
    const openA = await h.run({ ...a, 'pull-request': 'open' });
    const workspaceBase = h.bareGit(['rev-parse', 'main']);
    const openB = await h.run({ ...b, 'pull-request': 'open' });
    expect(openA.code, openA.stdout).toBe(0);
    expect(openB.code, openB.stdout).toBe(0);
    const [prA, prB] = await forge.pulls(h.owner, h.name).then((ps) => [...ps].sort((x, y) => x.number - y.number));
    expect(prA!.baseSha).toBe(workspaceBase);
    expect(prB!.baseSha).toBe(workspaceBase);
    await octokit.rest.pulls.merge({ owner: h.owner, repo: h.name, pull_number: prA!.number, merge_method: 'squash' });
    const again = await h.run({ ...b, 'pull-request': 'merge' });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.outputs['pull-request-number']).toBe(String(prB!.number));
    expect(again.outputs.merged).toBe('true');
    const lock = h.bareGit(['show', 'main:manifests/components.lock.prod.yaml']);
    for (const name of ['web-ui', 'agent-core']) expect(lock).toMatch(new RegExp(`  ${name}:\\n    version: v1\\.0\\.0\\n`));
  });

  it('two buttons pressed at once on two runners, both with pull-request: merge: both land', async () => {
    const h = await hostedSystem(forge);
    const other = await runnerCheckout(forge, h.owner, h.name);
    const [runA, runB] = await Promise.all([h.run({ ...first, 'pull-request': 'merge' }), h.run({ ...second, 'pull-request': 'merge' }, { on: other })]);
    expect(runA.code, runA.stdout + runA.stderr).toBe(0);
    expect(runB.code, runB.stdout + runB.stderr).toBe(0);
    const lock = h.bareGit(['show', 'main:manifests/components.lock.prod.yaml']);
    for (const name of ['web-ui', 'agent-core']) expect(lock).toMatch(new RegExp(`  ${name}:\\n    version: v1\\.0\\.0\\n`));
  });

  it('a pull request that conflicts when it is to be merged is rebuilt on the moved base and merged', async () => {
    const h = await hostedSystem(forge);
    const openA = await h.run({ ...first, 'pull-request': 'open' });
    expect(openA.code, openA.stdout).toBe(0);
    const [prA] = await forge.pulls(h.owner, h.name);
    // Just before the second run looks at its pull request, the first one is merged by someone.
    const fault = forge.injectFault({ method: 'GET', path: new RegExp(`/repos/${h.owner}/${h.name}/pulls/\\d+$`), kind: 'before', run: async () => {
      await octokit.rest.pulls.merge({ owner: h.owner, repo: h.name, pull_number: prA!.number, merge_method: 'squash' });
    } });
    const run = await h.run({ ...second, 'pull-request': 'merge' });
    expect(fault.hits).toBe(1);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/main moved and pull request #\d+ conflicts with it; redoing the rollback on the new main \(attempt 2\)/);
    expect(run.outputs.merged).toBe('true');
    const lock = h.bareGit(['show', 'main:manifests/components.lock.prod.yaml']);
    for (const name of ['web-ui', 'agent-core']) expect(lock).toMatch(new RegExp(`  ${name}:\\n    version: v1\\.0\\.0\\n`));
  });
});

describe('a handful of requests', () => {
  it('a merge run makes fewer than 10 API requests, its writes in data-flow order', async () => {
    const h = await hostedSystem(forge);
    const run = await h.run({ ...rollback, 'pull-request': 'merge', health: 'true' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const api = forge.requests.filter((r) => r.kind !== 'git' && r.path.includes(h.name));
    expect(api.map((r) => `${r.method} ${r.operation ?? r.path}`).length, api.map((r) => `${r.method} ${r.path}`).join('\n')).toBeLessThan(10);
    // The writes, in data-flow order; how long the action waits between them is the benchmark's to measure.
    expect(api.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path.replace(`/repos/${h.owner}/${h.name}`, '')}`)).toEqual(['POST /pulls', 'PUT /pulls/1/merge', 'POST /issues/1/comments']);
  });
});

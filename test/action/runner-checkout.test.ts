import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Forge } from '../../tools/forge/index.js';
import type { PersistedCredentials } from '../helpers/checkout-workspace.js';
import { gitOut } from '../helpers/workspace.js';
import { useForgeWithProduction, type FakeProduction } from './fake-production.js';
import { hostedStoreSystem, hostedSystem } from './fixtures.js';
import { hostedChangesets } from './hosted-changesets.js';

// The workspace every runner has after `actions/checkout` with its defaults: depth 1, no tags, the
// token persisted (v4/v5 in .git/config, v6/v7 in an includeIf'd file under RUNNER_TEMP). The
// forge answers 400 to any request with two Authorization headers, as GitHub does.

let forge: Forge;
let production: FakeProduction;
useForgeWithProduction((f, p) => {
  forge = f;
  production = p;
});
afterEach(() => {
  expect(forge.violations).toEqual([]);
  expect(forge.requests.filter((r) => (r.authorizations ?? 0) > 1)).toEqual([]);
  forge.resetRecords();
});

function expectShallowAtFirst(h: { workspace: string }): void {
  expect(gitOut(h.workspace, ['rev-parse', '--is-shallow-repository'])).toBe('true');
  expect(gitOut(h.workspace, ['tag'])).toBe('');
}

describe.each<PersistedCredentials>(['v4', 'v6'])('on a default actions/checkout workspace (credentials persisted the %s way)', (persist) => {
  it('mode component opens and merges its pull request; the persisted credentials are as they were', async () => {
    const h = await hostedSystem(forge, { persist });
    expectShallowAtFirst(h);
    const before = h.credentials();
    const run = await h.run({ mode: 'component', component: 'web-ui', 'to-version': 'v1.0.0', env: 'prod', 'pull-request': 'merge' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.merged).toBe('true');
    expect(h.bareGit(['show', 'main:manifests/components.lock.prod.yaml'])).toContain(h.sys.components[2]!.versions[0]!.commit);
    expect(h.credentials()).toEqual(before);
  });

  it('mode lock with rev HEAD~1 fetches the one commit of history it needs', async () => {
    const h = await hostedSystem(forge, { persist });
    const before = h.credentials();
    const run = await h.run({ mode: 'lock', 'lock-file': 'manifests/components.lock.prod.yaml', rev: 'HEAD~1', env: 'prod', health: 'false' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.outputs.changes!)).toHaveLength(3);
    // Deepened by exactly the commit HEAD~1 names, not unshallowed.
    expect(gitOut(h.workspace, ['rev-parse', '--is-shallow-repository'])).toBe('true');
    expect(h.credentials()).toEqual(before);
  });

  it('mode snapshot creates a snapshot and restores it, each through a pull request', async () => {
    const h = await hostedSystem(forge, { persist });
    const before = h.credentials();
    const created = await h.run({ mode: 'snapshot', 'snapshot-action': 'create', 'snapshot-file': '.meta/snapshots/before.yaml', env: 'prod', health: 'false', 'pull-request': 'merge' });
    expect(created.code, created.stdout + created.stderr).toBe(0);
    // No hold, so the restore below may re-pin v1.2.0 (holds are tested in known-good-holds.test.ts).
    const moved = await h.run({ mode: 'component', component: 'web-ui', 'to-version': 'v1.0.0', env: 'prod', health: 'false', 'pull-request': 'merge', hold: 'false' });
    expect(moved.code, moved.stdout + moved.stderr).toBe(0);
    const restored = await h.run({ mode: 'snapshot', 'snapshot-action': 'restore', 'snapshot-file': '.meta/snapshots/before.yaml', env: 'prod', health: 'false', 'pull-request': 'merge' });
    expect(restored.code, restored.stdout + restored.stderr).toBe(0);
    expect(JSON.parse(restored.outputs.changes!)).toEqual([expect.objectContaining({ component: 'web-ui', to: expect.objectContaining({ version: 'v1.2.0' }) })]);
    expect(h.credentials()).toEqual(before);
  });

  it('mode store restores a stored entry through a pull request', async () => {
    const h = await hostedStoreSystem(forge, { persist });
    const before = h.credentials();
    const run = await h.run({ mode: 'store', component: 'web-ui', 'store-hash': (h.prepared as string).slice(0, 10), env: 'prod', health: 'false' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs['pull-request-operation']).toBe('created');
    expect(h.credentials()).toEqual(before);
  });

  it('mode changeset pushes to the component repositories and the meta-repo, each with its own one header', async () => {
    const h = await hostedChangesets(forge, persist);
    const before = h.credentials();
    const run = await h.run({ mode: 'changeset', changeset: 'CS-1', 'pull-request': 'merge' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.merged).toBe('true');
    expect(h.credentials()).toEqual(before);
  });

  it('mode health with rollback-on-unhealthy deepens until it finds the lock change, rolls back and is healthy', async () => {
    const h = await production.monitoredSystem((lock) => (lock.includes('version: v1.2.0') ? 500 : 200), { persist });
    const before = h.credentials();
    const run = await h.run({ mode: 'health', env: 'prod', 'rollback-on-unhealthy': 'true', 'pull-request': 'merge' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.healthy).toBe('true');
    expect(h.bareGit(['show', 'main:manifests/components.lock.prod.yaml'])).not.toContain('version: v1.2.0');
    expect(h.credentials()).toEqual(before);
  });
});

describe('what actions/checkout leaves, and what a runner may have set', () => {
  it('works with persist-credentials: false too', async () => {
    const h = await hostedSystem(forge, { persist: 'none' });
    const before = h.credentials();
    expect(Object.values(before).join('\n')).not.toContain('extraheader');
    const run = await h.run({ mode: 'lock', 'lock-file': 'manifests/components.lock.prod.yaml', rev: 'HEAD~1', env: 'prod', health: 'false', 'pull-request': 'merge' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(h.credentials()).toEqual(before);
  });

  it.each(['ghes', 'dotcom'] as const)('works with the %s layout of the API', async (apiLayout) => {
    const h = await hostedSystem(forge, { apiLayout });
    const run = await h.run({ mode: 'component', component: 'web-ui', 'to-version': 'v1.1.0', env: 'prod', health: 'false', 'pull-request': 'merge' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.merged).toBe('true');
    const rest = forge.requests.filter((r) => r.kind === 'rest' && r.path.includes(h.name));
    expect(rest.length).toBeGreaterThan(0);
  });

  it('ignores GIT_DIR, GIT_INDEX_FILE and git config passed down by the caller', async () => {
    const h = await hostedSystem(forge);
    const stray = join(h.runnerTemp, 'stray');
    const run = await h.run(
      { mode: 'lock', 'lock-file': 'manifests/components.lock.prod.yaml', rev: 'HEAD~1', env: 'prod', health: 'false' },
      {
        env: {
          GIT_DIR: join(stray, '.git'),
          GIT_WORK_TREE: stray,
          GIT_INDEX_FILE: join(stray, 'index'),
          GIT_OBJECT_DIRECTORY: join(stray, 'objects'),
          // A second header through git's own variables would be refused by GitHub.
          GIT_CONFIG_PARAMETERS: `'http.extraheader'='${forge.gitAuthHeader()}'`,
          GIT_CONFIG_COUNT: '1',
          GIT_CONFIG_KEY_0: 'http.extraheader',
          GIT_CONFIG_VALUE_0: forge.gitAuthHeader(),
        },
      },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs['pull-request-operation']).toBe('created');
  });

  it('names its head branch after the branch input', async () => {
    const h = await hostedSystem(forge);
    const run = await h.run({ mode: 'component', component: 'web-ui', 'to-version': 'v1.0.0', env: 'prod', health: 'false', branch: 'incident/4711-web-ui' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const [pr] = await forge.pulls(h.owner, h.name);
    expect(pr!.headRef).toBe('incident/4711-web-ui');
    expect(h.bareGit(['for-each-ref', '--format=%(refname)', 'refs/heads/meta-rollback'])).toBe('');
  });

  it('refuses a revision that even the whole history does not have', async () => {
    const h = await hostedSystem(forge);
    const refs = h.bareGit(['for-each-ref']);
    const run = await h.run({ mode: 'lock', 'lock-file': 'manifests/components.lock.prod.yaml', rev: 'HEAD~40', env: 'prod', health: 'false' });
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error::'))).toEqual(['::error::error: input rev: "HEAD~40" is not a revision of the meta-repo']);
    expect(h.bareGit(['for-each-ref'])).toBe(refs);
  });
});

describe('refusals by repository settings', () => {
  it('names the setting when Actions may not create pull requests, and takes its branch back', async () => {
    const bot = `ghs_actions_${Date.now()}`;
    forge.addToken(bot, 'github-actions[bot]', 'Bot');
    const h = await hostedSystem(forge, { repoSettings: { actionsCanCreatePullRequests: false } });
    const refs = h.bareGit(['for-each-ref']);
    const before = h.credentials();
    const run = await h.run({ token: bot, mode: 'component', component: 'web-ui', 'to-version': 'v1.0.0', env: 'prod', health: 'false' });
    expect(run.code).toBe(1);
    const annotations = run.stdout.split('\n').filter((l) => /^::(error|warning)::/.test(l));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(/^::error::error: cannot open the pull request: GitHub Actions is not permitted to create pull requests in this repository: turn on Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests"/);
    expect(h.bareGit(['for-each-ref'])).toBe(refs);
    expect(await forge.pulls(h.owner, h.name)).toHaveLength(0);
    expect(h.credentials()).toEqual(before);
    expect(gitOut(h.workspace, ['status', '--porcelain'])).toBe('');
  });
});

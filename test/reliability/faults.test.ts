import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startForge, type Forge } from '../../tools/forge/index.js';
import { hostedSystem, type HostedSystem } from '../action/fixtures.js';
import { meta } from '../helpers/cli.js';
import { fingerprint, tempDir } from '../helpers/workspace.js';
import { defaultHeadBranch } from '../../src/action/head-branch.js';
import { readInputs } from '../../src/action/inputs.js';
import { createSampleSystem } from '../../scripts/lib/sample-system.mjs';
import { failingGit, failingPullRequest, failingRest, transientGit, transientRest, type InjectedFault } from './fault-cases.js';
import { expectOneErrorLine, gitAsync, safeFingerprint } from './support.js';

const LOCK = 'manifests/components.lock.prod.yaml';
let forge: Forge;

beforeAll(async () => {
  forge = await startForge();
});
afterAll(async () => {
  await forge?.close();
});
afterEach(() => {
  forge.clearFaults();
  expect(forge.violations).toEqual([]);
});

function inject(h: HostedSystem, faults: InjectedFault[]) {
  return faults.map((f) => {
    const path = new RegExp(f.path.replace('NAME', h.name));
    // Faults answer in the order they were added: a no-op one lets the first requests through.
    if (f.skip) forge.injectFault({ method: f.method, path, kind: 'delay', ms: 0 }, { times: f.skip });
    return forge.injectFault({ method: f.method, path, ...f.fault }, { times: f.times ?? 1 });
  });
}

const refs = (h: HostedSystem) => h.bareGit(['for-each-ref', '--format=%(refname) %(objectname)']);
const errorOf = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::error::')).map((l) => l.slice('::error::'.length).replace(/%0A/g, '\n').replace(/%25/g, '%'));
const rollback = { mode: 'component', component: 'web-ui', 'to-version': 'v1.0.0', env: 'prod', health: 'false' };

describe('faults on every request the action makes', () => {
  it('5xx and dropped connections on repos get, pulls list/create/get/merge and comments are retried: the merge run succeeds', async () => {
    const h = await hostedSystem(forge);
    const handles = inject(h, transientRest['merge run (repos get, pulls list/create/get/merge, issue comment)']!);
    const merged = await h.run({ ...rollback, 'pull-request': 'merge', health: 'true' });
    expect(merged.code, merged.stdout + merged.stderr).toBe(0);
    expect(merged.outputs.merged).toBe('true');
    expect(handles.map((f) => f.hits)).toEqual(handles.map(() => 1));
    expect(h.bareGit(['show', `main:${LOCK}`])).toContain(`commit: ${h.sys.components[2]!.versions[0]!.commit}`);
    await onePullRequestPerRollback(h);
  }, 180_000);

  it('a primary and a secondary rate limit are waited out, a dropped pulls update is retried: the second run updates the pull request', async () => {
    const h = await hostedSystem(forge);
    const opened = await h.run({ ...rollback, component: 'agent-core', 'to-version': 'v1.1.0' });
    expect(opened.code, opened.stdout + opened.stderr).toBe(0);
    // A fresh workspace, as the next workflow run would have.
    await gitAsync(h.workspace, ['checkout', '-q', '-f', 'main']);
    await gitAsync(h.workspace, ['clean', '-qfd']);
    const handles = inject(h, transientRest['second run (pulls update), with a primary and a secondary rate limit']!);
    const updated = await h.run({ ...rollback, component: 'agent-core', 'to-version': 'v1.1.0' });
    expect(updated.code, updated.stdout + updated.stderr).toBe(0);
    expect(updated.outputs['pull-request-operation']).toBe('updated');
    expect(handles.map((f) => f.hits)).toEqual(handles.map(() => 1));
    await onePullRequestPerRollback(h);
  }, 180_000);

  it('5xx and a dropped connection on the GraphQL auto-merge call, and a 429, are retried: auto-merge is enabled', async () => {
    const h = await hostedSystem(forge);
    const handles = inject(h, transientRest['auto-merge run (GraphQL), with a 429']!);
    const run = await h.run({ ...rollback, 'pull-request': 'auto-merge' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(handles.map((f) => f.hits)).toEqual(handles.map(() => 1));
    const [pr] = await forge.pulls(h.owner, h.name);
    expect(pr!.autoMerge).not.toBeNull();
    await onePullRequestPerRollback(h);
  }, 180_000);

  for (const c of transientGit) {
    it(`${c.name}: git is run again and the run succeeds, once`, async () => {
      const h = await hostedSystem(forge);
      if (c.behind) await teammateCommit(h);
      const handles = inject(h, c.faults);
      const run = await h.run(rollback);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(handles.map((f) => f.hits)).toEqual(c.faults.map((f) => f.times ?? 1));
      const pulls = await forge.pulls(h.owner, h.name);
      expect(pulls).toHaveLength(1);
      expect(h.bareGit(['show', `refs/heads/${pulls[0]!.headRef}:${LOCK}`])).toContain(`commit: ${h.sys.components[2]!.versions[0]!.commit}`);
      expect(h.bareGit(['rev-list', '--count', `main..refs/heads/${pulls[0]!.headRef}`])).toBe('1');
    }, 60_000);
  }

  for (const c of [...failingGit, ...failingRest, ...failingPullRequest.slice(0, 1)]) {
    it(`${c.name}: the run fails with one clear error${c.hits === 1 ? ' at once' : ''}, the forge and the workspace as they were`, async () => {
      const h = await hostedSystem(forge);
      if (c.behind) await teammateCommit(h);
      const before = safeFingerprint(h.workspace);
      const state = fingerprint(h.workspace);
      const refsBefore = refs(h);
      const handles = inject(h, c.faults);
      const run = await h.run(rollback);
      expect(run.code, run.stdout).toBe(1);
      const errors = errorOf(run.stdout);
      expect(errors, run.stdout).toHaveLength(1);
      expect(errors[0]).toMatch(c.message);
      const [min, max] = typeof c.hits === 'number' ? [c.hits, c.hits] : c.hits;
      for (const f of handles) expect(f.hits).toSatisfy((n: number) => n >= min && n <= max, `${min}..${max} requests answered by the fault`);
      // The forge has no new branch and no pull request.
      expect(refs(h)).toBe(refsBefore);
      expect(await forge.pulls(h.owner, h.name)).toEqual([]);
      // The workspace: same commit, branch, files and status; no rollback left uncommitted in it.
      expect(fingerprint(h.workspace)).toEqual(state);
      // Before the rollback was written, not even an object was added.
      if (!c.afterPerform) expect(safeFingerprint(h.workspace)).toEqual(before);
      if (c.afterPerform) expect(run.stdout).toContain('publishing failed: the workspace is back as it was before the run');
      if (failingPullRequest.includes(c)) expect(run.stdout).toContain(`deleted ${HEAD_BRANCH} again: its pull request could not be opened`);
      expect(existsSync(join(h.workspace, '.meta/lock'))).toBe(false);
      expect(readdirSync(join(h.workspace, 'manifests')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    }, 60_000);
  }

  it('pulls update answers 500 on every retry (a re-run): the head branch is put back where it was, the pull request as it was', async () => {
    const c = failingPullRequest[1]!;
    const h = await hostedSystem(forge);
    const opened = await h.run(rollback);
    expect(opened.code, opened.stdout + opened.stderr).toBe(0);
    const [pr] = await forge.pulls(h.owner, h.name);
    // A fresh workspace, as the next workflow run would have.
    await gitAsync(h.workspace, ['checkout', '-q', '-f', 'main']);
    await gitAsync(h.workspace, ['clean', '-qfd']);
    const state = fingerprint(h.workspace);
    const refsBefore = refs(h);
    const handles = inject(h, c.faults);
    const run = await h.run(rollback);
    expect(run.code, run.stdout).toBe(1);
    expect(errorOf(run.stdout)).toEqual([expect.stringMatching(c.message)]);
    expect(handles.map((f) => f.hits)).toEqual([4]);
    expect(run.stdout).toContain(`${HEAD_BRANCH} is back at `);
    expect(refs(h)).toBe(refsBefore);
    const pick = (p: typeof pr) => ({ number: p!.number, state: p!.state, title: p!.title, body: p!.body, headRef: p!.headRef, headSha: p!.headSha });
    expect((await forge.pulls(h.owner, h.name)).map(pick)).toEqual([pick(pr)]);
    expect(fingerprint(h.workspace)).toEqual(state);
  }, 90_000);

  it('a push rejected mid-run (the head branch moved under it) fails cleanly and overwrites nothing', async () => {
    const h = await hostedSystem(forge);
    const intruder = join(tempDir('meta-intruder-'), 'clone');
    execFileSync('git', ['clone', '-q', h.bare, intruder]);
    const state = fingerprint(h.workspace);
    let pushedBy: string | undefined;
    forge.injectFault(
      {
        method: 'POST',
        path: new RegExp(`${h.name}\\.git/git-receive-pack$`),
        kind: 'before',
        run: async () => {
          // Between the run's look at its head branch and its push, someone pushes that branch.
          await gitAsync(intruder, ['commit', '-q', '--allow-empty', '-m', 'someone else on the rollback branch']);
          await gitAsync(intruder, ['push', '-q', 'origin', `HEAD:refs/heads/${HEAD_BRANCH}`]);
          pushedBy = await gitAsync(intruder, ['rev-parse', 'HEAD']);
        },
      },
      { times: 1 },
    );
    const run = await h.run(rollback);
    expect(run.code).toBe(1);
    expect(errorOf(run.stdout)).toEqual([expect.stringMatching(/^error: push of meta-rollback\/prod\/component-[0-9a-f]{8} failed: .*(stale info|rejected|fetch first|reference already exists)/)]);
    // The other push stands; no pull request was opened for a branch this run does not own.
    expect(h.bareGit(['rev-parse', `refs/heads/${HEAD_BRANCH}`])).toBe(pushedBy);
    expect(await forge.pulls(h.owner, h.name)).toEqual([]);
    expect(fingerprint(h.workspace)).toEqual(state);
  }, 60_000);

  it('a component repository that vanished: a clear error, nothing changed (action and CLI)', async () => {
    const h = await hostedSystem(forge);
    rmSync(h.sys.components[2]!.dir, { recursive: true, force: true });
    const before = safeFingerprint(h.workspace);
    const refsBefore = refs(h);
    const run = await h.run(rollback);
    expect(run.code).toBe(1);
    expect(errorOf(run.stdout)).toEqual([expect.stringMatching(/^error: input to-version: tag "v1\.0\.0" not found in web-ui \(.*web-ui\)$/)]);
    expect(safeFingerprint(h.workspace)).toEqual(before);
    expect(refs(h)).toBe(refsBefore);
    expect(await forge.pulls(h.owner, h.name)).toEqual([]);

    // A checkout whose origin vanished, asked for a commit it does not have: the fetch fails.
    const sys = createSampleSystem(tempDir('meta-vanish-'), { names: ['agent-core', 'web-ui'] });
    const web = sys.components[1]!;
    execFileSync('git', ['commit', '-q', '--allow-empty', '-m', 'web-ui: hotfix'], { cwd: web.dir });
    const hotfix = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: web.dir, encoding: 'utf8' }).trim();
    const staging = readFileSync(join(sys.meta, LOCK), 'utf8').replace(web.versions[2]!.commit, hotfix).replace('environment: prod', 'environment: staging');
    writeFileSync(join(sys.meta, 'manifests/components.lock.staging.yaml'), staging);
    rmSync(web.dir, { recursive: true, force: true });
    const cliBefore = safeFingerprint(sys.meta);
    const cli = await meta(['rollback', 'lock', 'manifests/components.lock.staging.yaml', '--component', 'web-ui', '--env', 'prod'], sys.meta);
    expectOneErrorLine(cli.stderr, /^error: components\/web-ui: git fetch failed \(exit \d+\): .*(does not appear to be a git repository|not found|No such file)/i);
    expect(cli.code).toBe(1);
    expect(safeFingerprint(sys.meta)).toEqual(cliBefore);
  }, 60_000);
});

/** Someone else's commit on main, so the run must fetch before it can roll back. */
async function teammateCommit(h: HostedSystem): Promise<void> {
  const teammate = join(tempDir('meta-teammate-'), 'clone');
  await gitAsync(h.workspace, ['clone', '-q', h.bare, teammate]);
  await gitAsync(teammate, ['commit', '-q', '--allow-empty', '-m', 'teammate: unrelated']);
  await gitAsync(teammate, ['push', '-q', 'origin', 'HEAD:main']);
}

/** Never two open pull requests for one rollback, however many retries. */
async function onePullRequestPerRollback(h: HostedSystem): Promise<void> {
  const open = (await forge.pulls(h.owner, h.name)).filter((p) => p.state === 'open');
  expect(new Set(open.map((p) => p.headRef)).size).toBe(open.length);
}

/** The head branch the action derives from these inputs. */
const HEAD_BRANCH = defaultHeadBranch(readInputs((name) => ({ ...rollback, token: 'x' } as Record<string, string>)[name] ?? ''));

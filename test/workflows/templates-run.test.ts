import { afterEach, describe, expect, it } from 'vitest';
import type { Forge } from '../../tools/forge/index.js';
import { useForgeWithProduction, type FakeProduction } from '../action/fake-production.js';
import { hostedSystem, type HostedSystem } from '../action/fixtures.js';
import { runTemplate, type StepRun } from './template-runner.js';

// Each template from docs/workflows, run as it is: its meta-rollback steps' inputs filled in for a
// realistic event and run with node dist/index.js on a checkout-style workspace against the forge.
let forge: Forge;
let production: FakeProduction;
useForgeWithProduction((f, p) => {
  forge = f;
  production = p;
});
afterEach(() => {
  expect(forge.violations).toEqual([]);
  forge.resetRecords();
});

const twoEnvs = (): Promise<HostedSystem> => hostedSystem(forge, { envs: ['prod', 'staging'] });
const log = (r: StepRun): string => r.run.stdout + r.run.stderr;
function expectSucceeded(runs: readonly StepRun[], count: number): void {
  expect(runs).toHaveLength(count);
  for (const r of runs) expect(r.run.code, `${r.job} ${JSON.stringify(r.matrix)}: ${log(r)}`).toBe(0);
}

describe('docs/workflows/rollback-button.yml', () => {
  const file = 'docs/workflows/rollback-button.yml';

  it('a press for one component with merge: the pull request merged, healthy, the plan and outcome in the log', async () => {
    const h = await twoEnvs();
    const runs = await runTemplate(file, forge, h, { name: 'workflow_dispatch', inputs: { mode: 'component', env: 'prod', component: 'web-ui', 'to-version': 'v1.1.0', merge: true } });
    expectSucceeded(runs, 1);
    const [press] = runs;
    expect(press!.with).toMatchObject({ mode: 'component', env: 'prod', 'pull-request': 'merge', 'dry-run': 'false', token: forge.token, 'components-token': '' });
    expect(press!.run.outputs).toMatchObject({ merged: 'true', healthy: 'true', 'changed-components': 'web-ui' });
    expect(log(press!)).toMatch(/component \(prod\): rolled back 1 component:\n {2}web-ui: v1\.2\.0 \(\w{12}\) → v1\.1\.0 \(\w{12}\)\nmerged pull request #1\n/);
    expect(h.bareGit(['show', 'main:manifests/components.lock.prod.yaml'])).toMatch(/web-ui:\n {4}version: v1\.1\.0/);
  });

  it('a dry run of mode lock on staging shows what it would do and changes nothing', async () => {
    const h = await twoEnvs();
    const refs = h.bareGit(['for-each-ref']);
    const runs = await runTemplate(file, forge, h, { name: 'workflow_dispatch', inputs: { mode: 'lock', env: 'staging', 'dry-run': true } });
    expectSucceeded(runs, 1);
    expect(log(runs[0]!)).toContain('lock (staging): would roll back 3 components:');
    expect(log(runs[0]!)).toContain('dry run: no file, branch or pull request was changed');
    expect(h.bareGit(['for-each-ref'])).toBe(refs);
  });

  it('a mistyped env or component fails at once, naming the ones that exist', async () => {
    const h = await twoEnvs();
    const [env] = await runTemplate(file, forge, h, { name: 'workflow_dispatch', inputs: { mode: 'component', env: 'prdo', component: 'web-ui', 'to-version': 'v1.1.0' } });
    expect(env!.run.code).toBe(1);
    expect(env!.run.stdout).toContain('::error::error: input env: "prdo" has no lock (manifests/components.lock.prdo.yaml); envs with a lock: prod, staging');
    const [component] = await runTemplate(file, forge, h, { name: 'workflow_dispatch', inputs: { mode: 'component', env: 'prod', component: 'webui', 'to-version': 'v1.1.0' } });
    expect(component!.run.code).toBe(1);
    expect(component!.run.stdout).toContain('unknown component "webui" (not in manifests/components.yaml); did you mean web-ui?');
  });
});

describe('docs/workflows/auto-rollback.yml', () => {
  const file = 'docs/workflows/auto-rollback.yml';
  const deployed = (environment: string, state: string) => ({ name: 'deployment_status', payload: { deployment: { environment }, deployment_status: { state } } });

  it('after a successful deploy of prod: checks prod, rolls back when unhealthy, healthy again', async () => {
    const h = await production.monitoredSystem((lock) => (lock.includes('version: v1.2.0') ? 503 : 200));
    const runs = await runTemplate(file, forge, h, deployed('prod', 'success'));
    expectSucceeded(runs, 1);
    expect(runs[0]!.with.env).toBe('prod');
    expect(runs[0]!.run.outputs).toMatchObject({ healthy: 'true', merged: 'true', 'changed-components': 'agent-core,scraper-capabilities,web-ui' });
    expect(runs[0]!.run.summary).toContain('### Health before the rollback: UNHEALTHY');
  });

  it('checks the env that was deployed, and nothing for a deploy that failed', async () => {
    const h = await twoEnvs();
    const runs = await runTemplate(file, forge, h, deployed('staging', 'success'));
    expectSucceeded(runs, 1);
    expect(runs[0]!.with.env).toBe('staging');
    expect(runs[0]!.run.summary).toContain('## meta-rollback: health (staging)');
    expect(await runTemplate(file, forge, h, deployed('prod', 'failure'))).toEqual([]);
    const called = await runTemplate(file, forge, h, { name: 'workflow_call', inputs: { env: 'prod' } });
    expectSucceeded(called, 1);
    expect(called[0]!.with.env).toBe('prod');
  });
});

describe('docs/workflows/fan-out.yml', () => {
  it('plans once, rolls back each group of the matrix, then gathers one health check', async () => {
    const h = await twoEnvs();
    const runs = await runTemplate('docs/workflows/fan-out.yml', forge, h, { name: 'workflow_dispatch', inputs: { env: 'prod' } });
    expectSucceeded(runs, 3);
    expect(runs.map((r) => r.job)).toEqual(['plan', 'rollback', 'gather']);
    expect(runs[1]!.with.rev).toBe(runs[0]!.run.outputs.rev);
    expect(runs[1]!.with.components!.split(',').sort()).toEqual(['agent-core', 'scraper-capabilities', 'web-ui']);
    expect(runs[2]!.run.outputs.healthy).toBe('true');
    expect(h.bareGit(['show', 'main:manifests/components.lock.prod.yaml'])).not.toContain('version: v1.2.0');
  });
});

describe('docs/workflows/scheduled-snapshot.yml', () => {
  it('commits a dated snapshot of each env, one after the other', async () => {
    const h = await twoEnvs();
    const runs = await runTemplate('docs/workflows/scheduled-snapshot.yml', forge, h, { name: 'schedule' });
    expectSucceeded(runs, 2);
    expect(runs.map((r) => r.with.env)).toEqual(['staging', 'prod']);
    const files = h.bareGit(['ls-tree', '--name-only', 'main', '.meta/snapshots/']);
    for (const env of ['staging', 'prod']) expect(files).toMatch(new RegExp(`\\d{4}-\\d{2}-\\d{2}.*-${env}\\.yaml`));
  });
});

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Forge } from '../../tools/forge/index.js';
import { meta } from '../helpers/cli.js';
import { runnerCheckout } from '../helpers/checkout-workspace.js';
import { gitOut, tempDir } from '../helpers/workspace.js';
import { useForgeWithProduction, type FakeProduction } from './fake-production.js';
import { hostedSystem, type HostedSystem } from './fixtures.js';

let forge: Forge;
let production: FakeProduction;
useForgeWithProduction((f, p) => {
  forge = f;
  production = p;
});

const REF = 'refs/meta-rollback/known-good/prod';
const PROD = 'manifests/components.lock.prod.yaml';
/** Production is healthy only with web-ui at v1.2.0. */
const WEB_AT_V12 = '  web-ui:\n    version: v1.2.0\n';
const healthyAtV12 = (lock: string) => (lock.includes(WEB_AT_V12) ? 200 : 500);
const refIn = (h: HostedSystem) => {
  try {
    return h.bareGit(['rev-parse', '--verify', '--quiet', REF]);
  } catch {
    return undefined;
  }
};

/** Releases made by a pipeline: each pins web-ui at a version, one commit each, pushed to main. */
async function release(h: HostedSystem, versions: readonly string[]): Promise<string[]> {
  const clone = join(tempDir('meta-release-'), 'meta');
  execFileSync('git', ['clone', '-q', h.bare, clone]);
  const commits: string[] = [];
  for (const v of versions) {
    const run = await meta(['rollback', 'component', 'web-ui', '--to-version', v, '--env', 'prod', '--no-hold'], clone);
    expect(run.code, run.stderr).toBe(0);
    execFileSync('git', ['commit', '-q', '-am', `Release web-ui ${v}`], { cwd: clone });
    commits.push(gitOut(clone, ['rev-parse', 'HEAD']));
  }
  execFileSync('git', ['push', '-q', 'origin', 'HEAD:main'], { cwd: clone });
  return commits;
}

describe('known-good in mode health', () => {
  it('records and pushes the healthy commit (not with record-known-good: false), and after two bad releases goes back to it in one run', async () => {
    const h = await production.monitoredSystem(healthyAtV12);
    const credentials = h.credentials();
    const off = await h.run({ mode: 'health', env: 'prod', 'record-known-good': 'false' });
    expect(off.code, off.stdout).toBe(0);
    expect(refIn(h)).toBeUndefined();
    expect(off.outputs['known-good']).toBe('');

    const good = h.bareGit(['rev-parse', 'main']);
    const first = await h.run({ mode: 'health', env: 'prod' });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.outputs.healthy).toBe('true');
    expect(first.outputs['known-good']).toBe(good);
    expect(refIn(h)).toBe(good);
    expect(first.summary).toContain(`Recorded \`${good.slice(0, 12)}\` as the known-good state`);
    expect(h.credentials()).toEqual(credentials);

    // Two bad releases in a row: the previous revision is the first bad one.
    await release(h, ['v1.0.0', 'v1.1.0']);
    // A fresh default checkout (shallow, no tags, no known-good ref) of the newest release.
    const runner = await runnerCheckout(forge, h.owner, h.name);
    const plan = await h.run({ mode: 'lock', 'lock-file': PROD, rev: 'known-good', env: 'prod', 'dry-run': 'true' }, { on: runner });
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    expect(JSON.parse(plan.outputs.changes!)).toEqual([expect.objectContaining({ component: 'web-ui', to: expect.objectContaining({ version: 'v1.2.0' }) })]);
    expect(plan.outputs.rev).toBe(good);

    const second = await h.run({ mode: 'health', env: 'prod', 'rollback-on-unhealthy': 'true', 'pull-request': 'merge' }, { on: await runnerCheckout(forge, h.owner, h.name) });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.outputs.healthy).toBe('true');
    expect(second.outputs['known-good']).toBe(good);
    expect(second.outputs['changed-components']).toBe('web-ui');
    expect(second.summary).toMatch(/\*\*Rollback target:\*\* rolled back to the known-good state [0-9a-f]{12} \(refs\/meta-rollback\/known-good\/prod, the last commit whose health checks passed\)/);
    expect(second.summary).toContain('### Health after the rollback: healthy');
    const lock = h.bareGit(['show', `main:${PROD}`]);
    expect(lock).toContain(WEB_AT_V12);
    // The version rolled away from is held on main, in the rollback's own pull request.
    const holds = h.bareGit(['show', 'main:manifests/holds.yaml']);
    const v11 = h.sys.components.find((c) => c.name === 'web-ui')!.versions[1]!.commit;
    expect(holds, holds).toContain(`  - component: web-ui\n    commit: ${v11}\n    version: v1.1.0\n    envs: [prod]\n    reason: 'rolled back by meta-rollback (health: web-ui/api failed)'\n`);
    const [pr] = await forge.pulls(h.owner, h.name);
    expect(pr!.body).toContain('### Holds added (`manifests/holds.yaml`)');
    expect(pr!.body).toContain(`| web-ui | v1.1.0 | \`${v11.slice(0, 12)}\` | prod |`);
    expect(JSON.parse(second.outputs['history-entry']!).holds).toEqual([{ component: 'web-ui', commit: v11, version: 'v1.1.0', envs: ['prod'] }]);
    expect(forge.violations).toEqual([]);
  });

  it('without a known-good state, rolls back to the previous revision and says why', async () => {
    const h = await production.monitoredSystem((lock) => (lock.includes('version: v1.2.0') ? 500 : 200));
    const run = await h.run({ mode: 'health', env: 'prod', 'rollback-on-unhealthy': 'true', 'pull-request': 'merge', hold: 'false' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.summary).toMatch(/\*\*Rollback target:\*\* rolled back to the revision before [0-9a-f]{12}, the lock's last change: no known-good state is recorded/);
    expect(run.outputs['known-good']).toBe('');
    expect(() => h.bareGit(['cat-file', '-e', 'main:manifests/holds.yaml'])).toThrow();
  });
});

describe('mode check', () => {
  it('puts one error annotation on each lock line that pins a held commit, and fails', async () => {
    const h = await hostedSystem(forge, {
      prepare: async (metaDir) => {
        expect((await meta(['hold', 'add', 'web-ui', '--version', 'v1.2.0', '--envs', 'prod', '--reason', 'broke checkout'], metaDir)).code).toBe(0);
        execFileSync('git', ['add', '-A'], { cwd: metaDir });
        execFileSync('git', ['commit', '-q', '-m', 'Hold web-ui v1.2.0'], { cwd: metaDir });
      },
    });
    const web = h.sys.components.find((c) => c.name === 'web-ui')!.versions[2]!.commit;
    const line = h.bareGit(['show', `main:${PROD}`]).split('\n').findIndex((l) => l.includes(`commit: ${web}`)) + 1;
    const run = await h.run({ mode: 'check', token: '' });
    expect(run.code).toBe(1);
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::error file='));
    expect(annotations).toEqual([expect.stringMatching(new RegExp(`^::error file=${PROD.replace(/\./g, '\\.')},line=${line}::web-ui pins v1\\.2\\.0 \\(${web.slice(0, 12)}\\), which is held: manifests/holds\\.yaml:\\d+: .*broke checkout$`))]);
    expect(run.stdout).toContain('::error::error: 1 lock line pin a held commit');
    expect(JSON.parse(run.outputs['held-pins']!)).toEqual([{ file: PROD, line, component: 'web-ui', commit: web }]);

    writeFileSync(join(h.workspace, 'manifests/holds.yaml'), 'holds: []\n');
    const clean = await h.run({ mode: 'check', token: '' });
    expect(clean.code, clean.stdout).toBe(0);
    expect(clean.stdout).not.toContain('::error');
  });
});

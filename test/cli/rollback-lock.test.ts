import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meta } from '../helpers/cli.js';
import { fingerprint, gitOut, read, sampleFactory } from '../helpers/workspace.js';

const sample = sampleFactory();
const PROD = 'manifests/components.lock.prod.yaml';

function diffOf(repo: string, path: string): string[] {
  const diff = execFileSync('git', ['diff', '--unified=0', '--', path], { cwd: repo, encoding: 'utf8' });
  return diff.split('\n').filter((l) => /^[+-](?![+-])/.test(l));
}

describe('meta rollback lock', () => {
  it('--rev HEAD~1 restores every pin of the previous revision, and the diff is only those lines', async () => {
    const sys = sample();
    const run = await meta(['rollback', 'lock', PROD, '--rev', 'HEAD~1', '--env', 'prod', '--json'], sys.meta);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.changes.map((c: { component: string }) => c.component).sort()).toEqual(['agent-core', 'scraper-capabilities', 'web-ui']);
    for (const c of sys.components) {
      expect(gitOut(join(sys.meta, 'components', c.name), ['rev-parse', 'HEAD'])).toBe(c.versions[1]!.commit);
    }
    const changed = diffOf(sys.meta, PROD);
    // generated_at plus version and commit of each of the three components, removed and added.
    expect(changed).toHaveLength(2 * (1 + 3 * 2));
    expect(changed.filter((l) => l.startsWith('+')).every((l) => /^\+(generated_at: '|\s+version: v1\.1\.0$|\s+commit: [0-9a-f]{40} {3}# )/.test(l))).toBe(true);
    // The flow sequences, comments and unrelated keys are byte-for-byte as they were.
    expect(read(join(sys.meta, PROD))).toContain('    depends_on: [agent-core]\n');
    expect(read(join(sys.meta, PROD))).toContain('# Pins for every component. Written by the release pipeline; edited by rollbacks.\n');
  });

  it('--component limits the rollback to one component', async () => {
    const sys = sample();
    const run = await meta(['rollback', 'lock', PROD, '--rev', 'HEAD~1', '--component', 'web-ui', '--env', 'prod', '--json'], sys.meta);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).changes.map((c: { component: string }) => c.component)).toEqual(['web-ui']);
    const changed = diffOf(sys.meta, PROD);
    expect(changed).toHaveLength(6);
  });

  it("writes another lock's pins into the selected env's lock", async () => {
    const sys = sample();
    const old = sys.components[2]!;
    writeFileSync(
      join(sys.meta, 'manifests/components.lock.staging.yaml'),
      `components:\n  web-ui:\n    version: v1.0.0\n    commit: ${old.versions[0]!.commit}\n`,
    );
    const run = await meta(['rollback', 'lock', 'manifests/components.lock.staging.yaml', '--env', 'prod', '--json'], sys.meta);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.changes).toHaveLength(1);
    expect(result.warnings[0]).toContain('has no pin for agent-core, scraper-capabilities');
    expect(read(join(sys.meta, PROD))).toContain(old.versions[0]!.commit);
  });

  it('with the current lock as source, moves only the checkouts back to their pins', async () => {
    const sys = sample();
    const web = sys.components[2]!;
    const checkout = join(sys.meta, 'components', 'web-ui');
    gitOut(checkout, ['checkout', '-q', '--detach', web.versions[0]!.commit]);
    const lockBefore = read(join(sys.meta, PROD));
    const run = await meta(['rollback', 'lock', PROD, '--env', 'prod', '--json'], sys.meta);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.changes).toEqual([
      { component: 'web-ui', from: { version: web.versions[0]!.commit.slice(0, 12), commit: web.versions[0]!.commit }, to: { version: 'v1.2.0', commit: web.versions[2]!.commit }, checkout: 'moved', lock: 'unchanged' },
    ]);
    expect(read(join(sys.meta, PROD))).toBe(lockBefore);
    expect(gitOut(checkout, ['rev-parse', 'HEAD'])).toBe(web.versions[2]!.commit);
  });

  it('paths resolve against the current directory', async () => {
    const sys = sample();
    const run = await meta(['rollback', 'lock', 'components.lock.prod.yaml', '--rev', 'HEAD~1', '--env', 'prod', '--dry-run'], join(sys.meta, 'manifests'));
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('would roll back 3 components');
  });

  it('--dry-run changes nothing', async () => {
    const sys = sample();
    const before = fingerprint(sys.meta);
    const run = await meta(['rollback', 'lock', PROD, '--rev', 'HEAD~1', '--env', 'prod', '--dry-run', '--json'], sys.meta);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, dryRun: true });
    expect(fingerprint(sys.meta)).toEqual(before);
  });

  it('a failure while moving checkouts puts every checkout and file back', async () => {
    const sys = sample();
    // A single-commit clone whose remote is gone: the older commit cannot be fetched into it.
    const checkout = join(sys.meta, 'components', 'web-ui');
    const { rmSync } = await import('node:fs');
    rmSync(checkout, { recursive: true, force: true });
    gitOut(sys.meta, ['clone', '-q', '--depth=1', `file://${sys.components[2]!.dir}`, checkout]);
    gitOut(checkout, ['remote', 'set-url', 'origin', join(sys.meta, 'no-such-repo')]);
    const before = fingerprint(sys.meta);
    const run = await meta(['rollback', 'lock', PROD, '--rev', 'HEAD~1', '--env', 'prod'], sys.meta);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: components\/web-ui: git fetch failed/);
    expect(fingerprint(sys.meta)).toEqual(before);
  });
});

describe('meta rollback snapshot', () => {
  it('--output records every component from its checkout, or from the lock when there is none', async () => {
    const sys = sample();
    const web = sys.components[2]!;
    gitOut(join(sys.meta, 'components', 'web-ui'), ['checkout', '-q', '--detach', web.versions[0]!.commit]);
    const { rmSync } = await import('node:fs');
    rmSync(join(sys.meta, 'components', 'agent-core'), { recursive: true });
    const run = await meta(['rollback', 'snapshot', '--output', 'snap.yaml', '--env', 'prod', '--json'], sys.meta);
    expect(run.code).toBe(0);
    const text = read(join(sys.meta, 'snap.yaml'));
    expect(text).toMatch(/^created_at: '\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ'\nenvironment: prod\ncomponents:\n/);
    expect(text).toContain(`  web-ui:\n    version: v1.0.0\n    commit: ${web.versions[0]!.commit}\n    repo: ${web.dir}\n`);
    expect(text).toContain(`  agent-core:\n    version: v1.2.0\n    commit: ${sys.components[0]!.versions[2]!.commit}\n`);
  });

  it('--components limits the snapshot; a .json name writes JSON', async () => {
    const sys = sample();
    const run = await meta(['rollback', 'snapshot', '--output', '.meta/snapshots/pick.json', '--components', 'web-ui,agent-core'], sys.meta);
    expect(run.code).toBe(0);
    const json = JSON.parse(read(join(sys.meta, '.meta/snapshots/pick.json')));
    expect(Object.keys(json.components)).toEqual(['agent-core', 'web-ui']);
    expect(json.environment).toBeUndefined();
  });

  it('--restore applies a snapshot like a lock rollback', async () => {
    const sys = sample();
    await meta(['rollback', 'snapshot', '--output', 'before.yaml', '--env', 'prod'], sys.meta);
    // Without --no-hold the lock rollback would hold the newest pins, and restoring them would be refused.
    await meta(['rollback', 'lock', PROD, '--rev', 'HEAD~1', '--env', 'prod', '--no-hold'], sys.meta);
    const run = await meta(['rollback', 'snapshot', '--restore', 'before.yaml', '--env', 'prod', '--json'], sys.meta);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).changes).toHaveLength(3);
    for (const c of sys.components) expect(gitOut(join(sys.meta, 'components', c.name), ['rev-parse', 'HEAD'])).toBe(c.versions[2]!.commit);
    expect(gitOut(sys.meta, ['diff', '--stat', '--', PROD])).toContain('1 insertion(+), 1 deletion(-)');
  });

  it('refuses a snapshot of another environment than --env, changing nothing', async () => {
    const sys = sample();
    await meta(['rollback', 'snapshot', '--output', 'prod.yaml', '--env', 'prod'], sys.meta);
    const before = fingerprint(sys.meta);
    const run = await meta(['rollback', 'snapshot', '--restore', 'prod.yaml', '--env', 'staging'], sys.meta);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: prod.yaml: environment: snapshot is of "prod", not "staging"; pass --env prod\n');
    expect(fingerprint(sys.meta)).toEqual(before);
  });
});

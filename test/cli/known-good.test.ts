import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meta } from '../helpers/cli.js';
import { gitOut, read, sampleFactory, tempDir } from '../helpers/workspace.js';

const sample = sampleFactory();
const PROD = 'manifests/components.lock.prod.yaml';
const REF = 'refs/meta-rollback/known-good/prod';
const refOf = (dir: string, ref = REF) => {
  try {
    return gitOut(dir, ['rev-parse', '--verify', '--quiet', ref]);
  } catch {
    return undefined;
  }
};

describe('meta health --record', () => {
  it('records HEAD as the env known-good state when healthy, and not when unhealthy', async () => {
    const sys = sample();
    const head = gitOut(sys.meta, ['rev-parse', 'HEAD']);
    const run = await meta(['health', '--all', '--env', 'prod', '--record'], sys.meta);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`recorded ${head.slice(0, 12)} as known-good in ${REF}`);
    expect(refOf(sys.meta)).toBe(head);

    // A checkout off its pin fails the lock check: nothing is recorded.
    const other = sample();
    execFileSync('git', ['checkout', '-q', '--detach', 'HEAD~1'], { cwd: join(other.meta, 'components', 'web-ui') });
    const bad = await meta(['health', '--all', '--env', 'prod', '--record'], other.meta);
    expect(bad.code).toBe(1);
    expect(refOf(other.meta)).toBeUndefined();
  });

  it('never moves the ref backwards, and refuses a lock that differs from HEAD', async () => {
    const sys = sample();
    expect((await meta(['health', '--all', '--env', 'prod', '--record'], sys.meta)).code).toBe(0);
    const head = gitOut(sys.meta, ['rev-parse', 'HEAD']);
    execFileSync('git', ['checkout', '-q', '--detach', 'HEAD~1'], { cwd: sys.meta });
    for (const c of sys.components) execFileSync('git', ['checkout', '-q', '--detach', c.versions[1]!.commit], { cwd: join(sys.meta, 'components', c.name) });
    const older = await meta(['health', '--all', '--env', 'prod', '--record', '--json'], sys.meta);
    expect(older.code, older.stderr).toBe(0);
    expect(JSON.parse(older.stdout).knownGood).toMatchObject({ moved: false, commit: head });
    expect(refOf(sys.meta)).toBe(head);
    // What passed is a lock edited and not committed: no commit names that state.
    const dirty = sample();
    writeFileSync(join(dirty.meta, PROD), read(join(dirty.meta, PROD)).replace(/^generated_at: .*$/m, "generated_at: '2026-12-01T00:00:00Z'"));
    const refused = await meta(['health', '--all', '--env', 'prod', '--record'], dirty.meta);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`error: --record: ${PROD} differs from HEAD; commit it first, so the known-good state is a commit\n`);
    expect(refOf(dirty.meta)).toBeUndefined();
  });

  it('--push pushes the ref to origin with a lease; an older run does not move it back', async () => {
    const sys = sample();
    const origin = join(tempDir('meta-origin-'), 'meta.git');
    execFileSync('git', ['clone', '-q', '--bare', sys.meta, origin]);
    execFileSync('git', ['remote', 'add', 'origin', origin], { cwd: sys.meta });
    const head = gitOut(sys.meta, ['rev-parse', 'HEAD']);
    const run = await meta(['health', '--all', '--env', 'prod', '--record', '--push'], sys.meta);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`pushed ${REF} to origin`);
    expect(refOf(origin)).toBe(head);

    // A second clone on the older commit records it locally, but origin keeps the newer state.
    const second = sample();
    execFileSync('git', ['remote', 'add', 'origin', origin], { cwd: second.meta });
    execFileSync('git', ['checkout', '-q', '--detach', 'HEAD~1'], { cwd: second.meta });
    for (const c of second.components) execFileSync('git', ['checkout', '-q', '--detach', c.versions[1]!.commit], { cwd: join(second.meta, 'components', c.name) });
    const older = await meta(['health', '--all', '--env', 'prod', '--record', '--push'], second.meta);
    expect(older.code, older.stderr).toBe(0);
    expect(older.stdout).toMatch(/on origin not moved: [0-9a-f]{12} is already recorded and [0-9a-f]{12} does not descend from it/);
    expect(refOf(origin)).toBe(head);
  });
});

describe('--rev known-good and rollback list', () => {
  it('rolls back to the recorded state several revisions back, and list shows it as kind known-good', async () => {
    const sys = sample();
    const missing = await meta(['rollback', 'lock', PROD, '--rev', 'known-good', '--env', 'prod'], sys.meta);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: --rev: no known-good state recorded for env prod \(refs\/meta-rollback\/known-good\/prod\); record one with meta health --all --record --env prod/);
    expect((await meta(['health', '--all', '--env', 'prod', '--record'], sys.meta)).code).toBe(0);
    const good = gitOut(sys.meta, ['rev-parse', 'HEAD']);
    // Two bad releases in a row, each committed.
    for (const v of ['v1.0.0', 'v1.1.0']) {
      expect((await meta(['rollback', 'component', 'web-ui', '--to-version', v, '--env', 'prod', '--no-hold'], sys.meta)).code).toBe(0);
      execFileSync('git', ['commit', '-q', '-am', `release web-ui ${v}`], { cwd: sys.meta });
    }
    const list = JSON.parse((await meta(['rollback', 'list', '--component', 'web-ui', '--env', 'prod', '--json'], sys.meta)).stdout) as { targets: Array<{ kind: string; version: string; source: string; command: string }> };
    const kg = list.targets.filter((t) => t.kind === 'known-good');
    expect(kg).toEqual([expect.objectContaining({ version: 'v1.2.0', source: `known-good ${good.slice(0, 12)}`, command: `meta rollback lock ${PROD} --rev known-good --component web-ui --env prod` })]);
    expect((await meta(['rollback', 'list', '--env', 'prod'], sys.meta)).stdout).toMatch(/web-ui +v1\.2\.0 +[0-9a-f]{12} +known-good/);
    const run = await meta(['rollback', 'lock', PROD, '--rev', 'known-good', '--env', 'prod'], sys.meta);
    expect(run.code, run.stderr).toBe(0);
    expect(read(join(sys.meta, PROD))).toContain(`commit: ${sys.components.find((c) => c.name === 'web-ui')!.versions[2]!.commit}`);
  });
});

import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBisectSystem, type BisectSystem } from '../helpers/bisect-system.js';
import { meta } from '../helpers/cli.js';
import { journalEntries } from '../helpers/journal.js';
import { fingerprint, gitOut } from '../helpers/workspace.js';

const RANGE = ['--env', 'prod', '--good', 'HEAD~1', '--bad', 'HEAD'];

interface BisectJson {
  ok: boolean;
  candidates: string[];
  probes: Array<{ pins: Record<string, string>; ok: boolean | null; seconds: number }>;
  culprits: string[];
  changes: unknown[];
}

async function bisect(sys: BisectSystem, extra: string[] = [], oracle: readonly string[] = sys.oracle) {
  const before = fingerprint(sys.meta);
  const run = await meta(['bisect', ...RANGE, '--json', ...extra, '--run', '--', ...oracle], sys.meta);
  const json = JSON.parse(run.stdout) as BisectJson;
  const runs = readFileSync(sys.log, 'utf8').split('\n').filter(Boolean);
  return { run, json, before, runs };
}

const bound = (k: number) => Math.ceil(Math.log2(k)) + 3;

describe('meta bisect with a --run oracle over real repositories', () => {
  it('finds one culprit among 8 within the bound and leaves every checkout and file as it was', async () => {
    const sys = createBisectSystem({ count: 8, broken: ['svc-05'] });
    const { run, json, before, runs } = await bisect(sys);
    expect(run.code).toBe(0);
    expect(json.culprits).toEqual(['svc-05']);
    expect(json.candidates).toEqual(sys.names);
    expect(json.probes.length).toBeLessThanOrEqual(bound(8));
    expect(Object.keys(json).sort()).toEqual(['candidates', 'changes', 'culprits', 'ok', 'probes']);
    for (const p of json.probes) expect(Object.keys(p).sort()).toEqual(['ok', 'pins', 'seconds']);
    // The oracle saw each probe's checkouts at the probe's pins, and ran once per probe.
    expect(runs).toHaveLength(json.probes.length);
    expect(runs.filter((r) => r.startsWith('MISMATCH'))).toEqual([]);
    expect(json.probes[0]!.pins).toEqual(sys.good);
    expect(json.probes[1]!.pins).toEqual(sys.bad);
    expect(fingerprint(sys.meta)).toEqual(before);
    expect(run.stderr).toMatch(/probe 1: good/);
  });

  it('finds one culprit among 64 within ceil(log2 64) + 3 probes', async () => {
    const sys = createBisectSystem({ count: 64, broken: ['svc-41'] });
    const { run, json, before, runs } = await bisect(sys);
    expect(run.code).toBe(0);
    expect(json.culprits).toEqual(['svc-41']);
    expect(json.probes.length).toBeLessThanOrEqual(bound(64));
    expect(runs).toHaveLength(json.probes.length);
    expect(fingerprint(sys.meta)).toEqual(before);
  });

  it('--good known-good names the recorded known-good state of the env', async () => {
    const sys = createBisectSystem({ count: 4, broken: ['svc-02'] });
    gitOut(sys.meta, ['update-ref', 'refs/meta-rollback/known-good/prod', 'HEAD~1']);
    const run = await meta(['bisect', '--env', 'prod', '--good', 'known-good', '--bad', 'HEAD', '--json', '--run', '--', ...sys.oracle], sys.meta);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as BisectJson).culprits).toEqual(['svc-02']);
  });

  it('fetches a commit a shallow checkout lacks, that commit alone, before the first probe', async () => {
    const sys = createBisectSystem({ count: 4, broken: ['svc-01'], noCheckout: ['svc-01'] });
    const dir = join(sys.meta, 'components', 'svc-01');
    gitOut(sys.meta, ['clone', '--quiet', '--depth', '1', `file://${join(sys.base, 'repos', 'svc-01')}`, dir]);
    expect(gitOut(dir, ['rev-list', '--all'])).toBe(sys.bad['svc-01']);
    const { run, json, before } = await bisect(sys);
    expect(run.code, run.stderr).toBe(0);
    expect(json.culprits).toEqual(['svc-01']);
    expect(gitOut(dir, ['rev-parse', '--is-shallow-repository'])).toBe('true');
    expect(gitOut(dir, ['cat-file', '-t', sys.good['svc-01']!])).toBe('commit');
    expect(fingerprint(sys.meta)).toEqual(before);
  });

  it('finds two culprits that fail only together (delta debugging)', async () => {
    const sys = createBisectSystem({ count: 8, breaksWith: { 'svc-01': 'svc-06' } });
    const { run, json, before } = await bisect(sys);
    expect(run.code).toBe(0);
    expect(json.culprits).toEqual(['svc-01', 'svc-06']);
    expect(fingerprint(sys.meta)).toEqual(before);
  });

  it('skips states that cannot be tested (125) and never counts them as bad', async () => {
    // svc-03's new version cannot be tested without svc-04's new version; svc-06 is the culprit.
    const sys = createBisectSystem({ count: 8, broken: ['svc-06'], needs: { 'svc-03': 'svc-04' } });
    const { run, json } = await bisect(sys);
    expect(run.code).toBe(0);
    expect(json.culprits).toEqual(['svc-06']);
    expect(json.probes.some((p) => p.ok === null)).toBe(true);
  });

  it('exits 1 saying GOOD fails when the oracle fails at GOOD', async () => {
    const sys = createBisectSystem({ count: 4, broken: ['svc-01'] });
    const before = fingerprint(sys.meta);
    const run = await meta(['bisect', ...RANGE, '--run', '--', process.execPath, '-e', 'process.exit(1)'], sys.meta);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/GOOD HEAD~1 fails/);
    expect(run.stderr.match(/^probe /gm)).toHaveLength(1);
    expect(fingerprint(sys.meta)).toEqual(before);
  });

  it('exits 1 saying BAD passes when nothing is broken', async () => {
    const sys = createBisectSystem({ count: 4 });
    const { run, json, before } = await bisect(sys);
    expect(run.code).toBe(1);
    expect(json.culprits).toEqual([]);
    expect(json.probes.map((p) => p.ok)).toEqual([true, true]);
    expect(run.stdout).not.toMatch(/passes/);
    expect(fingerprint(sys.meta)).toEqual(before);
    const text = await meta(['bisect', ...RANGE, '--run', '--', ...sys.oracle], sys.meta);
    expect(text.stdout).toMatch(/BAD HEAD passes/);
  });

  it('--retries re-asks an oracle that answered bad; without it a spurious failure counts', async () => {
    const sys = createBisectSystem({ count: 4, broken: ['svc-02'] });
    // Fails once, the first time it is ever run, then behaves: a flaky test.
    const flaky = [process.execPath, '-e', `const fs=require('fs');const m=${JSON.stringify(join(sys.base, 'flaked'))};if(!fs.existsSync(m)){fs.writeFileSync(m,'');process.exit(1)}require('child_process').execFileSync(process.argv[1],process.argv.slice(2),{stdio:'inherit'})`, ...sys.oracle];
    const withRetry = await bisect(sys, ['--retries', '1'], flaky);
    expect(withRetry.run.code).toBe(0);
    expect(withRetry.json.culprits).toEqual(['svc-02']);
    rmSync(join(sys.base, 'flaked'));
    const without = await bisect(sys, [], flaky);
    expect(without.run.code).toBe(1);
    expect(without.json.probes.map((p) => p.ok)).toEqual([false]);
  });

  it('--rollback rolls back only the culprits to their good pins, through the normal rollback', async () => {
    const sys = createBisectSystem({ count: 8, broken: ['svc-03'] });
    const { run, json } = await bisect(sys, ['--rollback']);
    expect(run.code).toBe(0);
    expect(json.culprits).toEqual(['svc-03']);
    expect(json.changes).toHaveLength(1);
    const lock = readFileSync(join(sys.meta, 'manifests/components.lock.prod.yaml'), 'utf8');
    for (const name of sys.names) {
      const want = name === 'svc-03' ? sys.good[name]! : sys.bad[name]!;
      expect(lock).toContain(`commit: ${want}`);
      expect(gitOut(join(sys.meta, 'components', name), ['rev-parse', 'HEAD'])).toBe(want);
    }
    const entries = journalEntries(sys.meta);
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries[0])).toContain('svc-03');
    expect(JSON.stringify(entries[0])).not.toContain('svc-04');
    // The normal rollback holds the pin it rolled away from, and only that one.
    const holds = readFileSync(join(sys.meta, 'manifests/holds.yaml'), 'utf8');
    expect(holds).toContain(sys.bad['svc-03']!);
    expect(holds).not.toContain('svc-04');
  });
});

describe('meta bisect with the env command health checks as the oracle', () => {
  it('finds a culprit whose breakage shows only with its dependency at its bad pin', async () => {
    // svc-02 depends on svc-00: its check fails only when both are at their new versions.
    const check = [process.execPath, '-e', "const r=(p)=>require('fs').readFileSync(p,'utf8').trim();process.exit(r('VERSION')==='2'&&r('../svc-00/VERSION')==='2'?1:0)"];
    const sys = createBisectSystem({ count: 6, healthChecks: { 'svc-02': check } });
    const before = fingerprint(sys.meta);
    const run = await meta(['bisect', ...RANGE, '--json'], sys.meta);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as BisectJson;
    expect(json.culprits).toEqual(['svc-00', 'svc-02']);
    expect(fingerprint(sys.meta)).toEqual(before);
  });
});

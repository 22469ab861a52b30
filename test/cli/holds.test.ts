import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SampleSystem } from '../../scripts/lib/sample-system.mjs';
import { meta } from '../helpers/cli.js';
import { exists, fingerprint, gitOut, read, sampleFactory } from '../helpers/workspace.js';

const sample = sampleFactory();
const PROD = 'manifests/components.lock.prod.yaml';
const HOLDS = 'manifests/holds.yaml';
const sha = (sys: SampleSystem, name: string, v: number) => sys.components.find((c) => c.name === name)!.versions[v]!.commit;
/** The journal's entries in the order they were written (their file names sort so). */
const journal = (sys: SampleSystem) =>
  readdirSync(join(sys.meta, '.meta/history/rollbacks'))
    .sort()
    .map((f) => JSON.parse(read(join(sys.meta, '.meta/history/rollbacks', f))) as { holds?: unknown[] });
/** The line of a lock file that holds this text. */
const lineOf = (sys: SampleSystem, rel: string, text: string) => read(join(sys.meta, rel)).split('\n').findIndex((l) => l.includes(text)) + 1;

describe('holds written by rollbacks', () => {
  it('rollback component holds the pin it rolled away from, for its env, named in the journal and the output', async () => {
    const sys = sample();
    const run = await meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod'], sys.meta);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`held web-ui v1.2.0 (${sha(sys, 'web-ui', 2).slice(0, 12)}) for prod`);
    const holds = read(join(sys.meta, HOLDS));
    expect(holds).toContain(`  - component: web-ui\n    commit: ${sha(sys, 'web-ui', 2)}\n    version: v1.2.0\n    envs: [prod]\n    reason: rolled back by meta-rollback (component)\n`);
    expect(journal(sys)[0]!.holds).toEqual([{ component: 'web-ui', commit: sha(sys, 'web-ui', 2), version: 'v1.2.0', envs: ['prod'] }]);
    const list = await meta(['hold', 'list', '--json'], sys.meta);
    expect(JSON.parse(list.stdout).holds).toMatchObject([{ component: 'web-ui', commit: sha(sys, 'web-ui', 2), envs: ['prod'], line: 4 }]);
  });

  it('rollback lock --rev holds every pin it moves; the default lock holds for every env', async () => {
    const sys = sample();
    const run = await meta(['rollback', 'lock', 'manifests/components.lock.yaml', '--rev', 'HEAD~1'], sys.meta);
    expect(run.code, run.stderr).toBe(0);
    const list = JSON.parse((await meta(['hold', 'list', '--json'], sys.meta)).stdout) as { holds: Array<{ component: string; commit: string; envs?: string[] }> };
    expect(list.holds.map((h) => [h.component, h.commit, h.envs])).toEqual(['agent-core', 'scraper-capabilities', 'web-ui'].map((n) => [n, sha(sys, n, 2), undefined]));
  });

  it('snapshot restore holds too, and a second rollback appends to the same list', async () => {
    const sys = sample();
    expect((await meta(['rollback', 'snapshot', '--output', 'snap.yaml', '--env', 'prod'], sys.meta)).code).toBe(0);
    expect((await meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.1.0', '--env', 'prod'], sys.meta)).code).toBe(0);
    // Restoring v1.2.0 would re-pin the held commit: refused unless forced, and the hold stays.
    const refused = await meta(['rollback', 'snapshot', '--restore', 'snap.yaml', '--env', 'prod'], sys.meta);
    expect(refused.code).toBe(2);
    const forced = await meta(['rollback', 'snapshot', '--restore', 'snap.yaml', '--env', 'prod', '--force'], sys.meta);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/warning: --force: rolling web-ui back to a held commit .*; the hold stays/);
    const holds = JSON.parse((await meta(['hold', 'list', '--json'], sys.meta)).stdout).holds as Array<{ version: string }>;
    expect(holds.map((h) => h.version)).toEqual(['v1.2.0', 'v1.1.0']);
  });

  it('rollback store (an entry with a commit) holds the pin it replaces', async () => {
    const sys = sample();
    expect((await meta(['store', 'add', 'web-ui', '--env', 'prod'], sys.meta)).code).toBe(0);
    const hash = (JSON.parse((await meta(['store', 'list', '--json'], sys.meta)).stdout) as { entries: Array<{ content_hash: string }> }).entries[0]!.content_hash;
    expect((await meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod', '--no-hold'], sys.meta)).code).toBe(0);
    expect(exists(join(sys.meta, HOLDS))).toBe(false);
    const run = await meta(['rollback', 'store', 'web-ui', hash, '--env', 'prod'], sys.meta);
    expect(run.code, run.stderr).toBe(0);
    expect(read(join(sys.meta, HOLDS))).toContain(`commit: ${sha(sys, 'web-ui', 0)}\n    version: v1.0.0\n    envs: [prod]`);
  });

  it("restoring a rollback's undo snapshot releases the holds that rollback added, in the same write", async () => {
    const sys = sample();
    const holdsBefore = 'holds:\n  - component: agent-core\n    commit: ' + sha(sys, 'agent-core', 0) + '\n';
    writeFileSync(join(sys.meta, HOLDS), holdsBefore);
    const run = await meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod', '--json'], sys.meta);
    const undo = await meta(['rollback', 'snapshot', '--restore', JSON.parse(run.stdout).snapshot, '--env', 'prod'], sys.meta);
    expect(undo.code, undo.stderr).toBe(0);
    expect(undo.stdout).toContain('released the hold on web-ui v1.2.0');
    expect(read(join(sys.meta, HOLDS))).toBe(holdsBefore);
    expect(journal(sys)[1]).toMatchObject({ holds_released: [{ component: 'web-ui', commit: sha(sys, 'web-ui', 2) }] });
    expect(journal(sys)[1]!.holds).toBeUndefined();
  });

  it('--no-hold adds none', async () => {
    const sys = sample();
    const run = await meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod', '--no-hold'], sys.meta);
    expect(run.code, run.stderr).toBe(0);
    expect(exists(join(sys.meta, HOLDS))).toBe(false);
    expect(journal(sys)[0]!.holds).toBeUndefined();
  });
});

describe('rolling back to a held commit', () => {
  it('is refused whole (exit 2, the hold and its reason named, nothing changed); --force goes ahead and keeps the hold', async () => {
    const sys = sample();
    const add = await meta(['hold', 'add', 'web-ui', '--version', 'v1.1.0', '--reason', 'leaks memory', '--envs', 'prod'], sys.meta);
    expect(add.code, add.stderr).toBe(0);
    const before = fingerprint(sys.meta);
    const run = await meta(['rollback', 'lock', PROD, '--rev', 'HEAD~1', '--env', 'prod'], sys.meta);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: manifests\/holds\.yaml:\d+: web-ui v1\.1\.0 \([0-9a-f]{12}\) is held for env prod: leaks memory; release it first \(meta hold release web-ui --commit [0-9a-f]{12}\) or give --force\n$/);
    expect(fingerprint(sys.meta)).toEqual(before);
    // Another env is not covered by the hold.
    expect((await meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.1.0'], sys.meta)).code).toBe(0);
    const forced = await meta(['rollback', 'lock', PROD, '--rev', 'HEAD~1', '--env', 'prod', '--force'], sys.meta);
    expect(forced.code, forced.stderr).toBe(0);
    expect(read(join(sys.meta, HOLDS))).toContain('reason: leaks memory');
  });
});

describe('meta hold add / release', () => {
  const HAND_WRITTEN = (sys: SampleSystem) =>
    [
      '# Held by the release team. Keep this header.',
      'holds:',
      '  # the memory leak of November',
      '  - component: web-ui',
      `    commit: ${sha(sys, 'web-ui', 1)}   # v1.1.0`,
      '    version: v1.1.0',
      '    reason: "leaks memory"',
      '  # broke the login',
      '  - component: agent-core',
      `    commit: ${sha(sys, 'agent-core', 1)}`,
      '    envs: [prod, staging]',
      '  # last',
      '  - component: web-ui',
      `    commit: ${sha(sys, 'web-ui', 0)}`,
      '',
    ].join('\n');

  it('release removes only the released entry and the comment lines right above it; the rest stays byte-for-byte', async () => {
    const sys = sample();
    const text = HAND_WRITTEN(sys);
    writeFileSync(join(sys.meta, HOLDS), text);
    const run = await meta(['hold', 'release', 'agent-core'], sys.meta);
    expect(run.code, run.stderr).toBe(0);
    const lines = text.split('\n');
    expect(read(join(sys.meta, HOLDS))).toBe([...lines.slice(0, 7), ...lines.slice(11)].join('\n'));
    const one = await meta(['hold', 'release', 'web-ui', '--commit', sha(sys, 'web-ui', 0).slice(0, 10)], sys.meta);
    expect(one.code, one.stderr).toBe(0);
    expect(read(join(sys.meta, HOLDS))).toBe([...lines.slice(0, 7), ''].join('\n'));
  });

  it('add appends at the end of the list, resolving a tag to its commit, and leaves the rest as it was', async () => {
    const sys = sample();
    const text = HAND_WRITTEN(sys);
    writeFileSync(join(sys.meta, HOLDS), text);
    const run = await meta(['hold', 'add', 'scraper-capabilities', '--version', 'v1.2.0', '--reason', 'bad release'], sys.meta);
    expect(run.code, run.stderr).toBe(0);
    const after = read(join(sys.meta, HOLDS));
    expect(after.startsWith(text)).toBe(true);
    expect(after.slice(text.length)).toMatch(new RegExp(`^  - component: scraper-capabilities\\n    commit: ${sha(sys, 'scraper-capabilities', 2)}\\n    version: v1\\.2\\.0\\n    reason: bad release\\n    at: '[0-9T:Z-]+'\\n    by: .+\\n$`));
    // The same hold again changes nothing.
    expect((await meta(['hold', 'add', 'scraper-capabilities', '--version', 'v1.2.0'], sys.meta)).stdout).toContain('already held');
  });

  it('refuses bad input clearly and changes nothing', async () => {
    const sys = sample();
    const before = fingerprint(sys.meta);
    const unknown = await meta(['hold', 'add', 'web-uj', '--version', 'v1.0.0'], sys.meta);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: component: unknown component "web-uj".*web-ui/);
    const missing = await meta(['hold', 'add', 'web-ui', '--commit', 'abcdef1234567'], sys.meta);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: --commit: commit "abcdef1234567" not found in web-ui/);
    const none = await meta(['hold', 'release', 'web-ui'], sys.meta);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error: web-ui: no hold in manifests\/holds\.yaml/);
    expect(fingerprint(sys.meta)).toEqual(before);

    for (const [content, message] of [
      [`holds:\n  - component: nope\n    commit: ${sha(sys, 'web-ui', 0)}\n`, /^error: manifests\/holds\.yaml:2: holds\[0\]\.component: unknown component "nope"/],
      ['holds:\n  - component: web-ui\n    commit: 1234\n', /^error: manifests\/holds\.yaml:3: holds\[0\]\.commit: not a full commit SHA/],
      ['holds: {a: 1}\n', /^error: manifests\/holds\.yaml:1: holds: must be a list/],
      ['holds:\n  - component: web-ui\n  commit: [\n', /^error: manifests\/holds\.yaml:\d+: /],
      [`a: &a [x, x, x, x, x, x, x, x, x, x]\nholds:\n${'  - *a\n'.repeat(120)}`, /^error: manifests\/holds\.yaml:\d+: document: too many aliases/],
    ] as const) {
      writeFileSync(join(sys.meta, HOLDS), content);
      const snap = fingerprint(sys.meta);
      const run = await meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod'], sys.meta);
      expect(run.code, content).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(fingerprint(sys.meta)).toEqual(snap);
    }
  });
});

describe('meta check', () => {
  it('exits 1 with file:line of each commit: line that pins a held commit, for the envs the hold covers', async () => {
    const sys = sample();
    expect((await meta(['check'], sys.meta)).code).toBe(0);
    expect((await meta(['hold', 'add', 'web-ui', '--version', 'v1.2.0', '--envs', 'prod'], sys.meta)).code).toBe(0);
    expect((await meta(['hold', 'add', 'agent-core', '--version', 'v1.2.0'], sys.meta)).code).toBe(0);
    const run = await meta(['check'], sys.meta);
    expect(run.code).toBe(1);
    const web = lineOf(sys, PROD, `commit: ${sha(sys, 'web-ui', 2)}`);
    const agentDefault = lineOf(sys, 'manifests/components.lock.yaml', `commit: ${sha(sys, 'agent-core', 2)}`);
    const agentProd = lineOf(sys, PROD, `commit: ${sha(sys, 'agent-core', 2)}`);
    const reported = run.stdout.split('\n').filter((l) => /^manifests\//.test(l)).map((l) => l.split(': ')[0]);
    expect(reported.sort()).toEqual([`${PROD}:${agentProd}`, `${PROD}:${web}`, `manifests/components.lock.yaml:${agentDefault}`].sort());
    const prodOnly = await meta(['check', '--env', 'prod', '--json'], sys.meta);
    expect(prodOnly.code).toBe(1);
    expect((JSON.parse(prodOnly.stdout) as { offending: Array<{ file: string; line: number }> }).offending.map((o) => `${o.file}:${o.line}`).sort()).toEqual([`${PROD}:${agentProd}`, `${PROD}:${web}`].sort());
    expect(gitOut(sys.meta, ['status', '--porcelain', '--', 'manifests/components.lock.yaml'])).toBe('');
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meta } from '../helpers/cli.js';
import { fingerprint, sampleFactory } from '../helpers/workspace.js';

const sample = sampleFactory();

interface Target {
  component: string;
  kind: string;
  version: string;
  commit: string;
  source: string;
  date: string | null;
  current: boolean;
  command: string;
}

describe('meta rollback list', () => {
  it('lists tags, lock pins, earlier lock revisions and snapshots, newest first, marking the current pin', async () => {
    const sys = sample();
    await meta(['rollback', 'snapshot', '--output', '.meta/snapshots/manual.yaml', '--env', 'prod'], sys.meta);
    const before = fingerprint(sys.meta);
    const run = await meta(['rollback', 'list', '--component', 'web-ui', '--env', 'prod', '--json'], sys.meta);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(fingerprint(sys.meta)).toEqual(before);
    const { targets } = JSON.parse(run.stdout) as { targets: Target[] };
    const web = sys.components[2]!;
    expect(new Set(targets.map((t) => t.component))).toEqual(new Set(['web-ui']));
    expect(new Set(targets.map((t) => t.kind))).toEqual(new Set(['tag', 'lock', 'lock-history', 'snapshot']));
    expect(targets.filter((t) => t.kind === 'tag').map((t) => t.version)).toEqual(['v1.2.0', 'v1.1.0', 'v1.0.0']);
    const history = targets.filter((t) => t.kind === 'lock-history' && t.source.startsWith('manifests/components.lock.prod.yaml@'));
    expect(history.map((t) => t.version)).toEqual(['v1.2.0', 'v1.1.0']);
    expect(history[1]!.command).toMatch(/^meta rollback lock manifests\/components\.lock\.prod\.yaml --rev [0-9a-f]{12} --component web-ui --env prod$/);
    const dates = targets.map((t) => t.date ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const t of targets) expect(t.current).toBe(t.commit === web.versions[2]!.commit);
    expect(targets.find((t) => t.kind === 'snapshot')!.source).toBe('.meta/snapshots/manual.yaml');
  });

  it('prints one row per distinct target with its sources merged, no empty column, within 80 columns', async () => {
    const sys = sample();
    await meta(['rollback', 'snapshot', '--output', '.meta/snapshots/manual.yaml'], sys.meta);
    const run = await meta(['rollback', 'list', '--component', 'agent-core'], sys.meta);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\s+COMPONENT\s+VERSION\s+COMMIT\s+DATE\s+SEEN IN$/);
    // Three tags, three rows: the locks, their history and the snapshot are merged into them.
    const rows = lines.filter((l) => /agent-core/.test(l));
    expect(rows).toHaveLength(3);
    expect(rows.some((l) => /^\*\s+agent-core\s+v1\.2\.0\s+[0-9a-f]{10}\s+\S+\s+tag, lock x2, rev x2, snapshot$/.test(l))).toBe(true);
    expect(rows.some((l) => /^ \s+agent-core\s+v1\.0\.0\s+[0-9a-f]{10}\s+\S+\s+tag$/.test(l))).toBe(true);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(run.stdout).not.toContain('STATUS');
    expect(run.stdout).toContain('* = current pin in manifests/components.lock.yaml');
  });

  it('shows the newest 20 per component by default, every one with --all; --json keeps every source', async () => {
    const { mergeTargets, newestPerComponent, formatTargetTable } = await import('../../src/cli/target-table.js');
    const targets = Array.from({ length: 30 }, (_, i) => ({
      component: 'web-ui',
      kind: 'tag' as const,
      version: `v1.${i}.0`,
      commit: i.toString(16).padStart(40, '0'),
      source: `tag v1.${i}.0`,
      date: `2026-01-${String(i + 1).padStart(2, '0')}T00:00:00Z`,
      current: i === 3,
      command: `meta rollback component web-ui --to-version v1.${i}.0`,
    }));
    const list = { ok: true as const, env: null, lock: 'manifests/components.lock.yaml', targets, warnings: [], changes: [] as [] };
    const { shown, hidden } = newestPerComponent(mergeTargets(targets), 20);
    // The newest 20, plus the current pin although it is older.
    expect(shown.map((r) => r.version)).toEqual([...Array.from({ length: 20 }, (_, i) => `v1.${29 - i}.0`), 'v1.3.0']);
    expect(hidden).toBe(9);
    expect(formatTargetTable(list)).toContain('(9 older targets not shown; --all lists every one, --json gives every source)');
    expect(formatTargetTable(list, { all: true }).split('\n').filter((l) => l.includes('web-ui'))).toHaveLength(30);
    const sys = sample();
    const json = JSON.parse((await meta(['rollback', 'list', '--component', 'agent-core', '--json'], sys.meta)).stdout) as { targets: Target[] };
    expect(json.targets.length).toBeGreaterThan(3);
  });

  it('lists every component without --component, from any directory inside the meta-repo', async () => {
    const sys = sample();
    const run = await meta(['rollback', 'list', '--json'], join(sys.meta, 'components', 'web-ui'));
    expect(run.code).toBe(0);
    const { targets } = JSON.parse(run.stdout) as { targets: Target[] };
    expect(new Set(targets.map((t) => t.component))).toEqual(new Set(['agent-core', 'scraper-capabilities', 'web-ui']));
  });
});

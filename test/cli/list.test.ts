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

  it('prints a table with the current pin marked', async () => {
    const sys = sample();
    const run = await meta(['rollback', 'list', '--component', 'agent-core'], sys.meta);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^\s+COMPONENT\s+VERSION\s+COMMIT\s+KIND\s+SOURCE\s+DATE/);
    expect(lines.some((l) => /^\*\s+agent-core\s+v1\.2\.0\s+[0-9a-f]{12}\s+tag/.test(l))).toBe(true);
    expect(lines.some((l) => /^ \s+agent-core\s+v1\.0\.0\s+[0-9a-f]{12}\s+tag/.test(l))).toBe(true);
    expect(run.stdout).toContain('* = current pin in manifests/components.lock.yaml');
  });

  it('lists every component without --component, from any directory inside the meta-repo', async () => {
    const sys = sample();
    const run = await meta(['rollback', 'list', '--json'], join(sys.meta, 'components', 'web-ui'));
    expect(run.code).toBe(0);
    const { targets } = JSON.parse(run.stdout) as { targets: Target[] };
    expect(new Set(targets.map((t) => t.component))).toEqual(new Set(['agent-core', 'scraper-capabilities', 'web-ui']));
  });
});

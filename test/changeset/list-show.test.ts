import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesetTargets } from '../../src/core/changeset/targets.js';
import { makeContext } from '../../src/core/context.js';
import { listTargets } from '../../src/core/operations/list-targets.js';
import { fingerprint, gitOut } from '../helpers/workspace.js';
import { changesetSystem, checkoutOf, metaCs } from './fixture.js';

describe('meta changeset list / show', () => {
  it('lists every changeset, newest first, as a table and as JSON, changing nothing', async () => {
    const sys = changesetSystem();
    const before = fingerprint(sys.meta);
    const json = await metaCs(['changeset', 'list', '--json'], sys.meta);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: true,
      changesets: [
        { id: 'CS-3', status: 'open', title: 'App banner', repos: 0, created_at: '2026-11-21T11:00:00Z', file: '.meta/changesets/CS-3.yaml' },
        { id: 'CS-2', status: 'committed', title: 'Operator notes', repos: 2, created_at: '2026-11-21T10:00:00.123456', file: '.meta/changesets/CS-2.yaml' },
        { id: 'CS-1', status: 'open', title: 'New API and its users', repos: 0, created_at: '2026-11-21T09:00:00Z', file: '.meta/changesets/CS-1.yaml' },
      ],
      warnings: [],
      changes: [],
    });
    const text = await metaCs(['changeset', 'list'], sys.meta);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+STATUS\s+REPOS\s+CREATED\s+TITLE$/);
    expect(lines[2]).toMatch(/^CS-2\s+committed\s+2\s+2026-11-21T10:00:00\.123456\s+Operator notes$/);
    expect(fingerprint(sys.meta)).toEqual(before);
  });

  it("reads the Python CLI's index (a list of ids) and reports what it cannot read", async () => {
    const sys = changesetSystem();
    writeFileSync(join(sys.meta, '.meta/changesets/index.yaml'), 'changesets:\n- CS-1\n- CS-9\n');
    writeFileSync(join(sys.meta, '.meta/changesets/CS-3.yaml'), 'repos: [\n');
    const run = await metaCs(['changeset', 'list', '--json'], sys.meta);
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout) as { changesets: Array<{ id: string; file: string | null }>; warnings: string[] };
    expect(list.changesets.map((c) => c.id)).toEqual(['CS-2', 'CS-1', 'CS-9']);
    expect(list.changesets.find((c) => c.id === 'CS-9')!.file).toBeNull();
    expect(list.warnings).toEqual([
      expect.stringMatching(/^\.meta\/changesets\/CS-3\.yaml: skipped \(\.meta\/changesets\/CS-3\.yaml:\d+: /),
      '.meta/changesets/index.yaml: CS-9 has no .meta/changesets/CS-9.yaml',
    ]);
    // A rollback leaves a list of bare ids as it is.
    const indexBefore = readFileSync(join(sys.meta, '.meta/changesets/index.yaml'), 'utf8');
    expect((await metaCs(['changeset', 'rollback', 'CS-1'], sys.meta)).code).toBe(0);
    expect(readFileSync(join(sys.meta, '.meta/changesets/index.yaml'), 'utf8')).toBe(indexBefore);
    expect(readFileSync(join(sys.meta, '.meta/changesets/CS-1.yaml'), 'utf8')).toContain('status: rolled-back   #');
  });

  it('shows a changeset with its commits per repository, found by message', async () => {
    const sys = changesetSystem();
    const before = fingerprint(sys.meta);
    const run = await metaCs(['changeset', 'show', 'CS-1', '--json'], sys.meta);
    expect(run.code).toBe(0);
    const shown = JSON.parse(run.stdout);
    expect(shown).toMatchObject({ id: 'CS-1', status: 'open', title: 'New API and its users', created_at: '2026-11-21T09:00:00Z', listed: [] });
    expect(shown.repos.map((r: { component: string }) => r.component)).toEqual(['web-ui', 'scraper-capabilities', 'agent-core']);
    expect(shown.repos[0].commits.map((c: { commit: string }) => c.commit)).toEqual([...sys.cs1['web-ui']!].reverse());
    expect(shown.repos[0].commits[0]).toMatchObject({ subject: 'web-ui: polish the feature', source: 'message' });
    const text = await metaCs(['changeset', 'show', 'CS-2'], sys.meta);
    expect(text.stdout).toContain('status:   committed');
    expect(text.stdout).toContain(`${sys.cs2['agent-core']![0]!.slice(0, 12)}  agent-core: operator notes`);
    expect(fingerprint(sys.meta)).toEqual(before);
  });

  it('feeds `rollback list` with changeset targets', async () => {
    const sys = changesetSystem();
    // Checkouts learn about new commits when they fetch; the changeset's commits are on main.
    gitOut(checkoutOf(sys, 'web-ui'), ['fetch', '--quiet', 'origin']);
    const ctx = makeContext({ root: sys.meta });
    const list = await listTargets(ctx, 'web-ui', [changesetTargets]);
    const rows = list.targets.filter((t) => t.kind === 'changeset');
    expect(rows.map((r) => [r.version, r.commit, r.source, r.status, r.command])).toEqual([
      ['CS-3', sys.cs3['web-ui']![0], '.meta/changesets/CS-3.yaml', 'open', 'meta changeset rollback CS-3'],
      ['CS-2', sys.cs2['web-ui']![1], '.meta/changesets/CS-2.yaml', 'committed', 'meta changeset rollback CS-2'],
      ['CS-1', sys.cs1['web-ui']![1], '.meta/changesets/CS-1.yaml', 'open', 'meta changeset rollback CS-1'],
    ]);
    expect(rows.every((r) => r.component === 'web-ui' && !r.current)).toBe(true);
  });
});

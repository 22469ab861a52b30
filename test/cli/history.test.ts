import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meta } from '../helpers/cli.js';
import { JOURNAL_DIR, journalFiles } from '../helpers/journal.js';
import { fingerprint, sampleFactory } from '../helpers/workspace.js';

const sample = sampleFactory({ checkouts: [] });
const PROD = 'manifests/components.lock.prod.yaml';

/** A line of the old journal layout, as earlier versions appended it. */
function legacyLine(at: string, env: string | null, component: string, actor = 'old-tool'): string {
  return JSON.stringify({ at, actor, mode: 'component', env, lock: env ? `manifests/components.lock.${env}.yaml` : 'manifests/components.lock.yaml', changes: [{ component, from: { version: 'v1.2.0', commit: 'a'.repeat(40) }, to: { version: 'v1.1.0', commit: 'b'.repeat(40) } }], snapshot: null });
}

interface Entry {
  at: string;
  env: string | null;
  mode: string;
  actor: string;
  changes: Array<{ component: string }>;
  source: { file: string; line: number | null };
}

async function history(args: string[], cwd: string): Promise<{ code: number; entries: Entry[]; stderr: string }> {
  const run = await meta(['history', '--json', ...args], cwd);
  return { code: run.code, entries: run.code === 0 ? (JSON.parse(run.stdout) as Entry[]) : [], stderr: run.stderr };
}

describe('meta history', () => {
  it('merges the old history.jsonl and the entry files, newest first, naming where each came from', async () => {
    const sys = sample();
    mkdirSync(join(sys.meta, '.meta'), { recursive: true });
    const legacy = [legacyLine('2026-01-01T00:00:00Z', 'prod', 'web-ui'), legacyLine('2026-01-02T00:00:00Z', 'staging', 'agent-core')];
    writeFileSync(join(sys.meta, '.meta/history.jsonl'), `${legacy.join('\n')}\n`);
    for (const [name, tag] of [['web-ui', 'v1.0.0'], ['agent-core', 'v1.1.0']] as const) {
      const run = await meta(['rollback', 'component', name, '--to-version', tag, '--env', 'prod'], sys.meta);
      expect(run.code, run.stderr).toBe(0);
    }
    const files = journalFiles(sys.meta);
    expect(files).toHaveLength(2);

    const all = await history([], sys.meta);
    expect(all.code).toBe(0);
    expect(all.stderr).toBe('');
    expect(all.entries.map((e) => [e.env, e.changes[0]!.component])).toEqual([
      ['prod', 'agent-core'],
      ['prod', 'web-ui'],
      ['staging', 'agent-core'],
      ['prod', 'web-ui'],
    ]);
    expect(all.entries.map((e) => e.source)).toEqual([
      { file: `${JOURNAL_DIR}/${files[1]}`, line: null },
      { file: `${JOURNAL_DIR}/${files[0]}`, line: null },
      { file: '.meta/history.jsonl', line: 2 },
      { file: '.meta/history.jsonl', line: 1 },
    ]);
    // The old journal is read, never rewritten.
    expect(readFileSync(join(sys.meta, '.meta/history.jsonl'), 'utf8')).toBe(`${legacy.join('\n')}\n`);

    expect((await history(['--env', 'staging'], sys.meta)).entries.map((e) => e.source.line)).toEqual([2]);
    expect((await history(['--component', 'web-ui'], sys.meta)).entries.map((e) => e.source.file)).toEqual([`${JOURNAL_DIR}/${files[0]}`, '.meta/history.jsonl']);
    expect((await history(['--env', 'prod', '--component', 'agent-core'], sys.meta)).entries).toHaveLength(1);
    expect((await history(['--limit', '1'], sys.meta)).entries.map((e) => e.source.file)).toEqual([`${JOURNAL_DIR}/${files[1]}`]);
    expect((await history(['--component', 'nobody'], sys.meta)).entries).toEqual([]);
  });

  it('prints a table that fits 80 columns: when, env, mode, actor, component from -> to', async () => {
    const sys = sample();
    const run = await meta(['rollback', 'lock', PROD, '--rev', 'HEAD~1', '--env', 'prod'], sys.meta);
    expect(run.code, run.stderr).toBe(0);
    mkdirSync(join(sys.meta, '.meta'), { recursive: true });
    writeFileSync(join(sys.meta, '.meta/history.jsonl'), `${legacyLine('2026-01-01T00:00:00Z', null, 'a-component-with-a-very-long-name-indeed', 'someone-with-a-long-login')}\n`);
    const table = await meta(['history'], sys.meta);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^WHEN \(UTC\)\s+ENV\s+MODE\s+ACTOR\s+CHANGES$/);
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}prod\s+lock\s+\S+\s+3 components$/);
    expect(lines.slice(2, 5)).toEqual(['  agent-core            v1.2.0 -> v1.1.0', '  scraper-capabilities  v1.2.0 -> v1.1.0', '  web-ui                v1.2.0 -> v1.1.0']);
    expect(lines[5]).toMatch(/^2026-01-01 00:00:00 {2}-\s+component {2}someone-with-a-… {2}1 component$/);
    expect(lines[6]).toBe('  a-component-with-a-very-long-…  v1.2.0 -> v1.1.0');
    expect(lines).toHaveLength(7);
  });

  it('shows the newest 20 by default; --limit 0 and --all show every entry', async () => {
    const sys = sample();
    mkdirSync(join(sys.meta, '.meta'), { recursive: true });
    const lines = Array.from({ length: 25 }, (_, i) => legacyLine(`2026-01-01T00:00:${String(i).padStart(2, '0')}Z`, 'prod', `c${i}`));
    writeFileSync(join(sys.meta, '.meta/history.jsonl'), `${lines.join('\n')}\n`);
    const shown = await history([], sys.meta);
    expect(shown.entries).toHaveLength(20);
    expect(shown.entries[0]!.changes[0]!.component).toBe('c24');
    expect((await history(['--limit', '0'], sys.meta)).entries).toHaveLength(25);
    expect((await history(['--all'], sys.meta)).entries).toHaveLength(25);
    expect((await history(['-n', '3'], sys.meta)).entries.map((e) => e.changes[0]!.component)).toEqual(['c24', 'c23', 'c22']);
    const table = await meta(['history'], sys.meta);
    expect(table.stdout.trimEnd().split('\n').pop()).toBe('(5 older entries not shown; --limit 0 shows all)');
  });

  it('skips an entry it cannot read with a warning naming file and line, and shows the rest', async () => {
    const sys = sample();
    mkdirSync(join(sys.meta, JOURNAL_DIR), { recursive: true });
    writeFileSync(join(sys.meta, '.meta/history.jsonl'), `${legacyLine('2026-01-01T00:00:00Z', 'prod', 'web-ui')}\n{"at": "2026-01-02T00:\n${JSON.stringify({ at: 'yesterday', mode: 'lock', changes: [] })}\n`);
    writeFileSync(join(sys.meta, JOURNAL_DIR, '20260103T000000.000Z-prod-0123abcd.json'), '[]\n');
    writeFileSync(join(sys.meta, JOURNAL_DIR, 'notes.txt'), 'hello\n');
    const before = fingerprint(sys.meta);
    const run = await history([], sys.meta);
    expect(run.code).toBe(0);
    expect(run.entries.map((e) => e.source)).toEqual([{ file: '.meta/history.jsonl', line: 1 }]);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      'warning: .meta/history.jsonl:2: not valid JSON; skipped',
      'warning: .meta/history.jsonl:3: "at" is missing or not a time; skipped',
      `warning: ${JOURNAL_DIR}/20260103T000000.000Z-prod-0123abcd.json: not a JSON object; skipped`,
      `warning: ${JOURNAL_DIR}/notes.txt: not named like a journal entry (<time>-<env>-<hex>.json); skipped`,
    ]);
    expect(fingerprint(sys.meta)).toEqual(before);
  });

  it('an empty journal says so; bad arguments are one error line, exit 2', async () => {
    const sys = sample();
    expect((await meta(['history'], sys.meta)).stdout).toBe('no journal entries\n');
    expect(await history([], sys.meta)).toMatchObject({ code: 0, entries: [] });
    for (const args of [['--limit', '-1'], ['--limit', 'ten'], ['--component', '../x'], ['--env', 'pr od']]) {
      const run = await meta(['history', ...args], sys.meta);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^error: .*(--limit|--component|--env).*\n$/);
    }
    const help = await meta(['history', '--help'], sys.meta);
    expect(help.stdout).toContain('default 20');
  });
});

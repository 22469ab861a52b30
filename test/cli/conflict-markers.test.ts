import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meta } from '../helpers/cli.js';
import { fingerprint, gitOut, sampleFactory } from '../helpers/workspace.js';

const sample = sampleFactory({ checkouts: [] });
const PROD = 'manifests/components.lock.prod.yaml';
const MARKERS = /^error: (\S+):(\d+): git conflict markers \(lines ([\d, ]+)\): resolve the merge conflict first\n$/;

/** The line numbers of git's markers in a file, as the refusal must name them. */
function markerLines(text: string): number[] {
  return text.split('\n').flatMap((line, i) => (/^(<{7} |={7}$|>{7} )/.test(line) ? [i + 1] : []));
}

describe('a YAML file holding git conflict markers is refused before it is parsed', () => {
  it('a lock left conflicted by a real git merge: one error line naming file and lines, exit 2, nothing changed', async () => {
    const sys = sample();
    const dir = sys.meta;
    const base = gitOut(dir, ['rev-parse', 'HEAD']);
    // The same component rolled back to two versions on two branches: the merge must conflict.
    for (const [branch, tag] of [['one', 'v1.0.0'], ['two', 'v1.1.0']] as const) {
      gitOut(dir, ['checkout', '-q', '-b', branch, base]);
      const run = await meta(['rollback', 'component', 'web-ui', '--to-version', tag, '--env', 'prod'], dir);
      expect(run.code, run.stderr).toBe(0);
      gitOut(dir, ['add', '-A']);
      gitOut(dir, ['commit', '-q', '-m', `web-ui ${tag}`]);
    }
    expect(() => execFileSync('git', ['merge', '--no-edit', 'one'], { cwd: dir, stdio: 'ignore' })).toThrow();
    expect(gitOut(dir, ['diff', '--name-only', '--diff-filter=U'])).toBe(PROD);
    const expected = markerLines(readFileSync(join(dir, PROD), 'utf8'));
    expect(expected.length).toBeGreaterThanOrEqual(3);

    const before = fingerprint(dir);
    for (const args of [
      ['rollback', 'component', 'agent-core', '--to-version', 'v1.0.0', '--env', 'prod'],
      ['rollback', 'lock', PROD, '--rev', 'HEAD~1', '--env', 'prod'],
      ['rollback', 'list', '--env', 'prod'],
      ['rollback', 'snapshot', '--output', 'snap.yaml', '--env', 'prod'],
    ]) {
      const run = await meta(args, dir);
      expect(run.code, args.join(' ')).toBe(2);
      const m = MARKERS.exec(run.stderr);
      expect(m, run.stderr).not.toBeNull();
      expect([m![1], Number(m![2]), m![3]!.split(', ').map(Number)]).toEqual([PROD, expected[0], expected]);
      expect(run.stderr).not.toContain('Implicit keys');
    }
    expect(fingerprint(dir)).toEqual(before);
  });

  it('the manifest, a snapshot and a changeset too; CRLF lines count; a lone ======= is not a marker', async () => {
    const sys = sample();
    const dir = sys.meta;
    const manifest = readFileSync(join(dir, 'manifests/components.yaml'), 'utf8');
    writeFileSync(join(dir, 'manifests/components.yaml'), manifest.replace('components:\n', 'components:\r\n<<<<<<< HEAD\r\n=======\r\n>>>>>>> other\r\n'));
    let before = fingerprint(dir);
    let run = await meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: manifests/components.yaml:3: git conflict markers (lines 3, 4, 5): resolve the merge conflict first\n');
    expect(fingerprint(dir)).toEqual(before);
    writeFileSync(join(dir, 'manifests/components.yaml'), manifest);

    const snapshot = 'created_at: "2026-01-01T00:00:00Z"\nenvironment: prod\ncomponents:\n<<<<<<< HEAD\n  web-ui: {version: v1.0.0, commit: x}\n>>>>>>> theirs\n';
    writeFileSync(join(dir, 'snap.yaml'), snapshot);
    before = fingerprint(dir);
    run = await meta(['rollback', 'snapshot', '--restore', 'snap.yaml', '--env', 'prod'], dir);
    expect(run.stderr).toBe('error: snap.yaml:4: git conflict markers (lines 4, 6): resolve the merge conflict first\n');
    expect(run.code).toBe(2);
    expect(fingerprint(dir)).toEqual(before);

    mkdirSync(join(dir, '.meta/changesets'), { recursive: true });
    writeFileSync(join(dir, '.meta/changesets/CS-9.yaml'), 'id: CS-9\n<<<<<<< HEAD\nstatus: open\n=======\nstatus: rolled-back\n>>>>>>> theirs\n');
    before = fingerprint(dir);
    run = await meta(['changeset', 'show', 'CS-9'], dir);
    expect(run.stderr).toBe('error: .meta/changesets/CS-9.yaml:2: git conflict markers (lines 2, 4, 6): resolve the merge conflict first\n');
    expect(run.code).toBe(2);
    expect(fingerprint(dir)).toEqual(before);

    // `=======` at a line start with no opening or closing marker is left to the YAML parser.
    writeFileSync(join(dir, 'snap.yaml'), 'created_at: "2026-01-01T00:00:00Z"\ncomponents: {}\n=======\n');
    run = await meta(['rollback', 'snapshot', '--restore', 'snap.yaml', '--env', 'prod'], dir);
    expect(run.stderr).not.toContain('conflict markers');
  });
});

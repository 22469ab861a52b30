import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meta } from '../helpers/cli.js';
import { JOURNAL_DIR, journalEntriesAt } from '../helpers/journal.js';
import { fingerprint, gitOut, sampleFactory } from '../helpers/workspace.js';

const sample = sampleFactory({ checkouts: [] });
const PROD = 'manifests/components.lock.prod.yaml';
const LEGACY = `${JSON.stringify({ at: '2026-01-01T00:00:00Z', actor: 'old-tool', mode: 'lock', env: 'prod', lock: PROD, changes: [], snapshot: null })}\n`;

/** git, failing or not: a merge that conflicts exits 1, which here is the thing looked at. */
function gitTry(cwd: string, args: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (err) {
    const e = err as { status: number; stdout: string };
    return { code: e.status, out: e.stdout };
  }
}

/**
 * Two rollback pull requests of one env, both from the same base: `left` rolls web-ui back, `right`
 * agent-core, each committed on its own branch, as the action does.
 */
async function twoBranches(): Promise<{ dir: string; base: string }> {
  const sys = sample();
  const dir = sys.meta;
  mkdirSync(join(dir, '.meta'), { recursive: true });
  writeFileSync(join(dir, '.meta/history.jsonl'), LEGACY);
  gitOut(dir, ['add', '-A']);
  gitOut(dir, ['commit', '-q', '-m', 'An old journal']);
  const base = gitOut(dir, ['rev-parse', 'HEAD']);
  for (const [branch, name, tag] of [['left', 'web-ui', 'v1.0.0'], ['right', 'agent-core', 'v1.1.0']] as const) {
    gitOut(dir, ['checkout', '-q', '-b', branch, base]);
    // --no-hold: manifests/holds.yaml, like the lock, is one file both branches would edit; this is about the journal.
    const run = await meta(['rollback', 'component', name, '--to-version', tag, '--env', 'prod', '--no-hold'], dir);
    expect(run.code, run.stderr).toBe(0);
    gitOut(dir, ['add', '-A']);
    gitOut(dir, ['commit', '-q', '-m', `Rollback (prod): ${name}`]);
  }
  gitOut(dir, ['checkout', '-q', 'main']);
  return { dir, base };
}

describe('two rollbacks of one env on two branches from the same base', () => {
  for (const [first, second] of [['left', 'right'], ['right', 'left']] as const) {
    it(`merge with no conflict in the journal: ${first} first, then ${second}`, async () => {
      const { dir } = await twoBranches();
      expect(gitTry(dir, ['merge', '--no-edit', first]).code).toBe(0);
      const merged = gitTry(dir, ['merge', '--no-edit', second]);
      // Only the lock's generated_at line meets (both rewrote it); journal and snapshots do not.
      const unmerged = gitOut(dir, ['diff', '--name-only', '--diff-filter=U']).split('\n').filter(Boolean);
      expect(merged.code === 0 ? [] : unmerged).toEqual(merged.code === 0 ? [] : [PROD]);
      expect(unmerged.filter((f) => f.startsWith('.meta/'))).toEqual([]);

      // The conflicted lock is refused by name and line, and nothing is touched.
      if (merged.code !== 0) {
        const before = fingerprint(dir);
        const run = await meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.1.0', '--env', 'prod'], dir);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^error: manifests\/components\.lock\.prod\.yaml:\d+: git conflict markers \(lines \d+, \d+, \d+\): resolve the merge conflict first\n$/);
        expect(fingerprint(dir)).toEqual(before);
        gitOut(dir, ['checkout', '--theirs', PROD]);
        gitOut(dir, ['add', PROD]);
        gitOut(dir, ['commit', '-q', '--no-edit']);
      }

      // Both entries landed, each in its own file, in the order they were written; the old journal as it was.
      const entries = journalEntriesAt((args) => gitOut(dir, args), 'HEAD') as Array<{ changes: Array<{ component: string }> }>;
      expect(entries.map((e) => e.changes[0]!.component)).toEqual(['web-ui', 'agent-core']);
      expect(gitOut(dir, ['ls-tree', '--name-only', `HEAD:${JOURNAL_DIR}`]).split('\n')).toHaveLength(2);
      expect(readFileSync(join(dir, '.meta/history.jsonl'), 'utf8')).toBe(LEGACY);
      const history = await meta(['history', '--json'], dir);
      expect(history.code, history.stderr).toBe(0);
      const shown = JSON.parse(history.stdout) as Array<{ mode: string; changes: Array<{ component: string }>; source: { file: string } }>;
      expect(shown.map((e) => e.changes[0]?.component ?? e.mode)).toEqual(['agent-core', 'web-ui', 'lock']);
      expect(shown[2]!.source.file).toBe('.meta/history.jsonl');
    });
  }
});

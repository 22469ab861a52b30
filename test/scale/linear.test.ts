import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editLockText } from '../../src/core/lock-edit.js';
import { componentsMap, parseLockBytes } from '../../src/core/lock.js';
import { makeContext } from '../../src/core/context.js';
import { listTargets } from '../../src/core/operations/list-targets.js';
import { yamlCharsParsed } from '../../src/core/yaml-source.js';
import { formatTargetTable } from '../../src/cli/target-table.js';
import { lockText, manifestText } from '../../scripts/lib/sample-system.mjs';
import { tempDir } from '../helpers/workspace.js';

// Work is counted, never timed: a loaded CI machine makes times meaningless, counts are exact.

const sha = (i: number, rev: number) => `${(rev + 1).toString(16)}${i.toString(16).padStart(39, 'a')}`.slice(0, 40);
const pins = (n: number, rev = 0) =>
  Array.from({ length: n }, (_, i) => ({ name: `svc-${String(i).padStart(5, '0')}`, version: `v1.${rev}.0`, commit: sha(i, rev), repo: `/nonexistent/svc-${i}` }));

/** Item reads of the lock's `components` mapping while every entry is edited: linear means ~4x for 4x the entries. */
function itemReadsForEditingAll(n: number): number {
  const lock = parseLockBytes(Buffer.from(lockText({ env: 'prod', generatedAt: '2026-11-20T10:36:00Z', pins: pins(n) })), 'lock');
  const map = componentsMap(lock);
  let reads = 0;
  // A counting view of the real items array: every index read by any code path is counted.
  map.items = new Proxy(map.items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  const text = editLockText(lock, pins(n, 1).map((p) => ({ component: p.name, pin: { version: p.version, commit: p.commit } })), '2026-11-21T00:00:00Z');
  expect(text).toContain(`commit: ${sha(n - 1, 1)}`);
  return reads;
}

/** A meta-repo of n components (no checkouts, repos that are not there) whose prod lock has `revisions` revisions, each bumping every pin. */
function metaRepo(n: number, revisions: number): string {
  const root = tempDir('meta-scale-');
  mkdirSync(join(root, 'manifests'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
  git('init', '-q');
  writeFileSync(join(root, 'manifests/components.yaml'), manifestText(pins(n).map((p) => ({ name: p.name, repo: p.repo }))));
  for (let rev = 0; rev < revisions; rev++) {
    for (const env of ['prod', 'staging', 'dev']) {
      writeFileSync(join(root, `manifests/components.lock.${env}.yaml`), lockText({ env, generatedAt: `2026-11-${String(rev + 1).padStart(2, '0')}T00:00:00Z`, pins: pins(n, rev) }));
    }
    git('add', '-A');
    git('commit', '-q', '-m', `pins ${rev}`);
  }
  return root;
}

describe('nothing quadratic', () => {
  it('editing every entry of a lock reads its items a number of times linear in the entries', () => {
    const small = itemReadsForEditingAll(1000);
    const large = itemReadsForEditingAll(4000);
    // Quadratic (a YAMLMap.get per entry) would be ~16x; linear is ~4x.
    expect(large / small).toBeLessThan(5);
  });

  it('list --component parses only its own lines of the old lock revisions, however many there are', async () => {
    const n = 300;
    const parsedFor = async (revisions: number) => {
      const root = metaRepo(n, revisions);
      const ctx = makeContext({ root, env: 'prod' });
      const before = yamlCharsParsed();
      const list = await listTargets(ctx, 'svc-00042');
      expect(list.targets.filter((t) => t.kind === 'lock-history')).toHaveLength(3 * revisions);
      return yamlCharsParsed() - before;
    };
    const lockSize = lockText({ env: 'prod', generatedAt: '2026-11-01T00:00:00Z', pins: pins(n) }).length;
    const few = await parsedFor(4);
    const many = await parsedFor(16);
    // 36 more blobs (12 revisions of three locks): parsed whole, each would add a lock's worth of
    // text; scanned, each adds the few lines of one entry.
    expect((many - few) / 36).toBeLessThan(lockSize / 50);
  });

  it('lists 150,000 targets of 5,000 components without overflowing the stack', async () => {
    const root = metaRepo(5000, 10);
    const list = await listTargets(makeContext({ root, env: 'prod' }));
    expect(list.targets.length).toBeGreaterThanOrEqual(150_000);
    // One row per distinct target: ten commits of each of the 5,000 components.
    const table = formatTargetTable(list, { all: true });
    expect(table.split('\n').filter((l) => l.includes('svc-'))).toHaveLength(50_000);
  }, 240_000);
});

describe('the line reader of old lock revisions', () => {
  it('reads what the YAML parser reads in the block layout, and gives up on anything else', async () => {
    const { scanLockEntries } = await import('../../src/core/lock-entry-scan.js');
    const text = lockText({ env: 'prod', generatedAt: '2026-11-20T10:36:00Z', pins: pins(50) });
    const parsed = [...parseLockBytes(Buffer.from(text), 'lock').entries.values()].map((e) => ({ name: e.name, version: e.version, commit: e.commit }));
    expect(scanLockEntries(text)).toEqual(parsed);
    expect(scanLockEntries(text.replace("version: v1.0.0", "version: 'v1.0.0'"))).toEqual(parsed);
    // Layouts it does not read: the caller parses the whole document instead.
    expect(scanLockEntries('components: {a: {commit: x}}\n')).toBeUndefined();
    expect(scanLockEntries(`${text}  svc-00000:\n    version: v9\n`)).toBeUndefined();
    expect(scanLockEntries(text.replace('version: v1.0.0', 'version: &v v1.0.0'))).toBeUndefined();
    expect(scanLockEntries(text.replace(/commit: [0-9a-f]{40}/, 'commit: "not-a-sha"'))).toBeUndefined();
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meta } from '../helpers/cli.js';
import { fingerprint, gitOut, read, sampleFactory } from '../helpers/workspace.js';
import { journalEntries } from '../helpers/journal.js';

const sample = sampleFactory();
const PROD = 'manifests/components.lock.prod.yaml';

describe('meta rollback component', () => {
  it('rolls back to a lightweight tag: lock, checkout, snapshot and journal', async () => {
    const sys = sample();
    const web = sys.components.find((c) => c.name === 'web-ui')!;
    const before = read(join(sys.meta, PROD));
    const run = await meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod'], sys.meta);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('web-ui  v1.2.0');
    expect(run.stdout).toContain('-> v1.0.0');
    const after = read(join(sys.meta, PROD));
    expect(after).toContain(`commit: ${web.versions[0]!.commit}`);
    expect(after).not.toBe(before);
    expect(gitOut(join(sys.meta, 'components', 'web-ui'), ['rev-parse', 'HEAD'])).toBe(web.versions[0]!.commit);

    const journal = journalEntries(sys.meta);
    expect(journal).toHaveLength(1);
    const line = journal[0] as { snapshot: string };
    expect(line).toMatchObject({
      mode: 'component',
      env: 'prod',
      lock: PROD,
      changes: [{ component: 'web-ui', from: { version: 'v1.2.0', commit: web.versions[2]!.commit }, to: { version: 'v1.0.0', commit: web.versions[0]!.commit } }],
    });
    expect(Object.keys(line).sort()).toEqual(['actor', 'at', 'changes', 'env', 'holds', 'lock', 'mode', 'snapshot']);
    const snapshot = read(join(sys.meta, line.snapshot));
    expect(snapshot).toContain(`commit: ${web.versions[2]!.commit}`);
    expect(snapshot).toContain('environment: prod');
  });

  it('peels an annotated tag to its commit', async () => {
    const sys = sample();
    const core = sys.components.find((c) => c.name === 'agent-core')!;
    const tagObject = gitOut(core.dir, ['rev-parse', 'refs/tags/v1.1.0']);
    expect(tagObject).not.toBe(core.versions[1]!.commit);
    const run = await meta(['rollback', 'component', 'agent-core', '--to-version', 'v1.1.0', '--env', 'prod', '--json'], sys.meta);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.ok).toBe(true);
    expect(result.changes[0].to).toEqual({ version: 'v1.1.0', commit: core.versions[1]!.commit });
  });

  it('accepts a full SHA and a unique abbreviation, naming the version by its tag or short SHA', async () => {
    const sys = sample();
    const core = sys.components.find((c) => c.name === 'agent-core')!;
    const full = await meta(['rollback', 'component', 'agent-core', '--to-commit', core.versions[0]!.commit, '--json'], sys.meta);
    expect(full.code).toBe(0);
    expect(JSON.parse(full.stdout).changes[0].to.version).toBe('v1.0.0');

    const untagged = gitOut(core.dir, ['rev-parse', 'v1.1.0~0^{commit}']);
    const abbrev = await meta(['rollback', 'component', 'agent-core', '--to-commit', untagged.slice(0, 7), '--json'], sys.meta);
    expect(abbrev.code).toBe(0);
    expect(JSON.parse(abbrev.stdout).changes[0].to).toEqual({ version: 'v1.1.0', commit: untagged });
  });

  it('names an untagged commit by its 12-hex short SHA', async () => {
    const sys = sample();
    const checkout = join(sys.meta, 'components', 'web-ui');
    // A commit that exists only in the checkout: no tag points at it.
    gitOut(checkout, ['commit', '--allow-empty', '-q', '-m', 'hotfix']);
    const hotfix = gitOut(checkout, ['rev-parse', 'HEAD']);
    gitOut(checkout, ['checkout', '-q', '--detach', 'HEAD~1']);
    const run = await meta(['rollback', 'component', 'web-ui', '--to-commit', hotfix.slice(0, 10), '--json'], sys.meta);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).changes[0].to).toEqual({ version: hotfix.slice(0, 12), commit: hotfix });
  });

  it('is a lock-only rollback when the component has no checkout', async () => {
    const sys = sample();
    const web = sys.components.find((c) => c.name === 'web-ui')!;
    const { rmSync } = await import('node:fs');
    rmSync(join(sys.meta, 'components'), { recursive: true, force: true });
    const run = await meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.1.0', '--json'], sys.meta);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.changes[0]).toMatchObject({ checkout: 'absent', lock: 'changed' });
    expect(read(join(sys.meta, 'manifests/components.lock.yaml'))).toContain(web.versions[1]!.commit);
  });

  it('does nothing, and says so, when the pin already matches', async () => {
    const sys = sample();
    const before = fingerprint(sys.meta);
    const run = await meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.2.0'], sys.meta);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('nothing to do');
    expect(fingerprint(sys.meta)).toEqual(before);
  });

  it('--dry-run prints the plan and changes nothing', async () => {
    const sys = sample();
    const before = fingerprint(sys.meta);
    const run = await meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--dry-run', '--env', 'prod'], sys.meta);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('would roll back 1 component');
    expect(fingerprint(sys.meta)).toEqual(before);
    const json = await meta(['--json', '--dry-run', 'rollback', 'component', 'web-ui', '--to-version', 'v1.0.0'], sys.meta);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, dryRun: true, snapshot: null, changes: [{ component: 'web-ui' }] });
    expect(fingerprint(sys.meta)).toEqual(before);
  });

  it('fetches only the missing commit into a shallow checkout', async () => {
    const sys = sample();
    const web = sys.components.find((c) => c.name === 'web-ui')!;
    const checkout = join(sys.meta, 'components', 'web-ui');
    const { rmSync } = await import('node:fs');
    rmSync(checkout, { recursive: true, force: true });
    gitOut(sys.meta, ['clone', '-q', '--depth=1', `file://${web.dir}`, checkout]);
    expect(gitOut(checkout, ['rev-list', '--count', '--all'])).toBe('1');
    const run = await meta(['rollback', 'component', 'web-ui', '--to-commit', web.versions[0]!.commit], sys.meta);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('fetched');
    expect(gitOut(checkout, ['rev-parse', 'HEAD'])).toBe(web.versions[0]!.commit);
    expect(gitOut(checkout, ['rev-parse', '--is-shallow-repository'])).toBe('true');
    // The fetched commit came alone: the two tips, nothing of the history between them.
    expect(gitOut(checkout, ['rev-list', '--count', '--all'])).toBe('2');
  });

  it('undoes a rollback by restoring the snapshot it saved', async () => {
    const sys = sample();
    const original = read(join(sys.meta, PROD));
    const run = await meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod', '--json'], sys.meta);
    const snapshot = JSON.parse(run.stdout).snapshot as string;
    const undo = await meta(['rollback', 'snapshot', '--restore', snapshot, '--env', 'prod', '--json'], sys.meta);
    expect(undo.stderr).toBe('');
    expect(undo.code).toBe(0);
    const restored = read(join(sys.meta, PROD));
    const strip = (t: string) => t.replace(/generated_at: .*/, '');
    expect(strip(restored)).toBe(strip(original));
    const web = sys.components.find((c) => c.name === 'web-ui')!;
    expect(gitOut(join(sys.meta, 'components', 'web-ui'), ['rev-parse', 'HEAD'])).toBe(web.versions[2]!.commit);
    expect(journalEntries(sys.meta)).toHaveLength(2);
  });
});

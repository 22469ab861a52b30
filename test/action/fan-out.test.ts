import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitFiles, initRepo } from '../../scripts/lib/sample-system.mjs';
import { startForge, type Forge } from '../../tools/forge/index.js';
import { runActionProcess } from '../helpers/action-runner.js';
import { meta } from '../helpers/cli.js';
import { runnerCheckout } from '../helpers/checkout-workspace.js';
import { tempDir } from '../helpers/workspace.js';
import { journalEntriesAt } from '../helpers/journal.js';

const N = 1000;
const names = Array.from({ length: N }, (_, i) => `svc-${String(i).padStart(4, '0')}`);
const sha = (text: string) => createHash('sha1').update(text).digest('hex');
const pin = (name: string, rev: 'old' | 'new') => ({ version: rev === 'old' ? 'v1.0.0' : 'v2.0.0', commit: sha(`${name}@${rev}`) });

/** A meta-repo of 1,000 components (every tenth depends on svc-0000) with two lock revisions. */
function bigMetaRepo(): string {
  const dir = join(tempDir('meta-big-'), 'meta');
  initRepo(dir);
  const manifest = ['components:'];
  for (const [i, name] of names.entries()) {
    manifest.push(`  ${name}:`, `    repo: https://git.example.invalid/acme/${name}.git`);
    if (i % 10 === 5) manifest.push('    depends_on: [svc-0000]');
  }
  const lock = (rev: 'old' | 'new') =>
    ["generated_at: '2026-11-20T10:36:00Z'", 'components:', ...names.flatMap((name) => [`  ${name}:`, `    version: ${pin(name, rev).version}`, `    commit: ${pin(name, rev).commit}`])].join('\n') + '\n';
  commitFiles(dir, { 'manifests/components.yaml': `${manifest.join('\n')}\n`, 'manifests/components.lock.yaml': lock('old') }, 'Release 1');
  commitFiles(dir, { 'manifests/components.lock.yaml': lock('new') }, 'Release 2');
  return dir;
}

let forge: Forge;
let source: string;
beforeAll(async () => {
  forge = await startForge();
  source = bigMetaRepo();
});
afterAll(async () => {
  await forge?.close();
});

interface Matrix {
  include: Array<{ group: string; index: number; components: string; count: number }>;
}

function checkMatrix(matrix: Matrix, groupSize: number): void {
  const groups = matrix.include;
  expect(groups).toHaveLength(Math.ceil(N / groupSize));
  const seen = groups.flatMap((g) => g.components.split(','));
  expect(seen).toHaveLength(N);
  expect(new Set(seen)).toEqual(new Set(names));
  for (const g of groups) expect(g.count).toBe(g.components.split(',').length);
  // Dependents come no later than what they depend on.
  const groupOf = new Map(groups.flatMap((g) => g.components.split(',').map((c) => [c, g.index] as const)));
  for (const [i, name] of names.entries()) if (i % 10 === 5) expect(groupOf.get(name)!).toBeLessThanOrEqual(groupOf.get('svc-0000')!);
}

describe('fan-out of a 1,000-component rollback', () => {
  it('the CLI plan (--dry-run --json) carries a matrix covering every component once', async () => {
    const run = await meta(['rollback', 'lock', 'manifests/components.lock.yaml', '--rev', 'HEAD~1', '--dry-run', '--json', '--group-size', '100'], source);
    expect(run.stderr).toBe('');
    const plan = JSON.parse(run.stdout);
    expect(plan.changes).toHaveLength(N);
    checkMatrix(plan.matrix, 100);
  });

  it('plan once, roll back four groups of 250 in parallel jobs, and lose no pin', async () => {
    const hosted = await forge.createRepo('acme', 'big-meta', { from: source, defaultBranch: 'main' });
    // Each job gets a fresh runner, checked out as actions/checkout does by default.
    const job = async () => {
      const { workspace, runnerTemp } = await runnerCheckout(forge, 'acme', 'big-meta');
      return { workspace, repository: 'acme/big-meta', apiUrl: forge.apiUrl, serverUrl: forge.serverUrl, env: { RUNNER_TEMP: runnerTemp } };
    };
    const common = { token: forge.token, mode: 'lock', 'lock-file': 'manifests/components.lock.yaml', root: '.', 'merge-method': 'squash', 'rollback-on-unhealthy': 'false' };

    // The plan resolves HEAD~1 once; its output pins every group to the same revision.
    const plan = await runActionProcess({ ...common, rev: 'HEAD~1', 'dry-run': 'true', health: 'false', 'pull-request': 'open', 'group-size': '250' }, await job());
    expect(plan.code, plan.stdout).toBe(0);
    const rev = plan.outputs.rev!;
    expect(rev).toBe(execFileSync('git', ['rev-parse', 'main~1'], { cwd: hosted.barePath, encoding: 'utf8' }).trim());
    const matrix = JSON.parse(plan.outputs.matrix!) as Matrix;
    checkMatrix(matrix, 250);

    // The matrix jobs, all at once, as a runner pool would run them.
    const results: Array<{ group: string; code: number; log: string }> = [];
    const queue = [...matrix.include];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let g = queue.shift(); g; g = queue.shift()) {
          const run = await runActionProcess({ ...common, rev, components: g.components, 'dry-run': 'false', health: 'true', 'pull-request': 'none' }, await job());
          results.push({ group: g.group, code: run.code, log: run.stdout });
        }
      }),
    );
    for (const r of results) expect(r.code, `${r.group}: ${r.log}`).toBe(0);

    const bare = (args: string[]) => execFileSync('git', args, { cwd: hosted.barePath, encoding: 'utf8', maxBuffer: 64 << 20 });
    const lock = bare(['show', 'main:manifests/components.lock.yaml']);
    for (const name of names) expect(lock).toContain(`  ${name}:\n    version: v1.0.0\n    commit: ${pin(name, 'old').commit}\n`);
    const journal = journalEntriesAt(bare, 'main') as Array<{ changes: Array<{ component: string }> }>;
    expect(journal).toHaveLength(matrix.include.length);
    expect(journal.flatMap((j: { changes: Array<{ component: string }> }) => j.changes.map((c) => c.component)).sort()).toEqual(names);
    expect(forge.violations).toEqual([]);
  }, 300_000);
});

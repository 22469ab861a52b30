import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startForge, type Forge } from '../../tools/forge/index.js';
import { hostedSystem, type HostedSystem } from '../action/fixtures.js';
import { runnerCheckout } from '../helpers/checkout-workspace.js';
import { runActionProcess, type ActionRun } from '../helpers/action-runner.js';
import { repoRoot, type CliRun } from '../helpers/cli.js';
import { sampleFactory } from '../helpers/workspace.js';
import type { SampleSystem } from '../../scripts/lib/sample-system.mjs';
import { changesetSystem, checkoutOf } from '../changeset/fixture.js';
import { expectedHash, writeEntry } from '../store/helpers.js';
import { CHANGESET_RACE_ROUNDS, CLI_RACE_ROUNDS, STORE_RACE_ROUNDS } from './counts.js';
import { execFileAsync, gitAsync } from './support.js';
import { journalEntries, journalEntriesAt } from '../helpers/journal.js';

const sample = sampleFactory();
const PROD = 'manifests/components.lock.prod.yaml';
const DEFAULT = 'manifests/components.lock.yaml';
/** A run that lost the race is refused before it writes: its lock or a checkout moved under it. */
const REFUSED = /^error: (manifests\/components\.lock\.prod\.yaml: changed|components\/[a-z-]+: moved) by someone else while this rollback was being planned; run it again$/;

/** The built CLI in a real process, asynchronously, so two can start at the same moment. */
function metaAsync(args: string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

const read = (sys: SampleSystem, rel: string) => readFileSync(join(sys.meta, rel), 'utf8');
const journal = (sys: SampleSystem) => {
  try {
    return journalEntries(sys.meta);
  } catch {
    return [];
  }
};
const pinOf = (lock: string, name: string) => new RegExp(`  ${name}:\\n    version: (\\S+)\\n    commit: ([0-9a-f]{40})`).exec(lock)?.slice(1, 3);

describe(`two CLI rollbacks started at the same moment, ${CLI_RACE_ROUNDS} rounds: both recorded in order, or one cleanly refused`, () => {
  const outcomes: Record<string, number> = {};
  afterAll(() => console.log(`cli races: ${JSON.stringify(outcomes)}`));

  for (let round = 0; round < CLI_RACE_ROUNDS; round++) {
    const kind = (['different envs', 'same env, different components', 'the same rollback twice'] as const)[round % 3]!;
    it(`round ${round + 1}: ${kind}`, async () => {
      const sys = sample();
      const web = sys.components[2]!;
      const core = sys.components[0]!;
      const a = ['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod'];
      const b =
        kind === 'different envs'
          ? ['rollback', 'component', 'agent-core', '--to-version', 'v1.1.0']
          : kind === 'same env, different components'
            ? ['rollback', 'component', 'agent-core', '--to-version', 'v1.1.0', '--env', 'prod']
            : a;
      const [ra, rb] = await Promise.all([metaAsync(a, sys.meta), metaAsync(b, sys.meta)]);
      const key = `${kind}: ${ra.code}/${rb.code}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
      for (const r of [ra, rb]) {
        if (r.code !== 0) {
          // The only acceptable failure: refused before writing anything, in one line.
          expect(r.code, r.stderr).toBe(1);
          expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('error:'))).toEqual([expect.stringMatching(REFUSED)]);
        }
      }
      if (kind === 'different envs') {
        // Different lock files: nothing to refuse, and the shared journal keeps both lines.
        expect([ra.code, rb.code], ra.stderr + rb.stderr).toEqual([0, 0]);
      } else {
        // Whoever was refused runs again, as the message says, and then succeeds.
        if (ra.code !== 0) expect((await metaAsync(a, sys.meta)).code).toBe(0);
        if (rb.code !== 0) expect((await metaAsync(b, sys.meta)).code).toBe(0);
      }
      // Nothing lost: every change is in its lock, every rollback has its journal line, whole.
      const lines = journal(sys);
      const changed = lines.flatMap((l) => (l.changes as Array<{ component: string }>).map((c) => `${l.env ?? 'default'}:${c.component}`)).sort();
      if (kind === 'the same rollback twice') {
        expect(changed).toEqual(['prod:web-ui']);
      } else {
        expect(changed).toEqual(kind === 'different envs' ? ['default:agent-core', 'prod:web-ui'] : ['prod:agent-core', 'prod:web-ui']);
        const coreLock = kind === 'different envs' ? DEFAULT : PROD;
        expect(pinOf(read(sys, coreLock), 'agent-core')).toEqual(['v1.1.0', core.versions[1]!.commit]);
      }
      expect(pinOf(read(sys, PROD), 'web-ui')).toEqual(['v1.0.0', web.versions[0]!.commit]);
      // In order: journal lines are appended in the order the rollbacks wrote.
      const times = lines.map((l) => String(l.at));
      expect([...times].sort()).toEqual(times);
      expect(await gitAsync(join(sys.meta, 'components', 'web-ui'), ['rev-parse', 'HEAD'])).toBe(web.versions[0]!.commit);
      // Every snapshot a journal line names exists, and no other was left behind.
      const named = lines.map((l) => l.snapshot).sort();
      const onDisk = (await execFileAsync('ls', ['.meta/snapshots'], { cwd: sys.meta })).stdout.split('\n').filter(Boolean).map((n) => `.meta/snapshots/${n}`).sort();
      expect(onDisk).toEqual(named);
    });
  }
});

/** Whatever two runs wrote, the journal holds whole lines in the order the changes were made. */
function expectInOrder(lines: Array<Record<string, unknown>>): void {
  const times = lines.map((l) => String(l.at));
  expect([...times].sort()).toEqual(times);
}

describe(`two file-tree restores from the store at the same moment, ${STORE_RACE_ROUNDS} rounds: one at a time under .meta/lock`, () => {
  const outcomes: Record<string, number> = {};
  afterAll(() => console.log(`store races: ${JSON.stringify(outcomes)}`));
  const files = (version: string) => ({ VERSION: `${version}\n`, 'src/app.txt': `web-ui files of ${version}\n` });
  const hashOf = (version: string) => expectedHash(Object.entries(files(version)).map(([path, data]) => ({ path, mode: '100644', data })));

  for (let round = 0; round < STORE_RACE_ROUNDS; round++) {
    const kind = (['two entries of one component', 'the same entry twice'] as const)[round % 2]!;
    it(`round ${round + 1}: ${kind}`, async () => {
      const sys = sample();
      // Entries of files only (no commit), restored into a plain directory: the path that writes the tree itself.
      rmSync(join(sys.meta, 'components', 'web-ui'), { recursive: true, force: true });
      const versions = kind === 'the same entry twice' ? ['v0.9', 'v0.9'] : ['v0.8', 'v0.9'];
      for (const v of new Set(versions)) writeEntry(sys.meta, hashOf(v), files(v), { component: 'web-ui', version: v });
      const runs = await Promise.all(versions.map((v) => metaAsync(['rollback', 'store', 'web-ui', hashOf(v), '--env', 'prod'], sys.meta)));
      const key = `${kind}: ${runs.map((r) => r.code).join('/')}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
      // The lock is waited for, so neither is refused here; a refusal would be one line naming the holder.
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const lines = journal(sys);
      expectInOrder(lines);
      expect(lines.map((l) => l.mode)).toEqual(kind === 'the same entry twice' ? ['store'] : ['store', 'store']);
      // The files in place are those of the change journaled last, whole, and nothing is left beside them.
      const last = (lines.at(-1)!.changes as Array<{ to: { version: string } }>)[0]!.to.version;
      expect(read(sys, 'components/web-ui/VERSION')).toBe(`${last}\n`);
      expect(readdirSync(join(sys.meta, 'components', 'web-ui')).sort()).toEqual(['VERSION', 'src']);
      expect(readdirSync(join(sys.meta, 'components')).filter((n) => n.startsWith('.'))).toEqual([]);
      for (const l of lines) expect(existsSync(join(sys.meta, String(l.snapshot)))).toBe(true);
      expect(existsSync(join(sys.meta, '.meta/lock'))).toBe(false);
    });
  }
});

describe(`two changeset rollbacks at the same moment, ${CHANGESET_RACE_ROUNDS} rounds: both recorded in order, or one cleanly refused`, () => {
  const outcomes: Record<string, number> = {};
  afterAll(() => console.log(`changeset races: ${JSON.stringify(outcomes)}`));
  /** A refused run wrote nothing: the changeset files it read had changed, or the other run made its branch first. */
  const REFUSED_CS = /^error: (changeset CS-\d: )?(rollback failed and was undone: )?(\.meta\/changesets\/(CS-\d|index)\.yaml: changed by someone else while this rollback ran; run it again|components\/[a-z-]+: cannot set meta-rollback\/changeset-CS-\d: git update-ref failed .*)$/;

  for (let round = 0; round < CHANGESET_RACE_ROUNDS; round++) {
    const kind = (['two changesets sharing the index', 'the same changeset twice'] as const)[round % 2]!;
    it(`round ${round + 1}: ${kind}`, async () => {
      const sys = changesetSystem();
      const ids = kind === 'the same changeset twice' ? ['CS-1', 'CS-1'] : ['CS-1', 'CS-2'];
      const runs = await Promise.all(ids.map((id) => metaAsync(['changeset', 'rollback', id], sys.meta)));
      const key = `${kind}: ${runs.map((r) => r.code).join('/')}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
      for (const [i, r] of runs.entries()) {
        if (r.code === 0) continue;
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('error:'))).toEqual([expect.stringMatching(REFUSED_CS)]);
        // As the message says: run it again.
        const again = await metaAsync(['changeset', 'rollback', ids[i]!], sys.meta);
        expect(again.code, again.stderr).toBe(0);
      }
      const lines = journal(sys);
      expectInOrder(lines);
      expect(lines.map((l) => l.lock).sort()).toEqual([...new Set(ids)].map((id) => `.meta/changesets/${id}.yaml`).sort());
      const index = read(sys, '.meta/changesets/index.yaml');
      for (const id of new Set(ids)) {
        expect(read(sys, `.meta/changesets/${id}.yaml`)).toMatch(/^status: rolled-back/m);
        expect(index).toMatch(id === 'CS-1' ? /CS-1: \{status: rolled-back/ : /CS-2:\n {4}status: rolled-back/);
      }
      // Each revert branch exists once, where its journal line says.
      for (const l of lines) {
        for (const c of l.changes as Array<{ component: string; to: { version: string; commit: string } }>) {
          expect(await gitAsync(checkoutOf(sys, c.component), ['rev-parse', `refs/heads/${c.to.version}`])).toBe(c.to.commit);
        }
      }
      expect(existsSync(join(sys.meta, '.meta/lock'))).toBe(false);
    });
  }
});

describe('two action runs at the same moment, from two runners', () => {
  let forge: Forge;
  beforeAll(async () => {
    forge = await startForge();
  });
  afterAll(async () => {
    await forge?.close();
  });

  /** Another runner's workspace, checked out as actions/checkout does (v4 credentials need no RUNNER_TEMP). */
  async function secondWorkspace(h: HostedSystem): Promise<string> {
    return (await runnerCheckout(forge, h.owner, h.name)).workspace;
  }

  const base = { token: '', health: 'false', 'merge-method': 'squash', root: '.', 'dry-run': 'false', 'rollback-on-unhealthy': 'false' };

  it('pull-request: none, two components of one env: both land on main, in order, nothing lost', async () => {
    const h = await hostedSystem(forge);
    const other = await secondWorkspace(h);
    const setup = (workspace: string) => ({ workspace, repository: `${h.owner}/${h.name}`, apiUrl: forge.apiUrl, serverUrl: forge.serverUrl });
    const [one, two]: ActionRun[] = await Promise.all([
      runActionProcess({ ...base, token: forge.token, mode: 'component', component: 'web-ui', 'to-version': 'v1.0.0', env: 'prod', 'pull-request': 'none' }, setup(h.workspace)),
      runActionProcess({ ...base, token: forge.token, mode: 'component', component: 'agent-core', 'to-version': 'v1.1.0', env: 'prod', 'pull-request': 'none' }, setup(other)),
    ]);
    expect(one.code, one.stdout + one.stderr).toBe(0);
    expect(two.code, two.stdout + two.stderr).toBe(0);
    const lock = h.bareGit(['show', `main:${PROD}`]);
    expect(pinOf(lock, 'web-ui')).toEqual(['v1.0.0', h.sys.components[2]!.versions[0]!.commit]);
    expect(pinOf(lock, 'agent-core')).toEqual(['v1.1.0', h.sys.components[0]!.versions[1]!.commit]);
    const lines = journalEntriesAt(h.bareGit, 'main');
    expect(lines.map((l) => (l.changes as Array<{ component: string }>)[0]!.component).sort()).toEqual(['agent-core', 'web-ui']);
    // Two commits on main, one per rollback, the later on top of the earlier (a fast-forward each).
    const subjects = h.bareGit(['log', '--format=%s', '-2', 'main']).split('\n');
    expect(subjects.sort()).toEqual(['Rollback (prod): agent-core v1.2.0 → v1.1.0', 'Rollback (prod): web-ui v1.2.0 → v1.0.0']);
    expect(await forge.pulls(h.owner, h.name)).toEqual([]);
  }, 90_000);

  it('the same rollback twice with pull requests: one pull request; a loser fails cleanly on the lease', async () => {
    const h = await hostedSystem(forge);
    const other = await secondWorkspace(h);
    const inputs = { ...base, token: forge.token, mode: 'lock', 'lock-file': PROD, rev: 'HEAD~1', env: 'prod', 'pull-request': 'open' };
    const setup = (workspace: string) => ({ workspace, repository: `${h.owner}/${h.name}`, apiUrl: forge.apiUrl, serverUrl: forge.serverUrl });
    const runs = await Promise.all([runActionProcess(inputs, setup(h.workspace)), runActionProcess(inputs, setup(other))]);
    const ok = runs.filter((r) => r.code === 0);
    expect(ok.length, runs.map((r) => r.stdout + r.stderr).join("\n----\n")).toBeGreaterThanOrEqual(1);
    for (const r of runs.filter((x) => x.code !== 0)) {
      expect(r.stdout.split('\n').filter((l) => l.startsWith('::error::'))).toEqual([expect.stringMatching(/^::error::error: push of meta-rollback\/prod\/lock-[0-9a-f]{8} failed: /)]);
    }
    const pulls = await forge.pulls(h.owner, h.name);
    expect(pulls.filter((p) => p.state === 'open')).toHaveLength(1);
    // One rollback branch, holding exactly one rollback commit on top of main.
    const branches = h.bareGit(['for-each-ref', '--format=%(refname:short)', 'refs/heads/meta-rollback']).split('\n').filter(Boolean);
    expect(branches).toEqual([pulls[0]!.headRef]);
    expect(h.bareGit(['rev-list', '--count', `main..${pulls[0]!.headRef}`])).toBe('1');
    expect(new Set(ok.map((r) => r.outputs['pull-request-number']))).toEqual(new Set([String(pulls[0]!.number)]));
  }, 90_000);
});

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliFromSources } from '../helpers/built-cli.js';
import { fingerprint, sampleFactory } from '../helpers/workspace.js';
import { bareOrigins, changesetSystem, NAMES as CS_NAMES } from '../changeset/fixture.js';
import type { SampleSystem } from '../../scripts/lib/sample-system.mjs';

// Many checkouts, so that a signal can land between one checkout and the next.
const NAMES = Array.from({ length: 10 }, (_, i) => `svc-${String(i).padStart(2, '0')}`);
const sample = sampleFactory({ names: NAMES, chain: false });
const LOCK = 'manifests/components.lock.prod.yaml';
const JOURNAL = '.meta/history/rollbacks';
const command = (rev: string) => ['rollback', 'lock', LOCK, '--rev', rev, '--env', 'prod'];

/** Steps of a rollback where the run signals itself (see interruptPoint); checkout-N only without the xargs batch. */
const BEFORE_COMMIT = ['planned', 'locked', 'after-snapshot', ...NAMES.map((_, i) => `checkout-${i + 1}`)];
const AFTER_COMMIT = ['after-checkouts', 'after-lock', 'after-journal'];
/** Signals sent from outside at staggered moments of the write phase, with the xargs batch. */
const STAGGERED = 8;

let cli: string;
beforeAll(() => {
  cli = cliFromSources();
}, 180_000);

interface Run {
  readonly code: number | null;
  readonly stderr: string;
}

function start(sys: { meta: string }, args: string[], env: NodeJS.ProcessEnv = {}) {
  // Its own process group, as a shell gives a foreground job: a group signal reaches it and its children.
  const child = spawn(process.execPath, [cli, ...args], { cwd: sys.meta, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Run>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return { child, done };
}

const heads = (sys: SampleSystem) => NAMES.map((n) => execFileSync('git', ['rev-parse', 'HEAD'], { cwd: join(sys.meta, 'components', n), encoding: 'utf8' }).trim());
const dirty = (sys: SampleSystem) =>
  NAMES.filter((n) => execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: join(sys.meta, 'components', n), encoding: 'utf8' }) !== '');
const snapshots = (sys: SampleSystem) => (existsSync(join(sys.meta, '.meta/snapshots')) ? readdirSync(join(sys.meta, '.meta/snapshots')).sort() : []);
const temps = (sys: SampleSystem) =>
  [...readdirSync(join(sys.meta, 'manifests')), ...(existsSync(join(sys.meta, '.meta')) ? readdirSync(join(sys.meta, '.meta')) : [])].filter((n) => n.endsWith('.tmp'));
const lockText = (sys: SampleSystem) => readFileSync(join(sys.meta, LOCK), 'utf8');
// One file per journal entry (see journal.ts).
const journal = (sys: SampleSystem) => (existsSync(join(sys.meta, JOURNAL)) ? readdirSync(join(sys.meta, JOURNAL)).filter((n) => !n.startsWith('.')).length : 0);

/** Processes still running in the meta-repo: a git the CLI started and left behind would show here. */
function processesIn(dir: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readlinkSync(`/proc/${name}/cwd`).startsWith(dir)) pids.push(Number(name));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return pids;
}

interface Snapshot {
  readonly lock: string;
  readonly heads: string[];
  readonly journal: number;
  readonly snapshots: string[];
}
const capture = (sys: SampleSystem): Snapshot => ({ lock: lockText(sys), heads: heads(sys), journal: journal(sys), snapshots: snapshots(sys) });

/**
 * After an interrupted run: old state or new state, never between; every checkout clean; no
 * .meta/lock, no temp file, no process left; the last stderr line says which state, with the undo
 * when the rollback completed; exit 0 then, else 130 (SIGINT) or 143 (SIGTERM).
 */
function expectOldOrNew(sys: SampleSystem, run: Run, before: Snapshot, newHeads: string[], signal: string, what: string): 'old' | 'new' | 'not interrupted' {
  expect(dirty(sys), `${what}: checkouts with changes`).toEqual([]);
  expect(existsSync(join(sys.meta, '.meta/lock')), `${what}: .meta/lock left`).toBe(false);
  expect(temps(sys), what).toEqual([]);
  expect(processesIn(sys.meta), `${what}: processes left running`).toEqual([]);
  const last = run.stderr.trimEnd().split('\n').pop() ?? '';
  const now = capture(sys);
  if (now.lock === before.lock) {
    expect(now, `${what}: old lock but not the old state (${run.stderr})`).toEqual(before);
    expect(run.code, `${what}: ${run.stderr}`).toBe(signal === 'SIGINT' ? 130 : 143);
    expect(last, what).toMatch(new RegExp(`^interrupted by ${signal}: .*the workspace is in its old state$`));
    return 'old';
  }
  expect(now.heads, `${what}: new lock, every checkout moved`).toEqual(newHeads);
  expect(now.journal, what).toBe(before.journal + 1);
  expect(now.snapshots.length, what).toBe(before.snapshots.length + 1);
  expect(run.code, `${what}: ${run.stderr}`).toBe(0);
  if (!last.startsWith('interrupted')) return 'not interrupted';
  expect(last, what).toMatch(
    new RegExp(`^interrupted by ${signal} after the command completed: the workspace is in its new state; undo with: meta rollback snapshot --restore \\.meta/snapshots/\\S+\\.yaml --env prod$`),
  );
  return 'new';
}

describe('a rollback interrupted by SIGINT or SIGTERM is left in its old or its new state', () => {
  it(`at each of ${BEFORE_COMMIT.length + AFTER_COMMIT.length} steps and ${STAGGERED} staggered moments, to the group or the process alone; then a re-run completes`, async () => {
    const sys = sample();
    const original = heads(sys);
    // The previous revision's pins: run once to learn them, then back.
    const probe = await start(sys, command('HEAD~1')).done;
    expect(probe.code, probe.stderr).toBe(0);
    const previous = heads(sys);
    expect(previous).not.toEqual(original);
    const back = await start(sys, command('HEAD')).done;
    expect(back.code, back.stderr).toBe(0);
    expect(heads(sys)).toEqual(original);

    const outcomes: Record<string, number> = {};
    const moments = [...BEFORE_COMMIT, ...AFTER_COMMIT, ...Array.from({ length: STAGGERED }, (_, k) => `staggered-${k}`)];
    for (const [i, moment] of moments.entries()) {
      const signal = i % 2 === 0 ? 'SIGINT' : 'SIGTERM';
      const group = Math.floor(i / 2) % 2 === 0;
      // Each round rolls from where the workspace is to the other revision.
      const atOriginal = JSON.stringify(heads(sys)) === JSON.stringify(original);
      const [rev, target] = atOriginal ? ['HEAD~1', previous] : ['HEAD', original];
      const before = capture(sys);
      let run: Run;
      if (moment.startsWith('staggered-')) {
        const k = Number(moment.slice('staggered-'.length));
        const started = start(sys, command(rev));
        while (!existsSync(join(sys.meta, '.meta/lock')) && started.child.exitCode === null) await new Promise((r) => setImmediate(r));
        await new Promise((r) => setTimeout(r, k * 15));
        try {
          process.kill(group ? -started.child.pid! : started.child.pid!, signal);
        } catch {
          // It had already finished.
        }
        run = await started.done;
      } else {
        const env = {
          META_ROLLBACK_TEST_INTERRUPT_AT: moment,
          META_ROLLBACK_TEST_SIGNAL: signal,
          META_ROLLBACK_TEST_SIGNAL_GROUP: group ? '1' : '0',
          ...(moment.startsWith('checkout-') ? { META_ROLLBACK_BATCH: '0' } : {}),
        };
        run = await start(sys, [...command(rev), '--jobs', '2'], env).done;
      }
      const what = `${moment} (${signal} to the ${group ? 'group' : 'process'})`;
      const state = expectOldOrNew(sys, run, before, target, signal, what);
      if (!moment.startsWith('staggered-')) expect(state, what).toBe(AFTER_COMMIT.includes(moment) ? 'new' : 'old');
      outcomes[state] = (outcomes[state] ?? 0) + 1;
      if (state === 'old') {
        // The next, uninterrupted run completes the rollback.
        const rerun = await start(sys, command(rev)).done;
        expect(rerun.code, `${what}: re-run: ${rerun.stderr}`).toBe(0);
        expect(heads(sys), what).toEqual(target);
        expect(dirty(sys), what).toEqual([]);
      }
    }
    console.log(`interrupts: ${JSON.stringify(outcomes)}`);
    expect(outcomes.old).toBeGreaterThanOrEqual(BEFORE_COMMIT.length);
    expect(outcomes.new).toBeGreaterThanOrEqual(AFTER_COMMIT.length);
  }, 600_000);

  it('after a SIGKILL, the next run recognises the half-written checkouts as its own and completes', async () => {
    const sys = sample();
    const original = heads(sys);
    const killed = await start(sys, command('HEAD~1'), { META_ROLLBACK_TEST_CRASH_AT: 'after-snapshot' }).done;
    expect(killed.code).toBeNull();
    // What a `git checkout` killed half-way leaves: HEAD at the old commit, some files (and index
    // entries) of the new one. Plus someone's untracked file, which is not the run's to remove.
    const previousPin = execFileSync('git', ['show', `HEAD~1:${LOCK}`], { cwd: sys.meta, encoding: 'utf8' });
    const commitOf = (name: string) => new RegExp(`${name}:[\\s\\S]*?commit: ([0-9a-f]{40})`).exec(previousPin)![1]!;
    for (const name of NAMES.slice(0, 3)) execFileSync('git', ['checkout', commitOf(name), '--', 'src/app.txt'], { cwd: join(sys.meta, 'components', name) });
    writeFileSync(join(sys.meta, 'components', NAMES[3]!, 'notes.txt'), 'mine\n');
    expect(dirty(sys)).toEqual(NAMES.slice(0, 4));

    const rerun = await start(sys, command('HEAD~1')).done;
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain('undid the rollback interrupted in pid');
    expect(rerun.stderr).not.toContain('uncommitted');
    expect(heads(sys)).toEqual(NAMES.map(commitOf));
    expect(heads(sys)).not.toEqual(original);
    expect(dirty(sys)).toEqual([NAMES[3]]);
    expect(readFileSync(join(sys.meta, 'components', NAMES[3]!, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(sys.meta, '.meta/lock'))).toBe(false);
  });

  it('a changeset rollback interrupted at each step leaves every repository as it was, or completes and says so', async () => {
    const steps = ['changeset-prepared', ...CS_NAMES.map((_, k) => `changeset-revert-${k + 1}`), 'changeset-branches-set', 'changeset-pushed'];
    let sys = changesetSystem();
    let bare = bareOrigins(sys);
    for (const [i, step] of steps.entries()) {
      const signal = i % 2 === 0 ? 'SIGINT' : 'SIGTERM';
      const before = fingerprint(sys.meta);
      const bareBefore = Object.fromEntries(Object.entries(bare).map(([n, dir]) => [n, execFileSync('git', ['for-each-ref'], { cwd: dir, encoding: 'utf8' })]));
      const run = await start(sys, ['changeset', 'rollback', 'CS-1', '--push'], {
        META_ROLLBACK_TEST_INTERRUPT_AT: step,
        META_ROLLBACK_TEST_SIGNAL: signal,
        META_ROLLBACK_TEST_SIGNAL_GROUP: i % 4 < 2 ? '1' : '0',
      }).done;
      const last = run.stderr.trimEnd().split('\n').pop() ?? '';
      expect(processesIn(sys.meta), step).toEqual([]);
      expect(existsSync(join(sys.meta, '.meta/lock')), step).toBe(false);
      if (step !== 'changeset-pushed') {
        expect(run.code, `${step}: ${run.stderr}`).toBe(signal === 'SIGINT' ? 130 : 143);
        expect(last, step).toBe(`interrupted by ${signal}: stopped; every repository, branch and file is as it was: the workspace is in its old state`);
        expect(fingerprint(sys.meta), step).toEqual(before);
        for (const [n, dir] of Object.entries(bare)) expect(execFileSync('git', ['for-each-ref'], { cwd: dir, encoding: 'utf8' }), `${step}: ${n}`).toBe(bareBefore[n]);
      } else {
        expect(run.code, `${step}: ${run.stderr}`).toBe(0);
        expect(last, step).toBe(`interrupted by ${signal} after the command completed: the workspace is in its new state`);
        expect(readFileSync(join(sys.meta, '.meta/changesets/CS-1.yaml'), 'utf8')).toContain('rolled-back');
      }
    }
    // And, after the interruptions, an uninterrupted run on a fresh system completes.
    sys = changesetSystem();
    bare = bareOrigins(sys);
    const done = await start(sys, ['changeset', 'rollback', 'CS-1', '--push']).done;
    expect(done.code, done.stderr).toBe(0);
  }, 300_000);
});

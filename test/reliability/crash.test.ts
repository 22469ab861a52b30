import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseLockBytes } from '../../src/core/lock.js';
import { metaProcess, repoRoot } from '../helpers/cli.js';
import { sampleFactory } from '../helpers/workspace.js';
import type { SampleSystem } from '../../scripts/lib/sample-system.mjs';
import { CRASH_POINTS, KILLS } from './counts.js';
import { gitAsync, withoutGeneratedAt } from './support.js';
import { JOURNAL_DIR, journalEntries, journalFiles } from '../helpers/journal.js';

// Two components keep each run short; both have checkouts, so checkouts move and can be caught half-way.
const sample = sampleFactory({ names: ['agent-core', 'web-ui'] });
const LOCK = 'manifests/components.lock.prod.yaml';
const LEGACY_JOURNAL = '.meta/history.jsonl';
const cli = join(repoRoot, 'dist', 'cli.js');
// --force: each run goes back to pins the one before held, so the holds file is written under every kill too.
const command = (rev: string) => ['rollback', 'lock', LOCK, '--rev', rev, '--env', 'prod', '--force'];

/** The two states the loop moves between: HEAD's pins (A) and HEAD~1's (B). */
interface State {
  readonly rev: string;
  /** The lock's text once a rollback to this state has finished, generated_at blanked. */
  readonly text: string;
  readonly pins: Record<string, string>;
}

const read = (sys: SampleSystem, rel: string) => (existsSync(join(sys.meta, rel)) ? readFileSync(join(sys.meta, rel), 'utf8') : '');
const heads = async (sys: SampleSystem) =>
  Object.fromEntries(await Promise.all(sys.components.map(async (c) => [c.name, await gitAsync(join(sys.meta, 'components', c.name), ['rev-parse', 'HEAD'])] as const)));
const snapshots = (sys: SampleSystem) => (existsSync(join(sys.meta, '.meta/snapshots')) ? readdirSync(join(sys.meta, '.meta/snapshots')).sort() : []);
const temps = (sys: SampleSystem) =>
  [...readdirSync(join(sys.meta, 'manifests')), ...['.meta', JOURNAL_DIR].flatMap((d) => (existsSync(join(sys.meta, d)) ? readdirSync(join(sys.meta, d)) : []))].filter((n) => n.endsWith('.tmp'));

/** Starts the built CLI in its own process group, so what it leaves running can be waited for. */
function start(sys: SampleSystem, args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [cli, ...args], { cwd: sys.meta, detached: true, stdio: 'ignore', env: { ...process.env, ...env } });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited };
}

/** After a SIGKILL, git commands the CLI had started run on; wait until the whole group is gone. */
async function groupGone(pgid: number): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`process group ${pgid} still running`);
}


interface Before {
  readonly from: State;
  readonly to: State;
  readonly lockBefore: string;
  readonly linesBefore: number;
}

/** What may be seen right after a kill: the old lock or the new one, whole journal lines, pins old or new. */
async function afterKill(sys: SampleSystem, { from, to, lockBefore, linesBefore }: Before, what: string): Promise<{ lockState: string; journalAdded: number }> {
  // The lock is the old text or the new one, exactly, and it parses.
  const lockNow = read(sys, LOCK);
  expect(() => parseLockBytes(Buffer.from(lockNow), LOCK)).not.toThrow();
  const lockState = lockNow === lockBefore ? 'old' : withoutGeneratedAt(lockNow) === to.text ? 'new' : 'mixed';
  expect(lockState, `${what}: lock is neither the old text nor the new`).not.toBe('mixed');
  // The journal has whole lines only, and at most the one this run appends.
  const lines = journalEntries(sys.meta);
  expect(lines.length - linesBefore).toBeGreaterThanOrEqual(0);
  expect(lines.length - linesBefore).toBeLessThanOrEqual(1);
  // Each checkout is at its old pin or its new one; once the lock is new, all of them are new.
  const headsNow = await heads(sys);
  for (const [name, head] of Object.entries(headsNow)) expect([from.pins[name], to.pins[name]]).toContain(head);
  if (lockState === 'new') expect(headsNow).toEqual(to.pins);
  // What .meta/lock holds after a kill is a whole record (or nothing).
  if (existsSync(join(sys.meta, '.meta/lock'))) expect(() => JSON.parse(read(sys, '.meta/lock'))).not.toThrow();
  return { lockState, journalAdded: lines.length - linesBefore };
}

/** The next run finishes or undoes what was interrupted, then completes the rollback: exactly once. */
async function rerunCompletes(sys: SampleSystem, { to, linesBefore, snapshotsBefore }: { to: State; linesBefore: number; snapshotsBefore: string[] }, what: string): Promise<void> {
  const rerun = metaProcess(command(to.rev), sys.meta);
  expect(rerun.code, rerun.stderr).toBe(0);
  expect(withoutGeneratedAt(read(sys, LOCK))).toBe(to.text);
  expect(await heads(sys)).toEqual(to.pins);
  const after = journalEntries(sys.meta);
  expect(after.length, `${what}: exactly one journal line for one rollback`).toBe(linesBefore + 1);
  const last = after[after.length - 1]!;
  expect(last).toMatchObject({ mode: 'lock', env: 'prod', lock: LOCK });
  // Exactly one undo snapshot was added, and it is the one the journal names.
  const added = snapshots(sys).filter((n) => !snapshotsBefore.includes(n));
  expect(added.map((n) => `.meta/snapshots/${n}`)).toEqual([last.snapshot]);
  expect(existsSync(join(sys.meta, '.meta/lock'))).toBe(false);
  expect(temps(sys)).toEqual([]);
}

describe(`a rollback killed at ${KILLS} moments: the lock is old or new, never a mix, and the next run finishes or undoes it`, () => {
  let states: [State, State];
  let fullRunMs = 0;
  let writeWindowMs = 0;

  beforeAll(async () => {
    // Reference runs on a copy of their own: the exact texts a finished rollback leaves.
    const ref = sample();
    const original = await heads(ref);
    // Timed, and with the write phase (while .meta/lock exists) timed too, to aim the kills.
    const started = Date.now();
    const toB = start(ref, command('HEAD~1'));
    let lockSeenAt: number | undefined;
    let lockGoneAt: number | undefined;
    let finished = false;
    void toB.exited.then(() => (finished = true));
    while (!finished) {
      const present = existsSync(join(ref.meta, '.meta/lock'));
      if (present && lockSeenAt === undefined) lockSeenAt = Date.now();
      if (!present && lockSeenAt !== undefined && lockGoneAt === undefined) lockGoneAt = Date.now();
      await new Promise((r) => setImmediate(r));
    }
    expect(await toB.exited).toBe(0);
    fullRunMs = Date.now() - started;
    writeWindowMs = Math.max(20, (lockGoneAt ?? Date.now()) - (lockSeenAt ?? started));
    const b: State = { rev: 'HEAD~1', text: withoutGeneratedAt(read(ref, LOCK)), pins: await heads(ref) };
    const toA = metaProcess(command('HEAD'), ref.meta);
    expect(toA.code, toA.stderr).toBe(0);
    const a: State = { rev: 'HEAD', text: withoutGeneratedAt(read(ref, LOCK)), pins: await heads(ref) };
    expect(a.pins).toEqual(original);
    expect(b.pins).not.toEqual(original);
    states = [a, b];
  });

  it('every kill leaves a consistent meta-repo, and a re-run completes the rollback exactly once', async () => {
    const sys = sample();
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < KILLS; i++) {
      const from = states[i % 2]!;
      const to = states[(i + 1) % 2]!;
      const lockBefore = read(sys, LOCK);
      const linesBefore = journalEntries(sys.meta).length;
      const snapshotsBefore = snapshots(sys);
      const headsBefore = await heads(sys);
      expect(withoutGeneratedAt(lockBefore)).toBe(from.text);
      expect(headsBefore).toEqual(from.pins);

      // Half the kills land anywhere in the run; the other half just after .meta/lock appears,
      // in steps that walk across the write phase (snapshot, checkouts, lock, journal, release).
      const run = start(sys, command(to.rev));
      const kind = i % 2 === 0 ? 'anywhere' : 'in the write phase';
      if (kind === 'anywhere') {
        await new Promise((r) => setTimeout(r, Math.round((fullRunMs * 1.1 * i) / KILLS)));
      } else {
        const deadline = Date.now() + fullRunMs * 3;
        while (!existsSync(join(sys.meta, '.meta/lock')) && Date.now() < deadline) await new Promise((r) => setImmediate(r));
        await new Promise((r) => setTimeout(r, Math.round((((i - 1) / 2) * writeWindowMs * 1.2) / (KILLS / 2))));
      }
      run.child.kill('SIGKILL');
      const code = await run.exited;
      await groupGone(run.child.pid!);

      const { lockState, journalAdded } = await afterKill(sys, { from, to, lockBefore, linesBefore }, `kill ${i}`);
      const key = `${kind}: exit ${code === null ? 'killed' : code}, lock ${lockState}, journal +${journalAdded}`;
      outcomes[key] = (outcomes[key] ?? 0) + 1;

      await rerunCompletes(sys, { to, linesBefore, snapshotsBefore }, `kill ${i}`);
    }
    // The loop must really have interrupted runs in the middle, not only before or after them.
    const interrupted = Object.entries(outcomes).filter(([k]) => k.includes('killed'));
    expect(interrupted.length).toBeGreaterThan(0);
    console.log(`kills (run ${fullRunMs} ms, write phase ${writeWindowMs} ms): ${JSON.stringify(outcomes)}`);
  }, 240_000);

  it('a run killed by an earlier version (its intent names no journal file) is finished into the new layout', async () => {
    const sys = sample();
    const [, to] = states;
    const linesBefore = journalEntries(sys.meta).length;
    const snapshotsBefore = snapshots(sys);
    const run = start(sys, command(to.rev), { META_ROLLBACK_TEST_CRASH_AT: 'after-lock' });
    expect(await run.exited).toBeNull();
    await groupGone(run.child.pid!);
    const record = JSON.parse(read(sys, '.meta/lock')) as { intent: Record<string, unknown> };
    delete record.intent.journalFile;
    writeFileSync(join(sys.meta, '.meta/lock'), `${JSON.stringify(record)}\n`);
    await rerunCompletes(sys, { to, linesBefore, snapshotsBefore }, 'intent of an earlier version');
    expect(existsSync(join(sys.meta, LEGACY_JOURNAL))).toBe(false);
  });

  for (const point of CRASH_POINTS) {
    it(`a run that dies ${point.replace('-', ' the ')} is finished or undone by the next`, async () => {
      const sys = sample();
      const [from, to] = states;
      // A journal of the old layout is read, never rewritten, by the run and by its recovery.
      const legacy = `${JSON.stringify({ at: '2026-01-01T00:00:00Z', actor: 'old', mode: 'lock', env: 'prod', lock: LOCK, changes: [], snapshot: null })}\n`;
      mkdirSync(join(sys.meta, '.meta'), { recursive: true });
      writeFileSync(join(sys.meta, LEGACY_JOURNAL), legacy);
      const lockBefore = read(sys, LOCK);
      const linesBefore = journalEntries(sys.meta).length;
      const snapshotsBefore = snapshots(sys);
      const run = start(sys, command(to.rev), { META_ROLLBACK_TEST_CRASH_AT: point });
      expect(await run.exited).toBeNull();
      await groupGone(run.child.pid!);
      const { lockState, journalAdded } = await afterKill(sys, { from, to, lockBefore, linesBefore }, point);
      expect(lockState).toBe(point === 'after-snapshot' || point === 'after-checkouts' ? 'old' : 'new');
      expect(journalAdded).toBe(point === 'after-journal' ? 1 : 0);
      // The dead run's lock names what it was doing, down to the journal file it writes.
      const { intent } = JSON.parse(read(sys, '.meta/lock')) as { intent: { journalFile: string } };
      expect(JSON.parse(read(sys, '.meta/lock'))).toMatchObject({ intent: { kind: 'rollback', lock: LOCK } });
      expect(intent.journalFile.startsWith(`${JOURNAL_DIR}/`)).toBe(true);
      await rerunCompletes(sys, { to, linesBefore, snapshotsBefore }, point);
      // Finished: the entry is under the name the dead run chose; undone: that name was never used.
      const name = intent.journalFile.slice(JOURNAL_DIR.length + 1);
      expect(journalFiles(sys.meta).includes(name)).toBe(lockState === 'new');
      expect(read(sys, LEGACY_JOURNAL)).toBe(legacy);
    });
  }
});

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeContext } from '../../src/core/context.js';
import { META_LOCK_PATH, withMetaLock } from '../../src/core/meta-lock.js';
import { rollbackComponent } from '../../src/core/operations/rollback-component.js';
import { runCli } from '../../src/cli/run-cli.js';
import { meta, repoRoot } from '../helpers/cli.js';
import { sampleFactory } from '../helpers/workspace.js';
import type { SampleSystem } from '../../scripts/lib/sample-system.mjs';
import { deadPid } from './hostile-cases.js';
import { safeFingerprint } from './support.js';
import { journalEntries } from '../helpers/journal.js';

const sample = sampleFactory({ checkouts: ['web-ui'] });
const rollbackWeb = ['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod'];
const children: Array<{ kill: () => void }> = [];

afterEach(() => {
  delete process.env.META_ROLLBACK_LOCK_WAIT_MS;
  for (const child of children.splice(0)) child.kill();
});

function plant(sys: SampleSystem, owner: { pid: number; host?: string; command?: string }, options: { ageMs?: number; raw?: string } = {}): string {
  mkdirSync(join(sys.meta, '.meta'), { recursive: true });
  const path = join(sys.meta, META_LOCK_PATH);
  const text = options.raw ?? `${JSON.stringify({ owner: { host: hostname(), command: 'meta rollback lock --env prod', ...owner }, created_at: '2026-11-25T12:00:00Z', id: 'planted' })}\n`;
  writeFileSync(path, text);
  if (options.ageMs) {
    const then = new Date(Date.now() - options.ageMs);
    utimesSync(path, then, then);
  }
  return text;
}

/** A process that is alive for the test's duration: the holder of a planted lock. */
function livePid(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push({ kill: () => child.kill('SIGKILL') });
  return child.pid!;
}

const journal = (sys: SampleSystem) => journalEntries(sys.meta);

describe('.meta/lock: one writing command at a time', () => {
  it('a live holder makes a writer wait, then refuse in one line naming it (exit 1, nothing changed)', async () => {
    const sys = sample();
    const pid = livePid();
    plant(sys, { pid });
    process.env.META_ROLLBACK_LOCK_WAIT_MS = '600';
    const before = safeFingerprint(sys.meta);
    const started = Date.now();
    const run = await meta(rollbackWeb, sys.meta);
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('error:'))).toEqual([
      `error: .meta/lock: held by pid ${pid} on ${hostname()} since 2026-11-25T12:00:00Z (meta rollback lock --env prod); try again, or remove it if that run is gone`,
    ]);
    // Progress for the human who is waiting, before the error.
    expect(lines[0]).toMatch(/^\.meta\/lock: held by pid \d+ .*; waiting up to 1s$/);
    expect(safeFingerprint(sys.meta)).toEqual(before);
  });

  it('a writer waits for a holder that finishes in time, then proceeds', async () => {
    const sys = sample();
    // A real holder: takes the lock exclusively and keeps it until told to let go.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('fs'); const p = process.argv[1];
         fs.mkdirSync(require('path').dirname(p), { recursive: true });
         fs.writeFileSync(p, JSON.stringify({ owner: { pid: process.pid, host: require('os').hostname(), command: 'holder' }, created_at: new Date().toISOString(), id: 'h' }), { flag: 'wx' });
         process.stdout.write('held\\n');
         process.stdin.once('data', () => { fs.rmSync(p); process.exit(0); });`,
        join(sys.meta, META_LOCK_PATH),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    children.push({ kill: () => holder.kill('SIGKILL') });
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    let stderr = '';
    let releasedAt = 0;
    const code = await runCli(rollbackWeb, {
      cwd: sys.meta,
      stdout: () => undefined,
      stderr: (text) => {
        stderr += text;
        // The run says it is waiting: only now does the holder finish.
        if (!releasedAt && text.includes('waiting up to')) {
          releasedAt = Date.now();
          holder.stdin.write('go\n');
        }
      },
    });
    expect(code, stderr).toBe(0);
    expect(releasedAt).toBeGreaterThan(0);
    expect(stderr).toMatch(/^\.meta\/lock: held by pid \d+ on .* \(holder\); waiting up to 10s$/m);
    expect(journal(sys)).toHaveLength(1);
    expect(existsSync(join(sys.meta, META_LOCK_PATH))).toBe(false);
  });

  it('a lock whose process is gone is taken over at once', async () => {
    const sys = sample();
    const pid = deadPid();
    plant(sys, { pid });
    const run = await meta(rollbackWeb, sys.meta);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`.meta/lock: took over a stale lock (pid ${pid} is not running on ${hostname()})`);
    expect(journal(sys)).toHaveLength(1);
    expect(existsSync(join(sys.meta, META_LOCK_PATH))).toBe(false);
  });

  it("another host's lock is respected until it is older than 10 minutes, then taken over", async () => {
    const sys = sample();
    plant(sys, { pid: 4242, host: 'build-agent-7' }, { ageMs: 60_000 });
    process.env.META_ROLLBACK_LOCK_WAIT_MS = '300';
    const refused = await meta(rollbackWeb, sys.meta);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error: .meta/lock: held by pid 4242 on build-agent-7 since 2026-11-25T12:00:00Z');
    plant(sys, { pid: 4242, host: 'build-agent-7' }, { ageMs: 11 * 60_000 });
    const taken = await meta(rollbackWeb, sys.meta);
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stderr).toContain('took over a stale lock (pid 4242 on build-agent-7 has not refreshed it for 11 min)');
  });

  it('an unreadable lock is waited for while fresh, and taken over once old', async () => {
    const sys = sample();
    plant(sys, { pid: 0 }, { raw: '' });
    process.env.META_ROLLBACK_LOCK_WAIT_MS = '300';
    const refused = await meta(rollbackWeb, sys.meta);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n').pop()).toBe('error: .meta/lock: held by a run whose lock cannot be read; try again, or remove it if that run is gone');
    plant(sys, { pid: 0 }, { raw: '{"owner": {"pi', ageMs: 60_000 });
    const taken = await meta(rollbackWeb, sys.meta);
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stderr).toMatch(/took over a stale lock \(unreadable and \d+s old\)/);
  });

  it('dry runs and read-only commands take no lock', async () => {
    const sys = sample();
    plant(sys, { pid: livePid() });
    process.env.META_ROLLBACK_LOCK_WAIT_MS = '5000';
    const before = safeFingerprint(sys.meta);
    const started = Date.now();
    for (const args of [[...rollbackWeb, '--dry-run'], ['rollback', 'list', '--env', 'prod'], ['health', '--all', '--env', 'prod'], ['rollback', 'lock', 'manifests/components.lock.yaml', '--rev', 'HEAD~1', '--dry-run']]) {
      const run = await meta(args, sys.meta);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    }
    expect(Date.now() - started).toBeLessThan(5000);
    expect(safeFingerprint(sys.meta)).toEqual(before);
  });

  it('is exclusive between runs of one process, and re-entrant within one', async () => {
    const sys = sample();
    const ctx = makeContext({ root: sys.meta, env: 'prod' });
    const events: string[] = [];
    const hold = (name: string) =>
      withMetaLock(ctx, name, async () => {
        events.push(`${name} in`);
        await new Promise((r) => setTimeout(r, 150));
        events.push(`${name} out`);
      });
    await Promise.all([hold('a'), hold('b')]);
    expect([events.slice(0, 2), events.slice(2)].map((pair) => pair[0]!.split(' ')[0] === pair[1]!.split(' ')[0])).toEqual([true, true]);
    // A command that holds the lock (say a store rollback) can run a rollback inside it.
    const result = await withMetaLock(ctx, 'meta rollback store', () => rollbackComponent(ctx, 'web-ui', { kind: 'version', tag: 'v1.0.0' }));
    expect(result.changes).toHaveLength(1);
    expect(existsSync(join(sys.meta, META_LOCK_PATH))).toBe(false);
  });

  it('two runs taking over the same stale lock at once: one at a time, both recorded', async () => {
    const sys = sample();
    plant(sys, { pid: deadPid() });
    const cli = join(repoRoot, 'dist', 'cli.js');
    const runs = await Promise.all(
      [rollbackWeb, ['rollback', 'component', 'agent-core', '--to-version', 'v1.1.0']].map(
        (args) =>
          new Promise<{ code: number; stderr: string }>((resolve) => {
            const child = spawn(process.execPath, [cli, ...args], { cwd: sys.meta, stdio: ['ignore', 'ignore', 'pipe'] });
            let stderr = '';
            child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
            child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
          }),
      ),
    );
    expect(runs.map((r) => r.code), runs.map((r) => r.stderr).join('\n')).toEqual([0, 0]);
    expect(runs.filter((r) => r.stderr.includes('took over a stale lock')).length).toBeGreaterThanOrEqual(1);
    expect(journal(sys).map((l) => l.env).sort()).toEqual([null, 'prod']);
    expect(existsSync(join(sys.meta, META_LOCK_PATH))).toBe(false);
  });

  it('while a rollback writes, the lock is JSON naming its owner, and it is gone afterwards', async () => {
    const sys = sample();
    // Stop the writer mid-way (SIGKILL at a crash point) to read the lock it held.
    const child = spawn(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...rollbackWeb], { cwd: sys.meta, stdio: 'ignore', env: { ...process.env, META_ROLLBACK_TEST_CRASH_AT: 'after-snapshot' } });
    await new Promise((resolve) => child.on('exit', resolve));
    const record = JSON.parse(readFileSync(join(sys.meta, META_LOCK_PATH), 'utf8'));
    expect(record).toMatchObject({
      owner: { pid: child.pid, host: hostname(), command: 'meta rollback component --env prod' },
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      intent: { kind: 'rollback', lock: 'manifests/components.lock.prod.yaml', snapshot: expect.stringMatching(/^\.meta\/snapshots\//) },
    });
    const rerun = await meta(rollbackWeb, sys.meta);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain('undid the rollback interrupted in pid');
    expect(existsSync(join(sys.meta, META_LOCK_PATH))).toBe(false);
  });
});

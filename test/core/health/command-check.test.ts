import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCommandCheck } from '../../../src/core/health/command-check.js';
import { runHealthChecks } from '../../../src/core/health/run-checks.js';
import type { CommandCheckSpec } from '../../../src/core/health/types.js';
import { isAlive, nodeScript } from './helpers.js';

let checkout: string;
beforeAll(() => {
  checkout = realpathSync(mkdtempSync(join(tmpdir(), 'meta-health-cmd-')));
});
afterAll(() => rmSync(checkout, { recursive: true, force: true }));

function command(argv: string[], extra: Partial<CommandCheckSpec> = {}): CommandCheckSpec {
  return { kind: 'command', name: 'unit', command: argv, ...extra };
}

function pidsIn(detail: string): number[] {
  return [...detail.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1]));
}

async function expectGone(pid: number): Promise<void> {
  await vi.waitFor(() => expect(isAlive(pid), `process ${pid} is still running`).toBe(false), { timeout: 10_000, interval: 25 });
}

// Ignores SIGTERM and starts a grandchild that does the same and shares its pipes, the shape of a
// stuck `npm test` whose worker hangs: only SIGKILL to the whole group ends it. The pids are
// printed, and also written to `marker` once both processes exist.
function stubborn(marker: string): string {
  return `
    const { spawn } = require('node:child_process');
    const { writeFileSync } = require('node:fs');
    process.on('SIGTERM', () => {});
    const worker = spawn(process.execPath, ['-e', 'process.on("SIGTERM", () => {}); setInterval(() => {}, 1000)'], { stdio: 'inherit' });
    const line = 'child pid=' + process.pid + ' worker pid=' + worker.pid;
    console.log(line);
    writeFileSync(${JSON.stringify(marker)}, line);
    setInterval(() => {}, 1000);
  `;
}

describe('command checks', () => {
  it('passes on exit 0 and keeps the output, run in the checkout without a shell', async () => {
    const outcome = await runCommandCheck(command(nodeScript('console.log(process.cwd()); console.log("$HOME && true")')), { cwd: checkout });
    expect(outcome).toEqual({ ok: true, detail: `exit 0\n${checkout}\n$HOME && true`, exitCode: 0 });
  });

  it('fails on a non-zero exit with stdout and stderr in the detail', async () => {
    const script = 'console.log("1 test failed"); console.error("\\u001b[31mAssertionError\\u001b[39m: expected 2"); process.exit(3)';
    const outcome = await runCommandCheck(command(nodeScript(script)), { cwd: checkout });
    expect(outcome.ok).toBe(false);
    expect(outcome.detail.split('\n')[0]).toBe('exit 3');
    // Colour codes are dropped; the two streams may interleave in either order.
    expect(outcome.detail).toContain('1 test failed');
    expect(outcome.detail).toContain('AssertionError: expected 2');
  });

  it('reports a command killed by a signal', async () => {
    const outcome = await runCommandCheck(command(nodeScript('process.kill(process.pid, "SIGKILL")')), { cwd: checkout });
    expect(outcome).toEqual({ ok: false, detail: 'killed by SIGKILL' });
  });

  it('keeps only the end of long output', async () => {
    const script = 'for (let i = 0; i < 5000; i++) console.log("line " + i); console.log("verdict: all good")';
    const outcome = await runCommandCheck(command(nodeScript(script)), { cwd: checkout });
    expect(outcome.ok).toBe(true);
    const [head, ...rest] = outcome.detail.split('\n');
    const output = rest.join('\n');
    expect(head).toBe('exit 0');
    expect(output.startsWith('…')).toBe(true);
    expect(output.length).toBeLessThanOrEqual(2001);
    expect(output.endsWith('line 4999\nverdict: all good')).toBe(true);
  });

  it('reports a program that does not exist', async () => {
    const outcome = await runCommandCheck(command(['meta-rollback-no-such-program']), { cwd: checkout });
    expect(outcome.ok).toBe(false);
    expect(outcome.detail).toMatch(/^could not start "meta-rollback-no-such-program": spawn meta-rollback-no-such-program ENOENT$/);
  });

  it('fails when the checkout directory is missing', async () => {
    const missing = join(checkout, 'gone');
    const outcome = await runCommandCheck(command(nodeScript('')), { cwd: missing });
    expect(outcome).toEqual({ ok: false, detail: `checkout ${JSON.stringify(missing)} does not exist` });
  });

  it('kills a hung command and its children at the timeout, even when they ignore SIGTERM', async () => {
    const marker = join(checkout, 'timeout.pids');
    const outcome = await runCommandCheck(command(nodeScript(stubborn(marker)), { timeoutSeconds: 2 }), { cwd: checkout, killGraceMs: 200 });
    expect(outcome.ok).toBe(false);
    expect(outcome.detail.split('\n')[0]).toBe('timed out after 2s (killed)');
    const pids = pidsIn(outcome.detail);
    expect(pids, 'the command printed its pids before the timeout').toHaveLength(2);
    for (const pid of pids) await expectGone(pid);
  });

  it('kills what a passing command left running behind it', async () => {
    const script = `
      const { spawn } = require('node:child_process');
      const daemon = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      daemon.unref();
      console.log('daemon pid=' + daemon.pid);
    `;
    const outcome = await runCommandCheck(command(nodeScript(script), { timeoutSeconds: 30 }), { cwd: checkout });
    expect(outcome.ok).toBe(true);
    const [pid] = pidsIn(outcome.detail);
    expect(pid).toBeDefined();
    await expectGone(pid!);
  });

  it('kills a running command when the run is aborted', async () => {
    const marker = join(checkout, 'abort.pids');
    const controller = new AbortController();
    const pending = runHealthChecks({
      components: [{ name: 'alpha', checkoutDir: checkout, checks: [command(nodeScript(stubborn(marker)), { timeoutSeconds: 600 })] }],
      signal: controller.signal,
      killGraceMs: 200,
    });
    await vi.waitFor(() => expect(existsSync(marker)).toBe(true), { timeout: 10_000, interval: 25 });
    const pids = pidsIn(readFileSync(marker, 'utf8'));
    controller.abort();
    const report = await pending;
    expect(report.healthy).toBe(false);
    expect(report.results[0]?.detail.split('\n')[0]).toBe('aborted (killed)');
    expect(pids).toHaveLength(2);
    for (const pid of pids) await expectGone(pid);
  });

  it('skips a command check of a component that is not checked out', async () => {
    const report = await runHealthChecks({ components: [{ name: 'alpha', checks: [command(nodeScript(''))] }] });
    expect(report).toEqual({
      healthy: true,
      results: [],
      skipped: [{ name: 'unit', component: 'alpha', kind: 'command', reason: 'no checkout' }],
    });
  });
});

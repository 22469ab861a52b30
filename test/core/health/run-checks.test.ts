import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LockCheck } from '../../../src/core/health/lock-check.js';
import { runHealthChecks } from '../../../src/core/health/run-checks.js';
import type { HealthComponent, HealthResult, HttpCheckSpec } from '../../../src/core/health/types.js';
import { nodeScript, startServer, type TestServer } from './helpers.js';

const FAST = { retryDelayMs: 5 };

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

let root: string;
beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'meta-health-run-')));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function http(name: string, url: string, extra: Partial<HttpCheckSpec> = {}): HttpCheckSpec {
  return { kind: 'http', name, url, retries: 0, ...extra };
}

/**
 * Holds every request until `batch` are in flight at once (or the last ones have arrived), then
 * answers them together. The highest count seen is then exactly the parallelism the runner used:
 * it cannot be lower, since nothing is answered earlier, and any excess would be counted.
 */
async function batchingServer(batch: number, total: number): Promise<{ server: TestServer; maxInFlight: () => number }> {
  let inFlight = 0;
  let max = 0;
  let received = 0;
  const held: ServerResponse[] = [];
  const server = await startServer((_req, res) => {
    received += 1;
    inFlight += 1;
    max = Math.max(max, inFlight);
    held.push(res);
    if (held.length === batch || received === total) {
      const release = held.splice(0);
      // A short pause lets any request beyond the bound arrive and be counted before the release.
      setTimeout(() => {
        for (const r of release) {
          inFlight -= 1;
          r.end('ok');
        }
      }, 20);
    }
  });
  servers.push(server);
  return { server, maxInFlight: () => max };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

describe('runHealthChecks', () => {
  it('never has more checks in flight than the bound', async () => {
    const { server, maxInFlight } = await batchingServer(3, 10);
    const components: HealthComponent[] = [
      { name: 'alpha', checks: Array.from({ length: 5 }, (_, i) => http(`a${i}`, `${server.base}/a${i}`)) },
      { name: 'beta', checks: Array.from({ length: 5 }, (_, i) => http(`b${i}`, `${server.base}/b${i}`)) },
    ];
    const report = await runHealthChecks({ components, concurrency: 3, ...FAST });
    expect(report.healthy).toBe(true);
    expect(server.paths).toHaveLength(10);
    expect(maxInFlight()).toBe(3);
  });

  it('runs up to 8 checks at once by default', async () => {
    const { server, maxInFlight } = await batchingServer(8, 20);
    const checks = Array.from({ length: 20 }, (_, i) => http(`c${i}`, `${server.base}/c${i}`));
    const report = await runHealthChecks({ components: [{ name: 'alpha', checks }], ...FAST });
    expect(report.results.every((r) => r.ok)).toBe(true);
    expect(maxInFlight()).toBe(8);
  });

  it('reports results in declaration order, calls onResult for each, and is unhealthy if any fails', async () => {
    const server = await startServer((req, res) => {
      res.statusCode = req.url === '/bad' ? 500 : 200;
      res.end();
    });
    servers.push(server);
    const seen: HealthResult[] = [];
    const report = await runHealthChecks({
      components: [
        { name: 'alpha', checks: [http('good', `${server.base}/good`), http('bad', `${server.base}/bad`)] },
        { name: 'beta', checkoutDir: root, checks: [{ kind: 'command', name: 'unit', command: nodeScript('') }] },
      ],
      onResult: (r) => seen.push(r),
      ...FAST,
    });
    expect(report.healthy).toBe(false);
    expect(report.results.map((r) => [r.component, r.name, r.kind, r.ok])).toEqual([
      ['alpha', 'good', 'http', true],
      ['alpha', 'bad', 'http', false],
      ['beta', 'unit', 'command', true],
    ]);
    expect(report.results[0]).toMatchObject({ attempts: 1, detail: `GET ${server.base}/good: HTTP 200` });
    expect(report.results[2]).not.toHaveProperty('attempts');
    for (const r of report.results) {
      expect(Number.isInteger(r.duration_ms) && r.duration_ms >= 0).toBe(true);
    }
    expect([...seen].sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      [...report.results].sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it('is healthy with nothing to check', async () => {
    expect(await runHealthChecks({ components: [] })).toEqual({ healthy: true, results: [], skipped: [] });
  });

  it('fails checks that had not started when the run was already aborted', async () => {
    const report = await runHealthChecks({
      components: [{ name: 'alpha', checks: [http('api', 'http://127.0.0.1:9/')] }],
      signal: AbortSignal.abort(),
    });
    expect(report).toEqual({
      healthy: false,
      results: [{ name: 'api', component: 'alpha', kind: 'http', ok: false, duration_ms: 0, detail: 'aborted before it started' }],
      skipped: [],
    });
  });

  it('rejects a bound that is not a positive integer', async () => {
    await expect(runHealthChecks({ components: [], concurrency: 0 })).rejects.toThrow(
      'health check concurrency must be a positive integer, got 0',
    );
  });

  it('still finishes every check when onResult throws, then reports the error', async () => {
    const dir = join(root, 'marker-run');
    const marker = join(root, 'marker-run.done');
    mkdirSync(dir, { recursive: true });
    const checks = [
      { kind: 'command' as const, name: 'first', command: nodeScript('') },
      { kind: 'command' as const, name: 'second', command: nodeScript(`require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x')`) },
    ];
    await expect(
      runHealthChecks({
        components: [{ name: 'alpha', checkoutDir: dir, checks }],
        concurrency: 1,
        onResult: () => {
          throw new Error('progress output broke');
        },
      }),
    ).rejects.toThrow('progress output broke');
    expect(existsSync(marker)).toBe(true);
  });
});

describe('lock check', () => {
  // The caller owns git; this callback is what it would plausibly pass in.
  const atLockedCommit: LockCheck = async (component) => {
    const head = git(component.checkoutDir!, 'rev-parse', 'HEAD');
    return head === component.lockedCommit
      ? { ok: true, detail: `at ${head.slice(0, 12)}` }
      : { ok: false, detail: `at ${head.slice(0, 12)}, locked ${component.lockedCommit?.slice(0, 12)}` };
  };

  let checkout: string;
  let first: string;
  let second: string;
  beforeAll(() => {
    checkout = join(root, 'components', 'alpha');
    mkdirSync(checkout, { recursive: true });
    git(checkout, 'init', '-q');
    writeFileSync(join(checkout, 'a.txt'), '1');
    git(checkout, 'add', 'a.txt');
    git(checkout, 'commit', '-q', '-m', 'one');
    first = git(checkout, 'rev-parse', 'HEAD');
    writeFileSync(join(checkout, 'a.txt'), '2');
    git(checkout, 'commit', '-q', '-am', 'two');
    second = git(checkout, 'rev-parse', 'HEAD');
  });

  it('reports each component first with kind lock, passing a component that is not checked out', async () => {
    const asked: string[] = [];
    const report = await runHealthChecks({
      components: [
        { name: 'alpha', checkoutDir: checkout, lockedCommit: second, checks: [] },
        { name: 'beta', lockedCommit: first, checks: [{ kind: 'command', name: 'unit', command: nodeScript('') }] },
        { name: 'gamma', checkoutDir: checkout, lockedCommit: first, checks: [] },
      ],
      lockCheck: (component, signal) => {
        asked.push(component.name);
        return atLockedCommit(component, signal);
      },
    });
    expect(report.results.map((r) => [r.component, r.name, r.kind, r.ok, r.detail])).toEqual([
      ['alpha', 'lock', 'lock', true, `at ${second.slice(0, 12)}`],
      ['beta', 'lock', 'lock', true, 'no checkout'],
      ['gamma', 'lock', 'lock', false, `at ${second.slice(0, 12)}, locked ${first.slice(0, 12)}`],
    ]);
    expect(report.healthy).toBe(false);
    expect(asked.sort()).toEqual(['alpha', 'gamma']);
    expect(report.skipped).toEqual([{ name: 'unit', component: 'beta', kind: 'command', reason: 'no checkout' }]);
  });

  it('fails the lock check when the callback throws', async () => {
    const report = await runHealthChecks({
      components: [{ name: 'alpha', checkoutDir: checkout, checks: [] }],
      lockCheck: async () => {
        throw new Error('git: not a repository');
      },
    });
    expect(report.results).toMatchObject([{ name: 'lock', kind: 'lock', ok: false, detail: 'lock check failed: git: not a repository' }]);
  });

  it('reports no lock check without a callback', async () => {
    const report = await runHealthChecks({ components: [{ name: 'alpha', checkoutDir: checkout, lockedCommit: first, checks: [] }] });
    expect(report.results).toEqual([]);
  });
});

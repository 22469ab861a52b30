import { afterEach, describe, expect, it } from 'vitest';
import { runHttpCheck } from '../../../src/core/health/http-check.js';
import { runHealthChecks } from '../../../src/core/health/run-checks.js';
import type { HttpCheckSpec } from '../../../src/core/health/types.js';
import { startServer, type TestServer } from './helpers.js';

// Retries back off for real; a few milliseconds keeps the suite quick while exercising the path.
const FAST = { retryDelayMs: 5 };

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function serve(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

function http(url: string, extra: Partial<HttpCheckSpec> = {}): HttpCheckSpec {
  return { kind: 'http', name: 'api', url, ...extra };
}

describe('http checks', () => {
  it('passes on the expected status', async () => {
    const server = await serve((_req, res) => res.end('fine'));
    const outcome = await runHttpCheck(http(`${server.base}/healthz`), FAST);
    expect(outcome).toEqual({ ok: true, detail: `GET ${server.base}/healthz: HTTP 200`, attempts: 1 });
  });

  it('fails on another status after using up its retries, showing the body', async () => {
    const server = await serve((_req, res) => {
      res.statusCode = 500;
      res.end('database\nunreachable');
    });
    const outcome = await runHttpCheck(http(`${server.base}/healthz`), FAST);
    expect(outcome).toEqual({
      ok: false,
      detail: `GET ${server.base}/healthz: HTTP 500, expected 200; body: "database unreachable" (attempt 3 of 3)`,
      attempts: 3,
    });
    expect(server.paths).toHaveLength(3);
  });

  it('fails when the body lacks the expected text', async () => {
    const server = await serve((_req, res) => res.end('{"status":"degraded"}'));
    const outcome = await runHttpCheck(http(`${server.base}/`, { expectBody: '"status":"ok"', retries: 0 }), FAST);
    expect(outcome).toEqual({
      ok: false,
      detail: `GET ${server.base}/: HTTP 200 but the body does not contain "\\"status\\":\\"ok\\""; body: "{\\"status\\":\\"degraded\\"}"`,
      attempts: 1,
    });
  });

  it('passes when the body contains the expected text', async () => {
    const server = await serve((_req, res) => res.end('{"status":"ok","version":"1.2.3"}'));
    const outcome = await runHttpCheck(http(`${server.base}/`, { expectBody: '"status":"ok"' }), FAST);
    expect(outcome.ok).toBe(true);
  });

  it('accepts a non-200 expected status, including a redirect it does not follow', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/old') {
        res.writeHead(302, { location: '/new' });
        res.end();
      } else {
        res.statusCode = 204;
        res.end();
      }
    });
    expect((await runHttpCheck(http(`${server.base}/old`, { expectStatus: 302 }), FAST)).ok).toBe(true);
    expect((await runHttpCheck(http(`${server.base}/empty`, { expectStatus: 204 }), FAST)).ok).toBe(true);
    expect(server.paths).toEqual(['/old', '/empty']);
  });

  it('cuts a hung endpoint off at a fractional timeout and drops the connection', async () => {
    let closed = 0;
    const server = await serve((req) => {
      // Never answers; the check must give up on its own.
      req.socket.on('close', () => (closed += 1));
    });
    const outcome = await runHttpCheck(http(`${server.base}/slow`, { timeoutSeconds: 0.3, retries: 1 }), FAST);
    expect(outcome).toEqual({
      ok: false,
      detail: `GET ${server.base}/slow: timed out after 0.3s (attempt 2 of 2)`,
      attempts: 2,
    });
    expect(server.paths).toEqual(['/slow', '/slow']);
    await expect.poll(() => closed).toBe(2);
  });

  it('retries a flaky endpoint that fails twice and then recovers', async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls += 1;
      res.statusCode = calls <= 2 ? 503 : 200;
      res.end(calls <= 2 ? 'starting' : 'ok');
    });
    const outcome = await runHttpCheck(http(`${server.base}/healthz`, { retries: 2 }), FAST);
    expect(outcome).toEqual({ ok: true, detail: `GET ${server.base}/healthz: HTTP 200 (attempt 3 of 3)`, attempts: 3 });
  });

  it('gives up when the flaky endpoint needs more attempts than allowed', async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls += 1;
      res.statusCode = calls <= 2 ? 503 : 200;
      res.end();
    });
    const outcome = await runHttpCheck(http(`${server.base}/healthz`, { retries: 1 }), FAST);
    expect(outcome).toMatchObject({ ok: false, attempts: 2 });
    expect(outcome.detail).toBe(`GET ${server.base}/healthz: HTTP 503, expected 200 (attempt 2 of 2)`);
  });

  it('reports a refused connection', async () => {
    const server = await startServer(() => undefined);
    await server.close();
    const outcome = await runHttpCheck(http(`${server.base}/`, { retries: 0 }), FAST);
    expect(outcome.ok).toBe(false);
    expect(outcome.detail).toMatch(new RegExp(`^GET ${server.base}/: request failed: .*ECONNREFUSED`));
  });

  it('substitutes ${env} into the URL', async () => {
    const server = await serve((_req, res) => res.end());
    const outcome = await runHttpCheck(http(`${server.base}/\${env}/healthz?env=\${env}`), { ...FAST, env: 'staging' });
    expect(outcome.ok).toBe(true);
    expect(server.paths).toEqual(['/staging/healthz?env=staging']);
  });

  it('fails without a request when the URL needs ${env} and none is selected', async () => {
    const server = await serve((_req, res) => res.end());
    const outcome = await runHttpCheck(http(`${server.base}/\${env}/healthz`), FAST);
    expect(outcome).toEqual({
      ok: false,
      detail: 'the URL uses ${env} but no environment was selected (add envs: or pass an environment)',
      attempts: 0,
    });
    expect(server.paths).toEqual([]);
  });

  it('stops at once when the run is aborted', async () => {
    const server = await serve(() => undefined);
    const controller = new AbortController();
    const pending = runHttpCheck(http(`${server.base}/slow`, { timeoutSeconds: 30, retries: 5 }), { ...FAST, signal: controller.signal });
    await expect.poll(() => server.paths.length).toBe(1);
    controller.abort();
    const outcome = await pending;
    expect(outcome).toEqual({ ok: false, detail: `GET ${server.base}/slow: aborted`, attempts: 1 });
  });
});

describe('environment filtering', () => {
  it('runs a check limited by envs only in those environments', async () => {
    const server = await serve((_req, res) => res.end());
    const components = [
      {
        name: 'scraper',
        checks: [
          http(`${server.base}/\${env}/api`, { envs: ['staging', 'prod'] }),
          http(`${server.base}/everywhere`, { name: 'ping' }),
        ],
      },
    ];

    const staging = await runHealthChecks({ components, env: 'staging', ...FAST });
    expect(staging.results.map((r) => r.name)).toEqual(['api', 'ping']);
    expect(staging.skipped).toEqual([]);

    const dev = await runHealthChecks({ components, env: 'dev', ...FAST });
    expect(dev.results.map((r) => r.name)).toEqual(['ping']);
    expect(dev.skipped).toEqual([{ name: 'api', component: 'scraper', kind: 'http', reason: 'only for staging, prod, not dev' }]);

    const none = await runHealthChecks({ components, ...FAST });
    expect(none.results.map((r) => r.name)).toEqual(['ping']);
    expect(none.skipped).toEqual([
      { name: 'api', component: 'scraper', kind: 'http', reason: 'only for staging, prod; no environment selected' },
    ]);

    // The first run's two checks race each other, so only the set of requests is fixed.
    expect([...server.paths].sort()).toEqual(['/everywhere', '/everywhere', '/everywhere', '/staging/api']);
  });
});

import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meta } from '../helpers/cli.js';
import { fingerprint, gitOut, read, sampleFactory } from '../helpers/workspace.js';

const sample = sampleFactory();
let server: Server;
let base = '';
const flaky = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '';
    if (url.startsWith('/ok')) return void res.writeHead(200).end('status: green');
    if (url.startsWith('/fail')) return void res.writeHead(500).end('boom');
    if (url.startsWith('/slow')) return void setTimeout(() => res.writeHead(200).end('late'), 5000);
    if (url.startsWith('/flaky')) {
      const n = (flaky.get(url) ?? 0) + 1;
      flaky.set(url, n);
      return void res.writeHead(n <= 2 ? 503 : 200).end(n <= 2 ? 'warming up' : 'status: green');
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function withHealth(metaDir: string, checks: Record<string, string>): void {
  const path = join(metaDir, 'manifests/components.yaml');
  let text = read(path);
  for (const [component, yaml] of Object.entries(checks)) {
    text = text.replace(new RegExp(`(  ${component}:\\n(?: {4}.*\\n)*)`), `$1    health:\n${yaml}`);
  }
  writeFileSync(path, text);
}

describe('meta health', () => {
  it('is healthy (exit 0) when every check passes, with a readable table', async () => {
    const sys = sample();
    withHealth(sys.meta, {
      'web-ui': `      - name: api\n        http: ${base}/ok/\${env}\n        expect_body: green\n`,
      'agent-core': `      - name: unit\n        command: ["${process.execPath}", "-e", "console.log('42 passed')"]\n`,
    });
    const run = await meta(['health', '--all', '--env', 'prod'], sys.meta);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/web-ui\s+api\s+http\s+PASS/);
    expect(run.stdout).toMatch(/agent-core\s+unit\s+command\s+PASS/);
    expect(run.stdout).toMatch(/web-ui\s+lock\s+lock\s+PASS/);
    // One verdict, as the table's last line.
    expect(run.stdout.trim().split('\n').pop()).toMatch(/^HEALTHY: \d+ passed, 0 failed$/);
    expect(run.stdout.match(/HEALTHY/gi)).toHaveLength(1);
  });

  it('is unhealthy (exit 1) on a 500, a wrong body, a timeout or a failing command; --json says which', async () => {
    const sys = sample();
    withHealth(sys.meta, {
      'web-ui': [
        `      - name: down\n        http: ${base}/fail\n        retries: 0\n`,
        `      - name: body\n        http: ${base}/ok\n        expect_body: purple\n        retries: 0\n`,
        `      - name: slow\n        http: ${base}/slow\n        timeout: 0.3\n        retries: 0\n`,
      ].join(''),
      'agent-core': `      - name: unit\n        command: ["${process.execPath}", "-e", "console.error('1 failed'); process.exit(3)"]\n`,
    });
    const run = await meta(['health', '--all', '--json'], sys.meta);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.healthy).toBe(false);
    const byName = Object.fromEntries(report.results.map((r: { name: string }) => [r.name, r]));
    expect(byName.down).toMatchObject({ component: 'web-ui', kind: 'http', ok: false });
    expect(byName.down.detail).toContain('500');
    expect(byName.body).toMatchObject({ ok: false });
    expect(byName.body.detail).toContain('purple');
    expect(byName.slow).toMatchObject({ ok: false });
    expect(byName.slow.detail).toMatch(/timed out|timeout/i);
    expect(byName.unit).toMatchObject({ component: 'agent-core', kind: 'command', ok: false });
    expect(byName.unit.detail).toContain('1 failed');
  });

  it('passes a flaky endpoint that recovers within its retries', async () => {
    const sys = sample();
    withHealth(sys.meta, { 'web-ui': `      - name: flaky\n        http: ${base}/flaky/${Date.now()}\n        retries: 2\n` });
    const run = await meta(['health', '--component', 'web-ui', '--json'], sys.meta);
    expect(run.code).toBe(0);
    const flakyResult = JSON.parse(run.stdout).results.find((r: { name: string }) => r.name === 'flaky');
    expect(flakyResult).toMatchObject({ ok: true, attempts: 3 });
  });

  it('fails the lock check when a checkout is not at its locked commit', async () => {
    const sys = sample();
    gitOut(join(sys.meta, 'components', 'web-ui'), ['checkout', '-q', '--detach', 'v1.0.0']);
    const run = await meta(['health', '--component', 'web-ui'], sys.meta);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/web-ui\s+lock\s+lock\s+FAIL/);
  });

  it('refuses bad input with exit 2 and changes nothing', async () => {
    const sys = sample();
    withHealth(sys.meta, { 'web-ui': `      - name: api\n        http: ${base}/ok\n        expect_status: 999\n` });
    const before = fingerprint(sys.meta);
    const bad = await meta(['health', '--all'], sys.meta);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: manifests\/components\.yaml: components\.web-ui\.health\[0\]\.expect_status: /);
    const both = await meta(['health', '--all', '--component', 'web-ui'], sys.meta);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('error: health: give exactly one of --all or --component\n');
    const unknown = await meta(['health', '--component', 'nope'], sys.meta);
    expect(unknown.code).toBe(2);
    expect(fingerprint(sys.meta)).toEqual(before);
  });
});

describe("meta health with the Python CLI's spellings", () => {
  const passing = `["${process.execPath}", "-e", "process.exit(0)"]`;

  it('takes -a, -c and -e, and --build/--tests run the command checks of those names', async () => {
    const sys = sample();
    withHealth(sys.meta, { 'web-ui': `      - name: build\n        command: ${passing}\n` });
    const all = await meta(['health', '-a', '-e', 'prod', '--build', '--tests', '--json'], sys.meta);
    expect(all.code).toBe(0);
    const report = JSON.parse(all.stdout) as { env: string; results: Array<{ component: string; name: string; ok: boolean }>; skipped: Array<{ component: string; name: string; reason: string }> };
    expect(report.env).toBe('prod');
    expect(report.results).toContainEqual(expect.objectContaining({ component: 'web-ui', name: 'build', ok: true }));
    // Python passes a component with nothing to build or test; the report says there was no such check.
    expect(report.skipped).toContainEqual({ component: 'web-ui', name: 'tests', kind: 'command', reason: '--tests: no command check named tests or test in manifests/components.yaml' });
    expect((await meta(['health', '-c', 'web-ui', '-e', 'prod'], sys.meta)).code).toBe(0);
    const clash = await meta(['health', '-c', 'web-ui', '-e', 'prod', '--env', 'staging'], sys.meta);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toBe('error: -e: prod and --env staging name different envs\n');
  });

  it('passes a missing checkout (nothing is at a wrong commit) unless --build or --tests asked for a check that needs it', async () => {
    const sys = sample();
    withHealth(sys.meta, { 'web-ui': `      - name: tests\n        command: ${passing}\n` });
    rmSync(join(sys.meta, 'components/web-ui'), { recursive: true, force: true });
    const plain = await meta(['health', '--component', 'web-ui', '--env', 'prod', '--json'], sys.meta);
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout).skipped).toContainEqual(expect.objectContaining({ name: 'tests', reason: 'no checkout' }));
    const asked = await meta(['health', '--component', 'web-ui', '--env', 'prod', '--tests', '--json'], sys.meta);
    expect(asked.code).toBe(1);
    expect(JSON.parse(asked.stdout).results).toContainEqual(
      expect.objectContaining({ name: 'tests', ok: false, detail: 'no checkout: components/web-ui is missing, and --tests asked for this check' }),
    );
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHealthTable } from '../../src/core/health/format.js';
import { meta } from '../helpers/cli.js';
import { sampleFactory } from '../helpers/workspace.js';
import { bareOrigins, changesetSystem, metaCs } from '../changeset/fixture.js';
import { gitOut } from '../helpers/workspace.js';

const sample = sampleFactory();
const PROD = 'manifests/components.lock.prod.yaml';

describe('truthful output', () => {
  it("a lock comment naming the old version names the new one after a rollback", async () => {
    const sys = sample();
    expect(readFileSync(join(sys.meta, PROD), 'utf8')).toMatch(/commit: [0-9a-f]{40} {3}# web-ui v1\.2\.0\n/);
    const run = await meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod'], sys.meta);
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(join(sys.meta, PROD), 'utf8');
    expect(text).toMatch(/web-ui:\n {4}version: v1\.0\.0\n {4}commit: [0-9a-f]{40} {3}# web-ui v1\.0\.0\n/);
    // The others keep theirs, byte for byte.
    expect(text).toContain('# agent-core v1.2.0\n');
  });

  it('the undo of a one-component rollback does not warn about the components it did not touch', async () => {
    const sys = sample();
    const run = await meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod'], sys.meta);
    const snapshot = /undo with: meta rollback snapshot --restore (\S+) --env prod/.exec(run.stdout)![1]!;
    const undo = await meta(['rollback', 'snapshot', '--restore', snapshot, '--env', 'prod'], sys.meta);
    expect(undo.code, undo.stderr).toBe(0);
    expect(undo.stdout).not.toContain('warning');
    expect(undo.stdout).toContain('rolled back 1 component');
  });

  it('the health table keeps the reason of a failure, not the tail of an HTML page, and says UNHEALTHY once', () => {
    const page = `<!DOCTYPE html><html><head><title>Not Found</title></head><body>${'<p>lorem ipsum</p>'.repeat(40)}</body></html>`;
    const table = formatHealthTable({
      healthy: false,
      results: [{ name: 'api', component: 'web-ui', kind: 'http', ok: false, duration_ms: 40, detail: `GET https://web.prod.acme.example/healthz: HTTP 404, expected 200; body: "${page}"` }],
    });
    expect(table).toContain('GET https://web.prod.acme.example/healthz: HTTP 404, expected 200; body:');
    expect(table).not.toContain('</html>');
    expect(table.match(/UNHEALTHY/g)).toHaveLength(1);
  });

  it('"or use --push next time" works: a second run with --push pushes the revert branches the first made', async () => {
    const sys = changesetSystem();
    const bare = bareOrigins(sys);
    const first = await metaCs(['changeset', 'rollback', 'CS-1'], sys.meta);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('or use --push next time');
    const second = await metaCs(['changeset', 'rollback', 'CS-1', '--push', '--json'], sys.meta);
    expect(second.code, second.stderr).toBe(0);
    const result = JSON.parse(second.stdout) as { pushed: boolean; repos: Array<{ component: string; checkout: string; newTip: string; pushed: boolean }> };
    expect(result.pushed).toBe(true);
    expect(result.repos.length).toBeGreaterThan(0);
    for (const repo of result.repos) {
      expect(repo.pushed).toBe(true);
      const local = gitOut(join(sys.meta, repo.checkout), ['rev-parse', 'refs/heads/meta-rollback/changeset-CS-1']);
      expect(gitOut(bare[repo.component]!, ['rev-parse', 'refs/heads/meta-rollback/changeset-CS-1'])).toBe(local);
    }
  });
});

describe('progress', () => {
  const run = async (args: string[], cwd: string, terminal: boolean) => {
    let stdout = '';
    let stderr = '';
    const { runCli } = await import('../../src/cli/run-cli.js');
    const code = await runCli(args, { cwd, terminal, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  };

  it('on a terminal, counts checkouts moved on stderr; never on stdout, never with --json, never off a terminal', async () => {
    const onTerminal = await run(['rollback', 'lock', PROD, '--rev', 'HEAD~1', '--env', 'prod'], sample().meta, true);
    expect(onTerminal.code, onTerminal.stderr).toBe(0);
    // eslint-disable-next-line no-control-regex -- the terminal escape is what is tested
    expect(onTerminal.stderr).toMatch(/\r\x1b\[Kcheckouts moved: \d of 3/);
    expect(onTerminal.stderr).toContain('checkouts moved: 3 of 3');
    expect(onTerminal.stdout).not.toContain('checkouts moved');
    const json = await run(['rollback', 'lock', PROD, '--rev', 'HEAD~1', '--env', 'prod', '--json'], sample().meta, true);
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    const piped = await run(['rollback', 'lock', PROD, '--rev', 'HEAD~1', '--env', 'prod'], sample().meta, false);
    expect(piped.stderr).toBe('');
  });
});

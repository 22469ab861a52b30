import { lstatSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startForge, type Forge } from '../../tools/forge/index.js';
import { hostedSystem, type HostedSystem } from '../action/fixtures.js';
import type { ActionRun } from '../helpers/action-runner.js';
import { tempDir } from '../helpers/workspace.js';
import { gitAsync } from './support.js';

// Recognisable, and unlike anything else a run prints, so any trace of them is found.
const TOKEN = 'ghs_ReliabilitySuiteMetaToken9f8e7d6c5b4a';
const COMPONENTS_TOKEN = 'ghp_ReliabilitySuiteComponentsTokenZ1Y2X3W4';
const needles = [TOKEN, COMPONENTS_TOKEN].flatMap((t) => [
  t,
  Buffer.from(`x-access-token:${t}`).toString('base64'),
  Buffer.from(`x-access-token:${t}`).toString('hex'),
  encodeURIComponent(t),
]);

let forge: Forge;
beforeAll(async () => {
  forge = await startForge({ tokens: [{ token: TOKEN, login: 'github-actions[bot]', type: 'Bot' }, COMPONENTS_TOKEN] });
});
afterAll(async () => {
  await forge?.close();
});

/**
 * Every regular file under a directory (links not followed; FIFOs and the like skipped). For the
 * system temp directory, which other test files fill at the same time, files over 1 MiB and git's
 * compressed object store are skipped: what a run could write in clear is small, and commits are
 * scanned through `git log` instead.
 */
function files(dir: string, light = false): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      const stat = lstatSync(path);
      if (stat.isDirectory()) {
        if (!(light && name === 'objects' && dir.endsWith('.git'))) out.push(...files(path, light));
      } else if (stat.isFile() && stat.size < (light ? 1024 * 1024 : 64 * 1024 * 1024)) out.push(path);
    } catch {
      // Gone meanwhile (another test's temp directory): nothing to scan.
    }
  }
  return out;
}

function scan(where: string, text: string, found: string[]): void {
  for (const needle of needles) if (text.includes(needle)) found.push(`${where} contains ${needle.slice(0, 12)}…`);
}

/**
 * Runs the action with both tokens and scans everything it could have left them in: stdout
 * (except the ::add-mask:: lines that tell the runner what to hide), stderr, outputs, summary,
 * pull requests and comments, the pushed history, every file in the workspace (.git included),
 * the runner's HOME, cache, RUNNER_TEMP and TMPDIR, and what appeared in the system temp
 * directory during the run.
 */
async function runAndScan(h: HostedSystem, inputs: Record<string, string>): Promise<{ run: ActionRun; found: string[]; scanned: number }> {
  const runnerTmp = tempDir('meta-secrets-tmp-');
  const tmpBefore = new Set(readdirSync(tmpdir()));
  const startedAt = Date.now();
  const run = await h.run({ 'components-token': COMPONENTS_TOKEN, ...inputs }, { env: { RUNNER_DEBUG: '1', TMPDIR: runnerTmp } });
  mkdirSync(runnerTmp, { recursive: true });
  const found: string[] = [];
  let scanned = 0;
  const text = (where: string, body: string) => {
    scanned += 1;
    scan(where, body, found);
  };
  text('stdout', run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n'));
  text('stderr', run.stderr);
  text('summary', run.summary);
  for (const pr of await forge.pulls(h.owner, h.name)) text(`pull request #${pr.number}`, `${pr.title}\n${pr.body}\n${pr.headRef}`);
  for (const c of forge.comments(h.owner, h.name)) text('comment', c.body);
  text('pushed history', await gitAsync(h.bare, ['log', '--all', '-p', '--format=%H%n%B']));
  const runnerDir = dirname(run.files.output);
  const roots: Array<[string, boolean]> = [h.workspace, h.bare, runnerDir, runnerTmp, h.runnerTemp].map((r) => [r, false]);
  // What appeared in the system temp directory while the action ran (other tests' files may be there too).
  for (const name of readdirSync(tmpdir())) {
    if (tmpBefore.has(name)) continue;
    try {
      if (statSync(join(tmpdir(), name)).mtimeMs >= startedAt - 1000) roots.push([join(tmpdir(), name), true]);
    } catch {
      // Gone already.
    }
  }
  for (const [root, light] of roots) {
    for (const file of files(root, light)) {
      try {
        text(file, readFileSync(file, 'latin1'));
      } catch {
        // Removed while being read.
      }
    }
  }
  return { run, found, scanned };
}

describe('tokens leave no trace, on success and on failure', () => {
  it('a successful merge run', async () => {
    const h = await hostedSystem(forge, { persist: 'none' });
    const { run, found, scanned } = await runAndScan(h, { mode: 'component', component: 'web-ui', 'to-version': 'v1.0.0', env: 'prod', 'pull-request': 'merge' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(found).toEqual([]);
    expect(scanned).toBeGreaterThan(50);
    // The runner was told to mask both, which is how they stay out of logs GitHub keeps.
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(run.stdout).toContain(`::add-mask::${COMPONENTS_TOKEN}`);
  });

  it('a run that fails on a base branch that does not exist', async () => {
    const h = await hostedSystem(forge, { persist: 'none' });
    const { run, found } = await runAndScan(h, { mode: 'component', component: 'web-ui', 'to-version': 'v1.0.0', env: 'prod', base: 'no-such-branch' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::error: input base: branch "no-such-branch" does not exist in the meta-repo/);
    expect(found).toEqual([]);
  });

  it('a run whose pull request cannot be created (500 after every retry)', async () => {
    const h = await hostedSystem(forge, { persist: 'none' });
    const fault = forge.injectFault({ method: 'POST', path: new RegExp(`/repos/acme/${h.name}/pulls$`), kind: 'status', status: 500 }, { times: 4 });
    const { run, found } = await runAndScan(h, { mode: 'lock', 'lock-file': 'manifests/components.lock.prod.yaml', rev: 'HEAD~1', env: 'prod', health: 'false' });
    expect(fault.hits).toBe(4);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error::'))).toEqual([expect.stringMatching(/^::error::error: .*(Internal Server Error|500)/)]);
    expect(await forge.pulls(h.owner, h.name)).toEqual([]);
    expect(found).toEqual([]);
  }, 60_000);

  it('a run whose push is refused (git prints the remote URL in its errors)', async () => {
    const h = await hostedSystem(forge, { persist: 'none' });
    forge.injectFault({ method: 'POST', path: new RegExp(`${h.name}\\.git/git-receive-pack$`), kind: 'status', status: 403 }, { times: 1 });
    const { run, found } = await runAndScan(h, { mode: 'component', component: 'agent-core', 'to-version': 'v1.1.0', env: 'prod', health: 'false' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::error: push of meta-rollback\/prod\/component-[0-9a-f]{8} failed: /);
    expect(found).toEqual([]);
  });
});

import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startForge, type Forge } from '../../tools/forge/index.js';
import { fingerprint, gitOut } from '../helpers/workspace.js';
import { hostedSystem } from './fixtures.js';
import { journalEntriesAt } from '../helpers/journal.js';

const TOKEN = 'ghs_RollbackSecretToken0123456789abcdefXYZ';
let forge: Forge;

beforeAll(async () => {
  forge = await startForge({ tokens: [{ token: TOKEN, login: 'github-actions[bot]', type: 'Bot' }] });
});
afterAll(async () => {
  await forge?.close();
});

function lockDiff(bareGit: (args: string[]) => string, head: string): string[] {
  return bareGit(['diff', '--unified=0', `main...${head}`, '--', 'manifests/components.lock.prod.yaml'])
    .split('\n')
    .filter((l) => /^[+-](?![+-])/.test(l));
}

describe('the action, run as a runner runs it (node dist/index.js)', () => {
  it('opens a pull request whose diff is exactly the lock change, with outputs and a job summary', async () => {
    const h = await hostedSystem(forge);
    const web = h.sys.components.find((c) => c.name === 'web-ui')!;
    const run = await h.run({ mode: 'component', component: 'web-ui', 'to-version': 'v1.0.0', env: 'prod' });
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs['pull-request-operation']).toBe('created');
    expect(run.outputs['changed-components']).toBe('web-ui');
    expect(JSON.parse(run.outputs.changes!)).toEqual([
      { component: 'web-ui', from: { version: 'v1.2.0', commit: web.versions[2]!.commit }, to: { version: 'v1.0.0', commit: web.versions[0]!.commit } },
    ]);
    const entry = JSON.parse(run.outputs['history-entry']!);
    expect(entry).toMatchObject({ mode: 'component', env: 'prod', actor: 'on-call-engineer', snapshot: run.outputs['snapshot-file'] });
    expect(run.outputs.merged).toBe('false');
    expect(run.outputs.healthy).toBe('true');

    const pulls = await forge.pulls(h.owner, h.name);
    expect(pulls).toHaveLength(1);
    const pr = pulls[0]!;
    expect(String(pr.number)).toBe(run.outputs['pull-request-number']);
    expect(run.outputs['pull-request-url']).toBe(`${forge.serverUrl}/${h.owner}/${h.name}/pull/${pr.number}`);
    expect(pr.headRef).toMatch(/^meta-rollback\/prod\/component-[0-9a-f]{8}$/);
    expect(pr.baseRef).toBe('main');
    expect(pr.body).toContain('| web-ui | v1.2.0');
    expect(pr.body).toContain('meta rollback snapshot --restore .meta/snapshots/');

    const files = h.bareGit(['diff', '--name-only', `main...${pr.headRef}`]).split('\n').sort();
    expect(files).toHaveLength(4);
    expect(files).toContain('manifests/holds.yaml');
    expect(files.filter((f) => ![run.outputs['snapshot-file'], 'manifests/components.lock.prod.yaml', 'manifests/holds.yaml'].includes(f))[0]).toMatch(/^\.meta\/history\/rollbacks\/.+\.json$/);
    const changed = lockDiff(h.bareGit, pr.headRef);
    expect(changed).toHaveLength(6);
    expect(changed.filter((l) => l.startsWith('+'))).toEqual([expect.stringMatching(/^\+generated_at: '/), '+    version: v1.0.0', `+    commit: ${web.versions[0]!.commit}   # web-ui v1.2.0`]);

    expect(run.summary).toContain('## meta-rollback: component (prod)');
    expect(run.summary).toMatch(/\| web-ui \| v1\.2\.0 \(cea|\| web-ui \| v1\.2\.0/);
    expect(run.summary).toContain(`[#${pr.number}](`);
    expect(run.summary).toContain('### Health: healthy');
    expect(forge.comments(h.owner, h.name, pr.number).some((c) => c.body.includes('Health after the rollback'))).toBe(true);
    expect(forge.violations).toEqual([]);
  });

  it('a second identical run updates the same pull request and opens no other', async () => {
    const h = await hostedSystem(forge);
    const inputs = { mode: 'lock', 'lock-file': 'manifests/components.lock.prod.yaml', rev: 'HEAD~1', env: 'prod', health: 'false' };
    const first = await h.run(inputs);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    // A fresh workspace, as the next workflow run would have.
    gitOut(h.workspace, ['checkout', '-q', '-f', 'main']);
    gitOut(h.workspace, ['clean', '-qfd']);
    const second = await h.run(inputs);
    expect(second.stderr).toBe('');
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.outputs['pull-request-operation']).toBe('updated');
    expect(second.outputs['pull-request-number']).toBe(first.outputs['pull-request-number']);
    const pulls = await forge.pulls(h.owner, h.name);
    expect(pulls.filter((p) => p.state === 'open')).toHaveLength(1);
    expect(forge.violations).toEqual([]);
  });

  it('pull-request: merge merges the rollback into base', async () => {
    const h = await hostedSystem(forge);
    const core = h.sys.components[0]!;
    const run = await h.run({ mode: 'component', component: 'agent-core', 'to-commit': core.versions[1]!.commit.slice(0, 9), env: 'prod', 'pull-request': 'merge', 'merge-method': 'squash' });
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.merged).toBe('true');
    const lock = h.bareGit(['show', 'main:manifests/components.lock.prod.yaml']);
    expect(lock).toContain(`commit: ${core.versions[1]!.commit}`);
    expect(lock).toContain('version: v1.1.0');
    const [pr] = await forge.pulls(h.owner, h.name);
    expect(pr!.mergedAt).not.toBeNull();
    expect(forge.violations).toEqual([]);
  });

  it('pull-request: none pushes to base, and survives a concurrent push without losing either change', async () => {
    const h = await hostedSystem(forge);
    const teammate = join(h.workspace, '..', 'teammate');
    execFileSync('git', ['clone', '-q', h.bare, teammate]);
    let raced = false;
    forge.injectFault(
      {
        method: 'POST',
        path: new RegExp(`${h.name}\\.git/git-receive-pack$`),
        kind: 'before',
        run: async () => {
          // Someone else's commit lands on main between our read of main and our push.
          execFileSync('git', ['commit', '-q', '--allow-empty', '-m', 'teammate: unrelated change'], { cwd: teammate });
          execFileSync('git', ['push', '-q', 'origin', 'HEAD:main'], { cwd: teammate });
          raced = true;
        },
      },
      { times: 1 },
    );
    const run = await h.run({ mode: 'component', component: 'web-ui', 'to-version': 'v1.0.0', env: 'prod', 'pull-request': 'none', health: 'false' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(raced).toBe(true);
    expect(run.stdout).toContain('redoing the rollback on the new main');
    expect(run.outputs['pull-request-operation']).toBe('none');
    const log = h.bareGit(['log', '--format=%s', '-3', 'main']).split('\n');
    expect(log[0]).toMatch(/^Rollback \(prod\): web-ui v1\.2\.0 → v1\.0\.0$/);
    expect(log[1]).toBe('teammate: unrelated change');
    expect(h.bareGit(['show', 'main:manifests/components.lock.prod.yaml'])).toContain(h.sys.components[2]!.versions[0]!.commit);
    expect(journalEntriesAt(h.bareGit, 'main').pop()).toMatchObject({ mode: 'component' });
    expect(await forge.pulls(h.owner, h.name)).toHaveLength(0);
  });

  it('pull-request: auto-merge enables auto-merge through GraphQL', async () => {
    const h = await hostedSystem(forge);
    const run = await h.run({ mode: 'component', component: 'web-ui', 'to-version': 'v1.1.0', env: 'prod', 'pull-request': 'auto-merge', 'merge-method': 'rebase' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const [pr] = await forge.pulls(h.owner, h.name);
    expect(pr!.autoMerge).toMatchObject({ mergeMethod: 'rebase' });
    const merged = await forge.runAutoMerge();
    expect(merged.map((m) => m.number)).toContain(pr!.number);
    expect(forge.violations).toEqual([]);
  });

  it('retries a 502, a dropped connection, a secondary rate limit and a 429, and still succeeds', async () => {
    const h = await hostedSystem(forge);
    const before = forge.requests.length;
    forge.injectFault({ method: 'GET', path: new RegExp(`/repos/acme/${h.name}$`), kind: 'status', status: 502 }, { times: 1 });
    forge.injectFault({ method: 'GET', path: new RegExp(`/repos/acme/${h.name}/pulls$`), kind: 'drop' }, { times: 1 });
    forge.injectFault({ method: 'POST', path: new RegExp(`/repos/acme/${h.name}/pulls$`), kind: 'secondary-rate-limit', retryAfter: 1 }, { times: 1 });
    forge.injectFault({ method: 'POST', path: new RegExp(`/repos/acme/${h.name}/issues/\\d+/comments$`), kind: '429', retryAfter: 1 }, { times: 1 });
    const run = await h.run({ mode: 'component', component: 'web-ui', 'to-version': 'v1.0.0', env: 'prod' });
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs['pull-request-operation']).toBe('created');
    const served = forge.requests.slice(before).filter((r) => r.path.includes(h.name));
    const statuses = served.map((r) => `${r.method} ${r.status}`);
    expect(statuses).toContain('GET 502');
    expect(statuses).toContain('POST 403');
    expect(statuses).toContain('POST 429');
    expect((await forge.pulls(h.owner, h.name)).filter((p) => p.state === 'open')).toHaveLength(1);
    expect(forge.violations).toEqual([]);
  });

  it('a bad token fails with a clear message and changes nothing', async () => {
    const h = await hostedSystem(forge);
    const before = fingerprint(h.workspace);
    const refsBefore = h.bareGit(['for-each-ref']);
    const run = await h.run({ mode: 'component', component: 'web-ui', 'to-version': 'v1.0.0', env: 'prod', token: 'ghs_not_a_valid_token' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::error: .*(Bad credentials|401)/);
    expect(fingerprint(h.workspace)).toEqual(before);
    expect(h.bareGit(['for-each-ref'])).toBe(refsBefore);
    expect(await forge.pulls(h.owner, h.name)).toHaveLength(0);
  });

  it('dry-run plans without touching the workspace, the remote or the API', async () => {
    const h = await hostedSystem(forge);
    const before = fingerprint(h.workspace);
    const requestsBefore = forge.requests.length;
    const run = await h.run({ mode: 'lock', 'lock-file': 'manifests/components.lock.prod.yaml', rev: 'HEAD~1', env: 'prod', 'dry-run': 'true' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.outputs.changes!)).toHaveLength(3);
    expect(run.summary).toContain('dry run, nothing changed');
    expect(fingerprint(h.workspace)).toEqual(before);
    // Reading the history that the shallow checkout lacks is all it may ask of the server.
    const asked = forge.requests.slice(requestsBefore).filter((r) => r.path.includes(h.name));
    expect(asked.filter((r) => r.kind !== 'git' || /receive-pack/.test(r.path) || r.query.service === 'git-receive-pack')).toEqual([]);
  });

  it('mode list reports every target as JSON and as a summary table', async () => {
    const h = await hostedSystem(forge);
    const run = await h.run({ mode: 'list', component: 'web-ui', env: 'prod' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const targets = JSON.parse(run.outputs.targets!);
    expect(targets.some((t: { kind: string }) => t.kind === 'lock-history')).toBe(true);
    expect(run.summary).toContain('| | component | version | commit | kind | source | date |');
  });

  it('mode snapshot create commits a snapshot through a pull request; restore rolls back through another', async () => {
    const h = await hostedSystem(forge);
    const created = await h.run({ mode: 'snapshot', 'snapshot-action': 'create', 'snapshot-file': '.meta/snapshots/nightly-prod.yaml', env: 'prod', health: 'false', 'pull-request': 'merge' });
    expect(created.stderr).toBe('');
    expect(created.code, created.stdout + created.stderr).toBe(0);
    expect(created.outputs['snapshot-file']).toBe('.meta/snapshots/nightly-prod.yaml');
    expect(h.bareGit(['show', 'main:.meta/snapshots/nightly-prod.yaml'])).toContain('environment: prod');
    const restore = await h.run({ mode: 'snapshot', 'snapshot-action': 'restore', 'snapshot-file': '.meta/snapshots/nightly-prod.yaml', env: 'prod', health: 'false' });
    expect(restore.stderr).toBe('');
    expect(restore.code, restore.stdout + restore.stderr).toBe(0);
    // Nothing moved since the snapshot, so there is nothing to restore.
    expect(restore.outputs['pull-request-operation']).toBe('none');
    expect(restore.outputs.changes).toBe('[]');
  });

  it('leaves the token in no output, log, summary, pull request, journal, git config or file', async () => {
    // Without persisted credentials, any token in the workspace would be the action's doing.
    const h = await hostedSystem(forge, { persist: 'none' });
    const run = await h.run({ mode: 'component', component: 'web-ui', 'to-version': 'v1.0.0', env: 'prod', 'pull-request': 'merge' }, { env: { RUNNER_DEBUG: '1' } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const basic = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
    const haystacks: Array<[string, string]> = [
      // ::add-mask:: lines are how the runner learns what to hide; they never reach a log.
      ['stdout', run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n')],
      ['stderr', run.stderr],
      ['outputs', readFileSync(run.files.output, 'utf8')],
      ['summary', run.summary],
    ];
    for (const pr of await forge.pulls(h.owner, h.name)) haystacks.push([`pr #${pr.number}`, `${pr.title}\n${pr.body}`]);
    for (const c of forge.comments(h.owner, h.name)) haystacks.push(['comment', c.body]);
    haystacks.push(['bare repo history', h.bareGit(['log', '--all', '-p'])]);
    for (const file of walk(h.workspace)) haystacks.push([file, readFileSync(file, 'latin1')]);
    for (const [where, text] of haystacks) {
      expect(text.includes(TOKEN), `token found in ${where}`).toBe(false);
      expect(text.includes(basic), `encoded token found in ${where}`).toBe(false);
    }
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
  });

  it('runs under Node 24, the runtime action.yml declares', async () => {
    // npx runs its command through a shell, which drops INPUT_TO-VERSION-style variables, so it is
    // only used to fetch Node 24; the action then runs on that binary directly, as a runner does.
    const probe = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn('npx', ['-y', 'node@24', '-p', '`${process.version} ${process.execPath}`'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    expect(probe.status, `could not get Node 24 from the npm registry: ${probe.stderr}`).toBe(0);
    const [version, node24] = probe.stdout.trim().split(' ');
    expect(version).toMatch(/^v24\./);
    const h = await hostedSystem(forge);
    const run = await h.run({ mode: 'component', component: 'web-ui', 'to-version': 'v1.1.0', env: 'prod' }, { node: [node24!] });
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs['pull-request-operation']).toBe('created');
  }, 300_000);
});

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out;
}


import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startForge, type Forge } from '../forge/index.js';
import { changesetSystem, DEPENDENTS_FIRST, NAMES, type ChangesetSystem } from '../changeset/fixture.js';
import { runActionProcess } from '../helpers/action-runner.js';
import { tempDir } from '../helpers/workspace.js';

let forge: Forge;
beforeAll(async () => {
  forge = await startForge();
});
afterAll(async () => {
  await forge?.close();
});

interface Hosted {
  readonly sys: ChangesetSystem;
  readonly owner: string;
  readonly workspace: string;
  bare(name: string, args: string[]): string;
  run(inputs: Record<string, string>): ReturnType<typeof runActionProcess>;
}

let owners = 0;

/** The changeset fixture with every component repository and the meta-repo hosted on the forge. */
async function hostedChangesets(): Promise<Hosted> {
  const sys = changesetSystem();
  const owner = `team${++owners}`;
  for (const name of NAMES) await forge.createRepo(owner, name, { from: sys.repoOf[name]!, defaultBranch: 'main' });
  for (const file of readdirSync(join(sys.meta, 'manifests'))) {
    const path = join(sys.meta, 'manifests', file);
    let text = readFileSync(path, 'utf8');
    for (const name of NAMES) text = text.split(sys.repoOf[name]!).join(forge.cloneUrl(owner, name));
    writeFileSync(path, text);
  }
  execFileSync('git', ['commit', '-q', '-am', 'Components live on the forge'], { cwd: sys.meta });
  const meta = await forge.createRepo(owner, 'meta', { from: sys.meta, defaultBranch: 'main' });
  const workspace = join(tempDir('meta-cs-workspace-'), 'meta');
  await promisify(execFile)('git', ['-c', `http.extraheader=${forge.gitAuthHeader()}`, 'clone', '-q', meta.cloneUrl, workspace]);
  return {
    sys,
    owner,
    workspace,
    bare: (name, args) => execFileSync('git', args, { cwd: forge.barePath(owner, name), encoding: 'utf8' }).trim(),
    run: (inputs) =>
      runActionProcess(
        { token: forge.token, health: 'false', 'pull-request': 'open', 'merge-method': 'merge', root: '.', 'dry-run': 'false', 'rollback-on-unhealthy': 'false', ...inputs },
        { workspace, repository: `${owner}/meta`, apiUrl: forge.apiUrl, serverUrl: forge.serverUrl },
      ),
  };
}

describe('the action, mode changeset', () => {
  it('opens one linked pull request per repository, merges them all, and records the rollback', async () => {
    const h = await hostedChangesets();
    const run = await h.run({ mode: 'changeset', changeset: 'CS-1', 'pull-request': 'merge' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs['changed-components']).toBe(DEPENDENTS_FIRST.join(','));
    const componentPulls = JSON.parse(run.outputs['component-pull-requests']!) as Array<{ component: string; number: number; url: string; merged: boolean }>;
    expect(componentPulls.map((p) => p.component)).toEqual(DEPENDENTS_FIRST);
    expect(componentPulls.every((p) => p.merged)).toBe(true);
    for (const name of NAMES) {
      // main of every component is back to its tree before the changeset, through revert commits.
      expect(h.bare(name, ['rev-parse', 'main^{tree}'])).toBe(h.sys.treeBeforeCs1[name]);
      expect(h.bare(name, ['log', '-1', '--format=%B', 'main'])).toMatch(/Reverts-Changeset: CS-1|Revert changeset CS-1/);
      const [pr] = await forge.pulls(h.owner, name);
      expect(pr!.headRef).toBe('meta-rollback/changeset-CS-1');
      for (const other of componentPulls.filter((p) => p.component !== name)) expect(pr!.body).toContain(other.url);
    }
    expect(run.outputs.merged).toBe('true');
    const status = h.bare('meta', ['show', 'main:.meta/changesets/CS-1.yaml']);
    expect(status).toMatch(/^status: rolled-back {3}# open until merged or rolled back$/m);
    expect(JSON.parse(run.outputs['history-entry']!)).toMatchObject({ mode: 'changeset' });
    expect(forge.violations).toEqual([]);
  });

  it('a failure on the third repository leaves no pull request or branch behind anywhere', async () => {
    const h = await hostedChangesets();
    const third = DEPENDENTS_FIRST[2]!;
    const refsBefore = Object.fromEntries([...NAMES, 'meta'].map((n) => [n, h.bare(n, ['for-each-ref'])]));
    forge.injectFault({ method: 'POST', path: new RegExp(`/repos/${h.owner}/${third}/pulls$`), kind: 'status', status: 403, body: { message: 'Resource not accessible by integration' } }, { times: 1 });
    const run = await h.run({ mode: 'changeset', changeset: 'CS-1', 'pull-request': 'merge' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::error: changeset CS-1: .*Resource not accessible by integration.*; closed 2 pull requests and deleted 3 branches it had made/);
    for (const name of NAMES) {
      expect(h.bare(name, ['for-each-ref']), name).toBe(refsBefore[name]);
      expect((await forge.pulls(h.owner, name)).filter((p) => p.state === 'open')).toEqual([]);
    }
    expect(h.bare('meta', ['for-each-ref'])).toBe(refsBefore.meta);
    expect(await forge.pulls(h.owner, 'meta')).toEqual([]);
  });
});

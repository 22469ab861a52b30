import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startForge, type Forge } from '../../tools/forge/index.js';
import { DEPENDENTS_FIRST, NAMES } from '../changeset/fixture.js';
import { hostedChangesets as hostedOn } from './hosted-changesets.js';

let forge: Forge;
const hostedChangesets = () => hostedOn(forge);
beforeAll(async () => {
  forge = await startForge();
});
afterAll(async () => {
  await forge?.close();
});

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

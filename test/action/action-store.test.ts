import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startForge, type Forge } from '../../tools/forge/index.js';
import { hostedStoreSystem, hostedSystem } from './fixtures.js';

let forge: Forge;
beforeAll(async () => {
  forge = await startForge();
});
afterAll(async () => {
  await forge?.close();
});

describe('the action, mode store', () => {
  it('restores a component from a store entry committed in the meta-repo, through a pull request', async () => {
    const h = await hostedStoreSystem(forge);
    const hash = h.prepared as string;
    const run = await h.run({ mode: 'store', component: 'web-ui', 'store-hash': hash.slice(0, 10), env: 'prod', health: 'false' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const web = h.sys.components[2]!;
    expect(JSON.parse(run.outputs.changes!)).toEqual([{ component: 'web-ui', from: { version: 'v1.2.0', commit: web.versions[2]!.commit }, to: { version: 'v1.1.0', commit: web.versions[1]!.commit } }]);
    const [pr] = await forge.pulls(h.owner, h.name);
    expect(h.bareGit(['show', `${pr!.headRef}:manifests/components.lock.prod.yaml`])).toContain(web.versions[1]!.commit);
    expect(JSON.parse(run.outputs['history-entry']!).mode).toBe('store');
    expect(forge.violations).toEqual([]);
  });

  it('refuses an unknown hash with a clear error and opens nothing', async () => {
    const h = await hostedSystem(forge);
    const run = await h.run({ mode: 'store', component: 'web-ui', 'store-hash': 'deadbeefdeadbeef', env: 'prod' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::error: input store-hash: /);
    expect(await forge.pulls(h.owner, h.name)).toHaveLength(0);
  });
});

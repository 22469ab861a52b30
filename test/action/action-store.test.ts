import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startForge, type Forge } from '../../tools/forge/index.js';
import { meta } from '../helpers/cli.js';
import { gitOut } from '../helpers/workspace.js';
import { hostedSystem } from './fixtures.js';

let forge: Forge;
beforeAll(async () => {
  forge = await startForge();
});
afterAll(async () => {
  await forge?.close();
});

describe('the action, mode store', () => {
  it('restores a component from a store entry committed in the meta-repo, through a pull request', async () => {
    const h = await hostedSystem(forge, {
      checkouts: ['web-ui'],
      prepare: async (metaDir: string) => {
        const checkout = join(metaDir, 'components', 'web-ui');
        gitOut(checkout, ['checkout', '-q', '--detach', 'v1.1.0']);
        const added = await meta(['store', 'add', 'web-ui', '--json'], metaDir);
        expect(added.code, added.stderr).toBe(0);
        gitOut(checkout, ['checkout', '-q', '--detach', 'v1.2.0']);
        execFileSync('git', ['add', '-f', '.meta-store'], { cwd: metaDir });
        execFileSync('git', ['commit', '-q', '-m', 'Store web-ui v1.1.0'], { cwd: metaDir });
        return JSON.parse(added.stdout).entry.content_hash as string;
      },
    });
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

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFromSource } from '../helpers/build-from-source.js';
import { commitFiles, git } from '../../scripts/lib/sample-system.mjs';
import { startForge, type Forge } from '../../tools/forge/index.js';
import { fingerprint } from '../helpers/workspace.js';
import { hostedSystem, type HostedSystem } from './fixtures.js';

let forge: Forge;
// dist/ is rebuilt only on release; the action under test is built from the current source.
let script = '';
beforeAll(async () => {
  forge = await startForge();
  script = join(buildFromSource(), 'index.js');
});
afterAll(async () => {
  await forge?.close();
});

const LOCK = 'manifests/components.lock.prod.yaml';
// web-ui's newest release (v1.2.0, in HEAD's lock) breaks its own smoke test; nothing else is broken.
const SMOKE = [process.execPath, '-e', "process.exit(require('fs').readFileSync('VERSION','utf8').trim()==='v1.2.0'?1:0)"];

/** The meta-repo gains web-ui's command health check, so GOOD is HEAD~2 (v1.1.0 pins) and BAD is HEAD. */
async function bisectable(): Promise<HostedSystem> {
  const h = await hostedSystem(forge, {
    prepare: async (meta) => {
      const manifest = readFileSync(join(meta, 'manifests/components.yaml'), 'utf8');
      writeFileSync(join(meta, 'manifests/components.yaml'), manifest.replace('  web-ui:\n', `  web-ui:\n    health:\n      - name: smoke\n        command: ${JSON.stringify(SMOKE)}\n`));
      commitFiles(meta, {}, 'Smoke test for web-ui');
    },
  });
  // The workflow's own step before the action: the component checkouts, at the current pins.
  for (const c of h.sys.components) {
    git(h.workspace, ['clone', '--quiet', c.dir, join(h.workspace, 'components', c.name)]);
    git(join(h.workspace, 'components', c.name), ['checkout', '--quiet', '--detach', c.versions[2]!.commit]);
  }
  return h;
}

describe('mode bisect on a runner (shallow actions/checkout workspace, local forge)', () => {
  it('finds the culprit, reports the probes, leaves the workspace as it was, opens no pull request without rollback-culprits', async () => {
    const h = await bisectable();
    const before = fingerprint(join(h.workspace, 'components'));
    const run = await h.run({ mode: 'bisect', env: 'prod', good: 'HEAD~2', bad: 'HEAD' }, { script });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.culprits).toBe('web-ui');
    expect(run.summary).toContain('### Culprit finding: 3 candidate(s), ');
    expect(run.summary).toMatch(/\| 1 \| GOOD \| \d+ \| good \|/);
    expect(run.summary).toContain('**Culprits:** `web-ui`');
    expect(run.stdout).toMatch(/probe 1: good/);
    expect(fingerprint(join(h.workspace, 'components'))).toEqual(before);
    expect(await forge.pulls(h.owner, h.name)).toHaveLength(0);
    expect(forge.violations).toEqual([]);
  });

  it('with rollback-culprits opens the rollback pull request for the culprit only', async () => {
    const h = await bisectable();
    const run = await h.run({ mode: 'bisect', env: 'prod', good: 'HEAD~2', bad: 'HEAD', 'rollback-culprits': 'true', health: 'false' }, { script });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.culprits).toBe('web-ui');
    expect(run.outputs['changed-components']).toBe('web-ui');
    const [pr] = await forge.pulls(h.owner, h.name);
    expect(pr).toBeDefined();
    expect(run.outputs['pull-request-number']).toBe(String(pr!.number));
    const head = h.bareGit(['show', `${pr!.headRef}:${LOCK}`]);
    const web = h.sys.components.find((c) => c.name === 'web-ui')!;
    expect(head).toContain(`commit: ${web.versions[1]!.commit}`);
    for (const c of h.sys.components.filter((x) => x.name !== 'web-ui')) expect(head).toContain(`commit: ${c.versions[2]!.commit}`);
    expect(run.summary).toContain('**Culprits:** `web-ui`');
    expect(forge.violations).toEqual([]);
  });

  it('fails the step, naming which, when GOOD fails', async () => {
    const h = await bisectable();
    // Swapped: the "good" revision pins the broken release.
    const run = await h.run({ mode: 'bisect', env: 'prod', good: 'HEAD~1', bad: 'HEAD~2' }, { script });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::error: GOOD HEAD~1 fails the oracle');
    expect(run.outputs.culprits).toBe('');
  });
});

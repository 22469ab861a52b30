import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Forge } from '../../tools/forge/index.js';
import { useForgeWithProduction, type FakeProduction } from './fake-production.js';
import type { HostedSystem } from './fixtures.js';

let forge: Forge;
let production: FakeProduction;
const monitoredSystem = (verdict: (lock: string) => number): Promise<HostedSystem> => production.monitoredSystem(verdict);

useForgeWithProduction((f, p) => {
  forge = f;
  production = p;
});

describe('mode health', () => {
  it('rolls an unhealthy env back to the previous lock revision, merges, and is healthy on the second check', async () => {
    // The newest web-ui release is broken; the previous one is fine.
    const h = await monitoredSystem((lock) => (lock.includes('version: v1.2.0') ? 500 : 200));
    const run = await h.run({ mode: 'health', env: 'prod', 'rollback-on-unhealthy': 'true', 'pull-request': 'merge' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.healthy).toBe('true');
    expect(run.outputs.merged).toBe('true');
    expect(run.outputs['changed-components']).toBe('agent-core,scraper-capabilities,web-ui');
    const lock = h.bareGit(['show', 'main:manifests/components.lock.prod.yaml']);
    expect(lock).toContain('version: v1.1.0');
    expect(lock).not.toContain('version: v1.2.0');
    expect(run.summary).toContain('### Health before the rollback: UNHEALTHY');
    expect(run.summary).toContain('### Health after the rollback: healthy');
    const [pr] = await forge.pulls(h.owner, h.name);
    expect(pr!.title).toMatch(/^Auto-rollback \(prod\): 3 components$/);
    const comments = forge.comments(h.owner, h.name, pr!.number).map((c) => c.body).join('\n');
    expect(comments).toContain('Health before the rollback: UNHEALTHY');
    expect(comments).toContain('Health after the rollback: healthy');
    expect(forge.violations).toEqual([]);
  });

  it('leaves a healthy system alone', async () => {
    const h = await monitoredSystem(() => 200);
    const refs = h.bareGit(['for-each-ref']);
    const run = await h.run({ mode: 'health', env: 'prod', 'rollback-on-unhealthy': 'true', 'pull-request': 'merge' });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.healthy).toBe('true');
    expect(run.outputs.changes).toBe('[]');
    // Only the known-good state is recorded: no branch, commit or pull request.
    const known = `${h.bareGit(['rev-parse', 'main'])} commit\trefs/meta-rollback/known-good/prod`;
    expect(h.bareGit(['for-each-ref']).split('\n').filter((l) => l !== known).join('\n')).toBe(refs);
    expect(run.outputs['known-good']).toBe(h.bareGit(['rev-parse', 'main']));
    expect(await forge.pulls(h.owner, h.name)).toHaveLength(0);
    expect(run.summary).toContain('### Health: healthy');
  });

  it('reports unhealthy and fails without rollback-on-unhealthy', async () => {
    const h = await monitoredSystem(() => 503);
    const run = await h.run({ mode: 'health', env: 'prod' });
    expect(run.code).toBe(1);
    expect(run.outputs.healthy).toBe('false');
    expect(run.stdout).toContain('::error::unhealthy');
    expect(await forge.pulls(h.owner, h.name)).toHaveLength(0);
  });

  it('never rolls back twice: still unhealthy after one rollback, the next run refuses to go further', async () => {
    const h = await monitoredSystem(() => 500);
    const first = await h.run({ mode: 'health', env: 'prod', 'rollback-on-unhealthy': 'true', 'pull-request': 'merge' });
    expect(first.code, first.stdout + first.stderr).toBe(1);
    expect(first.outputs.healthy, first.stdout).toBe('false');
    expect(first.outputs.merged, first.stdout).toBe('true');
    // The first run has exited, so its merge has landed and its .meta/lock is gone: the runs never overlap.
    const [pr] = await forge.pulls(h.owner, h.name);
    expect(pr!.state).toBe('closed');
    expect(h.bareGit(['rev-parse', 'main'])).toBe(pr!.mergeCommitSha);
    expect(existsSync(join(h.workspace, '.meta/lock'))).toBe(false);
    const merges = h.bareGit(['rev-list', '--count', 'main']);
    const second = await h.run({ mode: 'health', env: 'prod', 'rollback-on-unhealthy': 'true', 'pull-request': 'merge' });
    expect(second.code, second.stdout + second.stderr).toBe(1);
    expect(second.stdout).toMatch(/::error::error: manifests\/components\.lock\.prod\.yaml: its last change \([0-9a-f]{12}\) is already a meta-rollback; not rolling back again automatically/);
    expect(h.bareGit(['rev-list', '--count', 'main'])).toBe(merges);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meta } from '../helpers/cli.js';
import { fingerprint, gitOut, read, sampleFactory } from '../helpers/workspace.js';
import { pyLoad } from './python-files.js';

const sample = sampleFactory();
const PREVIOUS = 'manifests/components.lock.prod.previous.yaml';

describe("the Python CLI's option spellings", () => {
  it('-v and -c name the target of rollback component', async () => {
    const sys = sample();
    const web = sys.components.find((c) => c.name === 'web-ui')!;
    const byCommit = await meta(['rollback', 'component', 'web-ui', '-c', web.versions[0]!.commit.slice(0, 9), '--env', 'prod', '--json'], sys.meta);
    expect(byCommit.code).toBe(0);
    expect(JSON.parse(byCommit.stdout).changes[0].to).toEqual({ version: 'v1.0.0', commit: web.versions[0]!.commit });
    const both = await meta(['rollback', 'component', 'web-ui', '-v', 'v1.1.0', '-c', web.versions[0]!.commit], sys.meta);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('error: rollback component: give exactly one of --to-version or --to-commit\n');
  });

  it('-m/--manifests DIR names the manifests directory, from anywhere; another directory name is refused', async () => {
    const sys = sample();
    const sub = join(sys.meta, 'docs');
    mkdirSync(sub);
    const list = await meta(['rollback', 'list', '-m', '../manifests', '-c', 'web-ui', '--json'], sub);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).targets.length).toBeGreaterThan(0);
    expect((await meta(['--manifests', join(sys.meta, 'manifests'), 'health', '-a'], sub)).code).toBe(0);
    const before = fingerprint(sys.meta);
    const wrong = await meta(['rollback', 'component', 'web-ui', '-v', 'v1.0.0', '-m', 'config'], sys.meta);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^error: --manifests: "config" is not a directory named manifests/);
    expect(fingerprint(sys.meta)).toEqual(before);
  });

  it('rollback snapshot writes rollback-snapshot.yaml unless -o names another file', async () => {
    const sys = sample();
    expect((await meta(['rollback', 'snapshot'], sys.meta)).code).toBe(0);
    expect(Object.keys((pyLoad(read(join(sys.meta, 'rollback-snapshot.yaml'))) as { components: object }).components).sort()).toEqual(sys.components.map((c) => c.name).sort());
    const both = await meta(['rollback', 'snapshot', '-o', 'a.yaml', '--restore', 'rollback-snapshot.yaml'], sys.meta);
    expect(both.code).toBe(2);
  });

  it('rollback list offers the pins of components.lock.<env>.previous.yaml, and its command restores them', async () => {
    const sys = sample();
    // The file Python's docs keep beside the env's lock: the lock before the last release.
    writeFileSync(join(sys.meta, PREVIOUS), gitOut(sys.meta, ['show', 'HEAD~1:manifests/components.lock.prod.yaml']));
    const list = await meta(['rollback', 'list', '--env', 'prod', '-c', 'web-ui', '--json'], sys.meta);
    const targets = JSON.parse(list.stdout).targets as Array<{ kind: string; source: string; version: string; command: string }>;
    const previous = targets.find((t) => t.source === PREVIOUS);
    expect(previous).toMatchObject({ kind: 'lock', version: 'v1.1.0', command: `meta rollback lock ${PREVIOUS} --component web-ui --env prod` });
    const run = await meta(previous!.command.split(' ').slice(1), sys.meta);
    expect(run.code).toBe(0);
    expect((pyLoad(read(join(sys.meta, 'manifests/components.lock.prod.yaml'))) as { components: Record<string, { version: string }> }).components['web-ui']!.version).toBe('v1.1.0');
  });
});

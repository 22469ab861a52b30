import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meta } from '../helpers/cli.js';
import { fingerprint, gitOut, read, sampleFactory } from '../helpers/workspace.js';
import { parseLockName } from '../../src/core/env-locks.js';

// Two envs with a dot in one of them, as the Python tool allows.
const sample = sampleFactory({ envs: ['prod', 'eu.prod'] });
const PROD = 'manifests/components.lock.prod.yaml';
const DEFAULT = 'manifests/components.lock.yaml';

describe('the env is never guessed silently', () => {
  it('an env lock argument selects that env, and the first stderr line names the lock written', async () => {
    const sys = sample();
    const defaultBefore = read(join(sys.meta, DEFAULT));
    const run = await meta(['rollback', 'lock', PROD, '--rev', 'HEAD~1'], sys.meta);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.split('\n')[0]).toBe(`lock to write: ${PROD} (env prod, from the name of ${PROD}; give --env to write another env's lock)`);
    // prod's lock changed, the default lock did not.
    expect(read(join(sys.meta, DEFAULT))).toBe(defaultBefore);
    expect(gitOut(sys.meta, ['diff', '--stat', '--', PROD])).toContain(PROD);
    expect(run.stdout).toContain(`in ${PROD}`);
    expect(run.stdout).toContain('--env prod');
  });

  it('an env name with a dot is an env, and its .previous file is a previous state of that env', async () => {
    const sys = sample();
    const lock = 'manifests/components.lock.eu.prod.yaml';
    const previous = 'manifests/components.lock.eu.prod.previous.yaml';
    writeFileSync(join(sys.meta, previous), gitOut(sys.meta, ['show', `HEAD~1:${lock}`]) + '\n');
    const run = await meta(['rollback', 'lock', previous, '--json'], sys.meta);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.split('\n')[0]).toContain(`lock to write: ${lock} (env eu.prod`);
    expect(JSON.parse(run.stdout)).toMatchObject({ env: 'eu.prod', lock });
    expect(parseLockName('components.lock.eu.prod.previous.yaml')).toEqual({ env: 'eu.prod', previous: true });
    expect(parseLockName('components.lock.previous.yaml')).toEqual({ previous: true });
    expect(parseLockName('components.lock.yaml')).toEqual({ previous: false });
    expect(parseLockName('components.lock..yaml')).toBeUndefined();
  });

  it("a file's environment: selects its env; a name and an environment: that disagree are refused, changing nothing", async () => {
    const sys = sample();
    copyFileSync(join(sys.meta, PROD), join(sys.meta, 'pins.yaml'));
    const inferred = await meta(['rollback', 'lock', 'pins.yaml', '--dry-run', '--json'], sys.meta);
    expect(inferred.code, inferred.stderr).toBe(0);
    expect(JSON.parse(inferred.stdout).lock).toBe(PROD);
    expect(inferred.stderr).toContain('from the environment: of pins.yaml');

    copyFileSync(join(sys.meta, PROD), join(sys.meta, 'manifests/components.lock.staging.yaml'));
    const before = fingerprint(sys.meta);
    const bad = await meta(['rollback', 'lock', 'manifests/components.lock.staging.yaml'], sys.meta);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'error: LOCKFILE: "manifests/components.lock.staging.yaml" is named as the lock of env staging but its environment: is "prod"; give --env to say which lock to write\n',
    );
    expect(fingerprint(sys.meta)).toEqual(before);
  });

  it('copying across envs takes --env, and says so', async () => {
    const sys = sample();
    const run = await meta(['rollback', 'lock', PROD, '--rev', 'HEAD~1', '--env', 'eu.prod', '--json'], sys.meta);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.split('\n')[0]).toBe(`copying the pins of env prod (${PROD}) into manifests/components.lock.eu.prod.yaml, as --env eu.prod asks`);
    expect(JSON.parse(run.stdout).lock).toBe('manifests/components.lock.eu.prod.yaml');
  });

  it('an unknown env is answered with the envs whose locks are present', async () => {
    const sys = sample();
    const run = await meta(['rollback', 'lock', PROD, '--rev', 'HEAD~1', '--env', 'prdo'], sys.meta);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: --env: no lock for env "prdo" (manifests/components.lock.prdo.yaml: no such file); did you mean prod?\n');
  });

  it('a snapshot restore without --env restores into the env the snapshot is of', async () => {
    const sys = sample();
    await meta(['rollback', 'snapshot', '--output', 'prod.yaml', '--env', 'prod'], sys.meta);
    // Something to restore: the line names the lock that will be written.
    await meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod'], sys.meta);
    const run = await meta(['rollback', 'snapshot', '--restore', 'prod.yaml', '--json'], sys.meta);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.split('\n')[0]).toContain(`lock to write: ${PROD} (env prod, from the environment: of prod.yaml`);
    expect(JSON.parse(run.stdout).lock).toBe(PROD);
  });
});

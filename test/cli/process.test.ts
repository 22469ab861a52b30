import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metaProcess } from '../helpers/cli.js';
import { fingerprint, gitOut, sampleFactory } from '../helpers/workspace.js';

const sample = sampleFactory();

describe('node dist/cli.js, as a user runs it', () => {
  it('rolls back and exits 0; --json prints only JSON on stdout', () => {
    const sys = sample();
    const run = metaProcess(['rollback', 'lock', 'manifests/components.lock.prod.yaml', '--rev', 'HEAD~1', '--env', 'prod', '--json'], sys.meta);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, mode: 'lock' });
    for (const c of sys.components) expect(gitOut(join(sys.meta, 'components', c.name), ['rev-parse', 'HEAD'])).toBe(c.versions[1]!.commit);
  });

  it('refuses bad input with exit 2, one error line and no stack trace', () => {
    const sys = sample();
    const before = fingerprint(sys.meta);
    const run = metaProcess(['rollback', 'component', 'web-ui', '--to-version', '--upload-pack=x'], sys.meta);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: --to-version: invalid ref name "--upload-pack=x": starts with \'-\'\n');
    expect(fingerprint(sys.meta)).toEqual(before);
  });

  it('finds the meta-repo root from a subdirectory, or takes --root', () => {
    const sys = sample();
    expect(metaProcess(['rollback', 'list', '--json'], join(sys.meta, 'manifests')).code).toBe(0);
    const elsewhere = metaProcess(['--root', sys.meta, 'rollback', 'list', '--json'], '/');
    expect(elsewhere.code).toBe(0);
    const nowhere = metaProcess(['rollback', 'list'], '/');
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/^error: --root: no manifests\/components\.yaml in "\/" or any parent directory\n$/);
  });

  it('prints help and exits 0', () => {
    const run = metaProcess(['--help'], '/');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('rollback');
  });
});

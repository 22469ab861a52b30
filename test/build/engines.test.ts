import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }> };
const ci = readFileSync(join(repoRoot, '.github', 'workflows', 'ci.yml'), 'utf8');

describe('the supported Node versions', () => {
  const lowest = semver.minVersion(pkg.engines.node)!.version;

  it.each([lowest, '24.0.0'])('Node %s satisfies the engines of every installed package (npm ci warns EBADENGINE otherwise)', (version) => {
    const refused = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && p.engines && !Array.isArray(p.engines) && p.engines.node)
      .filter(([, p]) => !semver.satisfies(version, (p.engines as { node: string }).node))
      .map(([path, p]) => `${path} needs ${(p.engines as { node: string }).node}`);
    expect(refused).toEqual([]);
  });

  it('are what CI tests on: the lowest and 24', () => {
    expect(ci).toContain(`node-version: ['${lowest}', 24]`);
  });
});

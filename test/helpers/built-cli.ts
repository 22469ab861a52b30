import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { repoRoot } from './cli.js';

/**
 * The CLI compiled from the sources under test, for tests that must signal a real process: the
 * committed dist/ is what users run, but it is rebuilt only on release, so a test of behaviour
 * the sources just gained runs tsc's output instead. It sits inside the repository (ignored by git)
 * so that its imports find node_modules.
 */
export function cliFromSources(): string {
  const out = join(repoRoot, `.tsbuild-test-${process.pid}`);
  execFileSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', join(repoRoot, 'tsconfig.build.json'), '--outDir', out], { stdio: 'inherit' });
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  return join(out, 'cli.js');
}

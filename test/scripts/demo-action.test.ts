import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';

const execFileAsync = promisify(execFile);

it('npm run demo:action shows a rollback-button press and an automated rollback, each with its pull request, diff and summary', async () => {
  const { stdout } = await execFileAsync(process.execPath, [join(repoRoot, 'scripts', 'demo-action.mjs')], { cwd: repoRoot, encoding: 'utf8', timeout: 200_000 });
  const [button, auto] = stdout.split(/^== 2\. /m);
  expect(button).toContain('== 1. The rollback button');
  expect(button).toContain('prod runs web-ui v1.2.0');
  expect(button).toContain('--- action log (exit code 0)');
  expect(button).toMatch(/^--- pull request #1: Rollback \(prod\): web-ui v1\.2\.0 → v1\.1\.0 \[merged \(squash\)/m);
  expect(button).toContain('--- diff of pull request #1');
  expect(button).toMatch(/^- {4}version: v1\.2\.0\n- {4}commit: \S+ +# web-ui v1\.2\.0\n\+ {4}version: v1\.1\.0$/m);
  expect(button).toContain('--- job summary\n## meta-rollback: component (prod)');
  expect(button).toContain('healthy: true');
  expect(button).toContain('prod now runs web-ui v1.1.0; the step succeeded');

  expect(auto).toContain('Automated rollback');
  expect(auto).toContain('prod runs web-ui v1.2.0');
  expect(auto).toContain('### Health before the rollback: UNHEALTHY');
  expect(auto).toContain('HTTP 503');
  expect(auto).toMatch(/^--- pull request #1: Auto-rollback \(prod\): 3 components \[merged/m);
  expect(auto).toContain('### Health after the rollback: healthy');
  expect(auto).toContain('changed-components: agent-core,scraper-capabilities,web-ui');
  expect(auto).toContain('prod now runs web-ui v1.1.0; the step succeeded');
});

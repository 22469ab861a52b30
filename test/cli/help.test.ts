import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { commandPath } from '../../src/cli/examples.js';
import { VERSION } from '../../src/version.js';
import { closestNames } from '../../src/core/closest-names.js';
import { meta, repoRoot } from '../helpers/cli.js';
import { sampleFactory } from '../helpers/workspace.js';

const sample = sampleFactory();

function allCommands(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap(allCommands)];
}

describe('help, version and suggestions', () => {
  it('meta and meta rollback without a subcommand print their help on stdout and exit 0', async () => {
    for (const args of [[], ['rollback'], ['changeset'], ['store']]) {
      const run = await meta(args, repoRoot);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout).toMatch(/^Usage: meta/);
      expect(run.stdout).toContain('Commands:');
      expect(run.stderr).toBe('');
    }
  });

  it('meta --version prints the package version', async () => {
    const run = await meta(['--version'], repoRoot);
    expect(run).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version).toBe(VERSION);
  });

  it("every command's --help shows the global options and an example", async () => {
    const program = buildProgram({ cwd: repoRoot, stdout: () => undefined, stderr: () => undefined, exitCode: 0 });
    const paths = allCommands(program).map(commandPath);
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) {
      const args = path === 'meta' ? ['--help'] : [...path.split(' '), '--help'];
      const run = await meta(args, repoRoot);
      expect(run.code, path).toBe(0);
      expect(run.stdout, path).toContain('Examples:\n  $ meta ');
      expect(run.stdout, path).toMatch(path === 'meta' ? /--env <env>/ : /Global Options:[\s\S]*--env <env>[\s\S]*--dry-run/);
    }
  });

  it('a mistyped command or option keeps the suggestion, on one error line', async () => {
    const command = await meta(['rollbak'], repoRoot);
    expect(command.code).toBe(2);
    expect(command.stderr).toBe("error: unknown command 'rollbak' (Did you mean rollback?)\n");
    const sub = await meta(['rollback', 'lok'], repoRoot);
    expect(sub.stderr).toBe("error: unknown command 'lok' (Did you mean lock?)\n");
    const option = await meta(['rollback', 'lock', 'x', '--rve', 'HEAD'], repoRoot);
    expect(option.code).toBe(2);
    expect(option.stderr).toBe("error: unknown option '--rve' (Did you mean --rev?)\n");
  });

  it('a mistyped component or tag is answered with the closest names, at most five', async () => {
    const sys = sample();
    const component = await meta(['rollback', 'component', 'web-iu', '--to-version', 'v1.0.0'], sys.meta);
    expect(component.code).toBe(2);
    expect(component.stderr).toBe('error: component: unknown component "web-iu" (not in manifests/components.yaml); did you mean web-ui?\n');
    const tag = await meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.1'], sys.meta);
    expect(tag.code).toBe(2);
    expect(tag.stderr).toMatch(/^error: --to-version: tag "v1\.1" not found in web-ui \(.*\); did you mean v1\.1\.0\?\n$/);
  });

  it('closest names: at most five of 5,000, nearest first, none when nothing is close', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `svc-${String(i).padStart(4, '0')}`);
    const close = closestNames('svc-0042', [...names.filter((n) => n !== 'svc-0042')]);
    expect(close).toHaveLength(5);
    expect(close.every((n) => n.startsWith('svc-00'))).toBe(true);
    expect(closestNames('zzzzzz', names)).toEqual([]);
    expect(closestNames('web', ['web-ui', 'agent-core'])).toEqual(['web-ui']);
  });
});

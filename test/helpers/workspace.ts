import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll } from 'vitest';
import { createSampleSystem, type SampleOptions, type SampleSystem } from '../../scripts/lib/sample-system.mjs';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'meta-rollback-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * Builds a sample system once per test file; each test then gets its own copy of the meta-repo
 * (the component source repositories are shared and never written to by these tests).
 */
export function sampleFactory(options: SampleOptions = {}): () => SampleSystem {
  let template: SampleSystem | undefined;
  return () => {
    template ??= createSampleSystem(tempDir('meta-sample-'), options);
    const copy = join(tempDir('meta-copy-'), 'meta');
    cpSync(template.meta, copy, { recursive: true, verbatimSymlinks: true });
    return { ...template, meta: copy };
  };
}

export function gitOut(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

/**
 * Everything a command could change: every file's bytes (outside .git), and the HEAD, refs and
 * tracked-file status of the meta-repo and of every checkout. Equal fingerprints mean untouched.
 */
export function fingerprint(meta: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = relative(meta, path);
      const stat = statSync(path);
      if (name === '.git') {
        const repo = dir;
        const key = relative(meta, repo) || '.';
        out[`git:${key}:HEAD`] = gitOut(repo, ['rev-parse', 'HEAD']);
        out[`git:${key}:symbolic`] = (() => {
          try {
            return gitOut(repo, ['symbolic-ref', '-q', 'HEAD']);
          } catch {
            return '(detached)';
          }
        })();
        out[`git:${key}:refs`] = gitOut(repo, ['for-each-ref', '--format=%(refname) %(objectname)']);
        out[`git:${key}:status`] = gitOut(repo, ['status', '--porcelain', '--untracked-files=all', '--ignored=no']);
        continue;
      }
      if (stat.isDirectory()) walk(path);
      else out[`file:${rel}`] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(meta);
  return out;
}

export function read(path: string): string {
  return readFileSync(path, 'utf8');
}

export function exists(path: string): boolean {
  return existsSync(path);
}

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './cli.js';
import { tempDir } from './workspace.js';

// scripts/build.mjs compiles into one fixed directory of the repository (.tsbuild), so two test
// files building at once would overwrite each other's output. A lock directory serialises them.
const LOCK = join(repoRoot, '.tsbuild.lock');
const STALE_MS = 5 * 60_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds cli.js and index.js from the current source into a temp dir (removed after the test file); returns it. */
export function buildFromSource(): string {
  const out = join(tempDir('meta-built-'), 'dist');
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A build killed with its test run leaves the lock behind; it never takes this long.
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > STALE_MS) rmdirSync(LOCK);
      if (waited > 2 * STALE_MS) throw new Error(`${LOCK} is held by another build for too long`);
      sleep(200);
    }
  }
  try {
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), '--out', out], { cwd: repoRoot, stdio: 'pipe' });
  } finally {
    rmdirSync(LOCK);
  }
  return out;
}

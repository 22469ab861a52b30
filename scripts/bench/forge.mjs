// Scenario B's GitHub side: the project's local GitHub-compatible server (test/forge, TypeScript),
// compiled once with the project's own tsc into .bench/forge-build (rebuilt when its sources
// change) and imported from there, so the benchmark counts the requests of a real action run.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runOk } from './proc.mjs';

function sourceHash(dir) {
  const hash = createHash('sha256');
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts') || name.endsWith('.mjs')) hash.update(relative(dir, p)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 16);
}

/** Compiles test/forge to ESM JavaScript (no type check: other people's edits must not break this). */
export async function buildForge(root, benchDir, log) {
  const src = join(root, 'test', 'forge');
  const out = join(benchDir, 'forge-build');
  const stamp = join(out, '.source-hash');
  const hash = sourceHash(src);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && existsSync(join(out, 'index.js'))) return join(out, 'index.js');
  log('compiling test/forge with tsc into .bench/forge-build');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  await runOk(
    process.execPath,
    [tsc, '--outDir', out, '--rootDir', src, '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--strict', '--skipLibCheck', '--noCheck', '--resolveJsonModule', '--esModuleInterop', join(src, 'index.ts')],
    { cwd: root, timeoutMs: 5 * 60_000 },
  );
  if (!existsSync(join(out, 'index.js'))) throw new Error('tsc produced no forge-build/index.js');
  // Plain JavaScript the forge reads at run time (its git hook) is not emitted by tsc.
  for (const name of readdirSync(src).filter((n) => n.endsWith('.mjs'))) copyFileSync(join(src, name), join(out, name));
  writeFileSync(stamp, hash);
  return join(out, 'index.js');
}

export async function startForge(indexJs, options) {
  const mod = await import(pathToFileURL(indexJs).href);
  return mod.startForge(options);
}

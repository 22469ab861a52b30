// The local GitHub-compatible server (tools/forge) is TypeScript; scripts run plain Node, so they
// compile it once with the project's own tsc and import the JavaScript. Rebuilt only when its
// sources change; built into a fresh directory and renamed into place, so two scripts starting at
// once never see a half-written build.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const forgeSources = join(repoRoot, 'tools', 'forge');

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

/**
 * Compiles tools/forge to ESM JavaScript in `out` and returns the path of its index.js. No type
 * check (`--noCheck`): a type error elsewhere in someone's working tree must not stop a demo;
 * `npm run typecheck` is where types are checked.
 */
export function buildForge(out, log = () => undefined) {
  const stamp = join(out, '.source-hash');
  const hash = sourceHash(forgeSources);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && existsSync(join(out, 'index.js'))) return join(out, 'index.js');
  log(`compiling tools/forge with tsc into ${relative(repoRoot, out)}`);
  const fresh = `${out}.${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  mkdirSync(fresh, { recursive: true });
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(
    process.execPath,
    [tsc, '--outDir', fresh, '--rootDir', forgeSources, '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--strict', '--skipLibCheck', '--noCheck', '--resolveJsonModule', '--esModuleInterop', join(forgeSources, 'index.ts')],
    { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'], timeout: 5 * 60_000 },
  );
  if (!existsSync(join(fresh, 'index.js'))) throw new Error('tsc produced no index.js for tools/forge');
  // Plain JavaScript the forge reads at run time (its git hook) is not emitted by tsc.
  for (const name of readdirSync(forgeSources).filter((n) => n.endsWith('.mjs'))) copyFileSync(join(forgeSources, name), join(fresh, name));
  writeFileSync(join(fresh, '.source-hash'), hash);
  rmSync(out, { recursive: true, force: true });
  renameSync(fresh, out);
  return join(out, 'index.js');
}

/** Starts the forge from a build made by buildForge (options as tools/forge's startForge). */
export async function startForge(indexJs, options) {
  const mod = await import(pathToFileURL(indexJs).href);
  return mod.startForge(options);
}

/** The build scripts share: `.tools/forge-build`, ignored by git and eslint. */
export function startLocalForge(options, log) {
  return startForge(buildForge(join(repoRoot, '.tools', 'forge-build'), log), options);
}

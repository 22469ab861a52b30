// Bundles the CLI and the action with ncc into dist/, the files users and runners execute.
// `node scripts/build.mjs --out DIR` builds elsewhere so a test can compare with the committed dist/.
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile, chmod } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ncc = require('@vercel/ncc');
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : join(root, 'dist');

// tsc emits ES modules first, so ncc bundles ESM-only dependencies (@actions/*, Octokit) through
// their "import" exports; bundling the TypeScript directly would resolve them as CommonJS.
// A fixed path inside the repository: ncc records module paths in the bundle, so a varying one
// would make every build differ and the stale-dist check fail.
const compiled = join(root, '.tsbuild');
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', compiled], { stdio: 'inherit' });

const entries = [
  { src: 'cli.js', name: 'cli.js', executable: true },
  { src: 'index.js', name: 'index.js', executable: false },
].filter((e) => existsSync(join(compiled, e.src)));

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
for (const entry of entries) {
  const { code, assets } = await ncc(join(compiled, entry.src), { quiet: true, minify: false, sourceMap: false, cache: false, license: 'licenses.txt' });
  const body = code.startsWith('#!') ? code : `${entry.executable ? '#!/usr/bin/env node\n' : ''}${code}`;
  await writeFile(join(out, entry.name), body);
  if (entry.executable) await chmod(join(out, entry.name), 0o755);
  for (const [name, asset] of Object.entries(assets)) {
    const target = name === 'licenses.txt' ? `${entry.name.replace(/\.js$/, '')}.licenses.txt` : name;
    if (target === 'package.json') continue;
    await mkdir(dirname(join(out, target)), { recursive: true });
    await writeFile(join(out, target), asset.source);
  }
}
await rm(compiled, { recursive: true, force: true });
// The bundles are ES modules; this tells Node so without relying on the repository's package.json.
await writeFile(join(out, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
console.log(`built ${entries.map((e) => e.name).join(', ')} into ${out}`);

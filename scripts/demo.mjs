// A tour of meta-rollback on a throwaway system: three component repositories, a meta-repo with
// two lock revisions, real checkouts. Runs the built CLI (dist/cli.js); needs no network.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSampleSystem } from './lib/sample-system.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const base = mkdtempSync(join(tmpdir(), 'meta-rollback-demo-'));
const keep = process.argv.includes('--keep');

const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
function step(title) {
  console.log(`\n${bold(`== ${title}`)}`);
}
function meta(args) {
  console.log(`$ meta ${args.join(' ')}`);
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: system.meta, encoding: 'utf8' });
  process.stdout.write(run.stdout);
  process.stdout.write(run.stderr);
  if (run.status !== 0) throw new Error(`meta ${args.join(' ')} exited ${run.status}`);
}
function pins() {
  for (const c of system.components) {
    const head = execFileSync('git', ['describe', '--tags', '--always'], { cwd: join(system.meta, 'components', c.name), encoding: 'utf8' }).trim();
    console.log(`  components/${c.name.padEnd(22)} checked out at ${head}`);
  }
}
function lockDiff() {
  const diff = execFileSync('git', ['diff', '--', 'manifests/components.lock.prod.yaml'], { cwd: system.meta, encoding: 'utf8' });
  console.log(diff.trim() ? diff.trimEnd() : '  (lock unchanged from the last commit)');
}

const system = createSampleSystem(base);
try {
  console.log(`sample system in ${base}`);
  step('Before: prod runs v1.2.0 of everything');
  pins();

  step('Record a snapshot of prod before touching anything');
  meta(['rollback', 'snapshot', '--output', '.meta/snapshots/before-incident.yaml', '--env', 'prod']);

  step('Incident! Roll web-ui back to v1.0.0 (a dry run first)');
  meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod', '--dry-run']);
  meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod']);
  pins();
  lockDiff();

  step('Still broken: restore every pin of the previous lock revision (HEAD~1)');
  meta(['rollback', 'lock', 'manifests/components.lock.prod.yaml', '--rev', 'HEAD~1', '--env', 'prod']);
  pins();
  lockDiff();

  step('What could we roll web-ui back to?');
  meta(['rollback', 'list', '--component', 'web-ui', '--env', 'prod']);

  step('Fixed upstream: undo everything by restoring the snapshot');
  meta(['rollback', 'snapshot', '--restore', '.meta/snapshots/before-incident.yaml', '--env', 'prod']);
  pins();
  lockDiff();

  step('The audit journal (.meta/history/rollbacks/): one file per rollback, newest first');
  console.log(execFileSync(process.execPath, [cli, 'history', '--root', system.meta], { encoding: 'utf8' }).trimEnd());
} finally {
  if (keep) console.log(`\nkept ${base}`);
  else rmSync(base, { recursive: true, force: true });
}

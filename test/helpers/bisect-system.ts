import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitFiles, git, initRepo, lockText, manifestText } from '../../scripts/lib/sample-system.mjs';
import { tempDir } from './workspace.js';

export interface BisectSystemOptions {
  /** How many components change pins between GOOD and BAD. */
  readonly count: number;
  /** Components whose bad pin is broken on its own. */
  readonly broken?: readonly string[];
  /** name -> other: name's bad pin breaks only while other is at its bad pin too. */
  readonly breaksWith?: Readonly<Record<string, string>>;
  /** name -> other: name's bad pin cannot be tested (oracle exit 125) while other is at its good pin. */
  readonly needs?: Readonly<Record<string, string>>;
  /** Components whose manifest entry carries a command health check: the oracle without --run. */
  readonly healthChecks?: Readonly<Record<string, readonly string[]>>;
  /** Components with no checkout in components/. */
  readonly noCheckout?: readonly string[];
}

export interface BisectSystem {
  readonly base: string;
  readonly meta: string;
  readonly names: readonly string[];
  readonly good: Readonly<Record<string, string>>;
  readonly bad: Readonly<Record<string, string>>;
  /** The `--run` oracle: argv to give after `--`. It appends one line per run to `log`. */
  readonly oracle: readonly string[];
  readonly log: string;
}

/**
 * The oracle the tests bisect with: it reads the component checkouts (so a probe that did not move
 * them is caught), checks that they stand at the pins of META_BISECT_PINS, and fails when a
 * component's files say it is broken, or broken alongside another component's new version.
 */
const ORACLE = `import { appendFileSync, readFileSync, existsSync } from 'node:fs';
const [log] = process.argv.slice(2);
const pins = JSON.parse(readFileSync(process.env.META_BISECT_PINS, 'utf8'));
const read = (name, file) => { try { return readFileSync('components/' + name + '/' + file, 'utf8').trim(); } catch { return undefined; } };
const head = (name) => existsSync('components/' + name) ? readFileSync('components/' + name + '/.git/HEAD', 'utf8').trim() : pins[name];
const mismatched = Object.keys(pins).filter((name) => head(name) !== pins[name]);
let code = 0;
for (const name of Object.keys(pins)) {
  if (read(name, 'status') === 'broken') code = 1;
  const other = read(name, 'breaks-with');
  if (other && read(other, 'VERSION') === '2') code = 1;
}
for (const name of Object.keys(pins)) {
  const other = read(name, 'needs');
  if (other && read(other, 'VERSION') === '1') code = 125;
}
if (mismatched.length > 0) code = 99;
appendFileSync(log, (mismatched.length ? 'MISMATCH ' + mismatched.join(',') : 'run') + ' ' + code + '\\n');
process.exit(code);
`;

/** Tiny component repositories (two commits each: GOOD's pin and BAD's) and a meta-repo whose prod lock moves all of them. */
export function createBisectSystem(options: BisectSystemOptions): BisectSystem {
  const base = tempDir('meta-bisect-sys-');
  const names = Array.from({ length: options.count }, (_, i) => `svc-${String(i).padStart(2, '0')}`);
  const good: Record<string, string> = {};
  const bad: Record<string, string> = {};
  for (const name of names) {
    const dir = join(base, 'repos', name);
    initRepo(dir);
    good[name] = commitFiles(dir, { VERSION: '1\n', status: 'ok\n' }, `${name} 1`);
    const files: Record<string, string> = { VERSION: '2\n', status: options.broken?.includes(name) ? 'broken\n' : 'ok\n' };
    if (options.breaksWith?.[name]) files['breaks-with'] = `${options.breaksWith[name]}\n`;
    if (options.needs?.[name]) files.needs = `${options.needs[name]}\n`;
    bad[name] = commitFiles(dir, files, `${name} 2`);
  }
  const meta = join(base, 'meta');
  initRepo(meta);
  const manifest = manifestText(names.map((name) => ({ name, repo: join(base, 'repos', name) })));
  const withChecks = Object.entries(options.healthChecks ?? {}).reduce(
    (text, [name, argv]) => text.replace(`  ${name}:\n`, `  ${name}:\n    health:\n      - name: works\n        command: ${JSON.stringify(argv)}\n`),
    manifest,
  );
  const lock = (pins: Record<string, string>, version: string) =>
    lockText({ env: 'prod', generatedAt: '2026-12-01T00:00:00Z', pins: names.map((name) => ({ name, version, commit: pins[name]!, repo: join(base, 'repos', name) })) });
  commitFiles(meta, { 'manifests/components.yaml': withChecks, 'manifests/environments.yaml': 'environments: [prod]\n', '.gitignore': 'components/\n', 'manifests/components.lock.prod.yaml': lock(good, 'v1') }, 'Release 1');
  commitFiles(meta, { 'manifests/components.lock.prod.yaml': lock(bad, 'v2') }, 'Release 2');
  for (const name of names) {
    if (options.noCheckout?.includes(name)) continue;
    const dir = join(meta, 'components', name);
    git(meta, ['clone', '--quiet', '--no-checkout', join(base, 'repos', name), dir]);
    git(dir, ['checkout', '--quiet', '--detach', bad[name]!]);
  }
  const log = join(base, 'oracle.log');
  writeFileSync(log, '');
  writeFileSync(join(base, 'oracle.mjs'), ORACLE);
  return { base, meta, names, good, bad, oracle: [process.execPath, join(base, 'oracle.mjs'), log], log };
}

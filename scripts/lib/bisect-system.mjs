// A system for culprit finding, used by the tests and the benchmark: tiny component repositories
// with two commits each (GOOD's pin and BAD's) and a meta-repo whose prod lock moves every one of
// them in its second commit. Each repository is written by one `git fast-import`, so 64 of them
// cost a few hundred milliseconds of git instead of several seconds of `git commit`s.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitFiles, git, initRepo, lockText, manifestText } from './sample-system.mjs';

/**
 * The oracle the tests and the benchmark bisect with: it reads the component checkouts (so a probe
 * that did not move them is caught), checks that they stand at the pins of META_BISECT_PINS, and
 * fails when a component's files say it is broken, or broken alongside another's new version.
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

function fileCommands(files) {
  return Object.entries(files).flatMap(([path, text]) => [`M 100644 inline ${path}`, `data ${Buffer.byteLength(text)}`, text]);
}

/** Two commits on main, written by one fast-import; returns their SHAs. */
function importTwoCommits(dir, name, goodFiles, badFiles) {
  const stamp = (n) => `Sample Author <author@example.invalid> ${1764547200 + n * 60} +0000`;
  const commit = (mark, files, message, from) => [
    'commit refs/heads/main',
    `mark :${mark}`,
    `committer ${stamp(mark)}`,
    `data ${Buffer.byteLength(message)}`,
    message,
    ...(from ? [`from :${from}`] : []),
    ...fileCommands(files),
    '',
  ];
  const stream = [...commit(1, goodFiles, `${name} 1`), ...commit(2, badFiles, `${name} 2`, 1)].join('\n');
  const marks = join(dir, '.git', 'bisect-marks');
  execFileSync('git', ['fast-import', '--quiet', `--export-marks=${marks}`], { cwd: dir, input: stream, stdio: ['pipe', 'ignore', 'pipe'] });
  const shas = Object.fromEntries(readFileSync(marks, 'utf8').trim().split('\n').map((line) => line.split(' ')));
  return { good: shas[':1'], bad: shas[':2'] };
}

export function createBisectSystem(base, options) {
  const names = Array.from({ length: options.count }, (_, i) => `svc-${String(i).padStart(2, '0')}`);
  const good = {};
  const bad = {};
  const repo = (name) => join(base, 'repos', name);
  for (const name of names) {
    execFileSync('git', ['init', '--quiet', '--initial-branch=main', repo(name)], { stdio: 'ignore' });
    const files = { VERSION: '2\n', status: options.broken?.includes(name) ? 'broken\n' : 'ok\n' };
    if (options.breaksWith?.[name]) files['breaks-with'] = `${options.breaksWith[name]}\n`;
    if (options.needs?.[name]) files.needs = `${options.needs[name]}\n`;
    ({ good: good[name], bad: bad[name] } = importTwoCommits(repo(name), name, { VERSION: '1\n', status: 'ok\n' }, files));
  }
  const meta = join(base, 'meta');
  initRepo(meta);
  const manifest = manifestText(names.map((name) => ({ name, repo: repo(name) })));
  const withChecks = Object.entries(options.healthChecks ?? {}).reduce(
    (text, [name, argv]) => text.replace(`  ${name}:\n`, `  ${name}:\n    health:\n      - name: works\n        command: ${JSON.stringify(argv)}\n`),
    manifest,
  );
  const lock = (pins, version) => lockText({ env: 'prod', generatedAt: '2026-12-01T00:00:00Z', pins: names.map((name) => ({ name, version, commit: pins[name], repo: repo(name) })) });
  commitFiles(meta, { 'manifests/components.yaml': withChecks, 'manifests/environments.yaml': 'environments: [prod]\n', '.gitignore': 'components/\n', 'manifests/components.lock.prod.yaml': lock(good, 'v1') }, 'Release 1');
  commitFiles(meta, { 'manifests/components.lock.prod.yaml': lock(bad, 'v2') }, 'Release 2');
  // Checkouts stand at BAD (the tip of main), as they do when the incident is noticed; on a branch,
  // so a bisect must also put the branch back, not only the commit.
  for (const name of names) {
    if (!options.noCheckout?.includes(name)) git(meta, ['clone', '--quiet', repo(name), join(meta, 'components', name)]);
  }
  const log = join(base, 'oracle.log');
  writeFileSync(log, '');
  writeFileSync(join(base, 'oracle.mjs'), ORACLE);
  return { base, meta, names, good, bad, oracle: [process.execPath, join(base, 'oracle.mjs'), log], log };
}

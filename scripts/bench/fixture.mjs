// The benchmark's system: N component repositories with realistic history, a meta-repo whose
// lock has two revisions (HEAD~1 pins every component at its second-newest release, HEAD at its
// newest), full clones of every component in components/NAME at the newest pin, and a copy of
// the meta-repo without checkouts for lock-only runs. Cached under .bench/, keyed by N and
// FIXTURE_VERSION; --fresh rebuilds it.
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitFiles, initRepo, lockText, manifestText } from '../lib/sample-system.mjs';
import { buildTemplate, componentNames, componentStream, HISTORY } from './content.mjs';
import { pool, runOk } from './proc.mjs';

/** Bump whenever the generated content or layout changes, so stale caches are not reused. */
export const FIXTURE_VERSION = 1;
const TEMPLATE_SEED = 1;

export const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.invalid',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.invalid',
  LC_ALL: 'C',
};

// git fast-import grows and trims its heap by brk() thousands of times per stream; on this VM that
// alone made one component's import take ~0.8 s instead of 0.05 s. A large trim threshold and top
// pad (glibc malloc tunables, fast-import only) keep the heap and make generation ~15x faster.
const FAST_IMPORT_ENV = { ...GIT_ENV, MALLOC_TOP_PAD_: String(256 << 20), MALLOC_TRIM_THRESHOLD_: String(256 << 20) };

export function fixturePaths(benchDir, n) {
  const dir = join(benchDir, `fixture-v${FIXTURE_VERSION}-n${n}`);
  return {
    dir,
    repos: join(dir, 'repos'),
    meta: join(dir, 'meta'),
    lockOnly: join(dir, 'meta-lock-only'),
    marker: join(dir, 'fixture.json'),
    lockRel: 'manifests/components.lock.yaml',
  };
}

/** Returns the fixture description, generating it first when it is missing, stale or --fresh. */
export async function ensureFixture({ benchDir, n, fresh, jobs, log }) {
  const paths = fixturePaths(benchDir, n);
  if (!fresh && existsSync(paths.marker)) {
    try {
      const info = JSON.parse(readFileSync(paths.marker, 'utf8'));
      if (info.version === FIXTURE_VERSION && info.n === n && info.components?.length === n && existsSync(paths.meta) && existsSync(paths.lockOnly)) {
        return { ...info, paths, cached: true };
      }
    } catch {
      // unreadable marker: rebuild
    }
  }
  const started = process.hrtime.bigint();
  rmSync(paths.dir, { recursive: true, force: true });
  mkdirSync(paths.repos, { recursive: true });
  const tmp = join(paths.dir, 'tmp');
  mkdirSync(tmp, { recursive: true });

  const template = await ensureTemplate(benchDir, fresh, log);
  const names = componentNames(n);
  log(`generating ${n} component repositories (${HISTORY.commits} commits, ${Math.floor(HISTORY.commits / HISTORY.releaseEvery)} tags each) with git fast-import`);
  let done = 0;
  const components = await pool(names, jobs, async (name, index) => {
    const repo = join(paths.repos, `${name}.git`);
    await runOk('git', ['init', '--quiet', '--bare', '--initial-branch=main', repo], { env: GIT_ENV, timeoutMs: 60_000 });
    // The shared blob pack, by hard link: one copy on disk however many repositories use it.
    for (const file of template.packFiles) linkSync(join(template.packDir, file), join(repo, 'objects', 'pack', file));
    const { stream, releases } = componentStream(name, index, template.content);
    const marks = join(tmp, `${name}.marks`);
    await runOk('git', ['fast-import', '--quiet', `--export-marks=${marks}`], { cwd: repo, env: FAST_IMPORT_ENV, input: stream, timeoutMs: 5 * 60_000 });
    const bySha = new Map(
      readFileSync(marks, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(' ')),
    );
    rmSync(marks, { force: true });
    const pin = (r) => ({ tag: r.tag, commit: bySha.get(`:${r.mark}`) });
    const older = pin(releases[releases.length - 2]);
    const newer = pin(releases[releases.length - 1]);
    if (!/^[0-9a-f]{40}$/.test(older.commit ?? '') || !/^[0-9a-f]{40}$/.test(newer.commit ?? '')) throw new Error(`${name}: fast-import marks lack the release commits`);
    if (++done % 100 === 0) log(`  ${done}/${n} repositories`);
    return { name, repo, older, newer };
  });

  log('writing the meta-repo (two lock revisions)');
  const meta = paths.meta;
  initRepo(meta);
  const lockFor = (which, stamp) => lockText({ generatedAt: stamp, pins: components.map((c) => ({ name: c.name, version: c[which].tag, commit: c[which].commit, repo: c.repo })) });
  commitFiles(
    meta,
    {
      'manifests/components.yaml': manifestText(
        components.map((c) => ({ name: c.name, repo: c.repo })),
        { header: `# ${n} components of the benchmark system.` },
      ),
      '.gitignore': 'components/\n',
      [paths.lockRel]: lockFor('older', '2026-11-19T09:00:00Z'),
    },
    'Pin the previous release of every component',
  );
  commitFiles(meta, { [paths.lockRel]: lockFor('newer', '2026-11-20T10:36:00Z') }, 'Release: pin the newest versions');
  await runOk('git', ['clone', '--quiet', meta, paths.lockOnly], { env: GIT_ENV, timeoutMs: 5 * 60_000 });

  log(`cloning ${n} checkouts into components/ (full clones, at the newest pins)`);
  done = 0;
  await pool(components, jobs, async (c) => {
    const dir = join(meta, 'components', c.name);
    // A local clone hard-links the objects, as cheap as a copy can be, and is a complete clone.
    await runOk('git', ['clone', '--quiet', '--no-checkout', c.repo, dir], { env: GIT_ENV, timeoutMs: 5 * 60_000 });
    await runOk('git', ['checkout', '--quiet', '--detach', c.newer.commit], { cwd: dir, env: GIT_ENV, timeoutMs: 5 * 60_000 });
    if (++done % 100 === 0) log(`  ${done}/${n} checkouts`);
  });
  rmSync(tmp, { recursive: true, force: true });
  const sample = join(meta, 'components', components[0].name);
  const workingTreeBytes = treeBytes(sample, (name) => name !== '.git');
  const packBytes = treeBytes(join(sample, '.git', 'objects'), () => true);

  const generationS = Number(process.hrtime.bigint() - started) / 1e9;
  const info = {
    version: FIXTURE_VERSION,
    n,
    created_at: new Date().toISOString(),
    generation_s: Math.round(generationS * 10) / 10,
    history: { commits: HISTORY.commits, tags: Math.floor(HISTORY.commits / HISTORY.releaseEvery), blobs: template.content.blobs, raw_mb: Math.round(template.content.rawBytes / 1e5) / 10 },
    working_tree_mb: Math.round(workingTreeBytes / 1e5) / 10,
    objects_mb: Math.round(packBytes / 1e5) / 10,
    components: components.map(({ name, repo, older, newer }) => ({ name, repo, older, newer })),
  };
  writeFileSync(`${paths.marker}.tmp`, JSON.stringify(info, null, 1));
  renameSync(`${paths.marker}.tmp`, paths.marker);
  return { ...info, paths, cached: false };
}

/** The blob-only pack every component repository shares, generated once per FIXTURE_VERSION. */
async function ensureTemplate(benchDir, fresh, log) {
  const dir = join(benchDir, `template-v${FIXTURE_VERSION}.git`);
  const marker = join(dir, 'template.json');
  const content = buildTemplate(TEMPLATE_SEED);
  const packDir = join(dir, 'objects', 'pack');
  if (!fresh && existsSync(marker)) {
    const info = JSON.parse(readFileSync(marker, 'utf8'));
    if (info.packFiles.every((f) => existsSync(join(packDir, f)))) return { packDir, packFiles: info.packFiles, content };
  }
  log(`generating the template blob pack (${content.blobs} blobs, ${(content.rawBytes / 1e6).toFixed(1)} MB before compression)`);
  rmSync(dir, { recursive: true, force: true });
  await runOk('git', ['init', '--quiet', '--bare', dir], { env: GIT_ENV, timeoutMs: 60_000 });
  await runOk('git', ['fast-import', '--quiet'], { cwd: dir, env: FAST_IMPORT_ENV, input: content.stream, timeoutMs: 10 * 60_000 });
  const packFiles = readdirSync(packDir).filter((f) => /^pack-[0-9a-f]+\.(pack|idx)$/.test(f));
  if (packFiles.length !== 2) throw new Error(`template: expected one pack in ${packDir}, found ${packFiles.join(', ') || 'none'}`);
  writeFileSync(marker, JSON.stringify({ packFiles }));
  return { packDir, packFiles, content };
}

function treeBytes(dir, keep) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!keep(entry.name)) continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) total += treeBytes(p, keep);
    else if (entry.isFile()) total += statSync(p).size;
  }
  return total;
}

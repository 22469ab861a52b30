// The benchmark: `npm run bench [-- --n 500 --runs 3 --json --fresh]`.
//
// A: workspace restore. `meta rollback lock manifests/components.lock.yaml --rev HEAD~1` moves the
//    N checkouts in components/ to the older pins; timed against `vcs import` (Debian's vcstool)
//    fed the same target SHAs, and against a plain sequential Node loop (git fetch + git checkout
//    --detach per component). Same repositories, same starting state (every checkout reset to the
//    newer pins before every timed run, untimed); wall clock of the whole command; median of --runs.
//    Variant: full clones, so the older commits are already present in every checkout.
// B: lock-only rollback of all N components (a copy of the meta-repo without checkouts), timed;
//    and the GitHub API requests of the action's whole pull-request flow (mode lock, rev HEAD~1,
//    pull-request open, health false) counted by the project's local GitHub server (tools/forge).
// C: cold start: `node dist/index.js` (mode list, tiny meta-repo) to its first byte on stdout,
//    against `node -e 0`.
// D: time to recover (scripts/bench/recover.mjs): the action from start to exit for mode lock,
//    rev HEAD~1, 100 components, pull-request merge, 100 http health checks, on the workspace
//    actions/checkout leaves by default; median of --runs, with its request timeline.
// F: culprit finding (scripts/bench/bisect.mjs): `meta bisect` over 64 candidates with one culprit
//    and a command oracle, wall time and probes, against trying each component alone.
// Peak RSS of every run by /usr/bin/time -f %M; git processes by GIT_TRACE2_EVENT (one extra,
// untimed run per tool that also warms the caches).
//
// Prints a table, or with --json one JSON object and nothing else on stdout; progress goes to
// stderr. Missed targets do not fail the run (exit 0); errors do (exit 1).
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { createSampleSystem } from './lib/sample-system.mjs';
import { ensureFixture, GIT_ENV } from './bench/fixture.mjs';
import { buildForge, startForge } from './lib/forge-build.mjs';
import { getRssMode, hasGnuTime, killLiveChildren, median, pool, run, runOk, setRssMode } from './bench/proc.mjs';
import { commandWorks, ensureTool } from './bench/tools.mjs';
import { summarizeTrace } from './bench/trace.mjs';
import { RECOVER_COMPONENTS, timeToRecover } from './bench/recover.mjs';
import { BISECT_COMPONENTS, culpritFinding } from './bench/bisect.mjs';
import { checkoutLikeActions } from './lib/actions-checkout.mjs';
import { parseOutputFile, runnerEnvironment } from './lib/actions-runner.mjs';
import { SCALE_TARGETS, scaleTable, scenarioScale } from './bench/scale.mjs';

const SCALE_TARGETS_TEXT = () => Object.fromEntries(Object.entries(SCALE_TARGETS).map(([k, t]) => [k, t.text]));

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, '.bench');
// --dist DIR (for experiments with a patched build of a copy) replaces these two.
let cli = join(root, 'dist', 'cli.js');
let actionJs = join(root, 'dist', 'index.js');
const loopJs = join(root, 'scripts', 'bench', 'loop.mjs');

const TARGETS = {
  ratio_vs_vcstool: { text: '<= 0.5', ok: (v) => v <= 0.5 },
  lock_only_s: { text: '< 1 s', ok: (v) => v < 1 },
  api_requests: { text: '<= 10', ok: (v) => v <= 10 },
  cold_start_ms: { text: '< 300 ms', ok: (v) => v < 300 },
  peak_rss_mb: { text: '< 200 MB', ok: (v) => v < 200 },
  time_to_recover_s: { text: '< 1.5 s', ok: (v) => v < 1.5 },
  recover_api_requests: { text: '< 10', ok: (v) => v < 10 },
};

const USAGE = `usage: npm run bench -- [--n N] [--runs R] [--json] [--fresh] [--jobs J] [--vcs-workers W] [--no-vcstool]

  --n N            components (default 100)
  --runs R         timed runs per tool (default 3); the median is reported
  --json           one JSON object on stdout, nothing else
  --fresh          regenerate the cached fixture in .bench/
  --jobs J         pass --jobs J to meta (default: meta's own default, 8)
  --vcs-workers W  vcs import --workers (default: the same as meta's jobs, 8)
  --no-vcstool     skip the vcstool comparison
  --only LIST      run only some scenarios: a comma list of a, b, c, d, e, f (default a,b,c,d,f; only e with --scale)
  --scale LIST     scenario E at these component counts, e.g. 500,5000 (alone: only E runs)
  --dist DIR       run cli.js and index.js from DIR instead of dist/ (to measure a patched build)
`;

function options(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      n: { type: 'string', default: '100' },
      runs: { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      jobs: { type: 'string' },
      'vcs-workers': { type: 'string' },
      'no-vcstool': { type: 'boolean', default: false },
      dist: { type: 'string' },
      only: { type: 'string' },
      scale: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const int = (name, value, min, max) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name}: must be a whole number from ${min} to ${max}`);
    return n;
  };
  const jobs = values.jobs === undefined ? undefined : int('jobs', values.jobs, 1, 256);
  return {
    help: values.help,
    n: int('n', values.n, 2, 5000),
    runs: int('runs', values.runs, 1, 50),
    json: values.json,
    fresh: values.fresh,
    jobs,
    vcsWorkers: values['vcs-workers'] === undefined ? (jobs ?? 8) : int('vcs-workers', values['vcs-workers'], 1, 256),
    vcstool: !values['no-vcstool'],
    dist: values.dist === undefined ? undefined : resolve(values.dist),
    // --scale alone runs only scenario E; with --only, as listed.
    scale: values.scale === undefined ? [] : values.scale.split(',').map((x) => int('scale', x.trim(), 10, 20000)),
    only: new Set(
      (values.only ?? (values.scale !== undefined ? 'e' : 'a,b,c,d,f'))
        .toLowerCase()
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
        .map((x) => {
          if (!['a', 'b', 'c', 'd', 'e', 'f'].includes(x)) throw new Error(`--only: unknown scenario ${JSON.stringify(x)} (a, b, c, d, e, f)`);
          return x;
        }),
    ),
  };
}

const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const cpus = availableParallelism();
const setupJobs = Math.max(2, cpus * 2);
const r3 = (x) => (x === null || x === undefined ? null : Math.round(x * 1000) / 1000);
const r1 = (x) => (x === null || x === undefined ? null : Math.round(x * 10) / 10);

let tmp;
function cleanup() {
  killLiveChildren();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    cleanup();
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------------------------
// Fixture state

function readHead(dir) {
  try {
    return readFileSync(join(dir, '.git', 'HEAD'), 'utf8').trim();
  } catch {
    return '';
  }
}

const checkoutDir = (fx, c) => join(fx.paths.meta, 'components', c.name);

/** Puts the meta-repo's tracked files back and drops what a rollback added (never ignored files). */
async function resetMeta(dir) {
  await runOk('git', ['reset', '--quiet', '--hard', 'HEAD'], { cwd: dir, env: GIT_ENV, timeoutMs: 120_000 });
  await runOk('git', ['clean', '--quiet', '-f', '-d'], { cwd: dir, env: GIT_ENV, timeoutMs: 120_000 });
}

/** Moves every checkout to the given pins (untimed); `force` also discards leftovers of a crashed run. */
async function resetCheckouts(fx, which, { force = false } = {}) {
  await pool(fx.components, setupJobs, async (c) => {
    const dir = checkoutDir(fx, c);
    const target = c[which].commit;
    if (!force && readHead(dir) === target) return;
    if (force) rmSync(join(dir, '.git', 'index.lock'), { force: true });
    await runOk('git', ['checkout', '--quiet', ...(force ? ['--force'] : []), '--detach', target], { cwd: dir, env: GIT_ENV, timeoutMs: 120_000 });
  });
  await run('sync', [], { timeoutMs: 120_000 }).catch(() => undefined);
}

function verifyCheckouts(fx, which, tool) {
  const wrong = fx.components.filter((c) => readHead(checkoutDir(fx, c)) !== c[which].commit);
  if (wrong.length > 0) {
    throw new Error(`${tool}: ${wrong.length} checkout(s) not at the ${which} pin afterwards, e.g. components/${wrong[0].name} at ${readHead(checkoutDir(fx, wrong[0])) || '?'}`);
  }
}

function verifyLock(dir, fx, tool) {
  const text = readFileSync(join(dir, fx.paths.lockRel), 'utf8');
  const missing = fx.components.filter((c) => !text.includes(`commit: ${c.older.commit}`));
  if (missing.length > 0) throw new Error(`${tool}: the lock does not pin ${missing.length} component(s) at the older commit, e.g. ${missing[0].name}`);
}

// ---------------------------------------------------------------------------------------------
// Scenarios

function baseEnv(tmpDir) {
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', META_ROLLBACK_CACHE: join(tmpDir, 'cache') };
  for (const key of Object.keys(env)) if (key.startsWith('GIT_TRACE')) delete env[key];
  return env;
}

function failIfBad(result, label) {
  if (result.code !== 0) {
    const tail = (result.stderr || result.stdout).trim().split('\n').slice(-4).join(' | ');
    throw new Error(`${label} exited ${result.code}${result.signal ? ` (${result.signal})` : ''}: ${tail}`);
  }
}

async function scenarioA(fx, opts, vcsOk, out) {
  const meta = fx.paths.meta;
  const reposFile = join(tmp, 'older.repos');
  const lines = ['repositories:'];
  for (const c of fx.components) lines.push(`  components/${c.name}:`, '    type: git', `    url: ${c.repo}`, `    version: ${c.older.commit}`);
  writeFileSync(reposFile, `${lines.join('\n')}\n`);
  const targetsFile = join(tmp, 'older.json');
  writeFileSync(targetsFile, JSON.stringify(fx.components.map((c) => ({ dir: checkoutDir(fx, c), commit: c.older.commit }))));

  const jobsArgs = opts.jobs === undefined ? [] : ['--jobs', String(opts.jobs)];
  const tools = [
    { key: 'restore', label: 'meta rollback lock --rev HEAD~1', file: process.execPath, args: [cli, 'rollback', 'lock', fx.paths.lockRel, '--rev', 'HEAD~1', ...jobsArgs] },
    // No --force (it deletes directories holding another repository) and no --skip-existing
    // (it leaves existing checkouts where they are): plain import fetches and checks out `version`.
    vcsOk && { key: 'vcstool', label: `vcs import --workers ${opts.vcsWorkers}`, file: 'vcs', args: ['import', '--input', reposFile, '--workers', String(opts.vcsWorkers), '.'] },
    { key: 'loop', label: 'node loop: git fetch + checkout, sequential', file: process.execPath, args: [loopJs, targetsFile] },
  ].filter(Boolean);

  const env = baseEnv(tmp);
  for (const t of tools) {
    out.samples[t.key] = [];
    out.cpu[t.key] = [];
  }
  for (let r = 0; r <= opts.runs; r++) {
    const traced = r === 0;
    const order = tools.map((_, i) => tools[(i + r) % tools.length]);
    for (const t of order) {
      await resetMeta(meta);
      await resetCheckouts(fx, 'newer');
      const traceFile = join(tmp, `trace-${t.key}.json`);
      log(`A ${traced ? 'traced warm-up' : `run ${r}/${opts.runs}`}: ${t.label}`);
      const spawnedAt = Date.now();
      const res = await run(t.file, t.args, { cwd: meta, env: traced ? { ...env, GIT_TRACE2_EVENT: traceFile } : env, measure: true, tmpDir: tmp, timeoutMs: 60 * 60_000, quietStdout: true });
      failIfBad(res, t.label);
      verifyCheckouts(fx, 'older', t.label);
      if (t.key === 'restore') verifyLock(meta, fx, t.label);
      out.rss[t.key] = Math.max(out.rss[t.key] ?? 0, res.maxRssKb ?? 0);
      if (traced) {
        out.trace[t.key] = summarizeTrace(traceFile, spawnedAt, res.ms);
        out.trace[t.key].traced_wall_s = r3(res.ms / 1000);
        rmSync(traceFile, { force: true });
      } else {
        out.samples[t.key].push(r3(res.ms / 1000));
        if (res.cpuS !== undefined) out.cpu[t.key].push(r3(res.cpuS));
        log(`  ${(res.ms / 1000).toFixed(2)} s (CPU ${res.cpuS?.toFixed(2) ?? '?'} s)`);
      }
    }
  }
  await resetMeta(meta);
  await resetCheckouts(fx, 'newer');
}

async function scenarioBLockOnly(fx, opts, out) {
  const dir = fx.paths.lockOnly;
  const env = baseEnv(tmp);
  const jobsArgs = opts.jobs === undefined ? [] : ['--jobs', String(opts.jobs)];
  out.samples.lock_only = [];
  for (let r = 0; r <= opts.runs; r++) {
    const traced = r === 0;
    await resetMeta(dir);
    const traceFile = join(tmp, 'trace-lock-only.json');
    log(`B ${traced ? 'traced warm-up' : `run ${r}/${opts.runs}`}: lock-only meta rollback lock --rev HEAD~1`);
    const spawnedAt = Date.now();
    const res = await run(process.execPath, [cli, 'rollback', 'lock', fx.paths.lockRel, '--rev', 'HEAD~1', ...jobsArgs], {
      cwd: dir,
      env: traced ? { ...env, GIT_TRACE2_EVENT: traceFile } : env,
      measure: true,
      tmpDir: tmp,
      timeoutMs: 30 * 60_000,
    });
    failIfBad(res, 'lock-only rollback');
    verifyLock(dir, fx, 'lock-only rollback');
    out.rss.lock_only = Math.max(out.rss.lock_only ?? 0, res.maxRssKb ?? 0);
    if (traced) {
      out.trace.lock_only = summarizeTrace(traceFile, spawnedAt, res.ms);
      out.trace.lock_only.traced_wall_s = r3(res.ms / 1000);
      rmSync(traceFile, { force: true });
    } else {
      out.samples.lock_only.push(r3(res.ms / 1000));
      log(`  ${(res.ms / 1000).toFixed(2)} s`);
    }
  }
  await resetMeta(dir);
}

async function scenarioBAction(fx, out) {
  const forgeJs = buildForge(join(benchDir, 'forge-build'), log);
  const token = `ghs_${randomBytes(18).toString('hex')}`;
  log('B: starting the local GitHub server (tools/forge)');
  const forge = await startForge(forgeJs, { tokens: [{ token, login: 'github-actions[bot]', type: 'Bot' }] });
  try {
    await resetMeta(fx.paths.lockOnly);
    const name = `meta-n${fx.n}`;
    await forge.createRepo('acme', name, { from: fx.paths.lockOnly, defaultBranch: 'main' });
    const runner = join(tmp, 'runner');
    const workspace = join(runner, 'work', name);
    const runnerTemp = join(runner, 'tmp');
    mkdirSync(join(runner, 'home'), { recursive: true });
    // The workspace a runner has: actions/checkout's defaults (shallow, no tags, credentials persisted).
    await checkoutLikeActions({ serverUrl: forge.serverUrl, owner: 'acme', name, token, workspace, runnerTemp });
    const outputFile = join(runner, 'output');
    const summaryFile = join(runner, 'summary.md');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const inputs = {
      mode: 'lock',
      'lock-file': fx.paths.lockRel,
      rev: 'HEAD~1',
      'pull-request': 'open',
      health: 'false',
      token,
      root: '.',
      'dry-run': 'false',
      'merge-method': 'squash',
      'rollback-on-unhealthy': 'false',
    };
    const traceFile = join(tmp, 'trace-action.json');
    const env = runnerEnvironment({
      home: join(runner, 'home'),
      workspace,
      runnerTemp,
      outputFile,
      summaryFile,
      apiUrl: forge.apiUrl,
      serverUrl: forge.serverUrl,
      repository: `acme/${name}`,
      inputs,
      extra: { META_ROLLBACK_CACHE: join(runner, 'cache'), GIT_TRACE2_EVENT: traceFile },
    });
    forge.resetRecords();
    log('B: the action (mode lock, rev HEAD~1, pull-request open, health false)');
    const spawnedAt = Date.now();
    const res = await run(process.execPath, [actionJs], { cwd: workspace, env, measure: true, tmpDir: tmp, timeoutMs: 30 * 60_000 });
    failIfBad(res, 'the action');
    const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'));
    if (!/^\d+$/.test(outputs['pull-request-number'] ?? '')) throw new Error(`the action opened no pull request: ${res.stdout.trim().split('\n').slice(-3).join(' | ')}`);
    const changed = JSON.parse(outputs.changes ?? '[]').length;
    if (changed !== fx.n) throw new Error(`the action changed ${changed} components, expected ${fx.n}`);
    const api = forge.requests.filter((r) => r.kind === 'rest' || r.kind === 'graphql');
    out.action = {
      action_s: r3(res.ms / 1000),
      pull_request: `#${outputs['pull-request-number']} ${outputs['pull-request-operation']}`,
      api_requests: api.length,
      requests: api.map((r) => `${r.kind === 'graphql' ? 'GRAPHQL' : r.method} ${r.path} ${r.status}`),
      git_http_requests: forge.requests.filter((r) => r.kind === 'git').length,
      forge_violations: forge.violations.length,
    };
    if (forge.violations.length) out.notes.push(`forge violations during the action run: ${forge.violations.slice(0, 3).join('; ')}`);
    out.rss.action = res.maxRssKb ?? 0;
    out.trace.action = summarizeTrace(traceFile, spawnedAt, res.ms);
  } finally {
    await forge.close();
  }
}

async function scenarioD(opts, out) {
  const fx = await ensureFixture({ benchDir, n: RECOVER_COMPONENTS, fresh: false, jobs: setupJobs, log });
  await resetMeta(fx.paths.lockOnly);
  const forgeJs = buildForge(join(benchDir, 'forge-build'), log);
  const token = `ghs_${randomBytes(18).toString('hex')}`;
  const forge = await startForge(forgeJs, { tokens: [{ token, login: 'github-actions[bot]', type: 'Bot' }] });
  try {
    out.recover = await timeToRecover({ fx, forge, token, actionJs, tmp, runs: opts.runs, log });
    if (forge.violations.length) out.notes.push(`forge violations during time to recover: ${forge.violations.slice(0, 3).join('; ')}`);
  } finally {
    await forge.close();
  }
}

async function scenarioC(opts, out) {
  log('C: cold start of the action against node -e 0');
  const tiny = createSampleSystem(join(tmp, 'tiny'), { checkouts: [] });
  const home = join(tmp, 'tiny-home');
  mkdirSync(home, { recursive: true });
  // No GITHUB_OUTPUT: outputs then go to stdout as ::set-output commands, so the first byte is
  // the action's first output (the list of targets is complete by then).
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    META_ROLLBACK_CACHE: join(home, 'cache'),
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/meta',
    GITHUB_WORKSPACE: tiny.meta,
    RUNNER_TEMP: home,
    INPUT_MODE: 'list',
  };
  const count = Math.max(5, opts.runs);
  const first = [];
  const exit = [];
  const e0 = [];
  for (let i = 0; i <= count; i++) {
    const a = await run(process.execPath, [actionJs], { cwd: tiny.meta, env, measure: true, tmpDir: tmp, timeoutMs: 120_000 });
    failIfBad(a, 'node dist/index.js (mode list)');
    if (!a.stdout.includes('::set-output name=targets::')) throw new Error(`node dist/index.js (mode list) printed no targets: ${a.stdout.slice(0, 200)}`);
    const b = await run(process.execPath, ['-e', '0'], { env, measure: true, tmpDir: tmp, timeoutMs: 60_000 });
    failIfBad(b, 'node -e 0');
    out.rss.cold_start = Math.max(out.rss.cold_start ?? 0, a.maxRssKb ?? 0);
    if (i === 0) continue; // warm-up: the files are in the page cache for the measured runs
    first.push(r1(a.firstByteMs));
    exit.push(r1(a.ms));
    e0.push(r1(b.ms));
  }
  out.samples.cold_start_ms = first;
  out.samples.cold_exit_ms = exit;
  out.samples.node_e0_ms = e0;
}

// ---------------------------------------------------------------------------------------------
// Report

function verdict(key, value) {
  if (value === null || value === undefined) return { target: TARGETS[key].text, value: null, pass: null };
  return { target: TARGETS[key].text, value, pass: TARGETS[key].ok(value) };
}

function table(result) {
  const lines = [];
  const pad = (s, w) => String(s ?? '—').padEnd(w);
  const lpad = (s, w) => String(s ?? '—').padStart(w);
  const secs = (v) => (v === null || v === undefined ? '—' : `${v.toFixed(2)} s`);
  const fx = result.fixture;
  lines.push(`meta-rollback benchmark: N = ${result.n} components, median of ${result.runs} run(s), ${result.machine.cpus} CPUs, load ${result.machine.loadavg_start.join(' ')}`);
  lines.push(`fixture: ${fx.path} (${fx.cached ? 'cached, generated' : 'generated now'} in ${fx.generation_s} s): per component ${fx.commits_per_repo} commits, ${fx.tags_per_repo} tags, ${fx.working_tree_mb} MB working tree, ${fx.objects_mb_per_checkout} MB of objects`);
  lines.push('');
  lines.push(`A. Workspace restore (${fx.variant})`);
  lines.push(`   ${pad('tool', 46)}${lpad('median', 9)}  ${pad('runs', 24)}${lpad('CPU', 9)}${lpad('git procs', 10)}${lpad('peak RSS', 10)}`);
  const rowA = (label, key, med) => {
    const runs = (result.samples[key] ?? []).map((v) => v.toFixed(2)).join(' ');
    const procs = result.where_time_goes[key]?.processes;
    const rss = result.rss_mb[key];
    const cpu = result.cpu_s[key];
    lines.push(`   ${pad(label, 46)}${lpad(secs(med), 9)}  ${pad(runs, 24)}${lpad(secs(cpu), 9)}${lpad(procs, 10)}${lpad(rss === undefined ? '—' : `${rss} MB`, 10)}`);
  };
  rowA('meta rollback lock --rev HEAD~1', 'restore', result.restore_s);
  if (result.vcstool_s !== null) rowA(`vcs import --workers ${result.settings.vcs_workers}`, 'vcstool', result.vcstool_s);
  else lines.push(`   ${pad('vcs import', 46)}${lpad('skipped', 9)}  ${result.notes.find((n) => n.includes('vcs')) ?? ''}`);
  rowA('node loop: git fetch + checkout (sequential)', 'loop', result.loop_s);
  lines.push(`   meta / vcstool = ${result.ratio_vs_vcstool ?? '—'}    meta / loop = ${result.ratio_vs_loop ?? '—'}`);
  lines.push('');
  lines.push('B. Lock-only rollback and the action');
  lines.push(`   meta rollback lock --rev HEAD~1, no checkouts: ${secs(result.lock_only_s)} (runs ${(result.samples.lock_only ?? []).join(' ')}; ${result.where_time_goes.lock_only?.processes ?? '—'} git processes)`);
  if (result.api) {
    lines.push(`   action (mode lock, pull-request open): ${result.api_requests} API requests, ${result.api.git_http_requests} git HTTP requests, ${result.api.action_s} s, ${result.api.pull_request}, ${result.api.forge_violations} forge violations`);
    lines.push(`     ${result.api.requests.join(' · ')}`);
  }
  lines.push('');
  lines.push('C. Cold start');
  lines.push(`   node dist/index.js (mode list) to its first stdout byte: ${result.cold_start_ms} ms (exit ${result.cold_exit_ms} ms); node -e 0: ${result.node_e0_ms} ms`);
  if (result.recover) {
    lines.push('');
    lines.push(`D. Time to recover: the action, mode lock --rev HEAD~1, ${RECOVER_COMPONENTS} components, pull-request merge, ${RECOVER_COMPONENTS} http checks`);
    lines.push(`   ${secs(result.recover.median_s)} (runs ${result.recover.samples_s.join(' ')}), ${result.recover.api_requests} API requests:`);
    lines.push(`     ${result.recover.timeline.join(' · ')}`);
  }
  if (result.bisect) {
    const e = result.bisect;
    lines.push('', `F. Culprit finding: ${BISECT_COMPONENTS} candidates, one culprit, a command oracle`);
    lines.push(`   meta bisect: ${secs(e.bisect_s)}, ${e.bisect_probes} probes (bound ${e.probe_bound}); each component alone: ${secs(e.naive_s)}, ${e.naive_probes} probes (the culprit at try ${e.naive_probes_to_first_hit})`);
  }
  lines.push('');
  lines.push('Where the time goes (the traced run of each tool: git processes by command, summed process time, when they ran):');
  for (const key of ['restore', 'vcstool', 'loop', 'lock_only', 'action']) {
    const t = result.where_time_goes[key];
    if (!t) continue;
    lines.push(
      `   ${key}: ${t.processes} git processes (${t.top_level} started by the tool), ${t.git_seconds} s of git, mean ${t.mean_parallelism} at once; first git at ${t.before_first_git_ms} ms, last ended ${t.after_last_git_ms} ms before exit (traced wall ${t.traced_wall_s ?? '—'} s)`,
    );
    for (const [cmd, c] of Object.entries(t.commands).slice(0, 8)) {
      lines.push(`      ${pad(cmd, 28)}${lpad(c.count, 6)} x  ${lpad(c.total_s.toFixed(2), 7)} s   ${c.first_start_ms}–${c.last_exit_ms} ms`);
    }
  }
  lines.push('');
  lines.push('Targets');
  for (const [key, v] of Object.entries(result.targets)) {
    lines.push(`   ${pad(key, 18)}${pad(v.target, 10)}${lpad(v.value, 10)}   ${v.pass === null ? 'SKIP' : v.pass ? 'PASS' : 'FAIL'}`);
  }
  if (result.scale) {
    lines.push('');
    lines.push(...scaleTable(result.scale));
  }
  if (result.notes.length) {
    lines.push('');
    for (const note of result.notes) lines.push(`note: ${note}`);
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const opts = options(process.argv.slice(2));
  if (opts.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (opts.dist) {
    cli = join(opts.dist, 'cli.js');
    actionJs = join(opts.dist, 'index.js');
  }
  const started = Date.now();
  const loadStart = loadavg().map((x) => Math.round(x * 100) / 100);
  for (const f of [cli, actionJs]) if (!existsSync(f)) throw new Error(`${f} is missing; run npm run build first`);
  mkdirSync(benchDir, { recursive: true });
  tmp = mkdtempSync(join(tmpdir(), 'meta-rollback-bench-'));
  // Measure one build from start to end: a copy of the bundles, so a rebuild of dist/ during the
  // run (which deletes and rewrites it) neither breaks the run nor mixes two builds.
  const distSource = dirname(cli);
  const distCopy = join(tmp, 'dist');
  cpSync(distSource, distCopy, { recursive: true });
  cli = join(distCopy, 'cli.js');
  actionJs = join(distCopy, 'index.js');
  for (const f of [cli, actionJs]) if (!existsSync(f)) throw new Error(`${f} is missing from the copy of ${distSource} (was it being rebuilt?); run the benchmark again`);
  const out = { samples: {}, cpu: {}, rss: {}, trace: {}, notes: [], action: undefined };

  // Tools
  if (hasGnuTime()) setRssMode('gnu-time');
  else {
    const t = await ensureTool({ what: 'GNU time (/usr/bin/time)', probe: hasGnuTime, packages: ['time'], log });
    setRssMode(t.ok ? 'gnu-time' : 'proc-poll');
    if (t.note) out.notes.push(t.note);
    if (!t.ok) out.notes.push('peak RSS polled from /proc/PID/status VmHWM of the direct child only (every 10 ms)');
  }
  let vcsOk = false;
  let vcsVersion = null;
  if (opts.vcstool && opts.only.has('a')) {
    const v = await ensureTool({ what: 'vcs (vcstool)', probe: () => commandWorks('vcs', ['--version']), packages: ['vcstool', 'python3-vcstool'], log });
    vcsOk = v.ok;
    if (v.note) out.notes.push(v.note);
    if (v.ok) vcsVersion = spawnSync('vcs', ['--version'], { encoding: 'utf8', timeout: 30_000 }).stdout.trim();
  } else if (!opts.vcstool) out.notes.push('vcstool comparison skipped (--no-vcstool)');

  if (opts.only.has('e')) {
    const sizes = opts.scale.length > 0 ? opts.scale : [5000];
    const rows = await scenarioScale({ cli, sizes, runs: opts.runs, tmp, env: GIT_ENV, log });
    for (const row of rows) for (const [key, t] of Object.entries(SCALE_TARGETS)) if (row[key] !== null && !t.ok(row[key])) log(`scale target missed at N = ${row.n}: ${key} ${row[key]} (${t.text})`);
    if (opts.only.size === 1) {
      if (opts.json) process.stdout.write(`${JSON.stringify({ scale: rows, targets: SCALE_TARGETS_TEXT(), machine: { cpus, node: process.version } })}\n`);
      else process.stdout.write(`${scaleTable(rows).join('\n')}\n`);
      return;
    }
    out.scale = rows;
  }

  // Fixture
  const fx = await ensureFixture({ benchDir, n: opts.n, fresh: opts.fresh, jobs: setupJobs, log });
  log(fx.cached ? `fixture: ${fx.paths.dir} (cached; generated in ${fx.generation_s} s)` : `fixture generated in ${fx.generation_s} s: ${fx.paths.dir}`);
  log('resetting every checkout to the newer pins');
  await resetMeta(fx.paths.meta);
  await resetMeta(fx.paths.lockOnly);
  await resetCheckouts(fx, 'newer', { force: true });

  if (opts.only.has('a')) await scenarioA(fx, opts, vcsOk, out);
  if (opts.only.has('b')) {
    await scenarioBLockOnly(fx, opts, out);
    await scenarioBAction(fx, out);
  }
  if (opts.only.has('c')) await scenarioC(opts, out);
  if (opts.only.has('d')) await scenarioD(opts, out);
  if (opts.only.has('f')) out.bisect = await culpritFinding({ cli, tmp, runs: opts.runs, log });
  if (opts.only.size < 5 || opts.only.has('e')) out.notes.push(`only scenario(s) ${[...opts.only].join(', ').toUpperCase()} were run (--only)`);

  const restore = median(out.samples.restore);
  const vcs = vcsOk ? median(out.samples.vcstool) : null;
  const loop = median(out.samples.loop);
  const rssMb = Object.fromEntries(Object.entries(out.rss).map(([k, v]) => [k, v ? r1(v / 1024) : null]));
  const metaRss = ['restore', 'lock_only', 'action', 'cold_start'].map((k) => rssMb[k]).filter((v) => typeof v === 'number');
  const result = {
    n: opts.n,
    runs: opts.runs,
    restore_s: r3(restore),
    vcstool_s: r3(vcs),
    loop_s: r3(loop),
    ratio_vs_vcstool: restore !== null && vcs ? r3(restore / vcs) : null,
    ratio_vs_loop: restore !== null && loop ? r3(restore / loop) : null,
    lock_only_s: r3(median(out.samples.lock_only)),
    api_requests: out.action?.api_requests ?? null,
    time_to_recover_s: out.recover?.median_s ?? null,
    recover_api_requests: out.recover?.api_requests ?? null,
    recover: out.recover ?? null,
    bisect: out.bisect ?? null,
    cold_start_ms: r1(median(out.samples.cold_start_ms)),
    cold_exit_ms: r1(median(out.samples.cold_exit_ms)),
    node_e0_ms: r1(median(out.samples.node_e0_ms)),
    peak_rss_mb: metaRss.length ? Math.max(...metaRss) : null,
    git_processes: Object.fromEntries(Object.entries(out.trace).map(([k, v]) => [k, v.processes])),
    targets: {},
    samples: out.samples,
    rss_mb: rssMb,
    // user + system CPU seconds of each tool's whole process tree (GNU time), median of the timed runs
    cpu_s: Object.fromEntries(Object.entries(out.cpu).map(([k, v]) => [k, r3(median(v))])),
    api: out.action ?? null,
    where_time_goes: out.trace,
    fixture: {
      path: fx.paths.dir,
      cached: fx.cached,
      generation_s: fx.generation_s,
      commits_per_repo: fx.history.commits,
      tags_per_repo: fx.history.tags,
      working_tree_mb: fx.working_tree_mb,
      objects_mb_per_checkout: fx.objects_mb,
      variant: 'full clones: the older commits are already in every checkout',
    },
    settings: { dist: distSource, meta_jobs: opts.jobs ?? 8, vcs_workers: opts.vcsWorkers, rss: getRssMode(), vcs_flags: 'import --input FILE --workers W . (no --force, no --skip-existing, no --shallow)' },
    machine: { cpus, node: process.version, git: spawnSync('git', ['--version'], { encoding: 'utf8' }).stdout.trim(), vcs: vcsVersion, loadavg_start: loadStart, loadavg_end: loadavg().map((x) => Math.round(x * 100) / 100) },
    scale: out.scale ?? null,
    notes: out.notes,
    duration_s: r1((Date.now() - started) / 1000),
  };
  for (const key of Object.keys(TARGETS)) result.targets[key] = verdict(key, result[key]);
  if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else process.stdout.write(table(result));
}

main()
  .catch((err) => {
    process.stderr.write(`error: ${err?.message ?? err}\n`);
    if (process.env.DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
    process.exitCode = 1;
  })
  .finally(cleanup);

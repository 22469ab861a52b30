// Scenario E (`npm run bench -- --scale 5000`): the commands that must not grow faster than the
// number of components, at sizes given, each beside its floor measured in the same run.
//
// Fixture per N: a meta-repo of N components (repositories that are not there, no checkouts: only
// the meta-repo's own work is measured), three env locks, 50 lock revisions, the last one bumping
// every component (the earlier ones bump a fiftieth each). Measured: the lock-only rollback of
// prod to HEAD~1 against `yaml` parsing and writing the same lock (the floor: any edit must at
// least read and write it), `rollback list --component X` and `rollback list` (rows, peak RSS).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockText, manifestText } from '../lib/sample-system.mjs';
import { median, run, runOk } from './proc.mjs';

export const SCALE_TARGETS = {
  lock_only_ratio: { text: '<= 1.5x yaml', ok: (v) => v <= 1.5 },
  list_component_s: { text: '< 1 s', ok: (v) => v < 1 },
  list_s: { text: '< 10 s', ok: (v) => v < 10 },
  list_rss_mb: { text: '< 300 MB', ok: (v) => v < 300 },
};

const REVISIONS = 50;
const ENVS = ['prod', 'staging', 'dev'];

const name = (i) => `svc-${String(i).padStart(5, '0')}`;
const sha = (i, rev) => `${(rev + 1).toString(16).padStart(3, '0')}${i.toString(16).padStart(37, 'c')}`;

function makeFixture(dir, n, env) {
  mkdirSync(join(dir, 'manifests'), { recursive: true });
  const git = (...args) => execFileSync('git', args, { cwd: dir, env, stdio: 'ignore' });
  git('init', '-q');
  writeFileSync(join(dir, 'manifests/components.yaml'), manifestText(Array.from({ length: n }, (_, i) => ({ name: name(i), repo: `/nonexistent/${name(i)}.git` }))));
  // Pin of component i at revision rev: it moves at the last revision, and at one earlier one.
  const pinAt = (i, rev) => {
    const moves = rev === REVISIONS - 1 ? 2 : rev >= i % (REVISIONS - 1) ? 1 : 0;
    return { name: name(i), version: `v1.${moves}.0`, commit: sha(i, moves), repo: `/nonexistent/${name(i)}.git` };
  };
  for (let rev = 0; rev < REVISIONS; rev++) {
    const pins = Array.from({ length: n }, (_, i) => pinAt(i, rev));
    for (const e of ENVS) writeFileSync(join(dir, `manifests/components.lock.${e}.yaml`), lockText({ env: e, generatedAt: `2026-10-${String((rev % 28) + 1).padStart(2, '0')}T00:00:00Z`, pins }));
    git('add', '-A');
    git('commit', '-q', '-m', `pins, revision ${rev}`);
  }
}

export async function scenarioScale({ cli, sizes, runs, tmp, env, log }) {
  const rows = [];
  const baselineJs = join(import.meta.dirname, 'yaml-baseline.mjs');
  for (const n of sizes) {
    const dir = join(tmp, `scale-${n}`);
    log(`E: scale fixture N = ${n} (${REVISIONS} revisions of ${ENVS.length} locks)`);
    makeFixture(dir, n, env);
    const lock = 'manifests/components.lock.prod.yaml';
    const timed = async (label, file, args, { reset = false } = {}) => {
      const ms = [];
      let last;
      for (let r = 0; r <= runs; r++) {
        if (reset) {
          await runOk('git', ['checkout', '--quiet', '--', '.'], { cwd: dir, env });
          await runOk('git', ['clean', '-q', '-f', '-d'], { cwd: dir, env });
        }
        last = await run(file, args, { cwd: dir, env, measure: true, tmpDir: tmp, timeoutMs: 20 * 60_000 });
        if (last.code !== 0) throw new Error(`${label} (N = ${n}) exited ${last.code}: ${last.stderr.trim().split('\n').pop()}`);
        // The first run warms the page cache and is not counted.
        if (r > 0) ms.push(last.ms / 1000);
      }
      log(`E: N = ${n}: ${label}: ${median(ms).toFixed(2)} s`);
      return { s: median(ms), rssMb: last.maxRssKb ? Math.round(last.maxRssKb / 1024) : null, stdout: last.stdout };
    };
    const lockOnly = await timed('lock-only rollback', process.execPath, [cli, 'rollback', 'lock', lock, '--rev', 'HEAD~1', '--env', 'prod'], { reset: true });
    const yaml = await timed('yaml parse+write', process.execPath, [baselineJs, join(dir, lock), join(tmp, `baseline-${n}.yaml`)]);
    const one = await timed('list --component', process.execPath, [cli, 'rollback', 'list', '--component', name(Math.floor(n / 2)), '--env', 'prod']);
    const all = await timed('list', process.execPath, [cli, 'rollback', 'list', '--env', 'prod', '--json']);
    rows.push({
      n,
      lock_only_s: round(lockOnly.s),
      yaml_s: round(yaml.s),
      lock_only_ratio: round(lockOnly.s / yaml.s),
      list_component_s: round(one.s),
      list_s: round(all.s),
      list_targets: JSON.parse(all.stdout).targets.length,
      list_rss_mb: all.rssMb,
    });
  }
  return rows;
}

const round = (x) => Math.round(x * 1000) / 1000;

export function scaleTable(rows) {
  const lines = [`E. Scale (${ENVS.length} env locks, ${REVISIONS} lock revisions, the last bumping every component)`];
  const head = ['N', 'lock-only --rev HEAD~1', 'yaml parse+write', 'ratio', 'list --component X', 'list', 'targets', 'list RSS'];
  const cells = rows.map((r) => [
    r.n.toLocaleString('en'),
    `${r.lock_only_s.toFixed(2)} s`,
    `${r.yaml_s.toFixed(2)} s`,
    `${r.lock_only_ratio.toFixed(2)}x`,
    `${r.list_component_s.toFixed(2)} s`,
    `${r.list_s.toFixed(2)} s`,
    r.list_targets.toLocaleString('en'),
    r.list_rss_mb === null ? '—' : `${r.list_rss_mb} MB`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  for (const row of [head, ...cells]) lines.push(`   ${row.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()}`);
  const largest = rows[rows.length - 1];
  if (largest) {
    lines.push(`   targets at N = ${largest.n.toLocaleString('en')}:`);
    for (const [key, t] of Object.entries(SCALE_TARGETS)) {
      const v = largest[key];
      lines.push(`      ${key.padEnd(18)}${t.text.padEnd(14)}${String(v ?? '—').padStart(8)}   ${v === null || v === undefined ? 'SKIP' : t.ok(v) ? 'PASS' : 'FAIL'}`);
    }
  }
  return lines;
}

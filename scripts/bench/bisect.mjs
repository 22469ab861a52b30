// Scenario F, culprit finding: 64 components moved by one release, one of them broken, a command
// oracle (`--run -- node oracle.mjs`, which reads the checkouts). `meta bisect` is timed and its
// probes counted against the naive approach of trying each component alone (that one at its bad
// pin, every other at its good pin), which is what one does by hand without the tool: it must try
// all 64 to know there is no second culprit. Both leave the checkouts as they found them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBisectSystem } from '../lib/bisect-system.mjs';
import { median } from './proc.mjs';

export const BISECT_COMPONENTS = 64;
const CULPRIT = 'svc-41';

function ok(file, args, options) {
  const res = spawnSync(file, args, { encoding: 'utf8', ...options });
  if (res.status !== 0) throw new Error(`${file} ${args.slice(0, 3).join(' ')} exited ${res.status}: ${res.stderr.slice(0, 300)}`);
  return res;
}

/** By hand: every component alone at its bad pin; one checkout moved and moved back per try. */
function naive(sys, pinsFile) {
  const checkout = (name, commit) => ok('git', ['-C', join(sys.meta, 'components', name), 'checkout', '--quiet', '--detach', commit]);
  const started = performance.now();
  for (const name of sys.names) checkout(name, sys.good[name]);
  const culprits = [];
  for (const name of sys.names) {
    checkout(name, sys.bad[name]);
    writeFileSync(pinsFile, JSON.stringify({ ...sys.good, [name]: sys.bad[name] }));
    const [program, ...args] = sys.oracle;
    const res = spawnSync(program, args, { cwd: sys.meta, env: { ...process.env, META_BISECT_PINS: pinsFile } });
    if (res.status !== 0 && res.status !== 125) culprits.push(name);
    checkout(name, sys.good[name]);
  }
  for (const name of sys.names) ok('git', ['-C', join(sys.meta, 'components', name), 'checkout', '--quiet', 'main']);
  return { seconds: (performance.now() - started) / 1000, probes: sys.names.length, culprits, firstHit: sys.names.indexOf(CULPRIT) + 1 };
}

function bisect(sys, cli) {
  const started = performance.now();
  const res = ok(process.execPath, [cli, 'bisect', '--env', 'prod', '--good', 'HEAD~1', '--bad', 'HEAD', '--json', '--run', '--', ...sys.oracle], { cwd: sys.meta });
  const json = JSON.parse(res.stdout);
  return { seconds: (performance.now() - started) / 1000, probes: json.probes.length, culprits: json.culprits };
}

export async function culpritFinding({ cli, tmp, runs, log }) {
  const base = join(tmp, 'bisect');
  mkdirSync(base, { recursive: true });
  log(`F: ${BISECT_COMPONENTS} tiny component repositories, culprit ${CULPRIT}`);
  const sys = createBisectSystem(base, { count: BISECT_COMPONENTS, broken: [CULPRIT] });
  const pinsFile = join(base, 'naive-pins.json');
  const samples = { bisect: [], naive: [] };
  let last;
  for (let r = 1; r <= runs; r++) {
    log(`F run ${r}/${runs}: meta bisect, then each component alone`);
    const b = bisect(sys, cli);
    const n = naive(sys, pinsFile);
    if (b.culprits.join() !== CULPRIT || n.culprits.join() !== CULPRIT) throw new Error(`F: wrong culprits: bisect ${b.culprits}, naive ${n.culprits}`);
    samples.bisect.push(Math.round(b.seconds * 1000) / 1000);
    samples.naive.push(Math.round(n.seconds * 1000) / 1000);
    last = { b, n };
  }
  return {
    candidates: BISECT_COMPONENTS,
    culprit: CULPRIT,
    bisect_s: median(samples.bisect),
    bisect_probes: last.b.probes,
    probe_bound: Math.ceil(Math.log2(BISECT_COMPONENTS)) + 3,
    naive_s: median(samples.naive),
    naive_probes: last.n.probes,
    naive_probes_to_first_hit: last.n.firstHit,
    samples_s: samples,
  };
}

// npm run demo:action: the GitHub Action at work, with no account and no network. The project's
// local GitHub-compatible server hosts a sample meta-repo; a tiny local "production" answers its
// web-ui health check (broken while prod pins web-ui v1.2.0); `node dist/index.js` runs as a runner
// would, for a rollback-button press and then for an automated rollback after a bad deploy.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalForge } from './lib/forge-build.mjs';
import { printRun } from './lib/print-run.mjs';
import { startProduction } from './lib/production.mjs';
import { addHttpHealthCheck, createSampleSystem } from './lib/sample-system.mjs';
import { hostRepo, runOnRunner } from './lib/try-action.mjs';

const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const keep = process.argv.includes('--keep');

/** The web-ui version prod runs: whatever the prod lock on the hosted default branch pins. */
function deployedWebUi(bare) {
  const lock = execFileSync('git', ['show', 'main:manifests/components.lock.prod.yaml'], { cwd: bare, encoding: 'utf8' });
  return /^ {2}web-ui:\n {4}version: (\S+)/m.exec(lock)?.[1] ?? 'none';
}

let deployed; // the hosted meta-repo the current scenario deploys from
const production = await startProduction((name, env) => (name === 'web-ui' && env === 'prod' && deployed ? (deployedWebUi(deployed.bare) === 'v1.2.0' ? 503 : 200) : 404));
const forge = await startLocalForge({}, (line) => console.log(line));
const base = mkdtempSync(join(tmpdir(), 'meta-rollback-demo-action-'));
const runners = [];

async function scenario(title, name, inputs) {
  console.log(`\n${bold(`== ${title}`)}`);
  deployed = await hostRepo(forge, system.meta, { owner: 'acme', name });
  console.log(`meta-repo acme/${name} on ${forge.serverUrl}; prod runs web-ui ${deployedWebUi(deployed.bare)}`);
  console.log(`step inputs: ${Object.entries(inputs).map(([k, v]) => `${k}: ${v}`).join(', ')}`);
  const result = await runOnRunner(forge, deployed, inputs);
  runners.push(result.runner);
  printRun(result);
  console.log(`\nprod now runs web-ui ${deployedWebUi(deployed.bare)}; the step ${result.run.code === 0 ? 'succeeded' : `failed (exit code ${result.run.code})`}`);
  if (result.run.code !== 0) process.exitCode = 1;
}

// Two lock revisions: the previous release (everything at v1.1.0) and the newest (v1.2.0), whose
// web-ui is broken; web-ui's health check asks the local production.
const system = createSampleSystem(join(base, 'system'), { checkouts: [] });
addHttpHealthCheck(system.meta, 'web-ui', production.healthUrl('web-ui'));
try {
  await scenario('1. The rollback button: roll web-ui back to v1.1.0 in prod, merge, check health', 'shop-button', {
    mode: 'component',
    component: 'web-ui',
    'to-version': 'v1.1.0',
    env: 'prod',
    'pull-request': 'merge',
    health: 'true',
  });
  await scenario('2. Automated rollback after a deploy: unhealthy, roll prod back to its previous lock, healthy again', 'shop-auto', {
    mode: 'health',
    env: 'prod',
    'rollback-on-unhealthy': 'true',
    'pull-request': 'merge',
  });
} finally {
  await forge.close();
  await production.close();
  if (keep) console.log(`\nkept ${base} and the runners ${runners.join(', ')}`);
  else for (const dir of [base, ...runners]) rmSync(dir, { recursive: true, force: true });
}

// Scenario D, time to recover: the action's wall time from start to exit for the rollback an
// on-call engineer asks of it: mode lock with rev HEAD~1 over 100 components, pull-request merge,
// then 100 http health checks, on the workspace actions/checkout leaves by default, against the
// project's local GitHub server. Median of --runs, with the request timeline of the median run.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { checkoutLikeActions } from '../lib/actions-checkout.mjs';
import { parseOutputFile, runnerEnvironment } from '../lib/actions-runner.mjs';
import { median, run, runOk } from './proc.mjs';
import { GIT_ENV } from './fixture.mjs';

export const RECOVER_COMPONENTS = 100;

/** A production whose every component answers its health check. */
async function startProduction() {
  let hits = 0;
  const server = createServer((req, res) => {
    hits += 1;
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.address().port, hits: () => hits, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The fixture's lock-only meta-repo with one http check per component, amended into its last commit so HEAD~1 is still the previous lock. */
async function monitoredCopy(fx, dir, port) {
  cpSync(fx.paths.lockOnly, dir, { recursive: true });
  const manifestPath = join(dir, 'manifests', 'components.yaml');
  const doc = parseDocument(readFileSync(manifestPath, 'utf8'));
  for (const pair of doc.get('components').items) {
    pair.value.set('health', doc.createNode([{ name: 'up', http: `http://127.0.0.1:${port}/${pair.key.value}`, retries: 0, timeout: 5 }]));
  }
  writeFileSync(manifestPath, doc.toString());
  await runOk('git', ['commit', '-q', '--amend', '--no-edit', '-a'], { cwd: dir, env: GIT_ENV });
}

export async function timeToRecover({ fx, forge, token, actionJs, tmp, runs, log }) {
  const production = await startProduction();
  const samples = [];
  const timelines = [];
  try {
    for (let i = 0; i <= runs; i++) {
      const name = `ttr-${i}`;
      const src = join(tmp, `${name}-src`);
      await monitoredCopy(fx, src, production.port);
      await forge.createRepo('acme', name, { from: src });
      const runner = join(tmp, `${name}-runner`);
      const workspace = join(runner, 'work', name);
      const runnerTemp = join(runner, 'temp');
      mkdirSync(join(runner, 'home'), { recursive: true });
      await checkoutLikeActions({ serverUrl: forge.serverUrl, owner: 'acme', name, token, workspace, runnerTemp });
      const outputFile = join(runner, 'output');
      writeFileSync(outputFile, '');
      writeFileSync(join(runner, 'summary.md'), '');
      const inputs = { mode: 'lock', 'lock-file': fx.paths.lockRel, rev: 'HEAD~1', 'pull-request': 'merge', health: 'true', token, root: '.', 'merge-method': 'squash' };
      const env = runnerEnvironment({
        home: join(runner, 'home'),
        workspace,
        runnerTemp,
        outputFile,
        summaryFile: join(runner, 'summary.md'),
        apiUrl: forge.apiUrl,
        serverUrl: forge.serverUrl,
        repository: `acme/${name}`,
        inputs,
        extra: { META_ROLLBACK_CACHE: join(runner, 'cache') },
      });
      forge.resetRecords();
      const hitsBefore = production.hits();
      log(`D: time to recover, run ${i}${i === 0 ? ' (warm-up)' : ''}`);
      const startedAt = Date.now();
      const res = await run(process.execPath, [actionJs], { cwd: workspace, env, timeoutMs: 10 * 60_000 });
      if (res.code !== 0) throw new Error(`the action failed: ${res.stdout.trim().split('\n').slice(-3).join(' | ')}`);
      const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'));
      if (outputs.merged !== 'true' || outputs.healthy !== 'true') throw new Error(`the action did not merge and pass health: merged=${outputs.merged} healthy=${outputs.healthy}`);
      const changed = JSON.parse(outputs.changes ?? '[]').length;
      if (changed !== RECOVER_COMPONENTS) throw new Error(`the action changed ${changed} components, expected ${RECOVER_COMPONENTS}`);
      if (production.hits() - hitsBefore < RECOVER_COMPONENTS) throw new Error(`${production.hits() - hitsBefore} health checks reached production, expected ${RECOVER_COMPONENTS}`);
      if (i === 0) continue;
      samples.push(Math.round(res.ms) / 1000);
      timelines.push(
        forge.requests
          .filter((r) => r.kind !== 'git')
          .map((r) => `+${r.at - startedAt}ms ${r.kind === 'graphql' ? 'GRAPHQL' : r.method} ${r.path.replace(`/repos/acme/${name}`, '')} ${r.status}`),
      );
    }
  } finally {
    await production.close();
  }
  const mid = median(samples);
  const at = samples.indexOf(mid);
  return { samples_s: samples, median_s: mid, api_requests: timelines[at]?.length ?? null, timeline: timelines[at] ?? [] };
}

// npm run try-action -- --repo DIR [--input name=value ...] [--persist v4|v6|none] [--keep]
// Runs the action on your own meta-repo with your workflow's inputs, against the local
// GitHub-compatible server: no account, no network, nothing pushed anywhere.
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startLocalForge } from './lib/forge-build.mjs';
import { printRun } from './lib/print-run.mjs';
import { hostRepo, runOnRunner } from './lib/try-action.mjs';

const usage = 'usage: npm run try-action -- --repo DIR [--input name=value ...] [--persist v4|v6|none] [--keep]';
const { values } = parseArgs({
  options: {
    repo: { type: 'string' },
    input: { type: 'string', multiple: true, default: [] },
    persist: { type: 'string', default: 'v4' },
    keep: { type: 'boolean', default: false },
  },
});
if (!values.repo || !['v4', 'v6', 'none'].includes(values.persist)) {
  console.error(usage);
  process.exit(2);
}
const inputs = {};
for (const pair of values.input) {
  const at = pair.indexOf('=');
  if (at <= 0) {
    console.error(`--input ${pair}: expected name=value\n${usage}`);
    process.exit(2);
  }
  inputs[pair.slice(0, at)] = pair.slice(at + 1);
}

const forge = await startLocalForge({}, (line) => console.error(line));
let code = 1;
try {
  code = await tryIt();
} catch (err) {
  // A refusal of the input (no repository, no branch) in one line, not a stack trace.
  console.error(`error: ${err.message}`);
} finally {
  await forge.close();
}
process.exit(code);

async function tryIt() {
  const hosted = await hostRepo(forge, values.repo);
  console.log(`hosted ${values.repo} as ${hosted.owner}/${hosted.name} (branch ${hosted.branch}) on ${forge.serverUrl}`);
  const result = await runOnRunner(forge, hosted, inputs, { persist: values.persist });
  printRun(result);
  if (values.keep) console.log(`\nrunner workspace kept in ${result.runner}`);
  else rmSync(result.runner, { recursive: true, force: true });
  return result.run.code;
}

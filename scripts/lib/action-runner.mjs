// Runs `node dist/index.js` exactly as a GitHub runner does: inputs as INPUT_* variables, outputs
// and the job summary through the files named by GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. Shared by
// the tests, `npm run try-action` and `npm run demo:action`, so all three run the action the same way.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Parses GITHUB_OUTPUT's `name<<DELIMITER ... DELIMITER` blocks as the runner does. */
export function parseOutputFile(text) {
  const out = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (match) {
      const [, name, delimiter] = match;
      const value = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      out[name] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      out[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return out;
}

/**
 * The inputs a runner passes when a step gives `given`: action.yml's defaults for the rest, with
 * `${{ github.token }}` (the only expression among them) standing for `token`.
 */
export function inputsWithDefaults(given, token) {
  const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8'));
  const inputs = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    if (spec.default === undefined) continue;
    inputs[name] = String(spec.default).replace('${{ github.token }}', token);
  }
  return { ...inputs, ...given };
}

/** Runs the action in `setup.workspace`; `dir` receives the output and summary files. */
export async function runAction(inputs, setup) {
  const { dir } = setup;
  const output = join(dir, 'output');
  const summary = join(dir, 'summary.md');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_GLOBAL: process.env.GIT_CONFIG_GLOBAL,
    GIT_CONFIG_NOSYSTEM: '1',
    META_ROLLBACK_CACHE: join(dir, 'cache'),
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_API_URL: setup.apiUrl,
    GITHUB_SERVER_URL: setup.serverUrl,
    GITHUB_GRAPHQL_URL: `${setup.serverUrl}/api/graphql`,
    GITHUB_REPOSITORY: setup.repository,
    GITHUB_WORKSPACE: setup.workspace,
    GITHUB_ACTOR: 'on-call-engineer',
    RUNNER_TEMP: join(dir, 'tmp'),
    ...setup.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const [command, ...prefix] = setup.node ?? [process.execPath];
  const child = spawn(command, [...prefix, join(repoRoot, 'dist', 'index.js')], { cwd: setup.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d.toString()));
  child.stderr.on('data', (d) => (stderr += d.toString()));
  const code = await new Promise((done) => child.on('close', (c) => done(c ?? 1)));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(output, 'utf8')),
    summary: readFileSync(summary, 'utf8'),
    files: { output, summary },
  };
}

// What a GitHub Actions runner gives a JavaScript action, and how it reads the action's outputs:
// shared by the tests, the benchmark, the demo and `npm run try-action`, so all run the action as a
// runner does.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Parses GITHUB_OUTPUT's `name<<DELIMITER ... DELIMITER` blocks (and `name=value` lines) as the runner does. */
export function parseOutputFile(text) {
  const out = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (match) {
      const value = [];
      for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i]);
      out[match[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      out[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return out;
}

/**
 * The environment of one action step: the runner's variables, the inputs as INPUT_<NAME> (the
 * runner upper-cases the name and keeps its dashes), and nothing of the caller's git config.
 */
export function runnerEnvironment({ home, workspace, runnerTemp, outputFile, summaryFile, apiUrl, serverUrl, repository, inputs, extra = {} }) {
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: serverUrl,
    GITHUB_GRAPHQL_URL: `${serverUrl}/api/graphql`,
    GITHUB_REPOSITORY: repository,
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTOR: 'on-call-engineer',
    RUNNER_TEMP: runnerTemp,
    ...extra,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
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

/**
 * Runs `node dist/index.js` in `setup.workspace` exactly as a runner would; `dir` receives the
 * output and summary files, HOME, RUNNER_TEMP (unless `env` names another) and the action's cache.
 */
export async function runAction(inputs, setup) {
  const { dir } = setup;
  const output = join(dir, 'output');
  const summary = join(dir, 'summary.md');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  const env = runnerEnvironment({
    home,
    workspace: setup.workspace,
    runnerTemp: join(dir, 'tmp'),
    outputFile: output,
    summaryFile: summary,
    apiUrl: setup.apiUrl,
    serverUrl: setup.serverUrl,
    repository: setup.repository,
    inputs,
    extra: { GIT_CONFIG_GLOBAL: process.env.GIT_CONFIG_GLOBAL, META_ROLLBACK_CACHE: join(dir, 'cache'), ...setup.env },
  });
  const [command, ...prefix] = setup.node ?? [process.execPath];
  const child = spawn(command, [...prefix, setup.script ?? join(repoRoot, 'dist', 'index.js')], { cwd: setup.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

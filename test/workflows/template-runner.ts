import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import { parse } from 'yaml';
import { inputsWithDefaults, type ActionRun } from '../../scripts/lib/actions-runner.mjs';
import type { Forge } from '../../tools/forge/index.js';
import { runActionProcess } from '../helpers/action-runner.js';
import { runnerCheckout } from '../helpers/checkout-workspace.js';
import { repoRoot } from '../helpers/cli.js';

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  strategy?: { matrix?: unknown };
  outputs?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, { inputs?: Record<string, { type?: string; default?: unknown }> } | null>;
  jobs: Record<string, Job>;
}

export interface StepRun {
  readonly job: string;
  readonly matrix: Record<string, unknown>;
  /** The step's `with:` with every expression filled in, as the runner passes it. */
  readonly with: Record<string, string>;
  readonly run: ActionRun;
}

export interface TemplateEvent {
  readonly name: string;
  readonly payload?: Record<string, unknown>;
  /** Inputs given on dispatch or by a caller; the template's defaults fill the rest. */
  readonly inputs?: Record<string, unknown>;
}

/** Every job sees the run's final status as success: the jobs before it succeeded or the test has failed. */
const statusFunctions = ['always', 'success'].map((name) => ({ name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(true) }));
const failureFunctions = ['failure', 'cancelled'].map((name) => ({ name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(false) }));
const functions = new Map([...statusFunctions, ...failureFunctions].map((f) => [f.name, f]));

/** Evaluates one expression (the text inside `${{ }}`) with GitHub's own expression library. */
function evaluate(expression: string, contexts: Record<string, unknown>): data.ExpressionData {
  const tokens = new Lexer(expression).lex().tokens;
  const tree = new Parser(tokens, Object.keys(contexts), [...functions.values()]).parse();
  return new Evaluator(tree, JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary, functions).evaluate();
}

const plain = (value: data.ExpressionData): unknown => JSON.parse(JSON.stringify(value, data.replacer)) as unknown;

/** A `with:` value as the runner passes it: every `${{ }}` replaced by its value as a string. */
function fill(value: unknown, contexts: Record<string, unknown>): string {
  return String(value).replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => evaluate(expression.trim(), contexts).coerceString());
}

/** A job's `if:`, with or without `${{ }}`, as GitHub reads it. */
function condition(text: string | undefined, contexts: Record<string, unknown>): boolean {
  if (text === undefined) return true;
  const bare = /^\s*\$\{\{(.*)\}\}\s*$/s.exec(text)?.[1] ?? text;
  return evaluate(bare, contexts).coerceString() === 'true';
}

/** The matrix's combinations: `include` entries, or the product of its lists. */
function combinations(matrix: unknown, contexts: Record<string, unknown>): Array<Record<string, unknown>> {
  if (matrix === undefined) return [{}];
  const value = (typeof matrix === 'string' ? plain(evaluate(/^\$\{\{(.*)\}\}$/s.exec(matrix.trim())![1]!, contexts)) : matrix) as Record<string, unknown>;
  if (Array.isArray(value.include)) return value.include as Array<Record<string, unknown>>;
  return Object.entries(value).reduce<Array<Record<string, unknown>>>((all, [key, values]) => all.flatMap((c) => (values as unknown[]).map((v) => ({ ...c, [key]: v }))), [{}]);
}

/** The `inputs` context: the template's declared defaults (booleans as booleans), then what was given. */
function inputsContext(wf: Workflow, event: TemplateEvent): Record<string, unknown> {
  const declared = wf.on[event.name]?.inputs ?? {};
  const defaults = Object.fromEntries(Object.entries(declared).map(([name, spec]) => [name, spec.default ?? (spec.type === 'boolean' ? false : '')]));
  return { ...defaults, ...event.inputs };
}

/**
 * Runs a template's jobs in order as GitHub would for `event`, as far as meta-rollback is concerned:
 * each job (and matrix combination) on a fresh runner checked out like actions/checkout, each
 * `uses: meta-rollback/meta-rollback@...` step with its `with:` filled in and run as `node dist/index.js`
 * against the forge. `run:` steps are left out: they only echo outputs.
 */
export async function runTemplate(file: string, forge: Forge, repo: { owner: string; name: string }, event: TemplateEvent): Promise<StepRun[]> {
  const wf = parse(readFileSync(join(repoRoot, file), 'utf8')) as Workflow;
  const github = { event_name: event.name, event: event.payload ?? {}, token: forge.token, repository: `${repo.owner}/${repo.name}`, ref_name: 'main' };
  const base = { github, inputs: inputsContext(wf, event), secrets: {}, vars: {}, env: {} };
  const needs: Record<string, { result: string; outputs: Record<string, string> }> = {};
  const runs: StepRun[] = [];
  for (const [jobName, job] of Object.entries(wf.jobs)) {
    const jobContexts = { ...base, needs };
    if (!condition(job.if, jobContexts)) {
      needs[jobName] = { result: 'skipped', outputs: {} };
      continue;
    }
    let outputs: Record<string, string> = {};
    for (const matrix of combinations(job.strategy?.matrix, jobContexts)) {
      const { workspace, runnerTemp } = await runnerCheckout(forge, repo.owner, repo.name, 'v6');
      const steps: Record<string, { outputs: Record<string, string> }> = {};
      for (const step of job.steps ?? []) {
        if (!/^meta-rollback\/meta-rollback@/.test(step.uses ?? '')) continue;
        const contexts = { ...jobContexts, matrix, steps };
        const filled = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, fill(v, contexts)]));
        const run = await runActionProcess(inputsWithDefaults(filled, forge.token), { workspace, repository: github.repository, apiUrl: forge.apiUrl, serverUrl: forge.serverUrl, env: { RUNNER_TEMP: runnerTemp } });
        runs.push({ job: jobName, matrix, with: filled, run });
        if (step.id) steps[step.id] = { outputs: run.outputs };
      }
      outputs = Object.fromEntries(Object.entries(job.outputs ?? {}).map(([k, v]) => [k, fill(v, { ...jobContexts, matrix, steps })]));
    }
    needs[jobName] = { result: 'success', outputs };
  }
  return runs;
}

import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import pLimit from 'p-limit';
import { InputError } from '../errors.js';
import type { Manifest } from '../manifest.js';
import { quote } from '../names.js';
import { MANIFEST_PATH, componentDir } from '../paths.js';
import { appliesToEnv } from '../health/env.js';
import { runCommandCheck } from '../health/command-check.js';
import { parseHealthChecks, type CheckOutcome, type CommandCheckSpec } from '../health/index.js';
import type { Verdict } from './search.js';
import { programProblem } from './program-lookup.js';

/** The exit code `git bisect run` also uses for "this state cannot be tested". */
export const CANNOT_TEST = 125;

/** A `--run` command may run a whole test suite; the bound only stops one that hangs. */
const RUN_TIMEOUT_SECONDS = 3600;

export interface ProbeInput {
  /** Every candidate's pin in this probe. */
  readonly pins: Readonly<Record<string, string>>;
  readonly signal: AbortSignal;
}

export interface ProbeAnswer {
  readonly verdict: Verdict;
  /** One line: which check failed, or the command's exit. */
  readonly detail: string;
}

export type ProbeOracle = (input: ProbeInput) => Promise<ProbeAnswer>;

function verdictOf(outcome: CheckOutcome): Verdict {
  if (outcome.ok) return 'good';
  return outcome.exitCode === CANNOT_TEST ? 'skip' : 'bad';
}

/**
 * `--run -- CMD ARGS...`: argv without a shell, in the meta-repo root, with META_BISECT_PINS naming a
 * JSON file of the probe's pins (written fresh for each probe, in `pinsFile`).
 */
export function runOracle(root: string, argv: readonly string[], pinsFile: string): ProbeOracle {
  const [program = ''] = argv;
  const problem = programProblem(program, root);
  if (problem) throw new InputError(`--run: ${problem}`);
  const spec: CommandCheckSpec = { kind: 'command', name: '--run', command: argv, timeoutSeconds: RUN_TIMEOUT_SECONDS };
  return async ({ pins, signal }) => {
    await writeFile(pinsFile, `${JSON.stringify(pins, null, 2)}\n`);
    const outcome = await runCommandCheck(spec, { cwd: root, signal, env: { META_BISECT_PINS: pinsFile } });
    return { verdict: verdictOf(outcome), detail: outcome.detail.split('\n')[0] ?? '' };
  };
}

/**
 * The env's `command` health checks, each in its component's checkout. The lock check is left out
 * (a probe is off the lock by design) and so are http checks (they test what is deployed, not the
 * checkouts). Any check exiting 125, with none failing otherwise, makes the probe "cannot test".
 */
export function healthOracle(root: string, manifest: Manifest, env: string | undefined, jobs: number): ProbeOracle {
  const tasks: Array<{ component: string; cwd: string; spec: CommandCheckSpec }> = [];
  for (const component of manifest.components.values()) {
    const cwd = componentDir(root, component.name);
    for (const spec of parseHealthChecks(component.health, { file: MANIFEST_PATH, component: component.name })) {
      if (spec.kind !== 'command' || !appliesToEnv(spec, env) || !existsSync(cwd)) continue;
      const problem = programProblem(spec.command[0] ?? '', cwd);
      if (problem) throw new InputError(`${MANIFEST_PATH}: components.${component.name}.health ${quote(spec.name)}: ${problem}`);
      tasks.push({ component: component.name, cwd, spec });
    }
  }
  if (tasks.length === 0) {
    throw new InputError(`--run: ${MANIFEST_PATH} declares no command health check for ${env === undefined ? 'the default lock' : `env ${quote(env)}`} with a checkout to run in; give the oracle as --run -- CMD ARGS...`);
  }
  const limit = pLimit(Math.max(1, jobs));
  return async ({ signal }) => {
    const outcomes = await Promise.all(tasks.map((t) => limit(async () => ({ task: t, outcome: await runCommandCheck(t.spec, { cwd: t.cwd, signal }) }))));
    const failed = outcomes.filter((o) => !o.outcome.ok);
    const verdicts = failed.map((o) => verdictOf(o.outcome));
    const verdict: Verdict = failed.length === 0 ? 'good' : verdicts.includes('bad') ? 'bad' : 'skip';
    const detail = failed.map((o) => `${o.task.component}/${o.task.spec.name}: ${o.outcome.detail.split('\n')[0]}`).join('; ');
    return { verdict, detail: detail || `${outcomes.length} command check(s) passed` };
  };
}

/**
 * `--retries N`: a "bad" answer is asked again up to N times, and the probe is bad only when every
 * answer is bad; the first good answer makes it good (a flaky oracle fails spuriously, it does not
 * pass spuriously), and a "cannot test" answer makes it cannot-test. Good answers are not re-asked.
 */
export function withRetries(oracle: ProbeOracle, retries: number): ProbeOracle {
  return async (input) => {
    let answer = await oracle(input);
    for (let i = 0; i < retries && answer.verdict === 'bad' && !input.signal.aborted; i++) answer = await oracle(input);
    return answer;
  };
}

import pLimit from 'p-limit';
import { runCommandCheck } from './command-check.js';
import { appliesToEnv } from './env.js';
import { runHttpCheck } from './http-check.js';
import { runLockCheck, type LockCheck } from './lock-check.js';
import {
  HEALTH_DEFAULTS,
  LOCK_CHECK_NAME,
  type CheckOutcome,
  type HealthCheckKind,
  type HealthComponent,
  type HealthReport,
  type HealthResult,
  type HealthSkip,
} from './types.js';

export interface RunHealthChecksInput {
  readonly components: readonly HealthComponent[];
  /** The selected environment; undefined for the default lock. */
  readonly env?: string;
  /** Most checks in flight at once (default 8), so a large system does not flood its own endpoints. */
  readonly concurrency?: number;
  /** Computes the built-in lock check; without it no lock check is reported. */
  readonly lockCheck?: LockCheck;
  /** Cuts every running check off (commands are killed) and fails those not yet started. */
  readonly signal?: AbortSignal;
  /** Called as each check finishes, in completion order, for live progress output. */
  readonly onResult?: (result: HealthResult) => void;
  /** Base backoff before the first http retry (default 1000 ms), doubled per retry with jitter. */
  readonly retryDelayMs?: number;
  /** SIGTERM-to-SIGKILL grace for commands cut off at their timeout (default 2000 ms). */
  readonly killGraceMs?: number;
  /**
   * Command checks that were asked for by name (the Python CLI's `--build`/`--tests`): without a
   * checkout such a check fails instead of being skipped, as Python's does for a missing component.
   */
  readonly required?: (checkName: string) => string | undefined;
}

interface Task {
  readonly component: HealthComponent;
  readonly name: string;
  readonly kind: HealthCheckKind;
  readonly run: () => Promise<CheckOutcome>;
}

export async function runHealthChecks(input: RunHealthChecksInput): Promise<HealthReport> {
  const concurrency = input.concurrency ?? HEALTH_DEFAULTS.concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`health check concurrency must be a positive integer, got ${String(concurrency)}`);
  }
  const { tasks, skipped } = plan(input);

  let callbackError: { error: unknown } | undefined;
  const limit = pLimit(concurrency);
  const results = await limit.map(tasks, async (task) => {
    const result = await execute(task, input.signal);
    try {
      input.onResult?.(result);
    } catch (error) {
      // A broken progress callback must not abandon checks that are still running their processes.
      callbackError ??= { error };
    }
    return result;
  });
  if (callbackError) throw callbackError.error;

  return { healthy: results.every((r) => r.ok), results, skipped };
}

function plan(input: RunHealthChecksInput): { tasks: Task[]; skipped: HealthSkip[] } {
  const tasks: Task[] = [];
  const skipped: HealthSkip[] = [];
  const { env, signal, lockCheck } = input;

  for (const component of input.components) {
    if (lockCheck) {
      tasks.push({ component, name: LOCK_CHECK_NAME, kind: 'lock', run: () => runLockCheck(component, lockCheck, signal) });
    }
    for (const spec of component.checks) {
      const skip = (reason: string): void => {
        skipped.push({ name: spec.name, component: component.name, kind: spec.kind, reason });
      };
      if (!appliesToEnv(spec, env)) {
        const only = `only for ${spec.envs?.join(', ')}`;
        skip(env === undefined ? `${only}; no environment selected` : `${only}, not ${env}`);
        continue;
      }
      if (spec.kind === 'http') {
        tasks.push({
          component,
          name: spec.name,
          kind: 'http',
          run: () => runHttpCheck(spec, { env, signal, retryDelayMs: input.retryDelayMs }),
        });
        continue;
      }
      const cwd = component.checkoutDir;
      if (cwd === undefined) {
        const askedBy = input.required?.(spec.name);
        if (askedBy !== undefined) {
          const detail = `no checkout: components/${component.name} is missing, and ${askedBy} asked for this check`;
          tasks.push({ component, name: spec.name, kind: 'command', run: () => Promise.resolve({ ok: false, detail }) });
          continue;
        }
        // Neither a pass nor a failure: the command has nowhere to run, and the report says so.
        skip('no checkout');
        continue;
      }
      tasks.push({
        component,
        name: spec.name,
        kind: 'command',
        run: () => runCommandCheck(spec, { cwd, signal, killGraceMs: input.killGraceMs }),
      });
    }
  }
  return { tasks, skipped };
}

async function execute(task: Task, signal: AbortSignal | undefined): Promise<HealthResult> {
  const base = { name: task.name, component: task.component.name, kind: task.kind };
  if (signal?.aborted) return { ...base, ok: false, duration_ms: 0, detail: 'aborted before it started' };
  const started = performance.now();
  let outcome: CheckOutcome;
  try {
    outcome = await task.run();
  } catch (err) {
    // The check runners report failures as outcomes; reaching here is a bug, still shown as a failure.
    outcome = { ok: false, detail: `internal error: ${err instanceof Error ? err.message : String(err)}` };
  }
  return {
    ...base,
    ok: outcome.ok,
    duration_ms: Math.round(performance.now() - started),
    detail: outcome.detail,
    ...(outcome.attempts !== undefined && { attempts: outcome.attempts }),
  };
}

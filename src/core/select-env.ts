import { basename } from 'node:path';
import type { RunContext } from './context.js';
import { parseLockName } from './env-locks.js';
import { InputError } from './errors.js';
import { checkEnvName, quote } from './names.js';
import { lockPathFor } from './paths.js';

/**
 * SPEC section 2: the env is never guessed silently. Without --env, a source that is an env's lock
 * (by its name, `components.lock.<env>[.previous].yaml`, or by its `environment:`) selects that env,
 * and a line on stderr names the lock that will be written before anything changes. With --env, a
 * source of another env is copied across, which is said too. Returns the context to run with and
 * that line, which the caller prints once the selected env's lock has been found.
 */
export function selectEnvForSource(ctx: RunContext, given: string, what: string, sourceRel: string, fileEnv: string | undefined): { ctx: RunContext; notice?: string } {
  const named = parseLockName(basename(sourceRel));
  const nameEnv = named?.env;
  if (ctx.env !== undefined) {
    const from = nameEnv ?? fileEnv;
    if (from === undefined || from === ctx.env) return { ctx };
    return { ctx, notice: `copying the pins of env ${from} (${given}) into ${lockPathFor(ctx.env)}, as --env ${ctx.env} asks` };
  }
  if (named && fileEnv !== undefined && fileEnv !== nameEnv) {
    const as = nameEnv === undefined ? 'the default lock' : `the lock of env ${nameEnv}`;
    throw new InputError(`${what}: ${quote(given)} is named as ${as} but its environment: is ${quote(fileEnv)}; give --env to say which lock to write`);
  }
  const env = nameEnv ?? fileEnv;
  if (env === undefined) return { ctx };
  checkEnvName(env, `${what}: ${given}: environment`);
  const how = nameEnv !== undefined ? `the name of ${given}` : `the environment: of ${given}`;
  return { ctx: { ...ctx, env }, notice: `lock to write: ${lockPathFor(env)} (env ${env}, from ${how}; give --env to write another env's lock)` };
}

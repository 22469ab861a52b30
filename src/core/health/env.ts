import type { HealthCheckSpec } from './types.js';

export const ENV_PLACEHOLDER = '${env}';

export function placeholdersIn(text: string): string[] {
  return text.match(/\$\{[^}]*\}/g) ?? [];
}

/** A check limited by `envs` is written for those environments only, so it never runs without one. */
export function appliesToEnv(spec: HealthCheckSpec, env: string | undefined): boolean {
  if (spec.envs === undefined) return true;
  return env !== undefined && spec.envs.includes(env);
}

/**
 * Fills in `${env}`. Without an environment (the default lock) there is deliberately no stand-in
 * such as "default": guessing a host name during an incident could probe the wrong system and
 * report it healthy, so such a check fails and says why instead.
 */
export function resolveUrl(template: string, env: string | undefined): { url: string } | { problem: string } {
  if (!template.includes(ENV_PLACEHOLDER)) return { url: template };
  if (env === undefined) {
    return { problem: `the URL uses ${ENV_PLACEHOLDER} but no environment was selected (add envs: or pass an environment)` };
  }
  return { url: template.replaceAll(ENV_PLACEHOLDER, env) };
}

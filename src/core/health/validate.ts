import { InputError } from '../errors.js';
import { checkEnvName, quote } from '../names.js';
import { HEALTH_DEFAULTS, LOCK_CHECK_NAME, type HealthCheckSpec } from './types.js';
import { ENV_PLACEHOLDER, placeholdersIn } from './env.js';

/** A malformed `health:` list. An input error (exit 2): the manifest, not the system, is at fault. */
export class HealthConfigError extends InputError {
  constructor(
    readonly file: string,
    /** Dotted path of the offending value, e.g. `components.alpha.health[1].expect_status`. */
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: ${field}: ${problem}`);
  }
}

const FIELDS = ['name', 'http', 'command', 'expect_status', 'expect_body', 'timeout', 'retries', 'envs'] as const;
const HTTP_ONLY = ['expect_status', 'expect_body', 'retries'] as const;

// Past this, setTimeout overflows long before; an hour is already far beyond any sane check.
const MAX_TIMEOUT_SECONDS = 3600;
const MAX_RETRIES = 10;

/**
 * Validates the plain value (as parsed from YAML) of one component's `health:` key and applies
 * defaults, so callers and reports see every effective setting. A missing or empty key is no checks.
 */
export function parseHealthChecks(raw: unknown, where: { file: string; component: string }): HealthCheckSpec[] {
  const base = `components.${where.component}.health`;
  const fail = (field: string, problem: string): never => {
    throw new HealthConfigError(where.file, field, problem);
  };

  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) fail(base, 'must be a list of checks');

  const seen = new Map<string, number>();
  return (raw as unknown[]).map((entry, index) => {
    const at = `${base}[${index}]`;
    if (!isPlainObject(entry)) fail(at, 'must be a mapping with a name and either http or command');
    const item = entry as Record<string, unknown>;

    for (const key of Object.keys(item)) {
      if (!(FIELDS as readonly string[]).includes(key)) {
        // A misspelt key would otherwise be ignored and its default silently used instead.
        fail(`${at}.${key}`, `unknown field (expected one of: ${FIELDS.join(', ')})`);
      }
    }

    const name = parseName(item.name, `${at}.name`, fail);
    const earlier = seen.get(name);
    if (earlier !== undefined) fail(`${at}.name`, `duplicate check name ${quote(name)} (also at health[${earlier}])`);
    seen.set(name, index);

    const hasHttp = item.http !== undefined;
    const hasCommand = item.command !== undefined;
    if (hasHttp && hasCommand) fail(at, 'has both http and command (a check is one or the other)');
    if (!hasHttp && !hasCommand) fail(at, 'needs either http (a URL) or command (an argv list)');

    const envs = item.envs === undefined ? undefined : parseEnvs(item.envs, `${at}.envs`, fail);

    if (hasCommand) {
      for (const key of HTTP_ONLY) {
        if (item[key] !== undefined) fail(`${at}.${key}`, 'only applies to http checks');
      }
      return {
        kind: 'command',
        name,
        command: parseCommand(item.command, `${at}.command`, fail),
        timeoutSeconds: parseTimeout(item.timeout, HEALTH_DEFAULTS.commandTimeoutSeconds, `${at}.timeout`, fail),
        ...(envs && { envs }),
      };
    }

    const expectBody = item.expect_body;
    if (expectBody !== undefined && (typeof expectBody !== 'string' || expectBody.length === 0)) {
      fail(`${at}.expect_body`, 'must be a non-empty string');
    }
    return {
      kind: 'http',
      name,
      url: parseUrl(item.http, `${at}.http`, fail),
      expectStatus: parseInteger(item.expect_status, HEALTH_DEFAULTS.expectStatus, 100, 599, `${at}.expect_status`, fail),
      ...(expectBody !== undefined && { expectBody: expectBody as string }),
      timeoutSeconds: parseTimeout(item.timeout, HEALTH_DEFAULTS.httpTimeoutSeconds, `${at}.timeout`, fail),
      retries: parseInteger(item.retries, HEALTH_DEFAULTS.retries, 0, MAX_RETRIES, `${at}.retries`, fail),
      ...(envs && { envs }),
    };
  });
}

type Fail = (field: string, problem: string) => never;

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseName(value: unknown, field: string, fail: Fail): string {
  if (value === undefined) return fail(field, 'missing (every check needs a name)');
  if (typeof value !== 'string' || value.trim().length === 0) return fail(field, 'must be a non-empty string');
  // Names are table cells and log lines; a line break or control character would garble both.
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(value)) return fail(field, 'must be a single line without control characters');
  if (value.length > 100) return fail(field, 'must be at most 100 characters');
  if (value === LOCK_CHECK_NAME) return fail(field, `${quote(LOCK_CHECK_NAME)} is reserved for the built-in lock check`);
  return value;
}

function parseUrl(value: unknown, field: string, fail: Fail): string {
  if (typeof value !== 'string' || value.length === 0) return fail(field, 'must be a URL string');
  for (const placeholder of placeholdersIn(value)) {
    if (placeholder !== ENV_PLACEHOLDER) {
      fail(field, `unknown placeholder ${placeholder} (only ${ENV_PLACEHOLDER} is supported)`);
    }
  }
  // Any valid environment name yields the same URL shape, so one stand-in proves them all.
  let url: URL;
  try {
    url = new URL(value.replaceAll(ENV_PLACEHOLDER, 'env'));
  } catch {
    return fail(field, `not a valid URL: ${quote(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail(field, `must be an http:// or https:// URL, not ${quote(url.protocol.replace(/:$/, ''))}`);
  }
  if (url.username !== '' || url.password !== '') {
    return fail(field, 'must not contain credentials (the URL appears in reports and logs)');
  }
  return value;
}

function parseCommand(value: unknown, field: string, fail: Fail): string[] {
  if (typeof value === 'string') {
    return fail(field, `must be a list of strings (argv), not a string: no shell splits it; write e.g. ${JSON.stringify(value.trim().split(/\s+/))}`);
  }
  if (!Array.isArray(value) || value.length === 0) return fail(field, 'must be a non-empty list of strings (argv)');
  value.forEach((arg, i) => {
    if (typeof arg !== 'string') fail(`${field}[${i}]`, 'must be a string');
    if (arg.includes('\0')) fail(`${field}[${i}]`, 'contains a NUL byte');
  });
  if ((value[0] as string).length === 0) fail(`${field}[0]`, 'must name a program');
  return [...(value as string[])];
}

function parseTimeout(value: unknown, fallback: number, field: string, fail: Fail): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_TIMEOUT_SECONDS) {
    return fail(field, `must be a number of seconds greater than 0 and at most ${MAX_TIMEOUT_SECONDS}`);
  }
  return value;
}

function parseInteger(value: unknown, fallback: number, min: number, max: number, field: string, fail: Fail): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return fail(field, `must be an integer ${min}-${max}`);
  }
  return value;
}

function parseEnvs(value: unknown, field: string, fail: Fail): string[] {
  if (!Array.isArray(value) || value.length === 0) return fail(field, 'must be a non-empty list of environment names');
  return value.map((env, i) => {
    if (typeof env !== 'string') return fail(`${field}[${i}]`, 'must be a string');
    try {
      return checkEnvName(env, `${field}[${i}]`);
    } catch (err) {
      // Reuse the project-wide name rule but keep this module's error type and field path.
      const prefix = `${field}[${i}]: `;
      const message = (err as Error).message;
      return fail(`${field}[${i}]`, message.startsWith(prefix) ? message.slice(prefix.length) : message);
    }
  });
}

/**
 * Health checks declared under a component's `health:` list in manifests/components.yaml, and
 * what running them reports. Specs use camelCase; results keep the snake_case field names of the
 * JSON the CLI and the action print, so the report can be serialised as is.
 */

interface CheckSpecBase {
  /** Unique within its component; shown in every report line. */
  readonly name: string;
  /**
   * The check only runs for these environments. A check with `envs` never runs when no
   * environment is selected (the default lock), because it was written for specific ones.
   */
  readonly envs?: readonly string[];
  /** Seconds; fractions allowed. Per attempt for http, for the whole run for commands. */
  readonly timeoutSeconds?: number;
}

export interface HttpCheckSpec extends CheckSpecBase {
  readonly kind: 'http';
  /** May contain `${env}`, replaced by the selected environment name. */
  readonly url: string;
  readonly expectStatus?: number;
  /** A substring the response body must contain. */
  readonly expectBody?: string;
  /** Extra attempts after the first failure. */
  readonly retries?: number;
}

export interface CommandCheckSpec extends CheckSpecBase {
  readonly kind: 'command';
  /** argv, run in the component's checkout without a shell. */
  readonly command: readonly string[];
}

export type HealthCheckSpec = HttpCheckSpec | CommandCheckSpec;

export type HealthCheckKind = HealthCheckSpec['kind'] | 'lock';

export interface HealthResult {
  readonly name: string;
  readonly component: string;
  readonly kind: HealthCheckKind;
  readonly ok: boolean;
  readonly duration_ms: number;
  /** One line for http and lock checks; for commands the exit line, then the tail of the output. */
  readonly detail: string;
  /** http checks only: how many requests were made. */
  readonly attempts?: number;
}

/** A declared check that did not run, and why, so a report never hides a check silently. */
export interface HealthSkip {
  readonly name: string;
  readonly component: string;
  readonly kind: HealthCheckKind;
  readonly reason: string;
}

export interface HealthReport {
  /** True when every result passed (also when there were no results). */
  readonly healthy: boolean;
  /** In declaration order: per component its lock check first, then its checks as listed. */
  readonly results: readonly HealthResult[];
  readonly skipped?: readonly HealthSkip[];
}

/** One component as the runner sees it: its declared checks and where its checkout is. */
export interface HealthComponent {
  readonly name: string;
  readonly checks: readonly HealthCheckSpec[];
  /** Absolute path of components/NAME; undefined when the component is not checked out. */
  readonly checkoutDir?: string;
  readonly lockedCommit?: string;
}

/** What a single check produced, before the runner adds names and timing. */
export interface CheckOutcome {
  readonly ok: boolean;
  readonly detail: string;
  readonly attempts?: number;
  /** Command checks that ran to their end: the exit code (125 tells a bisect "cannot test"). */
  readonly exitCode?: number;
}

/** Name of the built-in lock check; reserved so a declared check can never shadow it. */
export const LOCK_CHECK_NAME = 'lock';

export const HEALTH_DEFAULTS = {
  httpTimeoutSeconds: 10,
  expectStatus: 200,
  retries: 2,
  // Test suites routinely run past a minute; the bound exists to stop hung commands, not slow ones.
  commandTimeoutSeconds: 120,
  concurrency: 8,
} as const;

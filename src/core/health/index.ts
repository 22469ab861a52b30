export type {
  CheckOutcome,
  CommandCheckSpec,
  HealthCheckKind,
  HealthCheckSpec,
  HealthComponent,
  HealthReport,
  HealthResult,
  HealthSkip,
  HttpCheckSpec,
} from './types.js';
export { HEALTH_DEFAULTS, LOCK_CHECK_NAME } from './types.js';
export { HealthConfigError, parseHealthChecks } from './validate.js';
export { runHealthChecks, type RunHealthChecksInput } from './run-checks.js';
export { NO_CHECKOUT, type LockCheck } from './lock-check.js';
export { formatHealthTable, healthToMarkdown, type FormatOptions } from './format.js';

import type { ActionInputs } from './inputs.js';

/** Where the run's log goes: plain lines, and groups the Actions UI folds. */
export interface RunLog {
  readonly info: (line: string) => void;
  readonly startGroup: (title: string) => void;
  readonly endGroup: () => void;
}

interface PinOut {
  readonly version?: string;
  readonly commit?: string;
}

/** Longer lists than this go in a folded group, so the outcome lines stay on screen. */
const PLAIN_LIST_MAX = 10;

function pin(p: PinOut | null | undefined): string {
  if (!p) return '(not pinned)';
  return `${p.version ?? '?'}${p.commit ? ` (${p.commit.slice(0, 12)})` : ''}`;
}

function parsed<T>(text: string | undefined, fallback: T): T {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

function list(log: RunLog, title: string, lines: readonly string[]): void {
  if (lines.length === 0) return;
  if (lines.length <= PLAIN_LIST_MAX) {
    log.info(`${title}:`);
    for (const line of lines) log.info(`  ${line}`);
    return;
  }
  log.startGroup(title);
  for (const line of lines) log.info(line);
  log.endGroup();
}

/**
 * The run in the step's log, from its outputs: what it planned (component, from → to) and what
 * came of it (pull request, merge, health, undo). The job summary holds the same in tables; the
 * log is what an engineer sees first, and all a dry run leaves behind apart from the summary.
 */
export function logRun(inputs: Pick<ActionInputs, 'mode' | 'env' | 'dryRun'>, outputs: Readonly<Record<string, string>>, log: RunLog): void {
  const where = `${inputs.mode} (${inputs.env ?? 'default lock'})`;
  const changes = parsed<Array<{ component: string; from?: PinOut | null; to?: PinOut }>>(outputs.changes, []);
  const plan = changes.map((c) => `${c.component}: ${pin(c.from)} → ${pin(c.to)}`);
  const verb = inputs.dryRun ? 'would roll back' : 'rolled back';
  if (plan.length > 0) list(log, `${where}: ${verb} ${plan.length} component${plan.length === 1 ? '' : 's'}`, plan);
  else if (inputs.mode !== 'list' && inputs.mode !== 'health' && outputs['snapshot-file'] === '') log.info(`${where}: nothing to change`);

  const targets = parsed<Array<{ component: string; version: string; commit: string; current?: boolean }>>(outputs.targets, []);
  list(log, `${where}: ${targets.length} rollback targets`, targets.map((t) => `${t.component} ${t.version} (${t.commit.slice(0, 12)})${t.current ? ' current' : ''}`));
  const componentPulls = parsed<Array<{ component: string; url: string; merged: boolean }>>(outputs['component-pull-requests'], []);
  list(log, 'component pull requests', componentPulls.map((p) => `${p.component}: ${p.url}${p.merged ? ' (merged)' : ''}`));

  if (inputs.dryRun) {
    log.info('dry run: no file, branch or pull request was changed');
    return;
  }
  const number = outputs['pull-request-number'];
  if (outputs.merged === 'true' && number) log.info(`merged pull request #${number}`);
  else if (outputs.queued === 'true') log.info(`pull request #${number} waits in the merge queue`);
  else if (number) log.info(`pull request #${number} left open for review: ${outputs['pull-request-url']}`);
  if (outputs['snapshot-file'] && plan.length > 0) log.info(`undo: mode snapshot, snapshot-action restore, snapshot-file ${outputs['snapshot-file']}`);
  else if (outputs['snapshot-file']) log.info(`snapshot written: ${outputs['snapshot-file']}`);
  if (outputs.healthy === 'true') log.info('health: healthy');
  else if (outputs.healthy === 'false') log.info('health: UNHEALTHY');
}

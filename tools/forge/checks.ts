// How GitHub reads the checks of a commit: the newest status per context and the
// newest check run per name, and whether required contexts have passed.
import type { ForgeCore } from './core.js';
import type { CheckRunRecord, RepoRecord, StatusRecord } from './state.js';

export type CheckOutcome = 'success' | 'pending' | 'failure';

export function latestStatuses(core: ForgeCore, repo: RepoRecord, sha: string): StatusRecord[] {
  const byContext = new Map<string, StatusRecord>();
  // Contexts are case-insensitive; the newest status for a context wins.
  for (const s of core.state.statusesFor(repo.owner, repo.name, sha)) byContext.set(s.context.toLowerCase(), s);
  return [...byContext.values()];
}

export function latestCheckRuns(core: ForgeCore, repo: RepoRecord, sha: string): CheckRunRecord[] {
  const byName = new Map<string, CheckRunRecord>();
  for (const c of core.state.checkRunsFor(repo.owner, repo.name, sha)) byName.set(c.name, c);
  return [...byName.values()];
}

const PASSING_CONCLUSIONS = new Set(['success', 'neutral', 'skipped']);

function statusOutcome(s: StatusRecord): CheckOutcome {
  return s.state === 'success' ? 'success' : s.state === 'pending' ? 'pending' : 'failure';
}

function runOutcome(c: CheckRunRecord): CheckOutcome {
  if (c.status !== 'completed') return 'pending';
  return PASSING_CONCLUSIONS.has(c.conclusion ?? '') ? 'success' : 'failure';
}

/** `undefined` when nothing has reported the context yet. */
export function contextOutcome(core: ForgeCore, repo: RepoRecord, sha: string, context: string): CheckOutcome | undefined {
  // A status and a check run with the same name must both pass.
  const outcomes = [
    ...latestStatuses(core, repo, sha).filter((s) => s.context.toLowerCase() === context.toLowerCase()).map(statusOutcome),
    ...latestCheckRuns(core, repo, sha).filter((c) => c.name === context).map(runOutcome),
  ];
  if (outcomes.length === 0) return undefined;
  if (outcomes.includes('failure')) return 'failure';
  if (outcomes.includes('pending')) return 'pending';
  return 'success';
}

/** Whether any check on the commit, required or not, has failed. */
export function anyCheckFailing(core: ForgeCore, repo: RepoRecord, sha: string): boolean {
  return latestStatuses(core, repo, sha).some((s) => statusOutcome(s) === 'failure') || latestCheckRuns(core, repo, sha).some((c) => runOutcome(c) === 'failure');
}

export interface RequiredChecksReport {
  passed: string[];
  /** Pending or not reported at all. */
  expected: string[];
  failing: string[];
}

export function requiredChecks(core: ForgeCore, repo: RepoRecord, sha: string, contexts: string[]): RequiredChecksReport {
  const report: RequiredChecksReport = { passed: [], expected: [], failing: [] };
  for (const context of contexts) {
    const outcome = contextOutcome(core, repo, sha, context);
    if (outcome === 'success') report.passed.push(context);
    else if (outcome === 'failure') report.failing.push(context);
    else report.expected.push(context);
  }
  return report;
}

/** GitHub's sentence for required checks that have not passed, or undefined when all have. */
export function requiredChecksMessage(report: RequiredChecksReport): string | undefined {
  const total = report.passed.length + report.expected.length + report.failing.length;
  const unmet = report.expected.length + report.failing.length;
  if (unmet === 0) return undefined;
  if (total === 1) {
    return report.failing.length ? `Required status check "${report.failing[0]}" is failing.` : `Required status check "${report.expected[0]}" is expected.`;
  }
  return report.expected.length
    ? `${unmet} of ${total} required status checks are expected.`
    : `${unmet} of ${total} required status checks are failing.`;
}

import { describe, expect, it } from 'vitest';
import { logRun, type RunLog } from '../../src/action/run-log.js';

function captured(): { log: RunLog; lines: string[] } {
  const lines: string[] = [];
  return { lines, log: { info: (l) => lines.push(l), startGroup: (t) => lines.push(`::group::${t}`), endGroup: () => lines.push('::endgroup::') } };
}

const change = (component: string) => ({ component, from: { version: 'v1.2.0', commit: 'a'.repeat(40) }, to: { version: 'v1.1.0', commit: 'b'.repeat(40) } });

describe('the run in the step log', () => {
  it('shows what a dry run would do, component by component, and that it changed nothing', () => {
    const { log, lines } = captured();
    logRun({ mode: 'component', env: 'prod', dryRun: true }, { changes: JSON.stringify([change('web-ui')]), 'snapshot-file': '' }, log);
    expect(lines).toEqual(['component (prod): would roll back 1 component:', '  web-ui: v1.2.0 (aaaaaaaaaaaa) → v1.1.0 (bbbbbbbbbbbb)', 'dry run: no file, branch or pull request was changed']);
  });

  it('folds a long list into a group and ends with the outcome: merge, undo, health', () => {
    const { log, lines } = captured();
    const changes = Array.from({ length: 12 }, (_, i) => change(`svc-${i}`));
    logRun({ mode: 'lock', env: 'prod', dryRun: false }, { changes: JSON.stringify(changes), 'pull-request-number': '7', merged: 'true', 'snapshot-file': '.meta/snapshots/s.yaml', healthy: 'false' }, log);
    expect(lines[0]).toBe('::group::lock (prod): rolled back 12 components');
    expect(lines[1]).toBe('svc-0: v1.2.0 (aaaaaaaaaaaa) → v1.1.0 (bbbbbbbbbbbb)');
    expect(lines[13]).toBe('::endgroup::');
    expect(lines.slice(14)).toEqual(['merged pull request #7', 'undo: mode snapshot, snapshot-action restore, snapshot-file .meta/snapshots/s.yaml', 'health: UNHEALTHY']);
  });

  it('says when there is nothing to change, and leaves an open pull request to review', () => {
    const { log, lines } = captured();
    logRun({ mode: 'component', dryRun: false }, { changes: '[]', 'snapshot-file': '' }, log);
    expect(lines).toEqual(['component (default lock): nothing to change']);
    const open = captured();
    logRun({ mode: 'component', env: 'staging', dryRun: false }, { changes: JSON.stringify([change('api')]), 'pull-request-number': '3', 'pull-request-url': 'https://example.invalid/pull/3', merged: 'false' }, open.log);
    expect(open.lines.at(-1)).toBe('pull request #3 left open for review: https://example.invalid/pull/3');
  });
});

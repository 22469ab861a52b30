import type { ProbeRecord } from './run-bisect.js';

const VERDICT = (ok: boolean | null): string => (ok === null ? 'cannot test' : ok ? 'good' : 'bad');

/** One line per probe as it finishes, for the CLI's stderr and the action's log. */
export function formatProbe(p: ProbeRecord): string {
  const what = p.role === 'good' ? 'GOOD' : p.role === 'bad' ? 'BAD' : p.atBad.length === 0 ? 'none at bad' : `at bad: ${p.atBad.join(', ')}`;
  const moved = p.moved.length === 0 ? 'no checkout moved' : p.moved.length > 4 ? `moved ${p.moved.length} checkouts` : `moved ${p.moved.join(', ')}`;
  return `probe ${p.index}: ${VERDICT(p.ok).padEnd(11)} ${p.seconds.toFixed(2)}s  ${what} (${moved})${p.ok === true ? '' : ` — ${p.detail}`}`;
}

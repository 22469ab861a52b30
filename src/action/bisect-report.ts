import type { BisectResult } from '../core/bisect/run-bisect.js';

const VERDICT = (ok: boolean | null): string => (ok === null ? 'cannot test (125)' : ok ? 'good' : '**bad**');

/** The job summary's part for mode bisect: every probe as a row, then the culprits. */
export function bisectSection(result: BisectResult): string {
  const rows = result.probes.map((p) => {
    const state = p.role === 'good' ? 'GOOD' : p.role === 'bad' ? 'BAD' : p.atBad.map((n) => `\`${n}\``).join(', ');
    return `| ${p.index} | ${state} | ${p.moved.length} | ${VERDICT(p.ok)} | ${p.seconds.toFixed(2)} |`;
  });
  const lines = [
    `### Culprit finding: ${result.candidates.length} candidate(s), ${result.probes.length} probe(s)`,
    '',
    `Between \`${result.good.slice(0, 12)}\` (good) and \`${result.bad.slice(0, 12)}\` (bad) in \`${result.lock}\`.`,
    '',
    '| probe | at their bad pin | checkouts moved | verdict | seconds |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    result.culprits.length > 0 ? `**Culprits:** ${result.culprits.map((n) => `\`${n}\``).join(', ')}` : `**No culprit found:** ${result.message}`,
    '',
  ];
  if (result.rollbackCommand.length > 0) lines.push('Roll back only them:', '', '```sh', result.rollbackCommand.join(' '), '```', '');
  return lines.join('\n');
}

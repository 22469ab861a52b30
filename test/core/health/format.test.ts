import { describe, expect, it } from 'vitest';
import { clip, formatDuration, formatHealthTable, healthToMarkdown } from '../../../src/core/health/format.js';
import type { HealthReport } from '../../../src/core/health/types.js';

const report: HealthReport = {
  healthy: false,
  results: [
    { name: 'lock', component: 'alpha', kind: 'lock', ok: true, duration_ms: 12, detail: 'at 0123456789ab' },
    { name: 'api', component: 'alpha', kind: 'http', ok: false, duration_ms: 1534, detail: 'GET http://x/a|b: HTTP 500, expected 200', attempts: 3 },
    {
      name: 'unit',
      component: 'scraper',
      kind: 'command',
      ok: false,
      duration_ms: 125_000,
      detail: `exit 1\n${'x'.repeat(300)}\nFAIL <b>*bold*</b> a\\|b & c`,
    },
  ],
  skipped: [{ name: 'smoke', component: 'scraper', kind: 'http', reason: 'only for prod; no environment selected' }],
};

describe('formatHealthTable', () => {
  it('prints aligned columns, one line per check, and a verdict', () => {
    expect(formatHealthTable(report)).toBe(
      [
        'COMPONENT  CHECK  KIND     RESULT  TIME   DETAIL',
        'alpha      lock   lock     PASS    12ms   at 0123456789ab',
        'alpha      api    http     FAIL    1.5s   GET http://x/a|b: HTTP 500, expected 200',
        `scraper    unit   command  FAIL    2m05s  exit 1 ⏎ ${'x'.repeat(40)} … ${'x'.repeat(18)} ⏎ FAIL <b>*bold*</b> a\\|b & c`,
        'scraper    smoke  http     SKIP    -      only for prod; no environment selected',
        '',
        'UNHEALTHY: 1 passed, 2 failed, 1 skipped',
      ].join('\n'),
    );
  });

  it('says when there is nothing to check', () => {
    expect(formatHealthTable({ healthy: true, results: [] })).toBe('No health checks to run.');
  });

  it('keeps control characters out of the terminal', () => {
    const text = formatHealthTable({
      healthy: true,
      results: [{ name: 'api', component: 'a', kind: 'http', ok: true, duration_ms: 5, detail: 'ok\u001b[2J\u0007done' }],
    });
    expect(text.split('\n')[1]).toBe('a          api    http  PASS    5ms   ok [2J done');
  });
});

describe('healthToMarkdown', () => {
  it('renders a table whose cells cannot break the row or inject markup', () => {
    expect(healthToMarkdown(report)).toBe(
      [
        '**Health: ❌ unhealthy** (1 passed, 2 failed, 1 skipped)',
        '',
        '| Component | Check | Kind | Result | Time | Detail |',
        '| --- | --- | --- | --- | --- | --- |',
        '| alpha | lock | lock | ✅ pass | 12ms | at 0123456789ab |',
        '| alpha | api | http | ❌ fail | 1.5s | GET http://x/a\\|b: HTTP 500, expected 200 |',
        `| scraper | unit | command | ❌ fail | 2m05s | exit 1<br>${'x'.repeat(142)} … ${'x'.repeat(120)}<br>FAIL \\<b\\>\\*bold\\*\\</b\\> a\\\\\\|b &amp; c |`,
        '| scraper | smoke | http | ⏭️ skipped | - | only for prod; no environment selected |',
        '',
      ].join('\n'),
    );
  });

  it('leaves every row with the same number of unescaped cell separators', () => {
    const nasty: HealthReport = {
      healthy: false,
      results: [{ name: 'a|b', component: 'c\\', kind: 'command', ok: false, duration_ms: 1, detail: '|\\|\\\\|\r\n|' }],
    };
    const rows = healthToMarkdown(nasty).trimEnd().split('\n').slice(2);
    // A separator is a pipe preceded by an even number of backslashes.
    const separators = (row: string) => [...row.matchAll(/(?<!\\)(?:\\\\)*\|/g)].length;
    expect(rows.map(separators)).toEqual([7, 7, 7]);
  });

  it('reports a healthy empty run', () => {
    expect(healthToMarkdown({ healthy: true, results: [], skipped: [] })).toBe(
      '**Health: ✅ healthy** (0 passed, 0 failed)\n\nNo health checks to run.\n',
    );
  });
});

describe('helpers', () => {
  it('formats durations for people', () => {
    expect([0, 999, 1000, 1534, 59_949, 59_950, 125_000, 3_600_000].map(formatDuration)).toEqual([
      '0ms',
      '999ms',
      '1.0s',
      '1.5s',
      '59.9s',
      '1m00s',
      '2m05s',
      '60m00s',
    ]);
  });

  it('clips from the middle to exactly the limit', () => {
    expect(clip('abcdef', 6)).toBe('abcdef');
    expect(clip('abcdefghij', 7)).toBe('ab … ij');
    expect(clip('abcdefghij', 7)).toHaveLength(7);
  });
});

import type { HealthReport, HealthResult, HealthSkip } from './types.js';

export interface FormatOptions {
  /** Longest detail shown per row; longer ones keep their first and last parts. */
  readonly maxDetail?: number;
}

const TABLE_DETAIL = 100;
// A PR comment is capped at 65536 characters; this keeps even a large system well inside it.
const MARKDOWN_DETAIL = 300;

interface Row {
  readonly component: string;
  readonly check: string;
  readonly kind: string;
  readonly result: 'PASS' | 'FAIL' | 'SKIP';
  readonly time: string;
  readonly detail: string;
}

/** A plain-text table for terminals and logs: one line per check, then a verdict line. */
export function formatHealthTable(report: HealthReport, options: FormatOptions = {}): string {
  const rows = rowsOf(report);
  if (rows.length === 0) return 'No health checks to run.';
  const max = options.maxDetail ?? TABLE_DETAIL;
  const cells = [
    ['COMPONENT', 'CHECK', 'KIND', 'RESULT', 'TIME', 'DETAIL'],
    ...rows.map((r) => [r.component, r.check, r.kind, r.result, r.time, oneLine(r.detail, max)]),
  ];
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...cells.map((c) => c[i]!.length)));
  const lines = cells.map((c) =>
    c
      .map((text, i) => (i < widths.length ? text.padEnd(widths[i]!) : text))
      .join('  ')
      .trimEnd(),
  );
  return [...lines, '', verdict(report)].join('\n');
}

/** A markdown summary and table for job summaries and PR comments. */
export function healthToMarkdown(report: HealthReport, options: FormatOptions = {}): string {
  const rows = rowsOf(report);
  const heading = `**Health: ${report.healthy ? '✅ healthy' : '❌ unhealthy'}** (${counts(report)})`;
  if (rows.length === 0) return `${heading}\n\nNo health checks to run.\n`;
  const max = options.maxDetail ?? MARKDOWN_DETAIL;
  const icon = { PASS: '✅ pass', FAIL: '❌ fail', SKIP: '⏭️ skipped' } as const;
  const lines = [
    heading,
    '',
    '| Component | Check | Kind | Result | Time | Detail |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) =>
      `| ${[r.component, r.check, r.kind].map(cell).join(' | ')} | ${icon[r.result]} | ${r.time} | ${cell(clipDetail(r.detail.trim(), max))} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

function rowsOf(report: HealthReport): Row[] {
  const passed = report.results.map(
    (r: HealthResult): Row => ({
      component: r.component,
      check: r.name,
      kind: r.kind,
      result: r.ok ? 'PASS' : 'FAIL',
      time: formatDuration(r.duration_ms),
      detail: r.detail,
    }),
  );
  const skipped = (report.skipped ?? []).map(
    (s: HealthSkip): Row => ({ component: s.component, check: s.name, kind: s.kind, result: 'SKIP', time: '-', detail: s.reason }),
  );
  // Skipped checks go last so the rows that decided the verdict stay together.
  return [...passed, ...skipped];
}

function verdict(report: HealthReport): string {
  return `${report.healthy ? 'HEALTHY' : 'UNHEALTHY'}: ${counts(report)}`;
}

function counts(report: HealthReport): string {
  const failed = report.results.filter((r) => !r.ok).length;
  const parts = [`${report.results.length - failed} passed`, `${failed} failed`];
  const skipped = report.skipped?.length ?? 0;
  if (skipped > 0) parts.push(`${skipped} skipped`);
  return parts.join(', ');
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/** Folds a detail onto one line for the text table, with control characters made harmless. */
function oneLine(detail: string, max: number): string {
  const flat = detail
    .trim()
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join(' ⏎ ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x1f\x7f]/g, ' ');
  return clipDetail(flat, max);
}

/**
 * The reason of a failed HTTP check (`GET URL: HTTP 404, expected 200`) comes before the body it
 * quotes; when the row is too long the body gives way first, so the reason is never clipped out.
 */
function clipDetail(flat: string, max: number): string {
  const at = flat.indexOf('; body: ');
  if (at < 0 || flat.length <= max) return clip(flat, max);
  const reason = flat.slice(0, at);
  if (reason.length + 10 >= max) return clip(reason, max);
  return `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Shortens from the middle: a detail's start says what failed (the exit code, the URL) and its end
 * holds the last output lines, where test runners print the reason.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const keep = Math.max(0, max - 3);
  const head = Math.ceil(keep / 2);
  const tail = keep - head;
  return `${text.slice(0, head).trimEnd()} … ${tail > 0 ? text.slice(-tail).trimStart() : ''}`.trimEnd();
}

/**
 * Makes text safe inside one markdown table cell: pipes would split the cell, line breaks would end
 * the row, and markup or HTML in command output must not render as formatting.
 */
function cell(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/[\\`*_[\]<>|~]/g, '\\$&')
      .replace(/\r?\n|\r/g, '<br>')
      // eslint-disable-next-line no-control-regex
      .replace(/[\x00-\x1f\x7f]/g, ' ')
  );
}

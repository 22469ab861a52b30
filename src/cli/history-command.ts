import { InvalidArgumentError, type Command } from 'commander';
import type { Pin } from '../core/lock.js';
import { DEFAULT_HISTORY_LIMIT, journalHistory, type HistoryEntry, type HistoryResult } from '../core/operations/history.js';
import { resolveRoot } from '../core/paths.js';
import { printJson } from './output.js';
import type { CliEnvironment, GlobalOptions } from './cli-context.js';

type HistoryCommandOptions = GlobalOptions & { component?: string; limit?: number; all?: boolean };

/** Every line fits a terminal 80 columns wide. */
const WIDTH = 80;
const COLUMNS = { when: 19, env: 10, mode: 9, actor: 16 } as const;
/** Components listed under an entry; a rollback of a hundred is summed up, and --json has them all. */
const CHANGES_LISTED = 5;

/** Adds `meta history`, the journal newest first (like `helm history`). */
export function registerHistoryCommand(program: Command, cli: CliEnvironment): void {
  program
    .command('history')
    .description('the rollback journal, newest first: when, env, mode, actor, components from -> to')
    .option('--component <name>', 'only entries that changed this component')
    .option('-n, --limit <n>', `show the newest N entries; 0 shows all (default ${DEFAULT_HISTORY_LIMIT})`, parseLimit)
    .option('--all', 'show every entry (same as --limit 0)')
    .addHelpText(
      'after',
      [
        '',
        'Without --env, entries of every environment are shown. Reads .meta/history/rollbacks/*.json and',
        'an old .meta/history.jsonl, merged in the order the entries were written. An entry that cannot be',
        'read is skipped with a "warning:" line on stderr naming its file (and line), and the rest is shown.',
        'With --json: an array of entries, newest first, each with "source": {"file", "line"}.',
      ].join('\n'),
    )
    .action(async (_o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals() as HistoryCommandOptions;
      const root = resolveRoot(opts.root, cli.cwd);
      const limit = opts.all ? 0 : (opts.limit ?? DEFAULT_HISTORY_LIMIT);
      const result = await journalHistory(root, { env: opts.env, component: opts.component, limit });
      for (const warning of result.warnings) cli.stderr(`warning: ${warning}\n`);
      if (opts.json) printJson(cli, result.entries);
      else cli.stdout(formatHistory(result, opts.component));
    });
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('must be a whole number (0 shows all)');
  return n;
}

/**
 * One row per entry (when, env, mode, actor, how many components), and under it one line per
 * component moved, from -> to: the row is what `helm history` shows, the lines what an incident asks next.
 */
export function formatHistory(result: HistoryResult, component?: string): string {
  if (result.entries.length === 0) return result.matched === 0 ? 'no journal entries\n' : '';
  const last = WIDTH - (COLUMNS.when + COLUMNS.env + COLUMNS.mode + COLUMNS.actor) - 2 * 4;
  const row = (when: string, env: string, mode: string, actor: string, changes: string) =>
    [fit(when, COLUMNS.when), fit(env, COLUMNS.env), fit(mode, COLUMNS.mode), fit(actor, COLUMNS.actor), fit(changes, last)].join('  ').trimEnd();
  const lines = [row('WHEN (UTC)', 'ENV', 'MODE', 'ACTOR', 'CHANGES')];
  for (const entry of result.entries) {
    const count = entry.changes.length;
    lines.push(row(when(entry.at), entry.env ?? '-', entry.mode, entry.actor ?? '-', count === 1 ? '1 component' : `${count} components`));
    lines.push(...changeLines(entry, component));
  }
  if (result.matched > result.entries.length) lines.push(`(${result.matched - result.entries.length} older entries not shown; --limit 0 shows all)`);
  return `${lines.join('\n')}\n`;
}

/** The component asked about first, then the others, at most CHANGES_LISTED. */
function changeLines(entry: HistoryEntry, component?: string): string[] {
  const ordered = [...entry.changes.filter((c) => c.component === component), ...entry.changes.filter((c) => c.component !== component)];
  const shown = ordered.slice(0, CHANGES_LISTED);
  const width = Math.min(30, Math.max(0, ...shown.map((c) => c.component.length)));
  const lines = shown.map((c) => fit(`  ${fit(c.component, width)}  ${pinText(c.from)} -> ${pinText(c.to)}`, WIDTH).trimEnd());
  if (ordered.length > shown.length) lines.push(`  ... and ${ordered.length - shown.length} more (--json lists them, --component NAME finds one)`);
  return lines;
}

function when(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : d.toISOString().replace('T', ' ').replace(/(\.\d{3})?Z$/, '');
}

function pinText(pin: Pin | { version?: string; commit?: string | null } | null | undefined): string {
  if (!pin) return '(none)';
  return pin.version ?? pin.commit?.slice(0, 12) ?? '?';
}

/** Pads to the column, or cuts with an ellipsis so one long value never shifts the columns after it. */
function fit(text: string, width: number): string {
  // eslint-disable-next-line no-control-regex -- a journal file is anyone's text: no escape reaches the terminal
  const flat = text.replace(/[\x00-\x1f\x7f]/g, '?');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat.padEnd(width);
}

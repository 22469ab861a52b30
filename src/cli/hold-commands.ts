import { InputError } from '../core/errors.js';
import type { Command } from 'commander';
import { checkLocks, type CheckResult } from '../core/holds/check-locks.js';
import { addHold, listHolds, releaseHold, type HoldsResult } from '../core/holds/hold-commands.js';
import { contextFor, emit, parseList, type CliEnvironment, type GlobalOptions } from './cli-context.js';

type Opts = GlobalOptions & { version?: string; commit?: string; reason?: string; envs?: string[] };

/** `meta hold list|add|release` and `meta check`: the holds of SPEC section 6. */
export function registerHoldCommands(program: Command, cli: CliEnvironment): void {
  const globals = (cmd: Command) => cmd.optsWithGlobals() as Opts;
  const hold = program.command('hold').description('versions that must not be released again (manifests/holds.yaml)');

  hold
    .command('list')
    .description('every hold, in file order')
    .action(async (_o: unknown, cmd: Command) => {
      const opts = globals(cmd);
      emit(cli, opts, await listHolds(contextFor(cli, opts)), formatHolds);
    });

  hold
    .command('add <name>')
    .description('hold a version or commit of a component, so no rollback or release pins it again')
    .option('--version <tag>', 'the tag to hold')
    .option('--commit <sha>', 'the commit to hold (full or unique abbreviation of at least 7 hex digits)')
    .option('--reason <text>', 'why, shown by every refusal and by meta check')
    .option('--envs <list>', 'only for these envs (comma-separated; default every env)', parseList)
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const opts = globals(cmd);
      if ((opts.version === undefined) === (opts.commit === undefined)) throw new InputError('hold add: give exactly one of --version or --commit');
      const target = opts.version !== undefined ? { kind: 'version' as const, tag: opts.version } : { kind: 'commit' as const, sha: opts.commit! };
      emit(cli, opts, await addHold(contextFor(cli, opts), name, target, { reason: opts.reason, envs: opts.envs }), (r) => formatEdit(r, 'held', 'already held'));
    });

  hold
    .command('release <name>')
    .description("release a component's holds (all of them, or only the one on --version or --commit)")
    .option('--version <tag>', 'only the hold on this version')
    .option('--commit <sha>', 'only the hold on this commit (or an abbreviation of it)')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const opts = globals(cmd);
      if (opts.version !== undefined && opts.commit !== undefined) throw new InputError('hold release: give at most one of --version or --commit');
      emit(cli, opts, await releaseHold(contextFor(cli, opts), name, { version: opts.version, commit: opts.commit }), (r) => formatEdit(r, 'released', 'nothing released'));
    });

  program
    .command('check')
    .description('CI gate for lock changes: exit 1 when any lock (or --env ENV\'s) pins a held commit')
    .action(async (_o: unknown, cmd: Command) => {
      const opts = globals(cmd);
      const result = await checkLocks(contextFor(cli, opts));
      emit(cli, opts, result, formatCheck);
      cli.exitCode = result.ok ? 0 : 1;
    });
}

function formatHolds(result: HoldsResult): string {
  if (result.holds.length === 0) return `no holds (${result.file})\n`;
  const rows = result.holds.map((h) => [h.component, h.version ?? '', h.commit.slice(0, 12), h.envs?.join(',') ?? '(all)', h.at ?? '', h.by ?? '', h.reason ?? '']);
  const header = ['COMPONENT', 'VERSION', 'COMMIT', 'ENVS', 'AT', 'BY', 'REASON'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const render = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return `${[render(header), ...rows.map(render)].join('\n')}\n`;
}

function formatEdit(result: HoldsResult, verb: string, none: string): string {
  if (result.changed.length === 0) return `${none}: ${result.file} is unchanged\n`;
  const lines = result.changed.map((h) => `${result.dryRun ? `would be ${verb}` : verb}: ${h.component} ${h.version ?? ''} (${h.commit.slice(0, 12)})${h.envs ? ` for ${h.envs.join(', ')}` : ' for every env'}`);
  return `${lines.join('\n')}\n`;
}

function formatCheck(result: CheckResult): string {
  const lines = result.offending.map((o) => `${o.file}:${o.line}: ${o.message}`);
  const count = `${result.locks.length} lock file${result.locks.length === 1 ? '' : 's'}`;
  lines.push(result.ok ? `ok: no lock pins a held commit (${count} checked)` : `${result.offending.length} held pin${result.offending.length === 1 ? '' : 's'} in ${count}; pin another version, or release the hold (meta hold release NAME --commit SHA)`);
  return `${lines.join('\n')}\n`;
}

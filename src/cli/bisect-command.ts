import { Command, InvalidArgumentError, Option } from 'commander';
import { InputError } from '../core/errors.js';
import { BisectInterrupted, runBisect, type BisectResult } from '../core/bisect/run-bisect.js';
import { formatProbe } from '../core/bisect/format-probe.js';
import { formatRollback } from './output.js';
import { contextFor, undoCommand, type CliEnvironment, type GlobalOptions } from './cli-context.js';
import { InterruptedError, duringWrites, onInterrupt, type StopSignal } from '../core/interrupt.js';
import { printJson } from './output.js';

interface BisectFlags extends GlobalOptions {
  good?: string;
  bad?: string;
  run?: boolean;
  rollback?: boolean;
  retries?: number;
}

function parseRetries(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 20) throw new InvalidArgumentError('must be a whole number from 0 to 20');
  return n;
}

export function registerBisectCommand(program: Command, cli: CliEnvironment): void {
  program
    .command('bisect')
    .description('find which of the components whose pins changed between GOOD and BAD broke the system')
    .argument('[command...]', 'with --run: the oracle command and its arguments, after --')
    .option('--good <rev>', 'meta-repo revision whose lock works (or known-good)')
    .option('--bad <rev>', 'meta-repo revision whose lock fails')
    .option('--run', 'use the command after -- as the oracle (exit 0 good, 125 cannot test, other bad) instead of the command health checks')
    .option('--rollback', 'then roll back only the culprits to their good pins')
    .addOption(new Option('--retries <n>', 'ask an oracle that answered bad up to N more times (bad only when every answer is bad)').argParser(parseRetries))
    .action(async (command: string[], _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals() as BisectFlags;
      if (opts.good === undefined) throw new InputError('--good: required (the revision whose lock works)');
      if (opts.bad === undefined) throw new InputError('--bad: required (the revision whose lock fails)');
      if (opts.run && command.length === 0) throw new InputError('--run: give the oracle command after --, as in --run -- npm test');
      if (!opts.run && command.length > 0) throw new InputError(`bisect: unexpected argument ${JSON.stringify(command[0])}; an oracle command goes after --run --`);
      const ctx = contextFor(cli, opts);
      const abort = new AbortController();
      // A bisect counts as a write phase: the signal is only noted and aborts the running oracle,
      // and the bisect puts every checkout back before the command ends (SPEC section 2).
      await duringWrites(async () => {
        let stoppedBy: StopSignal | undefined;
        const stop = onInterrupt((signal) => {
          stoppedBy = signal;
          abort.abort();
        });
        try {
          const result = await runBisect(ctx, {
            good: opts.good!,
            bad: opts.bad!,
            run: opts.run ? command : undefined,
            retries: opts.retries,
            rollback: opts.rollback,
            signal: abort.signal,
            onProbe: (p) => cli.stderr(`${formatProbe(p)}\n`),
          });
          if (opts.json) printJson(cli, jsonOf(result));
          else cli.stdout(formatBisect(result));
          if (result.rollback !== undefined && result.rollback.changes.length > 0) {
            cli.completed = { undo: result.rollback.snapshot ? undoCommand(result.rollback.snapshot, ctx.env) : undefined };
          }
          cli.exitCode = result.ok ? 0 : 1;
        } catch (err) {
          if (!(err instanceof BisectInterrupted)) throw err;
          throw new InterruptedError(stoppedBy ?? 'SIGINT', 'bisect stopped; every checkout is back where it was and no file was changed: the workspace is in its old state');
        } finally {
          stop();
        }
      });
    });
}

/** SPEC section 6's shape, plus the `ok` and `changes` every `--json` result carries. */
function jsonOf(result: BisectResult): Record<string, unknown> {
  return {
    ok: result.ok,
    candidates: result.candidates,
    probes: result.probes.map((p) => ({ pins: p.pins, ok: p.ok, seconds: p.seconds })),
    culprits: result.culprits,
    changes: result.rollback?.changes ?? [],
  };
}

function formatBisect(result: BisectResult): string {
  const lines = [`${result.candidates.length} candidate(s) in ${result.lock}: ${result.candidates.join(', ')}`, `${result.probes.length} probe(s)`];
  lines.push(result.message);
  if (result.rollbackCommand.length > 0 && result.rollback === undefined) lines.push(`roll back only the culprits with:\n  ${result.rollbackCommand.join(' ')}`);
  let out = `${lines.join('\n')}\n`;
  if (result.rollback !== undefined) out += formatRollback(result.rollback);
  return out;
}

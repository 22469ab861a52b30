import { CommanderError } from 'commander';
import { MetaError } from '../core/errors.js';
import { InterruptedError, exitCodeFor, interruption } from '../core/interrupt.js';
import { buildProgram, type CliEnvironment } from './program.js';
import type { Io } from './output.js';

/**
 * Runs the `meta` command line and returns its exit code: 0 done, 1 the operation failed,
 * 2 bad input. Every error is one `error:` line on stderr; a stack trace only with DEBUG set.
 */
export async function runCli(argv: readonly string[], io: Io & { cwd: string; terminal?: boolean }): Promise<number> {
  const cli: CliEnvironment = { ...io, exitCode: 0 };
  const program = buildProgram(cli);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    const signal = interruption();
    if (signal) {
      // The signal came while the command was writing and it finished: say so, as the last line.
      if (cli.completed) {
        io.stderr(`interrupted by ${signal} after the command completed: the workspace is in its new state${cli.completed.undo ? `; undo with: ${cli.completed.undo}` : ''}\n`);
        return cli.exitCode;
      }
      io.stderr(`interrupted by ${signal}: nothing was changed; the workspace is in its old state\n`);
      return exitCodeFor(signal);
    }
    return cli.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      // Commander puts its suggestion, "(Did you mean rollback?)", on a second line: keep it, on the one error line.
      const message = err.message
        .replace(/^error:\s*/, '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join(' ');
      io.stderr(`error: ${message}\n`);
      return 2;
    }
    if (process.env.DEBUG && err instanceof Error) io.stderr(`${err.stack}\n`);
    if (err instanceof InterruptedError) {
      io.stderr(`${err.message.split('\n')[0]}\n`);
      return err.exitCode;
    }
    if (err instanceof MetaError) {
      io.stderr(`error: ${err.message.split('\n')[0]}\n`);
      return err.exitCode;
    }
    io.stderr(`error: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`);
    return 1;
  }
}

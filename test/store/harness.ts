import { CommanderError } from 'commander';
import { buildProgram, type CliEnvironment } from '../../src/cli/program.js';
import { registerStoreCommands } from '../../src/cli/store-commands.js';
import { MetaError } from '../../src/core/errors.js';
import type { CliRun } from '../helpers/cli.js';

/**
 * Runs the `meta` command line with the store commands registered, as runCli will once the lead
 * wires registerStoreCommands into buildProgram; the error handling mirrors runCli's.
 */
export async function storeMeta(args: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const cli: CliEnvironment = { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), exitCode: 0 };
  const program = buildProgram(cli);
  registerStoreCommands(program, cli);
  let code: number;
  try {
    await program.parseAsync(args, { from: 'user' });
    code = cli.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      stderr += `error: ${err.message.replace(/^error:\s*/, '').split('\n')[0]}\n`;
      code = 2;
    } else if (err instanceof MetaError) {
      stderr += `error: ${err.message.split('\n')[0]}\n`;
      code = err.exitCode;
    } else {
      stderr += `error: ${err instanceof Error ? err.message : String(err)}\n`;
      code = 1;
    }
  }
  return { code, stdout, stderr };
}

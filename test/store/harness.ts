import { meta, type CliRun } from '../helpers/cli.js';

/**
 * The store commands are part of `meta`; this name is kept for the store tests' readability. Their
 * rollbacks move web-ui back and forth to stage entries, so they add no holds (which would refuse
 * the way back; holds are tested in test/cli/holds.test.ts).
 */
export function storeMeta(args: string[], cwd: string): Promise<CliRun> {
  return meta(args[0] === 'rollback' ? [...args, '--no-hold'] : args, cwd);
}

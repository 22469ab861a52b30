import { meta, type CliRun } from '../helpers/cli.js';

/** The store commands are part of `meta`; this name is kept for the store tests' readability. */
export function storeMeta(args: string[], cwd: string): Promise<CliRun> {
  return meta(args, cwd);
}

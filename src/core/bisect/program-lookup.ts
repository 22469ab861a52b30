import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/**
 * Why an oracle's program cannot be started, or undefined when it can. Checked before the first
 * probe, so a typo is one clear error instead of every probe answering "bad" (spawn's ENOENT).
 * A name with a slash is a path from `cwd`, as exec resolves it; a bare name is looked up in PATH.
 */
export function programProblem(program: string, cwd: string): string | undefined {
  if (program.length === 0) return 'is empty';
  if (program.includes('/') || isAbsolute(program)) {
    return executable(resolve(cwd, program)) ? undefined : `${program} does not exist or is not executable (from ${cwd})`;
  }
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return dirs.some((dir) => executable(join(dir, program))) ? undefined : `${program} is not found in PATH`;
}

function executable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

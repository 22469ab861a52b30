import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';

/**
 * Everything a command could change in a meta-repo (or a runner workspace): the bytes of every file,
 * the target of every symbolic link, the kind of anything else (a FIFO is recorded, never read), and
 * for every git repository in it its HEAD, config, refs and the names of its objects (so a fetch
 * shows too). Read straight from the files, with no git process, so it is cheap enough to take
 * before and after every case. Equal fingerprints = untouched.
 */
export function safeFingerprint(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string, gitDir: boolean): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = relative(root, path);
      const stat = lstatSync(path);
      if (!gitDir && name === '.git' && stat.isDirectory()) {
        walk(path, true);
        continue;
      }
      if (gitDir && !gitTracked(relative(root, path))) continue;
      if (stat.isSymbolicLink()) out[`link:${rel}`] = readlinkSync(path);
      else if (stat.isDirectory()) walk(path, gitDir);
      else if (stat.isFile()) out[`file:${rel}`] = gitDir && /\/objects\//.test(rel) ? 'object' : hash(readFileSync(path));
      else out[`special:${rel}`] = String(stat.mode);
    }
  };
  walk(root, false);
  return out;
}

/** Inside .git: HEAD, config, refs and objects; not the index, logs or hooks git keeps for itself. */
function gitTracked(rel: string): boolean {
  const inside = rel.split(/[\\/]/);
  const at = inside.lastIndexOf('.git');
  const first = inside[at + 1];
  return first === 'HEAD' || first === 'config' || first === 'packed-refs' || first === 'refs' || first === 'objects';
}

function hash(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A refusal as the contract has it: exactly one line on stderr, starting `error:`. */
export function expectOneErrorLine(stderr: string, message: RegExp): void {
  const lines = stderr.split('\n').filter((l) => l.length > 0);
  expect(lines, `stderr: ${stderr}`).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(message);
}

export const execFileAsync = promisify(execFile);

/** git in a directory, asynchronously (the forge serves from this process: never block it). */
export async function gitAsync(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const { stdout } = await execFileAsync('git', args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

/** Every line of a journal must be a whole JSON object; returns them. */
export function journalLines(text: string): Array<Record<string, unknown>> {
  if (text.length > 0) expect(text.endsWith('\n'), 'journal ends in the middle of a line').toBe(true);
  return text
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** The lock's text with its generated_at value blanked, to compare runs made at different times. */
export function withoutGeneratedAt(lock: string): string {
  return lock.replace(/^generated_at: .*$/m, 'generated_at: X');
}

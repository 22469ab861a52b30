import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GitDirs } from './git-dirs.js';

export interface HeadState {
  /** The commit checked out; undefined on an unborn branch. */
  readonly head: string | undefined;
  /** The branch checked out; undefined when detached. */
  readonly branch: string | undefined;
}

const SHA = /^[0-9a-f]{40}$/;

/**
 * HEAD and its branch read from the files git keeps them in, or undefined when they are stored
 * in a way this reader does not follow (a symbolic ref pointing at another symbolic ref, a ref
 * outside refs/heads): the caller then asks git.
 */
export function readHead(dirs: GitDirs): HeadState | undefined {
  let text: string;
  try {
    text = readFileSync(join(dirs.gitDir, 'HEAD'), 'utf8').trim();
  } catch {
    return undefined;
  }
  if (SHA.test(text)) return { head: text, branch: undefined };
  const symbolic = /^ref: refs\/heads\/(\S+)$/.exec(text);
  if (!symbolic) return undefined;
  const branch = symbolic[1]!;
  const loose = readLooseRef(dirs.commonDir, `refs/heads/${branch}`);
  if (loose === null) return undefined;
  if (loose !== undefined) return { head: loose, branch };
  const packed = readPackedRef(dirs.commonDir, `refs/heads/${branch}`);
  if (packed === null) return undefined;
  return { head: packed, branch };
}

/** undefined: no such file; null: a file this reader does not understand. */
function readLooseRef(commonDir: string, ref: string): string | undefined | null {
  let text: string;
  try {
    text = readFileSync(join(commonDir, ref), 'utf8').trim();
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : null;
  }
  return SHA.test(text) ? text : null;
}

function readPackedRef(commonDir: string, ref: string): string | undefined | null {
  let text: string;
  try {
    text = readFileSync(join(commonDir, 'packed-refs'), 'utf8');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : null;
  }
  for (const line of text.split('\n')) {
    if (line.length < 42 || line[40] !== ' ' || line.slice(41) !== ref) continue;
    const sha = line.slice(0, 40);
    return SHA.test(sha) ? sha : null;
  }
  return undefined;
}

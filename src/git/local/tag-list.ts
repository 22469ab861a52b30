import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { GitDirs } from './git-dirs.js';
import { COMMIT_TYPE, ObjectLookup, TAG_TYPE } from './object-lookup.js';

export interface LocalTag {
  readonly name: string;
  /** The commit the tag names (annotated tags peeled). */
  readonly commit: string;
  /** When the tag was made: the tagger's date, or the commit's for a lightweight tag (ISO 8601). */
  readonly date?: string;
}

const SHA = /^[0-9a-f]{40}$/;
const MAX_TAG_CHAIN = 8;

/**
 * Every tag of a repository, newest first, read from its refs and objects without starting git
 * (what `git for-each-ref --sort=-creatordate refs/tags` prints). Undefined when any tag cannot be
 * read here (an object in a form the reader declines, a ref file it does not follow): the caller
 * then asks git for the whole list, so a partial answer is never given.
 */
export function readTags(dirs: GitDirs): LocalTag[] | undefined {
  const refs = tagRefs(dirs.commonDir);
  if (!refs) return undefined;
  const objects = new ObjectLookup(dirs.commonDir);
  const tags: Array<LocalTag & { seconds: number }> = [];
  for (const [name, sha] of refs) {
    const tag = describe(objects, name, sha);
    if (!tag) return undefined;
    tags.push(tag);
  }
  return tags
    .sort((a, b) => b.seconds - a.seconds || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, commit, date }) => ({ name, commit, date }));
}

function describe(objects: ObjectLookup, name: string, sha: string): (LocalTag & { seconds: number }) | undefined {
  let current = sha;
  let tagger: { seconds: number; date: string } | undefined;
  for (let depth = 0; depth < MAX_TAG_CHAIN; depth++) {
    const object = objects.readObjectStart(current);
    if (!object) return undefined;
    const text = object.data.toString('utf8');
    if (object.type === TAG_TYPE) {
      const target = /^object ([0-9a-f]{40})\n/.exec(text)?.[1];
      if (!target) return undefined;
      tagger ??= signatureDate(text, 'tagger');
      current = target;
      continue;
    }
    if (object.type !== COMMIT_TYPE) return undefined;
    const when = tagger ?? signatureDate(text, 'committer');
    return { name, commit: current, date: when?.date, seconds: when?.seconds ?? 0 };
  }
  return undefined;
}

/** `<name> <email> <seconds> <+hhmm>` on the header line, as ISO 8601 in the signer's own offset. */
function signatureDate(text: string, header: string): { seconds: number; date: string } | undefined {
  const headerEnd = text.indexOf('\n\n');
  const headers = headerEnd < 0 ? text : text.slice(0, headerEnd);
  const line = headers.split('\n').find((l) => l.startsWith(`${header} `));
  const match = line && / (\d+) ([+-])(\d\d)(\d\d)$/.exec(line);
  if (!match) return undefined;
  const seconds = Number(match[1]);
  const offsetMinutes = (match[2] === '-' ? -1 : 1) * (Number(match[3]) * 60 + Number(match[4]));
  const local = new Date((seconds + offsetMinutes * 60) * 1000).toISOString().replace(/\.\d{3}Z$/, '');
  return { seconds, date: `${local}${match[2]}${match[3]}:${match[4]}` };
}

/** Loose refs under refs/tags override packed ones, as in git. */
function tagRefs(commonDir: string): Map<string, string> | undefined {
  const refs = new Map<string, string>();
  let packed = '';
  try {
    packed = readFileSync(join(commonDir, 'packed-refs'), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
  }
  for (const line of packed.split('\n')) {
    if (line.length < 42 || line[40] !== ' ' || !line.startsWith('refs/tags/', 41)) continue;
    const sha = line.slice(0, 40);
    if (!SHA.test(sha)) return undefined;
    refs.set(line.slice(41 + 'refs/tags/'.length), sha);
  }
  return walkLoose(join(commonDir, 'refs', 'tags'), '', refs) ? refs : undefined;
}

function walkLoose(dir: string, prefix: string, refs: Map<string, string>): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
  for (const entry of entries) {
    const name = `${prefix}${entry.name}`;
    if (entry.isDirectory()) {
      if (!walkLoose(join(dir, entry.name), `${name}/`, refs)) return false;
      continue;
    }
    // A lock file left by a concurrent git is not a ref; anything else unreadable is left to git.
    if (entry.name.endsWith('.lock')) continue;
    let text: string;
    try {
      text = readFileSync(join(dir, entry.name), 'utf8').trim();
    } catch {
      return false;
    }
    if (!SHA.test(text)) return false;
    refs.set(name, text);
  }
  return true;
}

import { runGitRetrying, triedNote } from './transient-retry.js';

/**
 * Asks a remote for one tag without cloning anything: `git ls-remote` returns the tag and, for an
 * annotated tag, the peeled commit (`^{}`), which is the one a pin must name.
 */
export async function lsRemoteTag(url: string, tag: string, cwd: string, env?: Record<string, string>): Promise<string | undefined> {
  const ref = `refs/tags/${tag}`;
  const result = await runGitRetrying(['ls-remote', '--tags', url, ref, `${ref}^{}`], { cwd, env });
  if (result.code !== 0) throw new Error(`cannot reach ${url}: ${result.stderr.split('\n')[0] ?? ''}${triedNote(result)}`);
  let direct: string | undefined;
  for (const line of result.stdout.toString().split('\n')) {
    const [sha, name] = line.split('\t');
    if (name === `${ref}^{}`) return sha;
    if (name === ref) direct = sha;
  }
  return direct;
}

export async function lsRemoteTags(url: string, cwd: string, env?: Record<string, string>): Promise<Array<{ name: string; commit: string }>> {
  const result = await runGitRetrying(['ls-remote', '--tags', url], { cwd, env });
  if (result.code !== 0) throw new Error(`cannot reach ${url}: ${result.stderr.split('\n')[0] ?? ''}${triedNote(result)}`);
  const tags = new Map<string, string>();
  for (const line of result.stdout.toString().split('\n')) {
    const [sha, ref] = line.split('\t');
    if (!sha || !ref?.startsWith('refs/tags/')) continue;
    const peeled = ref.endsWith('^{}');
    const name = ref.slice('refs/tags/'.length, peeled ? -3 : undefined);
    if (peeled || !tags.has(name)) tags.set(name, sha);
  }
  return [...tags].map(([name, commit]) => ({ name, commit }));
}

/** One tag as a remote lists it: the object the ref names, and for an annotated tag the commit it peels to. */
export async function lsRemoteTagObject(url: string, tag: string, cwd: string, env?: Record<string, string>): Promise<{ object?: string; peeled?: string }> {
  const ref = `refs/tags/${tag}`;
  const result = await runGitRetrying(['ls-remote', '--tags', url, ref, `${ref}^{}`], { cwd, env });
  if (result.code !== 0) throw new Error(`cannot reach ${url}: ${result.stderr.split('\n')[0] ?? ''}${triedNote(result)}`);
  const found: { object?: string; peeled?: string } = {};
  for (const line of result.stdout.toString().split('\n')) {
    const [sha, name] = line.split('\t');
    if (name === `${ref}^{}`) found.peeled = sha;
    else if (name === ref) found.object = sha;
  }
  return found;
}

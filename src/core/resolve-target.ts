import { existsSync } from 'node:fs';
import { didYouMean } from './closest-names.js';
import type { RunContext } from './context.js';
import { InputError, OperationError, errorMessage } from './errors.js';
import type { ComponentSpec } from './manifest.js';
import type { Pin } from './lock.js';
import { checkRefName, checkShaOrAbbrev, isFullSha, quote } from './names.js';
import { componentDir } from './paths.js';
import { locateRepo } from './repo-url.js';
import { ensureMirror } from '../git/mirror.js';
import { lsRemoteTag, lsRemoteTags } from '../git/remote-reader.js';
import { isGitRepo, listTags, resolveCommitIn, resolveTagIn, tagsPointingAt } from '../git/repo-reader.js';

export type Target = { readonly kind: 'version'; readonly tag: string } | { readonly kind: 'commit'; readonly sha: string };

/**
 * The local repositories that can answer questions about a component, cheapest first: its checkout,
 * then its source repository when that is a path on disk.
 */
export function localSources(ctx: RunContext, spec: ComponentSpec): string[] {
  const dirs: string[] = [];
  const checkout = componentDir(ctx.root, spec.name);
  if (existsSync(checkout) && isGitRepo(checkout)) dirs.push(checkout);
  const location = locateRepo(spec.repo, ctx.root);
  if (location.kind === 'path' && existsSync(location.path) && isGitRepo(location.path)) dirs.push(location.path);
  return dirs;
}

export function validateTarget(target: Target, where: string): Target {
  if (target.kind === 'version') checkRefName(target.tag, where);
  else checkShaOrAbbrev(target.sha, where);
  return target;
}

/**
 * Turns a tag or a (possibly abbreviated) SHA into the pin a lock records. Annotated tags are
 * peeled to their commit; a commit's version is a tag pointing exactly at it, else its short SHA.
 */
export async function resolveTarget(ctx: RunContext, spec: ComponentSpec, target: Target): Promise<Pin> {
  const where = target.kind === 'version' ? '--to-version' : '--to-commit';
  validateTarget(target, where);
  const dirs = localSources(ctx, spec);
  const location = locateRepo(spec.repo, ctx.root);
  if (target.kind === 'version') {
    for (const dir of dirs) {
      const commit = await resolveTagIn(dir, target.tag);
      if (commit) return { version: target.tag, commit };
    }
    if (location.kind === 'url') {
      const commit = await remote(() => lsRemoteTag(location.url, target.tag, ctx.root, ctx.gitEnv));
      if (commit && isFullSha(commit)) {
        // ls-remote cannot peel a lightweight tag that names a tag object chain; the mirror can.
        return { version: target.tag, commit };
      }
    }
    throw new InputError(`${where}: tag ${quote(target.tag)} not found in ${spec.name} (${spec.repo})${didYouMean(target.tag, await knownTags(ctx, dirs, location))}`);
  }
  for (const dir of dirs) {
    const commit = await resolveCommitIn(dir, target.sha, where);
    if (commit) return { version: await versionOf(dir, commit), commit };
  }
  if (location.kind === 'url') {
    const mirror = await remote(() => ensureMirror(location.url, ctx.gitEnv));
    const commit = await resolveCommitIn(mirror, target.sha, where);
    if (commit) {
      const tags = await remote(() => lsRemoteTags(location.url, ctx.root, ctx.gitEnv));
      return { version: tags.find((t) => t.commit === commit)?.name ?? commit.slice(0, 12), commit };
    }
  }
  throw new InputError(`${where}: commit ${quote(target.sha)} not found in ${spec.name} (${spec.repo})`);
}

/** The tags a mistyped one is compared with: from a local repository when there is one, else the remote's. */
async function knownTags(ctx: RunContext, dirs: readonly string[], location: ReturnType<typeof locateRepo>): Promise<string[]> {
  try {
    if (dirs[0] !== undefined) return (await listTags(dirs[0])).map((t) => t.name);
    if (location.kind === 'url') return (await lsRemoteTags(location.url, ctx.root, ctx.gitEnv)).map((t) => t.name);
  } catch {
    // Suggestions are a courtesy: the error about the missing tag stands without them.
  }
  return [];
}

export async function versionOf(dir: string, commit: string): Promise<string> {
  const tags = await tagsPointingAt(dir, commit);
  return tags[0] ?? commit.slice(0, 12);
}

async function remote<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw new OperationError(errorMessage(err));
  }
}

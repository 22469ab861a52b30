import type { RunContext } from './context.js';
import { InputError } from './errors.js';
import type { Lock } from './lock.js';
import type { ComponentSpec } from './manifest.js';
import { quote, refNameProblem } from './names.js';
import { localSources, resolveTarget, versionOf } from './resolve-target.js';
import type { SnapshotPin } from './snapshot-file.js';
import { isBranchName, isCommitObject, listTags, tagObjectIn } from '../git/repo-reader.js';
import { lsRemoteTagObject } from '../git/remote-reader.js';
import { locateRepo } from './repo-url.js';

export interface SourcePin extends SnapshotPin {
  /** Where the pin was read, for messages: `file:line`. */
  readonly at: string;
}

/**
 * Makes the pins read from another lock or a snapshot fit to be written into `target`:
 *
 * - a commit that is an annotated tag *object* (the Python CLI writes the first `git ls-remote`
 *   line, which for such a tag is the tag object) is peeled to its commit, with a warning naming
 *   the line, so the lock never pins something a checkout cannot sit at;
 * - a pin with a version and no commit (a vendored lock, a Python snapshot of an unreadable
 *   checkout) gets the commit of that tag when the entry it lands in pins commits.
 */
export async function prepareSourcePins(
  ctx: RunContext,
  specs: ReadonlyMap<string, ComponentSpec>,
  target: Lock,
  pins: ReadonlyMap<string, SourcePin>,
  warnings: string[],
  options: {
    readonly checkoutVersions?: boolean;
    /**
     * The pins come from a lock the Python CLI wrote (it records `mode:`), which may pin a tag
     * object; a component with no repository on disk is then asked through its remote's tags.
     */
    readonly fromPythonLock?: boolean;
  } = {},
): Promise<{ pins: Map<string, SnapshotPin>; peeled: number }> {
  const out = new Map<string, SnapshotPin>();
  let peeled = 0;
  for (const [name, pin] of pins) {
    const spec = specs.get(name);
    if (!spec) {
      out.set(name, pin);
      continue;
    }
    const entry = target.entries.get(name);
    const vendoredTarget = entry?.vendored ?? target.mode === 'vendored';
    if (pin.commit === '') {
      if (vendoredTarget) {
        out.set(name, { version: pin.version, commit: '', repo: pin.repo });
        continue;
      }
      let resolved;
      try {
        resolved = await resolveTarget(ctx, spec, { kind: 'version', tag: pin.version });
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        throw new InputError(`${pin.at}: components.${name}: pins version ${quote(pin.version)} and no commit, and no tag of ${name} has that name; ${target.file.display} needs a commit`);
      }
      out.set(name, { version: pin.version, commit: resolved.commit, repo: pin.repo });
      continue;
    }
    if (options.checkoutVersions) {
      const version = await versionForCheckoutRecord(ctx, spec, pin);
      if (version !== pin.version) {
        warnings.push(`${pin.at}: components.${name}.version: ${quote(pin.version)} names where the checkout was (detached HEAD or a branch), not a version; using ${quote(version)}`);
        out.set(name, { ...pin, version });
        continue;
      }
    }
    const tag = await peelTagObject(ctx, spec, pin.commit, options.fromPythonLock && pin.commit !== entry?.commit ? pin.version : undefined);
    if (tag) {
      peeled += 1;
      warnings.push(
        `${pin.at}: components.${name}.commit: ${pin.commit.slice(0, 12)} is the annotated tag object of ${tag.tag}, not a commit; using the commit it points at, ${tag.commit.slice(0, 12)}`,
      );
      out.set(name, { version: pin.version, commit: tag.commit, repo: pin.repo });
      continue;
    }
    out.set(name, pin);
  }
  return { pins: out, peeled };
}

/**
 * A snapshot the Python CLI took of a detached or branch checkout records `version: HEAD` or the
 * branch name (`git rev-parse --abbrev-ref HEAD`); a lock must not pin a moving name. Such a
 * version becomes a tag at the commit, else its 12-hex short SHA, as for `--to-commit`.
 */
async function versionForCheckoutRecord(ctx: RunContext, spec: ComponentSpec, pin: SnapshotPin): Promise<string> {
  const dirs = localSources(ctx, spec);
  let moving = pin.version === 'HEAD';
  if (!moving && pin.version !== pin.commit.slice(0, 12) && refNameProblem(pin.version) === undefined) {
    for (const dir of dirs) {
      // The tag list is read in process, so the usual case (a tag) costs no git process.
      if ((await listTags(dir)).some((t) => t.name === pin.version && t.commit === pin.commit)) return pin.version;
      if (await isBranchName(dir, pin.version)) {
        moving = true;
        break;
      }
    }
  }
  if (!moving) return pin.version;
  for (const dir of dirs) {
    if (await isCommitObject(dir, pin.commit)) return versionOf(dir, pin.commit);
  }
  return pin.commit.slice(0, 12);
}

/**
 * The tag and commit when `sha` is an annotated tag object: asked of a repository on disk (commits
 * cost one lookup), else, given the tag the pin names (`remoteTag`), of the component's remote,
 * which lists the tag object beside the commit it peels to.
 */
export async function peelTagObject(ctx: RunContext, spec: ComponentSpec, sha: string, remoteTag?: string): Promise<{ tag: string; commit: string } | undefined> {
  const dirs = localSources(ctx, spec);
  for (const dir of dirs) {
    if (await isCommitObject(dir, sha)) return undefined;
    const tag = await tagObjectIn(dir, sha);
    if (tag) return tag;
  }
  const location = locateRepo(spec.repo, ctx.root);
  if (dirs.length > 0 || remoteTag === undefined || location.kind !== 'url' || refNameProblem(remoteTag)) return undefined;
  const listed = await lsRemoteTagObject(location.url, remoteTag, ctx.root, ctx.gitEnv).catch(() => ({ object: undefined, peeled: undefined }));
  return listed.object === sha && listed.peeled && listed.peeled !== sha ? { tag: remoteTag, commit: listed.peeled } : undefined;
}

import { isMetaRepoEntry, planLockRestore, type LockRestorePlan } from './meta-repo-entry.js';
import { existsSync, statSync } from 'node:fs';
import pLimit from 'p-limit';
import type { RunContext } from '../context.js';
import { InputError, MetaError, OperationError, errorMessage } from '../errors.js';
import { dependentsFirst, loadManifest, type ComponentSpec, type Manifest } from '../manifest.js';
import { quote } from '../names.js';
import { componentDir } from '../paths.js';
import { locateRepo } from '../repo-url.js';
import { commitInfos, commitsWithMessage, introducedByMerge, orderOnBranch, type CommitInfo } from '../../git/changeset-log.js';
import { localOriginHead, originUrl, refTip, remoteBranchTip, remoteDefaultBranch } from '../../git/changeset-remote.js';
import { ensureCommitPresent } from '../../git/checkout.js';
import { ensureMirror } from '../../git/mirror.js';
import { hasCommit, isGitRepo, isShallow, resolveCommitIn } from '../../git/repo-reader.js';
import { checkedOutBranches } from '../../git/revert.js';
import { changesetMarker, checkChangesetId, revertBranchName, revertTrailerLine } from './id.js';
import { ROLLED_BACK, loadChangeset, loadChangesetIndex, type ChangesetFile, type ChangesetIndex, type ChangesetRepoEntry } from './file.js';

export interface PlannedRevert {
  readonly commit: string;
  readonly subject: string;
  readonly parents: readonly string[];
  /** For a merge commit: revert relative to its first parent (`git revert --mainline 1`). */
  readonly mainline?: number;
  /** Named in the changeset file, or found by the `[changeset:ID]` marker in its message. */
  readonly source: 'listed' | 'message';
}

export interface RepoRollbackPlan {
  readonly component: string;
  /** The manifest's `repo:` of the component. */
  readonly repo: string;
  /** `components/<name>`, relative to the meta-repo root. */
  readonly checkout: string;
  /** False: the checkout is cloned from `repo` first. */
  readonly checkoutExists: boolean;
  /** Where the branch is read from and pushed to: the checkout's origin, else `repo` (credentials removed). */
  readonly remoteUrl: string;
  /** The branch that holds the changeset's commits. */
  readonly branch: string;
  /** That branch's tip on the remote: the revert branch starts here. */
  readonly base: string;
  /** `meta-rollback/changeset-<id>` */
  readonly revertBranch: string;
  /** Where that branch already points in the checkout, if it exists (it is moved, not kept). */
  readonly existingBranchTip?: string;
  /** Newest first: the order they are reverted in. */
  readonly commits: readonly PlannedRevert[];
  /** Commits of the changeset that a `Reverts-Changeset: ID` commit on the branch already undid. */
  readonly alreadyReverted: readonly string[];
}

export interface ChangesetRollbackPlan {
  readonly id: string;
  /** `.meta/changesets/<id>.yaml` */
  readonly file: string;
  readonly title?: string;
  /** The changeset's status now (the file's, else the index's, else `open`). */
  readonly status: string;
  readonly revertBranch: string;
  readonly nothingToDo: boolean;
  readonly reason?: string;
  /** Only components with something to revert, dependents before their dependencies. */
  readonly repos: readonly RepoRollbackPlan[];
  /** The meta-repo's own entry (the Python CLI's `meta lock --changeset`): the lock it goes back to. */
  readonly lockRestore?: LockRestorePlan;
  readonly warnings: readonly string[];
  readonly changeset: ChangesetFile;
  readonly index?: ChangesetIndex;
}

export interface PlanOptions {
  /**
   * Fetch each branch tip into an existing checkout (objects only; no ref or file moves). Default:
   * not in a dry run. Otherwise history is read from the component's repository on disk or from a
   * commits-only mirror in the user's cache.
   */
  readonly fetch?: boolean;
  /** Plan even a rolled-back changeset (`changeset show`). */
  readonly ignoreStatus?: boolean;
  /** A component that cannot be read becomes a warning instead of an error (`changeset show`). */
  readonly lenient?: boolean;
  readonly gitEnv?: Readonly<Record<string, string>>;
}

interface Wanted {
  readonly spec: ComponentSpec;
  readonly entries: ChangesetRepoEntry[];
  discover: boolean;
}

/**
 * Works out, without changing anything, which commits of which components a changeset rollback
 * reverts and in what order, and refuses a bad changeset before any repository is touched.
 */
export async function planChangesetRollback(ctx: RunContext, id: string, options: PlanOptions = {}): Promise<ChangesetRollbackPlan> {
  checkChangesetId(id);
  const manifest = await loadManifest(ctx.root);
  const changeset = await loadChangeset(ctx.root, id);
  const index = await loadChangesetIndex(ctx.root);
  const status = changeset.status ?? index?.entries.get(id)?.status ?? 'open';
  const warnings: string[] = [];
  const common = { id, file: changeset.rel, title: changeset.title ?? changeset.description, status, revertBranch: revertBranchName(id), changeset, index, warnings };
  if (status === ROLLED_BACK && !options.ignoreStatus) {
    return { ...common, nothingToDo: true, reason: `changeset ${id} is already rolled back`, repos: [] };
  }

  const lockRestore = await planLockRestore(
    ctx,
    changeset,
    changeset.repos.filter((e) => isMetaRepoEntry(manifest, e)),
    warnings,
  );
  const wanted = wantedComponents(manifest, changeset);
  const order = dependentsFirst(manifest, wanted.keys());
  const limit = pLimit(ctx.jobs);
  const gitEnv = options.gitEnv ?? ctx.gitEnv;
  const fetch = options.fetch ?? !ctx.dryRun;
  const planned = await Promise.all(
    order.map((name) =>
      limit(async () => {
        try {
          return await planRepo(ctx, changeset, wanted.get(name)!, { gitEnv, fetch, warnings });
        } catch (err) {
          if (options.lenient && err instanceof MetaError) {
            warnings.push(err.message);
            return undefined;
          }
          throw err;
        }
      }),
    ),
  );
  const repos = planned.filter((r): r is RepoRollbackPlan => r !== undefined && r.commits.length > 0);
  for (const r of planned) {
    // A component the file names without commits, where the marker finds nothing, is worth a word.
    if (r && r.commits.length === 0 && r.alreadyReverted.length === 0 && changeset.repos.length > 0) {
      warnings.push(`${r.component}: no commit on ${r.branch} carries ${changesetMarker(id)}`);
    }
    if (r && r.alreadyReverted.length > 0) {
      warnings.push(`${r.component}: ${r.alreadyReverted.map((c) => c.slice(0, 12)).join(', ')} already reverted on ${r.branch}; skipped`);
    }
  }
  if (repos.length === 0 && lockRestore) {
    const lockChanges = lockRestore.preview.changes.length;
    return { ...common, nothingToDo: lockChanges === 0, reason: lockChanges === 0 ? `${lockRestore.lock} is already as it was at ${lockRestore.rev.slice(0, 12)}` : undefined, repos, lockRestore };
  }
  if (repos.length === 0) {
    const reverted = planned.filter((r) => r && r.alreadyReverted.length > 0).map((r) => r!.component);
    if (reverted.length > 0) {
      return { ...common, nothingToDo: true, reason: `every commit of changeset ${id} is already reverted (${reverted.join(', ')})`, repos: [] };
    }
    if (!options.lenient) {
      const where = changeset.repos.length > 0 ? 'the components it lists' : `any of the ${manifest.components.size} components`;
      throw new InputError(`changeset ${id}: nothing to revert: ${changeset.rel} lists no commits and no commit in ${where} carries ${changesetMarker(id)}`);
    }
  }
  return { ...common, nothingToDo: repos.length === 0, reason: repos.length === 0 ? 'no commits found' : undefined, repos, lockRestore };
}

/** Which components to look at: those the file lists (by name, else by repo), or all of them. */
function wantedComponents(manifest: Manifest, changeset: ChangesetFile): Map<string, Wanted> {
  const wanted = new Map<string, Wanted>();
  if (changeset.repos.length === 0) {
    for (const spec of manifest.components.values()) wanted.set(spec.name, { spec, entries: [], discover: true });
    return wanted;
  }
  for (const entry of changeset.repos) {
    if (isMetaRepoEntry(manifest, entry)) continue;
    const spec = componentOf(manifest, changeset, entry);
    const item = wanted.get(spec.name) ?? { spec, entries: [], discover: false };
    item.entries.push(entry);
    if (entry.commits.length === 0) item.discover = true;
    wanted.set(spec.name, item);
  }
  return wanted;
}

function componentOf(manifest: Manifest, changeset: ChangesetFile, entry: ChangesetRepoEntry): ComponentSpec {
  const where = `${changeset.rel}:${entry.line}: repos[${entry.index}]`;
  if (entry.name !== undefined) {
    const spec = manifest.components.get(entry.name);
    if (spec) return spec;
    if (entry.repo === undefined) throw new InputError(`${where}.name: unknown component ${quote(entry.name)} (not in manifests/components.yaml)`);
  }
  const same = [...manifest.components.values()].filter((s) => sameRepo(s.repo, entry.repo!));
  if (same.length === 1) return same[0]!;
  if (same.length > 1) throw new InputError(`${where}.repo: ${quote(entry.repo!)} is the repo of several components (${same.map((s) => s.name).join(', ')}); give a name`);
  throw new InputError(`${where}: no component of manifests/components.yaml is named ${quote(entry.name ?? '')} or has repo ${quote(entry.repo!)}`);
}

function sameRepo(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\/+$/, '').replace(/\.git$/, '');
  return a === b || norm(a) === norm(b);
}

interface RepoContext {
  readonly gitEnv?: Readonly<Record<string, string>>;
  readonly fetch: boolean;
  readonly warnings: string[];
}

async function planRepo(ctx: RunContext, changeset: ChangesetFile, wanted: Wanted, rc: RepoContext): Promise<RepoRollbackPlan> {
  const { spec, entries } = wanted;
  const name = spec.name;
  const id = changeset.id;
  const checkout = `components/${name}`;
  const dir = componentDir(ctx.root, name);
  const checkoutExists = existsSync(dir);
  if (checkoutExists && (!statSync(dir).isDirectory() || !isGitRepo(dir))) {
    throw new InputError(`${checkout}: exists but is not a git checkout`);
  }
  const location = locateRepo(spec.repo, ctx.root);
  const source = location.kind === 'url' ? location.url : location.path;
  let remote = source;
  let remoteUrl = source;
  let cwd = ctx.root;
  if (checkoutExists) {
    cwd = dir;
    const origin = await originUrl(dir);
    if (origin) {
      remote = 'origin';
      remoteUrl = origin;
    }
  }
  const shown = redactUrl(remoteUrl);
  const env = rc.gitEnv as Record<string, string> | undefined;

  // The branch: as the file gives it, else the remote's default branch.
  const withBranch = entries.filter((e) => e.branch !== undefined);
  const branches = [...new Set(withBranch.map((e) => e.branch!))];
  if (branches.length > 1) {
    const e = withBranch.find((x) => x.branch === branches[1])!;
    throw new InputError(
      `${changeset.rel}:${e.line}: repos[${e.index}].branch: ${name} is listed on branches ${branches.map((b) => quote(b)).join(' and ')}; one changeset's commits in one repository must be on one branch`,
    );
  }
  let branch = branches[0];
  if (branch === undefined) {
    const answer = await remoteDefaultBranch(cwd, remote, env);
    if (answer.ok && answer.value) branch = answer.value;
    else {
      const local = checkoutExists ? await localOriginHead(dir) : undefined;
      if (!local) {
        throw new OperationError(
          `${name}: cannot tell the default branch of ${shown}${answer.ok ? '' : ` (${answer.error})`}; give repos[].branch for it in ${changeset.rel}`,
        );
      }
      if (!answer.ok) rc.warnings.push(`${name}: cannot reach ${shown} (${answer.error}); using the default branch recorded in ${checkout}`);
      branch = local;
    }
  }

  // Its tip on the remote, which the revert branch starts from.
  const tip = await remoteBranchTip(cwd, remote, branch, env);
  let base: string;
  if (tip.ok && tip.value) base = tip.value;
  else if (tip.ok) {
    const e = withBranch[0];
    const where = e ? `${changeset.rel}:${e.line}: repos[${e.index}].branch` : name;
    throw new InputError(`${where}: ${shown} has no branch ${quote(branch)}`);
  } else {
    const local = checkoutExists ? await refTip(dir, `refs/remotes/origin/${branch}`) : undefined;
    if (!local) throw new OperationError(`${name}: cannot reach ${shown}: ${tip.error}`);
    rc.warnings.push(`${name}: cannot reach ${shown} (${tip.error}); using origin/${branch} as last fetched into ${checkout}`);
    base = local;
  }

  const reader = await historyReader(ctx, name, checkoutExists ? dir : undefined, remoteUrl, branch, base, rc);

  // Commits carrying the marker, minus those a `Reverts-Changeset: ID` commit already undid.
  const scan = await commitsWithMessage(reader, base, [changesetMarker(id), revertTrailerLine(id)]);
  const reverts = scan.filter((c) => hasRevertTrailer(c, id));
  const undone = new Set(reverts.flatMap((c) => revertedCommits(c)));
  const isRevert = new Set(reverts.map((c) => c.commit));
  const marked = scan.filter((c) => !isRevert.has(c.commit) && c.message.includes(changesetMarker(id))).map((c) => c.commit);

  const listedAt = new Map<string, ChangesetRepoEntry>();
  for (const entry of entries) {
    for (const sha of entry.commits) {
      const where = `${changeset.rel}:${entry.line}: repos[${entry.index}].commit`;
      const full = await resolveCommitIn(reader, sha, where);
      if (!full) throw new InputError(`${where}: ${sha} is not a commit of ${name} (looked in ${branch} of ${shown})`);
      if (!listedAt.has(full)) listedAt.set(full, entry);
    }
  }
  const all = [...new Set([...listedAt.keys(), ...(wanted.discover ? marked : [])])];
  const alreadyReverted = all.filter((c) => undone.has(c));
  let todo = all.filter((c) => !undone.has(c));
  const infos = await commitInfos(reader, todo);
  // A merge is reverted as a whole (relative to its first parent), so the commits it brought in
  // are not reverted a second time on their own.
  const insideMerges = new Set<string>();
  for (const c of todo) {
    const info = infos.get(c);
    if (info && info.parents.length > 1) for (const inner of await introducedByMerge(reader, c, info.parents[0]!)) insideMerges.add(inner);
  }
  todo = todo.filter((c) => !insideMerges.has(c));
  const { ordered, notOnBranch } = await orderOnBranch(reader, base, todo);
  if (notOnBranch.length > 0) {
    const sha = notOnBranch[0]!;
    const entry = listedAt.get(sha);
    const where = entry ? `${changeset.rel}:${entry.line}: repos[${entry.index}].commit` : name;
    throw new InputError(`${where}: ${sha.slice(0, 12)} is not on branch ${quote(branch)} of ${name} (${shown})`);
  }
  const commits = ordered.map((c): PlannedRevert => {
    const info = infos.get(c);
    const parents = info?.parents ?? [];
    return { commit: c, subject: info?.subject ?? '', parents, mainline: parents.length > 1 ? 1 : undefined, source: listedAt.has(c) ? 'listed' : 'message' };
  });

  const revertBranch = revertBranchName(id);
  let existingBranchTip: string | undefined;
  if (checkoutExists && commits.length > 0) {
    existingBranchTip = await refTip(dir, `refs/heads/${revertBranch}`);
    if (existingBranchTip && (await checkedOutBranches(dir)).has(revertBranch)) {
      throw new InputError(`${checkout}: has ${revertBranch} checked out; switch to another branch first so it can be replaced`);
    }
  }
  return { component: name, repo: spec.repo, checkout, checkoutExists, remoteUrl: shown, branch, base, revertBranch, existingBranchTip, commits, alreadyReverted };
}

/**
 * A local repository holding the branch's full history: the checkout (after fetching the tip into
 * it, objects only, when allowed), else the component's repository when it is on disk, else a
 * commits-only mirror in the user's cache (never in the meta-repo).
 */
async function historyReader(ctx: RunContext, name: string, dir: string | undefined, remoteUrl: string, branch: string, base: string, rc: RepoContext): Promise<string> {
  const env = rc.gitEnv as Record<string, string> | undefined;
  if (dir) {
    if (rc.fetch) {
      try {
        await ensureCommitPresent(dir, base, remoteUrl, env);
      } catch (err) {
        throw new OperationError(`components/${name}: ${errorMessage(err)}`);
      }
    }
    if ((await hasCommit(dir, base)) && !(await isShallow(dir))) return dir;
  }
  const location = locateRepo(remoteUrl, ctx.root);
  if (location.kind === 'path') {
    if (isGitRepo(location.path) && (await hasCommit(location.path, base))) return location.path;
    throw new OperationError(`${name}: ${branch} (${base.slice(0, 12)}) is not in ${location.path}`);
  }
  let mirror: string;
  try {
    mirror = await ensureMirror(location.url, env);
  } catch (err) {
    throw new OperationError(`${name}: ${errorMessage(err)}`);
  }
  if (await hasCommit(mirror, base)) return mirror;
  throw new OperationError(`${name}: ${branch} (${base.slice(0, 12)}) is not in ${redactUrl(location.url)}`);
}

function hasRevertTrailer(info: CommitInfo, id: string): boolean {
  const line = revertTrailerLine(id);
  return info.message.split('\n').some((l) => l.trim() === line);
}

function revertedCommits(info: CommitInfo): string[] {
  return [...info.message.matchAll(/This reverts commit ([0-9a-f]{40,64})/g)].map((m) => m[1]!);
}

/** A URL as it may be shown or returned: without any user name or token in it. */
export function redactUrl(url: string): string {
  return url.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/@]*@/, '$1');
}

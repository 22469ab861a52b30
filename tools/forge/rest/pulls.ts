// Pull request endpoints.
import { branchSha, commitInfo, commitsBetween } from '../bare-repo.js';
import type { ForgeCore } from '../core.js';
import { HttpError, notFound, unprocessable, validationFailed } from '../errors.js';
import type { MergeMethod } from '../merge.js';
import { mergePull, mergeability, pullStats, refreshPull } from '../pull-service.js';
import { verificationOf } from '../signatures.js';
import { commit, mergeResult, pullRequest, pullRequestSimple } from '../shapes.js';
import { ACTIONS_BOT, nodeId, timestamp, type PullRecord, type RepoRecord } from '../state.js';
import { bodyOf, intParam, paginate, requireRepo, type RestContext, type RouteTable } from './context.js';

async function fullPull(core: ForgeCore, repo: RepoRecord, pr: PullRecord): Promise<unknown> {
  return pullRequest(core.urls, repo, pr, {
    mergeability: await mergeability(core, repo, pr),
    stats: await pullStats(repo, pr),
    comments: core.state.commentsOn(repo.owner, repo.name, pr.number).length,
  });
}

async function requirePull(ctx: RestContext): Promise<{ repo: RepoRecord; pr: PullRecord }> {
  const repo = requireRepo(ctx);
  const pr = ctx.core.state.pull(repo.owner, repo.name, intParam(ctx, 'pull_number'));
  if (!pr) throw notFound();
  await refreshPull(ctx.core, repo, pr);
  return { repo, pr };
}

/** `head` may be `branch` or `owner:branch`; forks are not modelled. */
function headBranch(repo: RepoRecord, head: string): string {
  const colon = head.indexOf(':');
  if (colon === -1) return head;
  if (head.slice(0, colon).toLowerCase() !== repo.owner.toLowerCase()) {
    throw validationFailed([{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
  }
  return head.slice(colon + 1);
}

function openDuplicate(core: ForgeCore, repo: RepoRecord, head: string, base: string, except?: PullRecord): PullRecord | undefined {
  return core.state
    .pullsOf(repo.owner, repo.name)
    .find((p) => p !== except && p.state === 'open' && p.headRef === head && p.baseRef === base);
}

function duplicateError(repo: RepoRecord, head: string): HttpError {
  return validationFailed([{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${repo.owner}:${head}.` }]);
}

type ListQuery = { state?: string; head?: string; base?: string; sort?: string; direction?: string };

function filterPulls(ctx: RestContext, repo: RepoRecord, pulls: PullRecord[]): PullRecord[] {
  const q = ctx.query as ListQuery;
  const state = q.state ?? 'open';
  let result = pulls.filter((p) => state === 'all' || p.state === state);
  if (q.head !== undefined) {
    // Real GitHub does not filter reliably on a bare branch name.
    if (!q.head.includes(':')) ctx.flag(`head filter '${q.head}' should be 'owner:branch'`);
    const [owner, branch] = q.head.includes(':') ? q.head.split(/:(.*)/s) : [repo.owner, q.head];
    result = result.filter((p) => owner.toLowerCase() === repo.owner.toLowerCase() && p.headRef === branch);
  }
  if (q.base !== undefined) result = result.filter((p) => p.baseRef === q.base);
  const key: keyof PullRecord = q.sort === 'updated' ? 'updatedAt' : 'createdAt';
  const descending = (q.direction ?? (q.sort === undefined || q.sort === 'created' ? 'desc' : 'asc')) === 'desc';
  // Numbers break ties between records created within the same second.
  return [...result].sort((a, b) => (a[key] === b[key] ? a.number - b.number : a[key] < b[key] ? -1 : 1) * (descending ? -1 : 1));
}

export const pullRoutes: RouteTable = {
  'GET /repos/{owner}/{repo}/pulls': async (ctx) => {
    const repo = requireRepo(ctx);
    const pulls = ctx.core.state.pullsOf(repo.owner, repo.name);
    for (const pr of pulls) await refreshPull(ctx.core, repo, pr);
    const { items, headers } = paginate(ctx, filterPulls(ctx, repo, pulls));
    return { status: 200, body: items.map((pr) => pullRequestSimple(ctx.core.urls, repo, pr)), headers };
  },

  'POST /repos/{owner}/{repo}/pulls': async (ctx) => {
    const repo = requireRepo(ctx);
    const input = bodyOf<{ title: string; head: string; base: string; body: string; draft: boolean; maintainer_can_modify: boolean }>(ctx);
    if (ctx.user.login === ACTIONS_BOT && !repo.actionsCanCreatePullRequests) throw new HttpError(403, 'GitHub Actions is not permitted to create or approve pull requests.');
    if (!input.title || !input.head || !input.base) {
      throw validationFailed(
        (['title', 'head', 'base'] as const).filter((f) => !input[f]).map((field) => ({ resource: 'PullRequest', field, code: 'missing_field' })),
      );
    }
    const head = headBranch(repo, input.head);
    const headSha = await branchSha(repo.barePath, head);
    const baseSha = await branchSha(repo.barePath, input.base);
    const invalid = [
      ...(baseSha ? [] : [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]),
      ...(headSha ? [] : [{ resource: 'PullRequest', field: 'head', code: 'invalid' }]),
    ];
    if (!headSha || !baseSha) throw validationFailed(invalid);
    for (const pr of ctx.core.state.pullsOf(repo.owner, repo.name)) await refreshPull(ctx.core, repo, pr);
    if (openDuplicate(ctx.core, repo, head, input.base)) throw duplicateError(repo, head);
    if ((await commitsBetween(repo.barePath, baseSha, headSha)).length === 0) {
      throw validationFailed([{ resource: 'PullRequest', code: 'custom', message: `No commits between ${input.base} and ${head}` }]);
    }
    // Checked again after the awaits above so concurrent creations cannot both pass.
    if (openDuplicate(ctx.core, repo, head, input.base)) throw duplicateError(repo, head);
    const now = timestamp();
    const id = ctx.core.state.newId();
    const pr: PullRecord = {
      id,
      nodeId: nodeId('PR', `${repo.owner}/${repo.name}#${id}`),
      owner: repo.owner,
      repo: repo.name,
      number: repo.nextIssueNumber++,
      title: input.title,
      body: input.body ?? null,
      state: 'open',
      draft: input.draft ?? false,
      locked: false,
      maintainerCanModify: input.maintainer_can_modify ?? false,
      headRef: head,
      baseRef: input.base,
      headSha,
      baseSha,
      user: ctx.user,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      mergedAt: null,
      mergedBy: null,
      mergeCommitSha: null,
      mergeMethod: null,
      statsAtMerge: null,
      autoMerge: null,
      queueEntry: null,
    };
    ctx.core.state.pulls.push(pr);
    const location = `${ctx.core.urls.api}/repos/${repo.owner}/${repo.name}/pulls/${pr.number}`;
    return { status: 201, body: await fullPull(ctx.core, repo, pr), headers: { location } };
  },

  'GET /repos/{owner}/{repo}/pulls/{pull_number}': async (ctx) => {
    const { repo, pr } = await requirePull(ctx);
    return { status: 200, body: await fullPull(ctx.core, repo, pr) };
  },

  'PATCH /repos/{owner}/{repo}/pulls/{pull_number}': async (ctx) => {
    const { repo, pr } = await requirePull(ctx);
    const input = bodyOf<{ title: string; body: string; state: 'open' | 'closed'; base: string; maintainer_can_modify: boolean }>(ctx);
    if (input.base !== undefined && input.base !== pr.baseRef) {
      if (pr.state !== 'open') throw unprocessable('Cannot change the base branch of a closed pull request.');
      const baseSha = await branchSha(repo.barePath, input.base);
      if (!baseSha) throw validationFailed([{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
      if (openDuplicate(ctx.core, repo, pr.headRef, input.base, pr)) throw duplicateError(repo, pr.headRef);
      pr.baseRef = input.base;
      pr.baseSha = baseSha;
    }
    if (input.state === 'open' && pr.state === 'closed') {
      if (pr.mergedAt) throw validationFailed([{ resource: 'PullRequest', field: 'state', code: 'invalid', message: 'state cannot be changed. The pull request has been merged.' }]);
      const headSha = await branchSha(repo.barePath, pr.headRef);
      if (!headSha || !(await branchSha(repo.barePath, pr.baseRef))) {
        throw validationFailed([{ resource: 'PullRequest', field: 'state', code: 'invalid', message: 'state cannot be changed. The head or base branch has been deleted.' }]);
      }
      if (openDuplicate(ctx.core, repo, pr.headRef, pr.baseRef, pr)) throw duplicateError(repo, pr.headRef);
      Object.assign(pr, { state: 'open', closedAt: null, headSha });
    } else if (input.state === 'closed' && pr.state === 'open') {
      Object.assign(pr, { state: 'closed', closedAt: timestamp(), autoMerge: null });
    }
    if (input.title !== undefined) pr.title = input.title;
    if (input.body !== undefined) pr.body = input.body;
    if (input.maintainer_can_modify !== undefined) pr.maintainerCanModify = input.maintainer_can_modify;
    pr.updatedAt = timestamp();
    await refreshPull(ctx.core, repo, pr);
    return { status: 200, body: await fullPull(ctx.core, repo, pr) };
  },

  'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits': async (ctx) => {
    const { repo, pr } = await requirePull(ctx);
    const shas = await commitsBetween(repo.barePath, pr.baseSha, pr.headSha);
    const { items, headers } = paginate(ctx, shas);
    const commits = await Promise.all(
      items.map(async (sha) => commit(ctx.core.urls, repo, await commitInfo(repo.barePath, sha), undefined, await verificationOf(ctx.core, repo.barePath, sha))),
    );
    return { status: 200, body: commits, headers };
  },

  'GET /repos/{owner}/{repo}/pulls/{pull_number}/merge': async (ctx) => {
    const { pr } = await requirePull(ctx);
    return { status: pr.mergedAt ? 204 : 404, body: pr.mergedAt ? undefined : { message: 'Not Found' } };
  },

  'PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge': async (ctx) => {
    const { repo, pr } = await requirePull(ctx);
    const input = bodyOf<{ merge_method: MergeMethod; sha: string; commit_title: string; commit_message: string }>(ctx);
    const sha = await mergePull(ctx.core, repo, pr, {
      method: input.merge_method ?? 'merge',
      sha: input.sha,
      commitTitle: input.commit_title,
      commitMessage: input.commit_message,
      user: ctx.user,
    });
    return { status: 200, body: mergeResult(sha) };
  },
};

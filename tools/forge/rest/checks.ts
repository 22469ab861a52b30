// Commit statuses and check runs, the two kinds of checks GitHub reports on a
// commit. Required status checks of protected branches read them.
import { resolveCommit } from '../bare-repo.js';
import { notFound, unprocessable } from '../errors.js';
import { repository, simpleUser, type Json, type Urls } from '../shapes.js';
import { nodeId, timestamp, type CheckRunRecord, type RepoRecord, type StatusRecord } from '../state.js';
import { latestStatuses, latestCheckRuns } from '../checks.js';
import { bodyOf, intParam, paginate, requireRepo, type RouteTable } from './context.js';

function statusJson(urls: Urls, repo: RepoRecord, s: StatusRecord): Json {
  return {
    url: `${urls.api}/repos/${repo.owner}/${repo.name}/statuses/${s.sha}`,
    avatar_url: `${urls.web}/avatars/u/${s.creator.id}`,
    id: s.id,
    node_id: nodeId('SC', String(s.id)),
    state: s.state,
    description: s.description,
    target_url: s.targetUrl,
    context: s.context,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
}

function checkRunJson(urls: Urls, repo: RepoRecord, c: CheckRunRecord): Json {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  return {
    id: c.id,
    head_sha: c.headSha,
    node_id: nodeId('CR', String(c.id)),
    external_id: c.externalId,
    url: `${api}/check-runs/${c.id}`,
    html_url: `${urls.web}/${repo.owner}/${repo.name}/runs/${c.id}`,
    details_url: c.detailsUrl,
    status: c.status,
    conclusion: c.conclusion,
    started_at: c.startedAt,
    completed_at: c.completedAt,
    output: { title: c.title, summary: c.summary, text: c.text, annotations_count: 0, annotations_url: `${api}/check-runs/${c.id}/annotations` },
    name: c.name,
    check_suite: { id: c.id },
    app: null,
    pull_requests: [],
  };
}

async function requireCommit(repo: RepoRecord, spec: string): Promise<string> {
  const sha = await resolveCommit(repo.barePath, spec);
  if (!sha) throw unprocessable(`No commit found for SHA: ${spec}`);
  return sha;
}

type CheckRunInput = {
  name: string;
  head_sha: string;
  details_url: string;
  external_id: string;
  status: CheckRunRecord['status'];
  conclusion: string;
  started_at: string;
  completed_at: string;
  output: { title?: string; summary?: string; text?: string };
};

function applyCheckRunInput(run: CheckRunRecord, input: Partial<CheckRunInput>): void {
  if (input.name !== undefined) run.name = input.name;
  if (input.details_url !== undefined) run.detailsUrl = input.details_url;
  if (input.external_id !== undefined) run.externalId = input.external_id;
  if (input.started_at !== undefined) run.startedAt = input.started_at;
  if (input.status !== undefined) run.status = input.status;
  if (input.output) Object.assign(run, { title: input.output.title ?? run.title, summary: input.output.summary ?? run.summary, text: input.output.text ?? run.text });
  // A conclusion completes the run, whatever status was sent with it.
  if (input.conclusion !== undefined) {
    run.conclusion = input.conclusion;
    run.status = 'completed';
  }
  if (run.status === 'completed') {
    if (run.conclusion === null) throw unprocessable('Conclusion is required when status is completed.');
    run.completedAt = input.completed_at ?? run.completedAt ?? timestamp();
  }
  if (run.status === 'in_progress' && !run.startedAt) run.startedAt = timestamp();
}

export const checkRoutes: RouteTable = {
  'POST /repos/{owner}/{repo}/statuses/{sha}': async (ctx) => {
    const repo = requireRepo(ctx);
    const sha = await requireCommit(repo, ctx.params.sha);
    const input = bodyOf<{ state: StatusRecord['state']; target_url: string | null; description: string | null; context: string }>(ctx);
    const now = timestamp();
    const record: StatusRecord = {
      id: ctx.core.state.newId(),
      owner: repo.owner,
      repo: repo.name,
      sha,
      state: input.state ?? 'pending',
      context: input.context ?? 'default',
      description: input.description ?? null,
      targetUrl: input.target_url ?? null,
      creator: ctx.user,
      createdAt: now,
      updatedAt: now,
    };
    ctx.core.state.statuses.push(record);
    return { status: 201, body: { ...statusJson(ctx.core.urls, repo, record), creator: simpleUser(ctx.core.urls, ctx.user) } };
  },

  'GET /repos/{owner}/{repo}/commits/{ref}/statuses': async (ctx) => {
    const repo = requireRepo(ctx);
    const sha = await resolveCommit(repo.barePath, ctx.params.ref);
    if (!sha) throw notFound();
    const all = ctx.core.state.statusesFor(repo.owner, repo.name, sha).reverse();
    const { items, headers } = paginate(ctx, all);
    return { status: 200, body: items.map((s) => ({ ...statusJson(ctx.core.urls, repo, s), creator: simpleUser(ctx.core.urls, s.creator) })), headers };
  },

  'GET /repos/{owner}/{repo}/commits/{ref}/status': async (ctx) => {
    const repo = requireRepo(ctx);
    const sha = await resolveCommit(repo.barePath, ctx.params.ref);
    if (!sha) throw notFound();
    const latest = latestStatuses(ctx.core, repo, sha);
    const state = latest.some((s) => s.state === 'error' || s.state === 'failure')
      ? 'failure'
      : latest.length === 0 || latest.some((s) => s.state === 'pending')
        ? 'pending'
        : 'success';
    const api = `${ctx.core.urls.api}/repos/${repo.owner}/${repo.name}`;
    const { items } = paginate(ctx, latest, 100);
    return {
      status: 200,
      body: {
        state,
        statuses: items.map((s) => statusJson(ctx.core.urls, repo, s)),
        sha,
        total_count: latest.length,
        repository: repository(ctx.core.urls, repo),
        commit_url: `${api}/commits/${sha}`,
        url: `${api}/commits/${sha}/status`,
      },
    };
  },

  'POST /repos/{owner}/{repo}/check-runs': async (ctx) => {
    const repo = requireRepo(ctx);
    const input = bodyOf<CheckRunInput>(ctx);
    const sha = await requireCommit(repo, input.head_sha ?? '');
    const run: CheckRunRecord = {
      id: ctx.core.state.newId(),
      owner: repo.owner,
      repo: repo.name,
      headSha: sha,
      name: input.name ?? '',
      status: 'queued',
      conclusion: null,
      startedAt: null,
      completedAt: null,
      detailsUrl: null,
      externalId: null,
      title: null,
      summary: null,
      text: null,
    };
    applyCheckRunInput(run, { ...input, started_at: input.started_at ?? timestamp() });
    ctx.core.state.checkRuns.push(run);
    return { status: 201, body: checkRunJson(ctx.core.urls, repo, run) };
  },

  'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': async (ctx) => {
    const repo = requireRepo(ctx);
    const id = intParam(ctx, 'check_run_id');
    const run = ctx.core.state.checkRuns.find((c) => c.id === id && c.owner === repo.owner && c.repo === repo.name);
    if (!run) throw notFound();
    applyCheckRunInput(run, bodyOf<CheckRunInput>(ctx));
    return { status: 200, body: checkRunJson(ctx.core.urls, repo, run) };
  },

  'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': async (ctx) => {
    const repo = requireRepo(ctx);
    const sha = await resolveCommit(repo.barePath, ctx.params.ref);
    if (!sha) throw notFound();
    let runs = ctx.query.filter === 'all' ? ctx.core.state.checkRunsFor(repo.owner, repo.name, sha) : latestCheckRuns(ctx.core, repo, sha);
    if (ctx.query.check_name !== undefined) runs = runs.filter((r) => r.name === ctx.query.check_name);
    if (ctx.query.status !== undefined) runs = runs.filter((r) => r.status === ctx.query.status);
    const { items, headers } = paginate(ctx, runs);
    return { status: 200, body: { total_count: runs.length, check_runs: items.map((r) => checkRunJson(ctx.core.urls, repo, r)) }, headers };
  },
};

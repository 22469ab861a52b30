// The slice of GitHub's GraphQL schema the forge implements: looking up pull
// requests and enabling/disabling auto-merge.
import { branchSha } from '../bare-repo.js';
import type { ForgeCore } from '../core.js';
import type { MergeMethod } from '../merge.js';
import { isMergeable } from '../merge.js';
import { enqueue, queueEnabled, queuePosition, QueueError } from '../merge-queue.js';
import { pullMergeBlock } from '../protection.js';
import { mergeability, refreshPull } from '../pull-service.js';
import { ownerUser } from '../shapes.js';
import { timestamp, type ForgeUser, type PullRecord, type QueueEntryRecord, type RepoRecord } from '../state.js';
import { FieldError, RequestError, type FieldDef, type Schema, type TypeDef } from './execute.js';

export interface GraphQLContext {
  core: ForgeCore;
  viewer: ForgeUser;
}

interface RepoSource {
  __typename: 'Repository';
  repo: RepoRecord;
}

interface PullSource {
  __typename: 'PullRequest';
  repo: RepoRecord;
  pr: PullRecord;
}

interface QueueEntrySource {
  __typename: 'MergeQueueEntry';
  repo: RepoRecord;
  pr: PullRecord;
  entry: QueueEntryRecord;
}

interface ActorSource {
  __typename: 'User' | 'Bot' | 'Organization';
  user: ForgeUser;
}

type Ctx = GraphQLContext;
type Fields = Record<string, FieldDef<Ctx>>;

function field<S>(type: string, resolve: (source: S, args: Record<string, unknown>, ctx: Ctx) => unknown, args?: Record<string, string>): FieldDef<Ctx> {
  return { type, args, resolve: resolve as FieldDef<Ctx>['resolve'] };
}

function actor(user: ForgeUser): ActorSource {
  return { __typename: user.type, user };
}

async function pullSource(ctx: Ctx, repo: RepoRecord, pr: PullRecord): Promise<PullSource> {
  await refreshPull(ctx.core, repo, pr);
  return { __typename: 'PullRequest', repo, pr };
}

function findPullByNode(ctx: Ctx, id: unknown): { repo: RepoRecord; pr: PullRecord } {
  const pr = typeof id === 'string' ? ctx.core.state.pullByNodeId(id) : undefined;
  const repo = pr && ctx.core.state.repo(pr.owner, pr.repo);
  if (!pr || !repo) throw new FieldError(`Could not resolve to a node with the global id of '${String(id)}'`, 'NOT_FOUND');
  return { repo, pr };
}

const MERGE_METHODS: Record<string, MergeMethod> = { MERGE: 'merge', SQUASH: 'squash', REBASE: 'rebase' };

function checkInput(name: string, input: unknown, allowed: string[], required: string[]): Record<string, unknown> {
  if (!input || typeof input !== 'object') throw new RequestError(`Argument 'input' on Field '${name}' has an invalid value`);
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) throw new RequestError(`InputObject '${name[0].toUpperCase()}${name.slice(1)}Input' doesn't accept argument '${key}'`);
  }
  for (const key of required) {
    if (record[key] === undefined || record[key] === null) throw new RequestError(`Argument '${key}' on InputObject '${name[0].toUpperCase()}${name.slice(1)}Input' is required`);
  }
  return record;
}

const actorFields: Fields = {
  login: field<ActorSource>('String!', (s) => s.user.login),
  id: field<ActorSource>('ID!', (s) => s.user.nodeId),
  url: field<ActorSource>('URI!', (s, _a, ctx) => `${ctx.core.urls.web}/${s.user.login}`),
  databaseId: field<ActorSource>('Int', (s) => s.user.id),
};

const pullFields: Fields = {
  id: field<PullSource>('ID!', (s) => s.pr.nodeId),
  databaseId: field<PullSource>('Int', (s) => s.pr.id),
  number: field<PullSource>('Int!', (s) => s.pr.number),
  title: field<PullSource>('String!', (s) => s.pr.title),
  body: field<PullSource>('String!', (s) => s.pr.body ?? ''),
  url: field<PullSource>('URI!', (s, _a, ctx) => `${ctx.core.urls.web}/${s.repo.owner}/${s.repo.name}/pull/${s.pr.number}`),
  state: field<PullSource>('PullRequestState!', (s) => (s.pr.mergedAt ? 'MERGED' : s.pr.state.toUpperCase())),
  isDraft: field<PullSource>('Boolean!', (s) => s.pr.draft),
  closed: field<PullSource>('Boolean!', (s) => s.pr.state === 'closed'),
  merged: field<PullSource>('Boolean!', (s) => s.pr.mergedAt !== null),
  mergedAt: field<PullSource>('DateTime', (s) => s.pr.mergedAt),
  closedAt: field<PullSource>('DateTime', (s) => s.pr.closedAt),
  createdAt: field<PullSource>('DateTime!', (s) => s.pr.createdAt),
  updatedAt: field<PullSource>('DateTime!', (s) => s.pr.updatedAt),
  headRefName: field<PullSource>('String!', (s) => s.pr.headRef),
  headRefOid: field<PullSource>('GitObjectID!', (s) => s.pr.headSha),
  baseRefName: field<PullSource>('String!', (s) => s.pr.baseRef),
  baseRefOid: field<PullSource>('GitObjectID!', (s) => s.pr.baseSha),
  mergeable: field<PullSource>('MergeableState!', async (s, _a, ctx) => {
    const m = await mergeability(ctx.core, s.repo, s.pr);
    return m.mergeable === null ? 'UNKNOWN' : m.mergeable ? 'MERGEABLE' : 'CONFLICTING';
  }),
  mergeStateStatus: field<PullSource>('MergeStateStatus!', async (s, _a, ctx) => (await mergeability(ctx.core, s.repo, s.pr)).state.toUpperCase()),
  mergeCommit: field<PullSource>('Commit', (s) => (s.pr.mergeCommitSha ? { __typename: 'Commit', oid: s.pr.mergeCommitSha } : null)),
  author: field<PullSource>('Actor', (s) => actor(s.pr.user)),
  autoMergeRequest: field<PullSource>('AutoMergeRequest', (s) => (s.pr.autoMerge ? s : null)),
  viewerCanEnableAutoMerge: field<PullSource>('Boolean!', (s) => s.repo.allowAutoMerge && s.pr.state === 'open' && !s.pr.autoMerge),
  viewerCanDisableAutoMerge: field<PullSource>('Boolean!', (s) => s.pr.autoMerge !== null),
  repository: field<PullSource>('Repository!', (s) => ({ __typename: 'Repository', repo: s.repo })),
  mergeQueueEntry: field<PullSource>('MergeQueueEntry', (s) => (s.pr.queueEntry ? queueEntrySource(s.repo, s.pr, s.pr.queueEntry) : null)),
  isInMergeQueue: field<PullSource>('Boolean!', (s) => s.pr.queueEntry !== null),
  isMergeQueueEnabled: field<PullSource>('Boolean!', (s) => queueEnabled(s.repo, s.pr.baseRef)),
};

function queueEntrySource(repo: RepoRecord, pr: PullRecord, entry: QueueEntryRecord): QueueEntrySource {
  return { __typename: 'MergeQueueEntry', repo, pr, entry };
}

const queueEntryFields: Fields = {
  id: field<QueueEntrySource>('ID!', (s) => s.entry.id),
  // An entry that has left the queue (merged or removed) keeps answering, with position 0.
  position: field<QueueEntrySource>('Int!', (s, _a, ctx) => (s.pr.queueEntry === s.entry ? queuePosition(ctx.core, s.repo, s.pr) : 0)),
  state: field<QueueEntrySource>('MergeQueueEntryState!', (s) => s.entry.state),
  enqueuedAt: field<QueueEntrySource>('DateTime!', (s) => s.entry.enqueuedAt),
  enqueuer: field<QueueEntrySource>('Actor!', (s) => actor(s.entry.enqueuedBy)),
  jump: field<QueueEntrySource>('Boolean!', (s) => s.entry.jump),
  solo: field<QueueEntrySource>('Boolean!', () => false),
  estimatedTimeToMerge: field<QueueEntrySource>('Int', () => null),
  headCommit: field<QueueEntrySource>('Commit', (s) => ({ __typename: 'Commit', oid: s.entry.headSha })),
  baseCommit: field<QueueEntrySource>('Commit', (s) => ({ __typename: 'Commit', oid: s.pr.baseSha })),
  pullRequest: field<QueueEntrySource>('PullRequest', (s) => ({ __typename: 'PullRequest', repo: s.repo, pr: s.pr })),
};

async function enqueueMutation(ctx: Ctx, input: Record<string, unknown>): Promise<unknown> {
  const { repo, pr } = findPullByNode(ctx, input.pullRequestId);
  try {
    const entry = await enqueue(ctx.core, repo, pr, ctx.viewer, {
      expectedHeadOid: input.expectedHeadOid == null ? undefined : String(input.expectedHeadOid),
      jump: input.jump === true,
    });
    return { clientMutationId: input.clientMutationId ?? null, mergeQueueEntry: queueEntrySource(repo, pr, entry) };
  } catch (err) {
    if (err instanceof QueueError) throw new FieldError(err.message, 'UNPROCESSABLE');
    throw err;
  }
}

async function dequeueMutation(ctx: Ctx, input: Record<string, unknown>): Promise<unknown> {
  const { repo, pr } = findPullByNode(ctx, input.id);
  const entry = pr.queueEntry;
  if (!entry) throw new FieldError('Pull request is not in the merge queue', 'UNPROCESSABLE');
  pr.queueEntry = null;
  return { clientMutationId: input.clientMutationId ?? null, mergeQueueEntry: queueEntrySource(repo, pr, entry) };
}

const autoMergeFields: Fields = {
  enabledAt: field<PullSource>('DateTime', (s) => s.pr.autoMerge?.enabledAt ?? null),
  enabledBy: field<PullSource>('Actor', (s) => (s.pr.autoMerge ? actor(s.pr.autoMerge.enabledBy) : null)),
  mergeMethod: field<PullSource>('PullRequestMergeMethod!', (s) => (s.pr.autoMerge?.mergeMethod ?? 'merge').toUpperCase()),
  commitHeadline: field<PullSource>('String', (s) => s.pr.autoMerge?.commitTitle ?? null),
  commitBody: field<PullSource>('String', (s) => s.pr.autoMerge?.commitMessage ?? null),
  pullRequest: field<PullSource>('PullRequest!', (s) => s),
};

const repoFields: Fields = {
  id: field<RepoSource>('ID!', (s) => s.repo.nodeId),
  databaseId: field<RepoSource>('Int', (s) => s.repo.id),
  name: field<RepoSource>('String!', (s) => s.repo.name),
  nameWithOwner: field<RepoSource>('String!', (s) => `${s.repo.owner}/${s.repo.name}`),
  url: field<RepoSource>('URI!', (s, _a, ctx) => `${ctx.core.urls.web}/${s.repo.owner}/${s.repo.name}`),
  isPrivate: field<RepoSource>('Boolean!', (s) => s.repo.private),
  autoMergeAllowed: field<RepoSource>('Boolean!', (s) => s.repo.allowAutoMerge),
  mergeCommitAllowed: field<RepoSource>('Boolean!', (s) => s.repo.allowMergeCommit),
  squashMergeAllowed: field<RepoSource>('Boolean!', (s) => s.repo.allowSquashMerge),
  rebaseMergeAllowed: field<RepoSource>('Boolean!', (s) => s.repo.allowRebaseMerge),
  defaultBranchRef: field<RepoSource>('Ref', async (s) => {
    const sha = await branchSha(s.repo.barePath, s.repo.defaultBranch);
    return sha ? { __typename: 'Ref', name: s.repo.defaultBranch, prefix: 'refs/heads/', target: { __typename: 'Commit', oid: sha } } : null;
  }),
  pullRequest: field<RepoSource>(
    'PullRequest',
    async (s, args, ctx) => {
      const pr = ctx.core.state.pull(s.repo.owner, s.repo.name, Number(args.number));
      if (!pr) throw new FieldError(`Could not resolve to a PullRequest with the number of ${String(args.number)}.`, 'NOT_FOUND');
      return pullSource(ctx, s.repo, pr);
    },
    { number: 'Int!' },
  ),
  pullRequests: field<RepoSource>(
    'PullRequestConnection!',
    async (s, args, ctx) => {
      const states = (args.states as string[] | null) ?? null;
      const matches: PullSource[] = [];
      for (const pr of ctx.core.state.pullsOf(s.repo.owner, s.repo.name)) {
        const source = await pullSource(ctx, s.repo, pr);
        const state = pr.mergedAt ? 'MERGED' : pr.state.toUpperCase();
        if (states && !states.includes(state)) continue;
        if (args.headRefName != null && pr.headRef !== args.headRefName) continue;
        if (args.baseRefName != null && pr.baseRef !== args.baseRefName) continue;
        matches.push(source);
      }
      const first = typeof args.first === 'number' ? args.first : undefined;
      const last = typeof args.last === 'number' ? args.last : undefined;
      if (first === undefined && last === undefined) {
        throw new FieldError('You must provide a `first` or `last` value to properly paginate the `pullRequests` connection.', 'MISSING_PAGINATION_BOUNDARIES');
      }
      const nodes = first !== undefined ? matches.slice(0, first) : matches.slice(-(last ?? 0));
      return {
        __typename: 'PullRequestConnection',
        nodes,
        totalCount: matches.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: nodes.length < matches.length && first !== undefined, hasPreviousPage: nodes.length < matches.length && last !== undefined, startCursor: null, endCursor: null },
      };
    },
    { states: '[PullRequestState!]', headRefName: 'String', baseRefName: 'String', first: 'Int', last: 'Int', labels: '[String!]', orderBy: 'IssueOrder', after: 'String', before: 'String' },
  ),
  owner: field<RepoSource>('RepositoryOwner!', (s) => actor(ownerUser(s.repo))),
};

async function setAutoMerge(ctx: Ctx, input: Record<string, unknown>, enable: boolean): Promise<unknown> {
  const { repo, pr } = findPullByNode(ctx, input.pullRequestId);
  await refreshPull(ctx.core, repo, pr);
  if (enable) {
    if (!repo.allowAutoMerge) throw new FieldError('Pull request Auto merge is not allowed for this repository', 'UNPROCESSABLE');
    if (pr.mergedAt) throw new FieldError('Pull request Pull request is already merged', 'UNPROCESSABLE');
    if (pr.state !== 'open') throw new FieldError('Pull request Pull request is closed', 'UNPROCESSABLE');
    if (input.expectedHeadOid != null && input.expectedHeadOid !== pr.headSha) {
      throw new FieldError('Pull request head commit does not match expectedHeadOid', 'UNPROCESSABLE');
    }
    if (repo.autoMergeRejectsCleanStatus && (await mergeability(ctx.core, repo, pr)).state === 'clean') {
      throw new FieldError('Pull request is in clean status', 'UNPROCESSABLE');
    }
    const method = MERGE_METHODS[String(input.mergeMethod ?? 'MERGE')];
    if (!method) throw new RequestError(`Argument 'mergeMethod' on InputObject 'EnablePullRequestAutoMergeInput' has an invalid value (${String(input.mergeMethod)}).`);
    // On a queue branch, "merge when ready" means joining the queue once the rules are met.
    if (queueEnabled(repo, pr.baseRef) && (await isMergeable(repo.barePath, pr.baseSha, pr.headSha)) && !(await pullMergeBlock(ctx.core, repo, pr))) {
      try {
        await enqueue(ctx.core, repo, pr, ctx.viewer, {});
      } catch (err) {
        if (err instanceof QueueError) throw new FieldError(err.message, 'UNPROCESSABLE');
        throw err;
      }
      pr.updatedAt = timestamp();
      return { clientMutationId: input.clientMutationId ?? null, pullRequest: { __typename: 'PullRequest', repo, pr }, actor: actor(ctx.viewer) };
    }
    pr.autoMerge = {
      enabledAt: timestamp(),
      enabledBy: ctx.viewer,
      mergeMethod: method,
      commitTitle: input.commitHeadline as string | undefined,
      commitMessage: input.commitBody as string | undefined,
    };
  } else {
    pr.autoMerge = null;
  }
  pr.updatedAt = timestamp();
  return { clientMutationId: input.clientMutationId ?? null, pullRequest: { __typename: 'PullRequest', repo, pr }, actor: actor(ctx.viewer) };
}

const payloadFields: Fields = {
  clientMutationId: { type: 'String' },
  pullRequest: { type: 'PullRequest' },
  actor: { type: 'Actor' },
};

const scalar = { kind: 'scalar' } as const;

const types: Record<string, TypeDef<Ctx>> = {
  Query: {
    kind: 'object',
    fields: {
      repository: field<unknown>(
        'Repository',
        (_s, args, ctx) => {
          const repo = ctx.core.state.repo(String(args.owner), String(args.name));
          if (!repo) throw new FieldError(`Could not resolve to a Repository with the name '${String(args.owner)}/${String(args.name)}'.`, 'NOT_FOUND');
          return { __typename: 'Repository', repo };
        },
        { owner: 'String!', name: 'String!', followRenames: 'Boolean' },
      ),
      node: field<unknown>(
        'Node',
        async (_s, args, ctx) => {
          const repo = [...ctx.core.state.repos.values()].find((r) => r.nodeId === args.id);
          if (repo) return { __typename: 'Repository', repo };
          const found = findPullByNode(ctx, args.id);
          return pullSource(ctx, found.repo, found.pr);
        },
        { id: 'ID!' },
      ),
      viewer: field<unknown>('User!', (_s, _a, ctx) => ({ __typename: 'User', user: ctx.viewer })),
    },
  },
  Mutation: {
    kind: 'object',
    fields: {
      enablePullRequestAutoMerge: field<unknown>(
        'EnablePullRequestAutoMergePayload',
        (_s, args, ctx) =>
          setAutoMerge(
            ctx,
            checkInput('enablePullRequestAutoMerge', args.input, ['pullRequestId', 'mergeMethod', 'commitHeadline', 'commitBody', 'authorEmail', 'expectedHeadOid', 'clientMutationId'], ['pullRequestId']),
            true,
          ),
        { input: 'EnablePullRequestAutoMergeInput!' },
      ),
      enqueuePullRequest: field<unknown>(
        'EnqueuePullRequestPayload',
        (_s, args, ctx) => enqueueMutation(ctx, checkInput('enqueuePullRequest', args.input, ['pullRequestId', 'expectedHeadOid', 'jump', 'clientMutationId'], ['pullRequestId'])),
        { input: 'EnqueuePullRequestInput!' },
      ),
      dequeuePullRequest: field<unknown>(
        'DequeuePullRequestPayload',
        (_s, args, ctx) => dequeueMutation(ctx, checkInput('dequeuePullRequest', args.input, ['id', 'clientMutationId'], ['id'])),
        { input: 'DequeuePullRequestInput!' },
      ),
      disablePullRequestAutoMerge: field<unknown>(
        'DisablePullRequestAutoMergePayload',
        (_s, args, ctx) => setAutoMerge(ctx, checkInput('disablePullRequestAutoMerge', args.input, ['pullRequestId', 'clientMutationId'], ['pullRequestId']), false),
        { input: 'DisablePullRequestAutoMergeInput!' },
      ),
    },
  },
  Node: { kind: 'interface', fields: { id: { type: 'ID!' } } },
  Actor: { kind: 'interface', fields: actorFields },
  RepositoryOwner: { kind: 'interface', fields: actorFields },
  User: { kind: 'object', fields: actorFields, interfaces: ['Actor', 'Node', 'RepositoryOwner'] },
  Bot: { kind: 'object', fields: actorFields, interfaces: ['Actor', 'Node'] },
  Organization: { kind: 'object', fields: actorFields, interfaces: ['Actor', 'Node', 'RepositoryOwner'] },
  Repository: { kind: 'object', fields: repoFields, interfaces: ['Node'] },
  PullRequest: { kind: 'object', fields: pullFields, interfaces: ['Node'] },
  AutoMergeRequest: { kind: 'object', fields: autoMergeFields },
  PullRequestConnection: {
    kind: 'object',
    fields: { nodes: { type: '[PullRequest]' }, totalCount: { type: 'Int!' }, pageInfo: { type: 'PageInfo!' } },
  },
  PageInfo: {
    kind: 'object',
    fields: { hasNextPage: { type: 'Boolean!' }, hasPreviousPage: { type: 'Boolean!' }, startCursor: { type: 'String' }, endCursor: { type: 'String' } },
  },
  Ref: { kind: 'object', fields: { name: { type: 'String!' }, prefix: { type: 'String!' }, target: { type: 'Commit' } }, interfaces: ['Node'] },
  Commit: { kind: 'object', fields: { oid: { type: 'GitObjectID!' } }, interfaces: ['Node'] },
  EnablePullRequestAutoMergePayload: { kind: 'object', fields: payloadFields },
  EnqueuePullRequestPayload: { kind: 'object', fields: { clientMutationId: { type: 'String' }, mergeQueueEntry: { type: 'MergeQueueEntry' } } },
  DequeuePullRequestPayload: { kind: 'object', fields: { clientMutationId: { type: 'String' }, mergeQueueEntry: { type: 'MergeQueueEntry' } } },
  MergeQueueEntry: { kind: 'object', fields: queueEntryFields, interfaces: ['Node'] },
  MergeQueueEntryState: { kind: 'enum', values: ['AWAITING_CHECKS', 'LOCKED', 'MERGEABLE', 'QUEUED', 'UNMERGEABLE'] },
  DisablePullRequestAutoMergePayload: { kind: 'object', fields: payloadFields },
  DateTime: scalar,
  URI: scalar,
  GitObjectID: scalar,
  PullRequestState: { kind: 'enum', values: ['OPEN', 'CLOSED', 'MERGED'] },
  PullRequestMergeMethod: { kind: 'enum', values: ['MERGE', 'SQUASH', 'REBASE'] },
  MergeableState: { kind: 'enum', values: ['MERGEABLE', 'CONFLICTING', 'UNKNOWN'] },
  MergeStateStatus: { kind: 'enum', values: ['BEHIND', 'BLOCKED', 'CLEAN', 'DIRTY', 'DRAFT', 'HAS_HOOKS', 'UNKNOWN', 'UNSTABLE'] },
};

export const githubSchema: Schema<Ctx> = { types, query: 'Query', mutation: 'Mutation' };

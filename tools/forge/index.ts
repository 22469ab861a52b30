// A local, GitHub-compatible server for end-to-end tests: REST (checked against
// GitHub's OpenAPI description), a slice of GraphQL, and git over smart HTTP.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basicAuthHeader } from './auth.js';
import { branchSha, currentBranch, initBareRepo } from './bare-repo.js';
import { ForgeCore } from './core.js';
import type { Findings, RequestRecord } from './exchange.js';
import { FaultRegistry, type FaultHandle, type FaultSpec } from './faults.js';
import { openApiStats, warmUpOpenApi, type OpenApiStats } from './openapi.js';
import { isMergeable, type MergeMethod } from './merge.js';
import { enqueue, queueEnabled, runMergeQueues } from './merge-queue.js';
import { pullMergeBlock } from './protection.js';
import { HOOK_PATH, installPushHook, writeHooksDir } from './push-hook.js';
import { mergePull, refreshPull } from './pull-service.js';
import { createForgeServer } from './server.js';
import { stableId } from './shapes.js';
import { nodeId, repoKey, timestamp, type CommentRecord, type ForgeUser, type PullRecord, type RepoRecord, type RepoSettings } from './state.js';

export type { RequestRecord } from './exchange.js';
export type { FaultHandle, FaultKind, FaultSpec } from './faults.js';
export type { OpenApiStats } from './openapi.js';
export type { CommentRecord, ForgeUser, PullRecord, RepoSettings } from './state.js';
export { basicAuthHeader } from './auth.js';

export type TokenSpec = string | { token: string; login?: string; type?: 'User' | 'Bot' };

export interface ForgeOptions {
  /** Accepted tokens; a random one is generated when omitted (see `forge.token`). */
  tokens?: TokenSpec[];
  /** GETs of a pull request that answer `mergeable: null` after its head or base moved (default 0). */
  mergeabilityDelay?: number;
  /**
   * When set, merge queues run on their own this many milliseconds after a pull
   * request is enqueued, and again while entries wait. Otherwise only
   * `runMergeQueue()` merges queued pull requests.
   */
  mergeQueueDelay?: number;
}

export interface ProtectBranchOptions {
  /** "Require signed commits": pushes and merges may only add verified commits. */
  requiredSignatures?: boolean;
  /** Contexts (commit status contexts or check run names) that must pass before a merge or push. */
  requiredStatusChecks?: string[];
  /** "Require merge queue"; `true` merges with merge commits. */
  mergeQueue?: boolean | { mergeMethod?: MergeMethod };
}

export interface CreateRepoOptions extends Partial<RepoSettings> {
  /** A local repository whose branches and tags seed the new one. */
  from?: string;
}

export interface CreatedRepo {
  fullName: string;
  /** Clone URL without credentials. */
  cloneUrl: string;
  barePath: string;
}

export interface AutoMergeOutcome {
  owner: string;
  repo: string;
  number: number;
  sha: string;
}

export interface Forge {
  readonly serverUrl: string;
  readonly apiUrl: string;
  readonly graphqlUrl: string;
  /** The first accepted token. */
  readonly token: string;
  readonly requests: RequestRecord[];
  /** Problems a real GitHub client must not have; tests assert this stays empty. */
  readonly violations: string[];
  /** Schema findings on injected faults and auth failures; informational only. */
  readonly notes: string[];
  createRepo(owner: string, name: string, options?: CreateRepoOptions): Promise<CreatedRepo>;
  barePath(owner: string, name: string): string;
  /** Clone URL, with `x-access-token:TOKEN@` credentials when a token is given. */
  cloneUrl(owner: string, name: string, token?: string): string;
  /** `Authorization: basic ...` for `git -c http.extraheader=...`. */
  gitAuthHeader(token?: string): string;
  addToken(token: string, login?: string, type?: 'User' | 'Bot'): void;
  removeToken(token: string): void;
  injectFault(spec: FaultSpec, options?: { times?: number }): FaultHandle;
  clearFaults(): void;
  /** Snapshots of the repository's pull requests, refreshed from its branches. */
  pulls(owner: string, repo: string): Promise<PullRecord[]>;
  comments(owner: string, repo: string, issueNumber?: number): CommentRecord[];
  branchSha(owner: string, repo: string, branch: string): Promise<string | undefined>;
  /**
   * Merges every open pull request with auto-merge enabled that can be merged, as GitHub would once
   * checks pass; on a branch with a merge queue it enqueues the pull request instead.
   */
  runAutoMerge(): Promise<AutoMergeOutcome[]>;
  /** Protects a branch (replacing earlier rules for it); pushes are then checked by a real git hook. */
  protectBranch(owner: string, repo: string, branch: string, options?: ProtectBranchOptions): Promise<void>;
  unprotectBranch(owner: string, repo: string, branch: string): void;
  /** Merges queued pull requests, in queue order, that are mergeable and whose checks passed. */
  runMergeQueue(): Promise<AutoMergeOutcome[]>;
  openApiStats(): OpenApiStats;
  /** Forgets recorded requests, violations and notes. */
  resetRecords(): void;
  close(): Promise<void>;
}

function toUser(spec: TokenSpec): [string, ForgeUser] {
  const { token, login = 'forge-user', type = 'User' } = typeof spec === 'string' ? { token: spec } : spec;
  return [token, { login, type, id: stableId(login), nodeId: nodeId(type === 'Bot' ? 'BOT' : 'U', login) }];
}

const DEFAULT_SETTINGS: Omit<RepoSettings, 'defaultBranch'> = {
  private: false,
  allowMergeCommit: true,
  allowSquashMerge: true,
  allowRebaseMerge: true,
  allowAutoMerge: true,
  deleteBranchOnMerge: false,
  autoMergeRejectsCleanStatus: false,
  actionsCanCreatePullRequests: true,
};

export async function startForge(options: ForgeOptions = {}): Promise<Forge> {
  // Loading the description up front keeps the first request's latency normal.
  warmUpOpenApi();
  const root = await mkdtemp(join(tmpdir(), 'meta-rollback-forge-'));
  const core = new ForgeCore(join(root, 'repos'), { mergeabilityDelay: options.mergeabilityDelay ?? 0 });
  const tokenSpecs = options.tokens?.length ? options.tokens : [`ghs_${randomBytes(18).toString('hex')}`];
  for (const spec of tokenSpecs) core.tokens.set(...toUser(spec));
  const firstToken = toUser(tokenSpecs[0])[0];

  const faults = new FaultRegistry();
  const requests: RequestRecord[] = [];
  const findings: Findings = { violations: [], notes: [] };
  const server = createForgeServer({ core, faults, requests, findings });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const serverUrl = `http://127.0.0.1:${port}`;
  core.urls = { api: `${serverUrl}/api/v3`, web: serverUrl };
  const hooksDir = join(root, 'hooks');
  await writeHooksDir(hooksDir);
  core.hook = { url: `${serverUrl}${HOOK_PATH}`, secret: randomBytes(16).toString('hex') };

  let queueTimer: NodeJS.Timeout | undefined;
  const runQueues = async (): Promise<AutoMergeOutcome[]> => {
    const merged = await runMergeQueues(core);
    if (options.mergeQueueDelay !== undefined && core.state.pulls.some((p) => p.queueEntry && p.state === 'open')) core.onEnqueue?.();
    return merged;
  };
  if (options.mergeQueueDelay !== undefined) {
    const delay = options.mergeQueueDelay;
    core.onEnqueue = () => {
      if (queueTimer) return;
      queueTimer = setTimeout(() => {
        queueTimer = undefined;
        runQueues().catch((err: unknown) => findings.violations.push(`merge queue run failed: ${err instanceof Error ? err.message : String(err)}`));
      }, delay);
      queueTimer.unref();
    };
  }

  const requireRepo = (owner: string, name: string): RepoRecord => {
    const repo = core.state.repo(owner, name);
    if (!repo) throw new Error(`forge has no repository ${owner}/${name}`);
    return repo;
  };

  return {
    serverUrl,
    apiUrl: core.urls.api,
    graphqlUrl: `${serverUrl}/api/graphql`,
    token: firstToken,
    requests,
    violations: findings.violations,
    notes: findings.notes,

    async createRepo(owner, name, repoOptions = {}) {
      if (core.state.repo(owner, name)) throw new Error(`forge already has ${owner}/${name}`);
      const { from, ...settings } = repoOptions;
      const defaultBranch = settings.defaultBranch ?? (from ? await currentBranch(from) : undefined) ?? 'main';
      const barePath = core.barePathFor(owner, name);
      await initBareRepo(barePath, defaultBranch, from);
      const now = timestamp();
      const id = core.state.newId();
      core.state.repos.set(repoKey(owner, name), {
        ...DEFAULT_SETTINGS,
        ...settings,
        defaultBranch,
        id,
        nodeId: nodeId('R', `${owner}/${name}`),
        owner,
        name,
        barePath,
        createdAt: now,
        updatedAt: now,
        nextIssueNumber: 1,
        protections: new Map(),
      });
      return { fullName: `${owner}/${name}`, cloneUrl: `${serverUrl}/${owner}/${name}.git`, barePath };
    },

    barePath: (owner, name) => requireRepo(owner, name).barePath,

    cloneUrl(owner, name, token) {
      const repo = requireRepo(owner, name);
      const credentials = token ? `x-access-token:${encodeURIComponent(token)}@` : '';
      return `http://${credentials}127.0.0.1:${port}/${repo.owner}/${repo.name}.git`;
    },

    gitAuthHeader: (token = firstToken) => basicAuthHeader(token),

    addToken(token, login, type) {
      core.tokens.set(...toUser({ token, login, type }));
    },

    removeToken(token) {
      core.tokens.delete(token);
    },

    injectFault: (spec, faultOptions = {}) => faults.add(spec, faultOptions.times ?? 1),
    clearFaults: () => faults.clear(),

    async pulls(owner, name) {
      const repo = requireRepo(owner, name);
      const pulls = core.state.pullsOf(owner, name);
      for (const pr of pulls) await refreshPull(core, repo, pr);
      return structuredClone(pulls);
    },

    comments(owner, name, issueNumber) {
      requireRepo(owner, name);
      const all = core.state.comments.filter((c) => repoKey(c.owner, c.repo) === repoKey(owner, name));
      return structuredClone(issueNumber === undefined ? all : all.filter((c) => c.issueNumber === issueNumber));
    },

    branchSha: (owner, name, branch) => branchSha(requireRepo(owner, name).barePath, branch),

    async runAutoMerge() {
      const merged: AutoMergeOutcome[] = [];
      for (const pr of core.state.pulls) {
        const repo = core.state.repo(pr.owner, pr.repo);
        if (!repo || !pr.autoMerge) continue;
        await refreshPull(core, repo, pr);
        if (pr.state !== 'open' || !pr.autoMerge) continue;
        if (!(await isMergeable(repo.barePath, pr.baseSha, pr.headSha))) continue;
        if (await pullMergeBlock(core, repo, pr)) continue;
        if (queueEnabled(repo, pr.baseRef)) {
          await enqueue(core, repo, pr, pr.autoMerge.enabledBy, {});
          pr.autoMerge = null;
          continue;
        }
        const { mergeMethod, enabledBy, commitTitle, commitMessage } = pr.autoMerge;
        const sha = await mergePull(core, repo, pr, { method: mergeMethod, user: enabledBy, commitTitle, commitMessage });
        merged.push({ owner: repo.owner, repo: repo.name, number: pr.number, sha });
      }
      return merged;
    },

    async protectBranch(owner, name, branch, protectOptions = {}) {
      const repo = requireRepo(owner, name);
      const queue = protectOptions.mergeQueue;
      repo.protections.set(branch, {
        requiredSignatures: protectOptions.requiredSignatures ?? false,
        requiredStatusChecks: [...(protectOptions.requiredStatusChecks ?? [])],
        mergeQueue: queue ? { mergeMethod: (typeof queue === 'object' ? queue.mergeMethod : undefined) ?? 'merge' } : null,
      });
      await installPushHook(repo, hooksDir);
    },

    unprotectBranch(owner, name, branch) {
      requireRepo(owner, name).protections.delete(branch);
    },

    runMergeQueue: runQueues,

    openApiStats,

    resetRecords() {
      requests.length = 0;
      findings.violations.length = 0;
      findings.notes.length = 0;
    },

    async close() {
      faults.clear();
      clearTimeout(queueTimer);
      core.onEnqueue = undefined;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await rm(root, { recursive: true, force: true });
    },
  };
}

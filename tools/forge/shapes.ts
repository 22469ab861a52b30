// Builds GitHub-shaped JSON objects. Every field the OpenAPI description marks
// as required is present, so responses validate and clients see what they would
// see from github.com.
import type { CommitInfo, DiffStat } from './bare-repo.js';
import type { Verification } from './signatures.js';
import { nodeId, timestamp, type AutoMergeRecord, type BranchProtection, type CommentRecord, type ForgeUser, type PullRecord, type PullStats, type RepoRecord } from './state.js';

export interface Urls {
  /** REST base, e.g. http://127.0.0.1:1234/api/v3 */
  api: string;
  /** Web base, e.g. http://127.0.0.1:1234 */
  web: string;
}

export type Json = Record<string, unknown>;

export function simpleUser(urls: Urls, user: ForgeUser): Json {
  const api = `${urls.api}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: user.nodeId,
    avatar_url: `${urls.web}/avatars/u/${user.id}`,
    gravatar_id: '',
    url: api,
    html_url: `${urls.web}/${encodeURIComponent(user.login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    site_admin: false,
    user_view_type: 'public',
  };
}

export function ownerUser(repo: RepoRecord): ForgeUser {
  return { login: repo.owner, id: stableId(repo.owner), nodeId: nodeId('O', repo.owner), type: 'Organization' };
}

/** Stable numeric id for names that have no record of their own (owners). */
export function stableId(name: string): number {
  let h = 7;
  for (const ch of name.toLowerCase()) h = (h * 31 + ch.charCodeAt(0)) % 1_000_000;
  return 1_000_000 + h;
}

/** Superset of `repository` and `full-repository`. */
export function repository(urls: Urls, repo: RepoRecord, viewer?: ForgeUser): Json {
  const full = `${repo.owner}/${repo.name}`;
  const api = `${urls.api}/repos/${full}`;
  const host = new URL(urls.web).host;
  return {
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: full,
    owner: simpleUser(urls, ownerUser(repo)),
    private: repo.private,
    visibility: repo.private ? 'private' : 'public',
    html_url: `${urls.web}/${full}`,
    description: null,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://${host}/${full}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${host}:${full}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${urls.web}/${full}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: `${urls.web}/${full}`,
    homepage: null,
    language: null,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 1,
    default_branch: repo.defaultBranch,
    open_issues: 0,
    open_issues_count: 0,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    pushed_at: repo.updatedAt,
    created_at: repo.createdAt,
    updated_at: repo.updatedAt,
    permissions: viewer ? { admin: true, maintain: true, push: true, triage: true, pull: true } : undefined,
    allow_rebase_merge: repo.allowRebaseMerge,
    allow_squash_merge: repo.allowSquashMerge,
    allow_merge_commit: repo.allowMergeCommit,
    allow_auto_merge: repo.allowAutoMerge,
    delete_branch_on_merge: repo.deleteBranchOnMerge,
    allow_update_branch: false,
    allow_forking: true,
    web_commit_signoff_required: false,
    license: null,
    network_count: 0,
    subscribers_count: 0,
  };
}

export function gitRef(urls: Urls, repo: RepoRecord, ref: string, sha: string, type: string): Json {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  return {
    ref,
    node_id: nodeId('REF', `${repo.owner}/${repo.name}:${ref}`),
    url: `${api}/git/${ref}`,
    object: { type, sha, url: `${api}/git/${type === 'tag' ? 'tags' : 'commits'}/${sha}` },
  };
}

function gitUser(name: string, email: string, date: string): Json {
  return { name, email, date: timestamp(new Date(date)) };
}

const UNSIGNED: Verification = { verified: false, reason: 'unsigned', payload: null, signature: null, verified_at: null };

export function commit(urls: Urls, repo: RepoRecord, info: CommitInfo, files?: DiffStat[], verification: Verification = UNSIGNED): Json {
  const full = `${repo.owner}/${repo.name}`;
  const api = `${urls.api}/repos/${full}`;
  const stats = files && {
    additions: sum(files, 'additions'),
    deletions: sum(files, 'deletions'),
    total: sum(files, 'additions') + sum(files, 'deletions'),
  };
  return {
    url: `${api}/commits/${info.sha}`,
    sha: info.sha,
    node_id: nodeId('C', `${full}:${info.sha}`),
    html_url: `${urls.web}/${full}/commit/${info.sha}`,
    comments_url: `${api}/commits/${info.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${info.sha}`,
      author: gitUser(info.authorName, info.authorEmail, info.authorDate),
      committer: gitUser(info.committerName, info.committerEmail, info.committerDate),
      message: info.message,
      comment_count: 0,
      tree: { sha: info.tree, url: `${api}/git/trees/${info.tree}` },
      verification,
    },
    // Commit authors are not mapped onto forge users.
    author: null,
    committer: null,
    parents: info.parents.map((p) => ({ sha: p, url: `${api}/commits/${p}`, html_url: `${urls.web}/${full}/commit/${p}` })),
    ...(stats ? { stats } : {}),
    ...(files ? { files: files.map((f) => diffEntry(urls, repo, info.sha, f)) } : {}),
  };
}

const DIFF_STATUS: Record<string, string> = { A: 'added', D: 'removed', M: 'modified', R: 'renamed', C: 'copied', T: 'changed' };

export function diffEntry(urls: Urls, repo: RepoRecord, sha: string, f: DiffStat): Json {
  const full = `${repo.owner}/${repo.name}`;
  const path = f.file.split('/').map(encodeURIComponent).join('/');
  return {
    sha: null,
    filename: f.file,
    status: DIFF_STATUS[f.status[0]] ?? 'modified',
    additions: f.additions,
    deletions: f.deletions,
    changes: f.additions + f.deletions,
    blob_url: `${urls.web}/${full}/blob/${sha}/${path}`,
    raw_url: `${urls.web}/${full}/raw/${sha}/${path}`,
    contents_url: `${urls.api}/repos/${full}/contents/${path}?ref=${sha}`,
  };
}

function sum(files: DiffStat[], key: 'additions' | 'deletions'): number {
  return files.reduce((n, f) => n + f[key], 0);
}

export function branchWithProtection(urls: Urls, repo: RepoRecord, name: string, head: CommitInfo, verification: Verification, protection?: BranchProtection): Json {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}/branches/${encodeURIComponent(name)}`;
  const contexts = protection?.requiredStatusChecks ?? [];
  return {
    name,
    commit: commit(urls, repo, head, undefined, verification),
    _links: { html: `${urls.web}/${repo.owner}/${repo.name}/tree/${name}`, self: api },
    protected: protection !== undefined,
    protection: {
      enabled: protection !== undefined,
      required_status_checks: {
        enforcement_level: contexts.length ? 'non_admins' : 'off',
        contexts,
        checks: contexts.map((context) => ({ context, app_id: null })),
      },
      ...(protection ? { required_signatures: { url: `${api}/protection/required_signatures`, enabled: protection.requiredSignatures } } : {}),
    },
    protection_url: `${api}/protection`,
  };
}

export function issueComment(urls: Urls, c: CommentRecord): Json {
  const api = `${urls.api}/repos/${c.owner}/${c.repo}`;
  return {
    id: c.id,
    node_id: c.nodeId,
    url: `${api}/issues/comments/${c.id}`,
    html_url: `${urls.web}/${c.owner}/${c.repo}/pull/${c.issueNumber}#issuecomment-${c.id}`,
    body: c.body,
    user: simpleUser(urls, c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    issue_url: `${api}/issues/${c.issueNumber}`,
    author_association: 'OWNER',
  };
}

function autoMerge(urls: Urls, pr: PullRecord, am: AutoMergeRecord | null): Json | null {
  if (!am) return null;
  return {
    enabled_by: simpleUser(urls, am.enabledBy),
    merge_method: am.mergeMethod,
    commit_title: am.commitTitle ?? `${pr.title} (#${pr.number})`,
    commit_message: am.commitMessage ?? '',
  };
}

function branchEnd(urls: Urls, repo: RepoRecord, ref: string, sha: string): Json {
  return {
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: simpleUser(urls, ownerUser(repo)),
    repo: repository(urls, repo),
  };
}

/** The `pull-request-simple` shape used by list endpoints. */
export function pullRequestSimple(urls: Urls, repo: RepoRecord, pr: PullRecord): Json {
  const full = `${repo.owner}/${repo.name}`;
  const api = `${urls.api}/repos/${full}`;
  const self = `${api}/pulls/${pr.number}`;
  const html = `${urls.web}/${full}/pull/${pr.number}`;
  return {
    url: self,
    id: pr.id,
    node_id: pr.nodeId,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pr.number}`,
    commits_url: `${self}/commits`,
    review_comments_url: `${self}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pr.number}/comments`,
    statuses_url: `${api}/statuses/${pr.headSha}`,
    number: pr.number,
    state: pr.state,
    locked: pr.locked,
    title: pr.title,
    user: simpleUser(urls, pr.user),
    body: pr.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: pr.createdAt,
    updated_at: pr.updatedAt,
    closed_at: pr.closedAt,
    merged_at: pr.mergedAt,
    merge_commit_sha: pr.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branchEnd(urls, repo, pr.headRef, pr.headSha),
    base: branchEnd(urls, repo, pr.baseRef, pr.baseSha),
    _links: {
      self: { href: self },
      html: { href: html },
      issue: { href: `${api}/issues/${pr.number}` },
      comments: { href: `${api}/issues/${pr.number}/comments` },
      review_comments: { href: `${self}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${self}/commits` },
      statuses: { href: `${api}/statuses/${pr.headSha}` },
    },
    author_association: 'OWNER',
    auto_merge: autoMerge(urls, pr, pr.autoMerge),
    draft: pr.draft,
  };
}

export interface Mergeability {
  mergeable: boolean | null;
  state: string;
}

/** The full `pull-request` shape. */
export function pullRequest(
  urls: Urls,
  repo: RepoRecord,
  pr: PullRecord,
  extra: { mergeability: Mergeability; stats: PullStats; comments: number },
): Json {
  return {
    ...pullRequestSimple(urls, repo, pr),
    merged: pr.mergedAt !== null,
    mergeable: extra.mergeability.mergeable,
    rebaseable: extra.mergeability.mergeable,
    mergeable_state: extra.mergeability.state,
    merged_by: pr.mergedBy ? simpleUser(urls, pr.mergedBy) : null,
    comments: extra.comments,
    review_comments: 0,
    maintainer_can_modify: pr.maintainerCanModify,
    commits: extra.stats.commits,
    additions: extra.stats.additions,
    deletions: extra.stats.deletions,
    changed_files: extra.stats.changedFiles,
  };
}

export function mergeResult(sha: string): Json {
  return { sha, merged: true, message: 'Pull Request successfully merged' };
}

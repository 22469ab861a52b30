// Commit comparison between two refs or shas.
import { commitInfo, commitsBetween, diffStats, mergeBase, resolveCommit } from '../bare-repo.js';
import { notFound } from '../errors.js';
import { commit, diffEntry } from '../shapes.js';
import { verificationOf } from '../signatures.js';
import { requireRepo, type RestContext, type RestResult, type RouteTable } from './context.js';

// GitHub caps the embedded commit list; clients paginate for more.
const MAX_COMMITS = 250;

async function compare(ctx: RestContext, baseSpec: string, headSpec: string): Promise<RestResult> {
  const repo = requireRepo(ctx);
  const strip = (spec: string): string => spec.replace(/^[^:]+:/, '');
  const base = await resolveCommit(repo.barePath, strip(baseSpec));
  const head = await resolveCommit(repo.barePath, strip(headSpec));
  if (!base || !head) throw notFound();
  const mb = await mergeBase(repo.barePath, base, head);
  if (!mb) throw notFound();
  const ahead = await commitsBetween(repo.barePath, mb, head);
  const behind = await commitsBetween(repo.barePath, mb, base);
  const status = ahead.length && behind.length ? 'diverged' : ahead.length ? 'ahead' : behind.length ? 'behind' : 'identical';
  const files = await diffStats(repo.barePath, mb, head);
  const { urls } = ctx.core;
  const full = `${repo.owner}/${repo.name}`;
  const spec = `${baseSpec}...${headSpec}`;
  const commits = await Promise.all(
    ahead.slice(0, MAX_COMMITS).map(async (sha) => commit(urls, repo, await commitInfo(repo.barePath, sha), undefined, await verificationOf(ctx.core, repo.barePath, sha))),
  );
  return {
    status: 200,
    body: {
      url: `${urls.api}/repos/${full}/compare/${spec}`,
      html_url: `${urls.web}/${full}/compare/${spec}`,
      permalink_url: `${urls.web}/${full}/compare/${repo.owner}:${base}...${repo.owner}:${head}`,
      diff_url: `${urls.web}/${full}/compare/${spec}.diff`,
      patch_url: `${urls.web}/${full}/compare/${spec}.patch`,
      base_commit: commit(urls, repo, await commitInfo(repo.barePath, base)),
      merge_base_commit: commit(urls, repo, await commitInfo(repo.barePath, mb)),
      status,
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      commits,
      files: files.map((f) => diffEntry(urls, repo, head, f)),
    },
  };
}

export const compareRoutes: RouteTable = {
  'GET /repos/{owner}/{repo}/compare/{basehead}': async (ctx) => {
    const [base, head] = ctx.params.basehead.split('...');
    if (head === undefined) throw notFound();
    return compare(ctx, base, head);
  },
  'GET /repos/{owner}/{repo}/compare/{base}...{head}': async (ctx) => compare(ctx, ctx.params.base, ctx.params.head),
};

// Repository and branch endpoints.
import { branchSha, commitInfo } from '../bare-repo.js';
import { HttpError } from '../errors.js';
import { branchWithProtection, repository } from '../shapes.js';
import { verificationOf } from '../signatures.js';
import { requireRepo, type RouteTable } from './context.js';

export const repoRoutes: RouteTable = {
  'GET /repos/{owner}/{repo}': async (ctx) => {
    const repo = requireRepo(ctx);
    return { status: 200, body: repository(ctx.core.urls, repo, ctx.user) };
  },

  'GET /repos/{owner}/{repo}/branches/{branch}': async (ctx) => {
    const repo = requireRepo(ctx);
    const sha = await branchSha(repo.barePath, ctx.params.branch);
    if (!sha) throw new HttpError(404, 'Branch not found');
    const head = await commitInfo(repo.barePath, sha);
    const verification = await verificationOf(ctx.core, repo.barePath, sha);
    const body = branchWithProtection(ctx.core.urls, repo, ctx.params.branch, head, verification, repo.protections.get(ctx.params.branch));
    return { status: 200, body };
  },
};

// Issue comment endpoints. Only pull requests exist as issues on the forge.
import { notFound } from '../errors.js';
import { issueComment } from '../shapes.js';
import { nodeId, timestamp, type CommentRecord } from '../state.js';
import { bodyOf, intParam, paginate, requireRepo, type RestContext, type RouteTable } from './context.js';

function requireComment(ctx: RestContext): CommentRecord {
  const repo = requireRepo(ctx);
  const comment = ctx.core.state.comment(repo.owner, repo.name, intParam(ctx, 'comment_id'));
  if (!comment) throw notFound();
  return comment;
}

export const commentRoutes: RouteTable = {
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': async (ctx) => {
    const repo = requireRepo(ctx);
    const number = intParam(ctx, 'issue_number');
    if (!ctx.core.state.pull(repo.owner, repo.name, number)) throw notFound();
    const since = ctx.query.since;
    const all = ctx.core.state.commentsOn(repo.owner, repo.name, number).filter((c) => !since || c.updatedAt >= since);
    const { items, headers } = paginate(ctx, all);
    return { status: 200, body: items.map((c) => issueComment(ctx.core.urls, c)), headers };
  },

  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': async (ctx) => {
    const repo = requireRepo(ctx);
    const number = intParam(ctx, 'issue_number');
    if (!ctx.core.state.pull(repo.owner, repo.name, number)) throw notFound();
    const id = ctx.core.state.newId();
    const now = timestamp();
    const comment: CommentRecord = {
      id,
      nodeId: nodeId('IC', `${repo.owner}/${repo.name}:${id}`),
      owner: repo.owner,
      repo: repo.name,
      issueNumber: number,
      body: bodyOf<{ body: string }>(ctx).body ?? '',
      user: ctx.user,
      createdAt: now,
      updatedAt: now,
    };
    ctx.core.state.comments.push(comment);
    const body = issueComment(ctx.core.urls, comment);
    return { status: 201, body, headers: { location: String(body.url) } };
  },

  'GET /repos/{owner}/{repo}/issues/comments/{comment_id}': async (ctx) => {
    return { status: 200, body: issueComment(ctx.core.urls, requireComment(ctx)) };
  },

  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': async (ctx) => {
    const comment = requireComment(ctx);
    const { body } = bodyOf<{ body: string }>(ctx);
    if (body !== undefined) comment.body = body;
    comment.updatedAt = timestamp();
    return { status: 200, body: issueComment(ctx.core.urls, comment) };
  },

  'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}': async (ctx) => {
    const comment = requireComment(ctx);
    const list = ctx.core.state.comments;
    list.splice(list.indexOf(comment), 1);
    return { status: 204 };
  },
};

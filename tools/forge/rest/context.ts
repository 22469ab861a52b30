// What a REST handler receives and returns, plus helpers every handler needs.
import type { ForgeCore } from '../core.js';
import { notFound } from '../errors.js';
import type { ForgeUser, RepoRecord } from '../state.js';

export interface RestContext {
  core: ForgeCore;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Parsed JSON body; already validated against the operation's request schema. */
  body: unknown;
  user: ForgeUser;
  /** Absolute URL of this request without its query, for Link headers. */
  selfUrl: string;
  /** Records an API misuse that GitHub would not reject outright. */
  flag: (problem: string) => void;
}

export interface RestResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RestHandler = (ctx: RestContext) => Promise<RestResult>;

/** Handlers keyed by `METHOD /openapi/path/{template}`. */
export type RouteTable = Record<string, RestHandler>;

export function requireRepo(ctx: RestContext): RepoRecord {
  const repo = ctx.core.state.repo(ctx.params.owner, ctx.params.repo);
  if (!repo) throw notFound();
  return repo;
}

export function bodyOf<T>(ctx: RestContext): Partial<T> {
  return (ctx.body ?? {}) as Partial<T>;
}

export function intParam(ctx: RestContext, name: string): number {
  const value = Number(ctx.params[name]);
  if (!Number.isInteger(value)) throw notFound();
  return value;
}

/** Applies `page`/`per_page` and builds GitHub's Link header. */
export function paginate<T>(ctx: RestContext, items: T[], defaultPerPage = 30): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(Number(ctx.query.per_page ?? defaultPerPage) || defaultPerPage, 1), 100);
  const page = Math.max(Number(ctx.query.page ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (p: number, rel: string): string => {
    const url = new URL(ctx.selfUrl);
    for (const [k, v] of Object.entries(ctx.query)) url.searchParams.set(k, v);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(p));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length ? { link: links.join(', ') } : {},
  };
}

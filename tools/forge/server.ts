// Routes each HTTP request to the REST, GraphQL or git front end, after
// recording it and giving injected faults the first say.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { authenticate } from './auth.js';
import type { ForgeCore } from './core.js';
import { Exchange, recordedHeaders, type Findings, type RequestKind, type RequestRecord } from './exchange.js';
import { faultResponse, type FaultRegistry } from './faults.js';
import { handleGit, matchGitPath } from './git-front.js';
import { handleGraphQL } from './graphql/front.js';
import { RateLimiter, readBody, requestId, sendJson } from './http-util.js';
import { answerPushHook, HOOK_PATH } from './push-hook.js';
import { checkRestRequest, handleRest, sendUnhandled } from './rest/front.js';

export interface ServerDeps {
  core: ForgeCore;
  faults: FaultRegistry;
  requests: RequestRecord[];
  findings: Findings;
}

function classify(pathname: string): { kind: RequestKind; path: string } {
  if (matchGitPath(pathname)) return { kind: 'git', path: pathname };
  if (pathname === '/graphql' || pathname === '/api/graphql') return { kind: 'graphql', path: '/graphql' };
  if (pathname === '/api/v3' || pathname.startsWith('/api/v3/')) return { kind: 'rest', path: pathname.slice('/api/v3'.length) || '/' };
  return { kind: 'rest', path: pathname };
}

function badCredentials(docs: string): { status: number; headers: Record<string, string>; body: unknown } {
  return { status: 401, headers: {}, body: { message: 'Bad credentials', documentation_url: docs, status: '401' } };
}

export function createForgeServer(deps: ServerDeps): Server {
  const rate = new RateLimiter();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://forge.invalid');
    // The push hook's callback is the forge talking to itself: not recorded, no faults.
    if (url.pathname === HOOK_PATH && req.method === 'POST') {
      const raw = await readBody(req);
      if (req.headers['x-forge-hook-secret'] !== deps.core.hook.secret) {
        res.writeHead(403).end();
        return;
      }
      sendJson(res, 200, await answerPushHook(deps.core, JSON.parse(raw.toString('utf8')) as object), {});
      return;
    }
    const { kind, path } = classify(url.pathname);
    const record: RequestRecord = {
      kind,
      method: (req.method ?? 'GET').toUpperCase(),
      path,
      query: Object.fromEntries(url.searchParams),
      headers: recordedHeaders(req.headers),
      status: 0,
      at: Date.now(),
    };
    deps.requests.push(record);
    const ex = new Exchange(req, res, url, record, requestId(), deps.findings);

    // Node keeps only the first Authorization header in req.headers; GitHub refuses the request.
    const authorizations = countHeader(req.rawHeaders, 'authorization');
    record.authorizations = authorizations;
    if (authorizations > 1) {
      req.resume();
      refuseDuplicateAuthorization(ex, kind);
      return;
    }

    let fault = deps.faults.take(record.method, path);
    if (fault?.kind === 'drop') {
      record.fault = 'drop';
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'delay') {
      const { ms } = fault;
      await new Promise((resolve) => setTimeout(resolve, ms));
      fault = undefined;
    }
    if (fault?.kind === 'before') {
      await fault.run();
      fault = undefined;
    }
    if (fault) record.fault = fault.kind;

    if (kind === 'git') {
      if (fault) {
        req.resume();
        const response = faultResponse(fault, ex.requestId, {});
        ex.json(response.status, response.body, response.headers);
        return;
      }
      await handleGit(ex, deps.core, matchGitPath(url.pathname)!);
      return;
    }

    const rateHeaders = rate.headers(kind === 'graphql' ? 'graphql' : 'core');
    const raw = await readBody(req);
    let body: unknown;
    if (raw.length) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        ex.violation('request body is not valid JSON');
        ex.json(400, { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/rest', status: '400' }, rateHeaders);
        return;
      }
      record.body = body;
      const type = req.headers['content-type'] ?? '';
      if (!/json/i.test(type)) ex.violation(`JSON body sent with content-type '${type}'`);
    }
    const user = authenticate(deps.core.tokens, req.headers.authorization);
    if (user) record.user = user.login;

    if (kind === 'graphql') {
      const docs = 'https://docs.github.com/graphql';
      if (fault) ex.json(...spread(faultResponse(fault, ex.requestId, rateHeaders)));
      else if (!user) ex.json(...spread(badCredentials(docs), rateHeaders));
      else await handleGraphQL(ex, deps.core, user, body, rateHeaders);
      return;
    }

    const input = { body, hasBody: raw.length > 0, rateHeaders };
    const checked = checkRestRequest(ex, input);
    if (fault) sendUnhandled(ex, checked.match, faultResponse(fault, ex.requestId, rateHeaders));
    else if (!user) sendUnhandled(ex, checked.match, { ...badCredentials('https://docs.github.com/rest'), headers: rateHeaders });
    else await handleRest(ex, deps.core, user, input, checked);
  }

  return createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      deps.findings.violations.push(`forge crashed on ${req.method} ${req.url}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end();
    });
  });
}

function countHeader(raw: readonly string[], name: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === name) n++;
  return n;
}

/** GitHub's answer to a request with two Authorization headers: git shows the text as `remote: ...`. */
function refuseDuplicateAuthorization(ex: Exchange, kind: RequestKind): void {
  const message = 'Duplicate header: "Authorization"';
  if (kind === 'git') ex.text(400, `${message}\n`);
  else ex.json(400, { message, documentation_url: 'https://docs.github.com/rest', status: '400' }, {});
}

function spread(r: { status: number; body: unknown; headers: Record<string, string> }, extra: Record<string, string> = {}): [number, unknown, Record<string, string>] {
  return [r.status, r.body, { ...extra, ...r.headers }];
}

// The REST front end: OpenAPI matching and validation around the handlers.
import type { ForgeCore } from '../core.js';
import type { Exchange } from '../exchange.js';
import { HttpError } from '../errors.js';
import type { FaultResponse } from '../faults.js';
import { checkQuery, checkRequestBody, checkResponse, matchOperation, type MatchedOperation } from '../openapi.js';
import type { ForgeUser } from '../state.js';
import { restRoutes } from './routes.js';

const API_VERSION_HEADERS = {
  'x-github-api-version-selected': '2022-11-28',
  'x-github-media-type': 'github.v3; format=json',
};

export interface RestInput {
  body: unknown;
  hasBody: boolean;
  rateHeaders: Record<string, string>;
}

function docsUrl(match: MatchedOperation | undefined): string {
  const external = (match?.operation as { externalDocs?: { url?: string } } | undefined)?.externalDocs?.url;
  return external ?? 'https://docs.github.com/rest';
}

/** Request-side checks; returns the body problems (which GitHub answers with 422). */
export function checkRestRequest(ex: Exchange, input: RestInput): { match?: MatchedOperation; bodyProblems: string[] } {
  const { match, pathKnown } = matchOperation(ex.record.method, ex.record.path);
  if (!match) {
    ex.violation(pathKnown ? 'method not allowed for this path in the OpenAPI description' : 'endpoint not in OpenAPI description');
    return { bodyProblems: [] };
  }
  ex.record.operation = `${match.method} ${match.template}`;
  for (const problem of checkQuery(match, ex.record.query)) ex.violation(problem);
  const bodyProblems = checkRequestBody(match, input.body, input.hasBody);
  for (const problem of bodyProblems) ex.violation(problem);
  return { match, bodyProblems };
}

/** Sends a response that was not produced by a handler (fault, auth failure): checked, but only noted. */
export function sendUnhandled(ex: Exchange, match: MatchedOperation | undefined, response: FaultResponse): void {
  if (match) {
    const wire: unknown = JSON.parse(JSON.stringify(response.body));
    for (const problem of checkResponse(match, response.status, wire, true)) ex.note(problem);
  }
  ex.json(response.status, response.body, { ...API_VERSION_HEADERS, ...response.headers });
}

export async function handleRest(
  ex: Exchange,
  core: ForgeCore,
  user: ForgeUser,
  input: RestInput,
  checked: { match?: MatchedOperation; bodyProblems: string[] },
): Promise<void> {
  const headers = { ...API_VERSION_HEADERS, ...input.rateHeaders };
  const { match, bodyProblems } = checked;
  if (!match) {
    ex.json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' }, headers);
    return;
  }
  if (bodyProblems.length) {
    const message = `Invalid request.\n\n${bodyProblems.join('\n')}`;
    respond(ex, match, 422, { message, documentation_url: docsUrl(match), status: '422' }, headers);
    return;
  }
  const handler = restRoutes[`${match.method} ${match.template}`];
  if (!handler) {
    ex.violation('endpoint not implemented by forge');
    ex.json(404, { message: 'Not Found', documentation_url: docsUrl(match), status: '404' }, headers);
    return;
  }
  try {
    const result = await handler({
      core,
      params: match.params,
      query: ex.record.query,
      body: input.body,
      user,
      selfUrl: `${core.urls.api}${ex.record.path}`,
      flag: (problem) => ex.violation(problem),
    });
    respond(ex, match, result.status, result.body, { ...headers, ...result.headers });
  } catch (err) {
    if (err instanceof HttpError) {
      respond(ex, match, err.status, err.body(docsUrl(match)), headers);
      return;
    }
    ex.violation(`forge handler crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    ex.json(500, { message: 'Server Error', documentation_url: docsUrl(match), status: '500' }, headers);
  }
}

function respond(ex: Exchange, match: MatchedOperation, status: number, body: unknown, headers: Record<string, string>): void {
  const wire: unknown = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
  for (const problem of checkResponse(match, status, wire, body !== undefined)) ex.violation(problem);
  ex.json(status, body, headers);
}

// The GraphQL front end. GraphQL is not in the OpenAPI description, so the
// request is only checked for being a POST with a JSON `query` string.
import type { ForgeCore } from '../core.js';
import type { Exchange } from '../exchange.js';
import type { ForgeUser } from '../state.js';
import { executeGraphQL } from './execute.js';
import { githubSchema } from './github-schema.js';

export async function handleGraphQL(ex: Exchange, core: ForgeCore, user: ForgeUser, body: unknown, headers: Record<string, string>): Promise<void> {
  if (ex.record.method !== 'POST') {
    ex.violation('GraphQL requests must be POSTs');
    ex.json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/graphql' }, headers);
    return;
  }
  const request = (body ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown };
  if (typeof request.query !== 'string') {
    ex.violation('GraphQL request without a string `query`');
    ex.json(400, { message: 'A query attribute must be specified and must be a string.', documentation_url: 'https://docs.github.com/graphql' }, headers);
    return;
  }
  const variables = request.variables && typeof request.variables === 'object' ? (request.variables as Record<string, unknown>) : undefined;
  const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
  const outcome = await executeGraphQL(githubSchema, request.query, variables, operationName, { core, viewer: user });
  if (outcome.requestError) ex.violation(`graphql: ${outcome.requestError}`);
  ex.json(200, outcome.result, headers);
}

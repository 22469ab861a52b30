// One request/response pair as the forge sees it, and what it records about it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, sendText } from './http-util.js';

export type RequestKind = 'rest' | 'graphql' | 'git';

export interface RequestRecord {
  kind: RequestKind;
  method: string;
  /** REST: path without any /api/v3 prefix; GraphQL: /graphql; git: the URL path. */
  path: string;
  query: Record<string, string>;
  /** Request headers, lower-cased; credentials are cut down to their scheme. */
  headers: Record<string, string>;
  /** 0 while in flight, and for dropped connections. */
  status: number;
  /** Parsed JSON request body (REST and GraphQL). */
  body?: unknown;
  /** Date.now() when the request arrived. */
  at: number;
  /** The OpenAPI operation, e.g. `POST /repos/{owner}/{repo}/pulls`. */
  operation?: string;
  /** The injected fault that answered, if any. */
  fault?: string;
  /** Login of the authenticated user. */
  user?: string;
  /** How many Authorization headers the request carried (GitHub refuses more than one). */
  authorizations?: number;
}

export function recordedHeaders(raw: IncomingMessage['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    headers[name] = name === 'authorization' ? `${text.split(' ')[0]} [redacted]` : text;
  }
  return headers;
}

export interface Findings {
  violations: string[];
  notes: string[];
}

export class Exchange {
  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly url: URL,
    readonly record: RequestRecord,
    readonly requestId: string,
    private readonly findings: Findings,
  ) {}

  private describe(problem: string): string {
    const op = this.record.operation ? ` (${this.record.operation})` : '';
    return `${this.record.method} ${this.url.pathname}${this.url.search}${op}: ${problem}`;
  }

  /** Something a real GitHub client must not do or see; tests assert there are none. */
  violation(problem: string): void {
    this.findings.violations.push(this.describe(problem));
  }

  /** Informational: schema findings on responses the forge was told to fake. */
  note(problem: string): void {
    this.findings.notes.push(this.describe(problem));
  }

  json(status: number, body: unknown, headers: Record<string, string>): void {
    this.record.status = status;
    sendJson(this.res, status, body, { 'x-github-request-id': this.requestId, ...headers });
  }

  text(status: number, text: string, headers: Record<string, string> = {}): void {
    this.record.status = status;
    sendText(this.res, status, text, { 'x-github-request-id': this.requestId, ...headers });
  }
}

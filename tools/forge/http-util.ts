// Small HTTP helpers shared by the REST, GraphQL and git front ends.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function requestId(): string {
  const hex = (n: number): string => randomBytes(n).toString('hex').toUpperCase();
  return `${hex(2)}:${hex(2)}:${hex(3)}:${hex(3)}:${hex(4)}`;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const payload = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(payload)) }),
  });
  res.end(payload);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

/** Counts requests per resource and produces GitHub's x-ratelimit-* headers. */
export class RateLimiter {
  private readonly used = new Map<string, number>();
  private readonly reset = Math.floor(Date.now() / 1000) + 3600;

  constructor(private readonly limit = 5000) {}

  headers(resource: 'core' | 'graphql'): Record<string, string> {
    const used = (this.used.get(resource) ?? 0) + 1;
    this.used.set(resource, used);
    return {
      'x-ratelimit-limit': String(this.limit),
      // Never reach zero on its own; exhaustion is something tests inject.
      'x-ratelimit-remaining': String(Math.max(this.limit - used, 1)),
      'x-ratelimit-reset': String(this.reset),
      'x-ratelimit-used': String(used),
      'x-ratelimit-resource': resource,
    };
  }
}

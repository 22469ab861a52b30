import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Forge } from '../../tools/forge/index.js';
import { hostedSystem, type HostedSystem, type HostingOptions } from './fixtures.js';

export interface FakeProduction {
  /** A hosted system whose web-ui has an http check against this production, answering `verdict(prod lock on main)`. */
  monitoredSystem(verdict: (lock: string) => number, options?: HostingOptions): Promise<HostedSystem>;
  close(): Promise<void>;
}

/** A production whose health depends on what the prod lock on main of the serving repository pins. */
export async function startFakeProduction(forge: Forge): Promise<FakeProduction> {
  const verdicts = new Map<string, (lock: string) => number>();
  const bares = new Map<string, string>();
  const server = createServer((req, res) => {
    const name = /^\/health\/([^/]+)\/prod$/.exec(req.url ?? '')?.[1] ?? '';
    const bare = bares.get(name);
    const lock = bare ? execFileSync('git', ['show', 'main:manifests/components.lock.prod.yaml'], { cwd: bare, encoding: 'utf8' }) : '';
    const status = verdicts.get(name)?.(lock) ?? 404;
    res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(status === 200 ? 'ok' : 'down');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    async monitoredSystem(verdict, options = {}) {
      const name = `svc-${Math.random().toString(16).slice(2, 10)}`;
      const h = await hostedSystem(forge, {
        ...options,
        prepare: async (meta) => {
          const manifest = join(meta, 'manifests/components.yaml');
          writeFileSync(
            manifest,
            readFileSync(manifest, 'utf8').replace(
              /( {2}web-ui:\n(?: {4}.*\n)*)/,
              `$1    health:\n      - name: api\n        http: http://127.0.0.1:${port}/health/${name}/\${env}\n        retries: 0\n        timeout: 5\n`,
            ),
          );
          execFileSync('git', ['commit', '-q', '-am', 'Add a health check for web-ui'], { cwd: meta });
          return options.prepare?.(meta);
        },
      });
      verdicts.set(name, verdict);
      bares.set(name, h.bare);
      return h;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll } from 'vitest';
import { startProduction } from '../../scripts/lib/production.mjs';
import { addHttpHealthCheck } from '../../scripts/lib/sample-system.mjs';
import { startForge, type Forge } from '../../tools/forge/index.js';
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
  const production = await startProduction((name, env) => {
    const bare = bares.get(name);
    if (!bare || env !== 'prod') return 404;
    const lock = execFileSync('git', ['show', 'main:manifests/components.lock.prod.yaml'], { cwd: bare, encoding: 'utf8' });
    return verdicts.get(name)?.(lock) ?? 404;
  });
  return {
    async monitoredSystem(verdict, options = {}) {
      const name = `svc-${Math.random().toString(16).slice(2, 10)}`;
      const h = await hostedSystem(forge, {
        ...options,
        prepare: async (meta) => {
          addHttpHealthCheck(meta, 'web-ui', production.healthUrl(name));
          return options.prepare?.(meta);
        },
      });
      verdicts.set(name, verdict);
      bares.set(name, h.bare);
      return h;
    },
    close: () => production.close(),
  };
}

/** One forge and one fake production for a test file: started before its tests, closed after them. */
export function useForgeWithProduction(started: (forge: Forge, production: FakeProduction) => void): void {
  let forge: Forge | undefined;
  let production: FakeProduction | undefined;
  beforeAll(async () => {
    forge = await startForge();
    production = await startFakeProduction(forge);
    started(forge, production);
  });
  afterAll(async () => {
    await forge?.close();
    await production?.close();
  });
}

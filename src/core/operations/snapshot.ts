import pLimit from 'p-limit';
import type { RollbackResult } from '../changes.js';
import type { RunContext } from '../context.js';
import { InputError } from '../errors.js';
import { timestamp } from '../lock-edit.js';
import { requireComponent } from '../manifest.js';
import { quote } from '../names.js';
import { relativeToRoot, resolveInsideRoot } from '../paths.js';
import { readSnapshot, writeSnapshot, type Snapshot, type SnapshotPin } from '../snapshot-file.js';
import { versionOf } from '../resolve-target.js';
import { inspectCheckout } from '../workspace.js';
import { applyPins } from './rollback-lock.js';
import { loadState } from './load-state.js';
import { selectEnvForSource } from '../select-env.js';

export interface SnapshotCreated {
  readonly ok: true;
  readonly file: string;
  readonly dryRun: boolean;
  readonly snapshot: { created_at: string; environment: string | null; components: Record<string, SnapshotPin> };
  readonly changes: [];
}

/**
 * `meta rollback snapshot --output FILE [--components a,b]`: what is deployed now, taken from each
 * checkout where there is one (it may have moved past the lock), else from the selected lock.
 */
export async function createSnapshot(ctx: RunContext, output: string, components?: readonly string[]): Promise<SnapshotCreated> {
  const abs = resolveInsideRoot(ctx.root, ctx.cwd, output, '--output');
  const { manifest, lock } = await loadState(ctx);
  const names = components ?? [...new Set([...lock.entries.keys()])];
  for (const name of names) requireComponent(manifest, name, '--components');
  const limit = pLimit(ctx.jobs);
  const pins = await Promise.all(
    names.map((name) =>
      limit(async (): Promise<[string, SnapshotPin]> => {
        const spec = manifest.components.get(name)!;
        const entry = lock.entries.get(name);
        const repo = entry?.repo ?? spec.repo;
        const checkout = await inspectCheckout(ctx.root, name).catch((err: unknown) => {
          // A dirty checkout is still a fact worth recording; only a non-checkout is an error.
          if (err instanceof InputError && /uncommitted/.test(err.message)) return 'dirty' as const;
          throw err;
        });
        if (checkout && checkout !== 'dirty') {
          const version = entry?.commit === checkout.head ? entry.version : await versionOf(checkout.dir, checkout.head);
          return [name, { version, commit: checkout.head, repo }];
        }
        if (!entry) throw new InputError(`--components: ${quote(name)} has no checkout and no pin in the selected lock`);
        return [name, { version: entry.version, commit: entry.commit, repo }];
      }),
    ),
  );
  const snapshot: Snapshot = { createdAt: timestamp(ctx.now()), environment: ctx.env, components: new Map(pins) };
  if (!ctx.dryRun) await writeSnapshot(abs, snapshot);
  return {
    ok: true,
    file: relativeToRoot(ctx.root, abs),
    dryRun: ctx.dryRun,
    snapshot: { created_at: snapshot.createdAt, environment: ctx.env ?? null, components: Object.fromEntries(pins) },
    changes: [],
  };
}

/** `meta rollback snapshot --restore FILE`: applied like `rollback lock`, into the selected env's lock. */
export async function restoreSnapshot(ctx: RunContext, file: string, components?: readonly string[]): Promise<RollbackResult> {
  const abs = resolveInsideRoot(ctx.root, ctx.cwd, file, '--restore');
  const rel = relativeToRoot(ctx.root, abs);
  const snapshot = await readSnapshot(abs, rel);
  if (snapshot.environment !== undefined && snapshot.environment !== (ctx.env ?? snapshot.environment)) {
    throw new InputError(`${rel}: environment: snapshot is of ${quote(snapshot.environment)}, not ${quote(ctx.env ?? 'default')}; pass --env ${snapshot.environment}`);
  }
  const { ctx: selected, notice } = selectEnvForSource(ctx, file, '--restore', rel, snapshot.environment);
  const state = await loadState(selected);
  const pins = new Map([...snapshot.components].map(([name, pin]) => [name, { ...pin, at: rel }]));
  return applyPins(selected, state, pins, { mode: 'snapshot', sourceName: rel, components, writeLock: true, checkoutVersions: true, undoOf: rel, notice });
}

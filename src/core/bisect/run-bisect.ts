import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RollbackResult } from '../changes.js';
import type { RunContext } from '../context.js';
import { MetaError } from '../errors.js';
import { loadManifest } from '../manifest.js';
import { withMetaLock } from '../meta-lock.js';
import { rollbackLock } from '../operations/rollback-lock.js';
import { bisectRange, type BisectRange } from './candidates.js';
import { ProbeCheckouts } from './checkouts.js';
import { healthOracle, runOracle, withRetries, type ProbeOracle } from './oracle.js';
import { CachedOracle, searchCulprits, type Verdict } from './search.js';

export interface BisectOptions {
  readonly good: string;
  readonly bad: string;
  /** `--run -- CMD ARGS...`; without it the env's command health checks are the oracle. */
  readonly run?: readonly string[];
  readonly retries?: number;
  /** `--rollback`: afterwards roll back only the culprits to their good pins. */
  readonly rollback?: boolean;
  readonly signal?: AbortSignal;
  readonly onProbe?: (probe: ProbeRecord) => void;
  /** How messages name GOOD and BAD when `good`/`bad` are commits resolved from what the user wrote. */
  readonly labels?: { readonly good: string; readonly bad: string };
}

export interface ProbeRecord {
  /** 1-based, in the order asked. */
  readonly index: number;
  readonly pins: Record<string, string>;
  readonly ok: boolean | null;
  readonly seconds: number;
  /** The candidates at their bad pin in this probe. */
  readonly atBad: readonly string[];
  /** The checkouts this probe moved. */
  readonly moved: readonly string[];
  readonly detail: string;
  readonly role?: 'good' | 'bad';
}

export type BisectOutcome = 'found' | 'good-fails' | 'bad-passes' | 'untestable';

export interface BisectResult {
  readonly ok: boolean;
  readonly outcome: BisectOutcome;
  readonly message: string;
  readonly good: string;
  readonly bad: string;
  readonly lock: string;
  readonly candidates: readonly string[];
  readonly probes: readonly ProbeRecord[];
  readonly culprits: readonly string[];
  readonly method?: 'binary' | 'ddmin';
  /** The command that rolls back only the culprits (empty when there are none). */
  readonly rollbackCommand: readonly string[];
  readonly rollback?: RollbackResult;
  readonly dryRun: boolean;
}

/** Thrown when SIGINT/SIGTERM cut a bisect short; by then every checkout is back. */
export class BisectInterrupted extends MetaError {
  constructor() {
    super('bisect interrupted', 1);
  }
}

const VERDICT_OK: Record<Verdict, boolean | null> = { good: true, bad: false, skip: null };

/**
 * `meta bisect`: confirm GOOD works and BAD fails, then search the candidates for the smallest set
 * whose bad pins break the oracle. Holds the meta-repo's lock throughout, since probes move the
 * checkouts; those are put back before it returns or throws, interrupted or not.
 */
export async function runBisect(ctx: RunContext, options: BisectOptions): Promise<BisectResult> {
  const range = await bisectRange(ctx.root, ctx.env, options.good, options.bad);
  const manifest = await loadManifest(ctx.root);
  // The pins file lives outside the meta-repo, so not even a killed run leaves a file in it.
  const scratch = await mkdtemp(join(tmpdir(), 'meta-bisect-'));
  try {
    const base = options.run !== undefined ? runOracle(ctx.root, options.run, join(scratch, 'pins.json')) : healthOracle(ctx.root, manifest, ctx.env, ctx.jobs);
    const oracle = withRetries(base, options.retries ?? 0);
    const names = range.candidates.map((c) => c.name);
    if (ctx.dryRun) return resultOf(ctx, range, options, { outcome: 'found', message: `would bisect ${names.length} candidate(s)`, probes: [], culprits: [] });
    return await withMetaLock(ctx, `meta bisect${ctx.env ? ` --env ${ctx.env}` : ''}`, async () => {
      const checkouts = await ProbeCheckouts.prepare(ctx.root, range.candidates, ctx.jobs, ctx.gitEnv);
      let result: BisectResult;
      try {
        result = await search(ctx, range, options, checkouts, oracle);
      } finally {
        await checkouts.restore();
      }
      if (!options.rollback || result.culprits.length === 0) return result;
      const rollback = await rollbackLock(ctx, range.lockRel, { rev: range.goodCommit, components: result.culprits });
      return { ...result, rollback };
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function search(ctx: RunContext, range: BisectRange, options: BisectOptions, checkouts: ProbeCheckouts, oracle: ProbeOracle): Promise<BisectResult> {
  const signal = options.signal ?? new AbortController().signal;
  const names = range.candidates.map((c) => c.name);
  const probes: ProbeRecord[] = [];
  let role: ProbeRecord['role'];
  const probe = async (subset: readonly string[]): Promise<Verdict> => {
    if (signal.aborted) throw new BisectInterrupted();
    const atBad = new Set(subset);
    const pins = Object.fromEntries(range.candidates.map((c) => [c.name, atBad.has(c.name) ? c.bad : c.good]));
    const started = performance.now();
    const moved = await checkouts.moveTo(pins);
    const answer = await oracle({ pins, signal });
    // An answer from a command cut off by the signal says nothing about the state.
    if (signal.aborted) throw new BisectInterrupted();
    const record: ProbeRecord = { index: probes.length + 1, pins, ok: VERDICT_OK[answer.verdict], seconds: Math.round((performance.now() - started) / 10) / 100, atBad: [...subset], moved, detail: answer.detail, ...(role && { role }) };
    probes.push(record);
    options.onProbe?.(record);
    return answer.verdict;
  };
  const cache = new CachedOracle(probe, names);
  role = 'good';
  const good = await cache.ask([]);
  if (good !== 'good') {
    const message = good === 'bad' ? `GOOD ${options.labels?.good ?? options.good} fails the oracle: nothing to find between it and BAD` : `GOOD ${options.labels?.good ?? options.good} cannot be tested (exit 125)`;
    return resultOf(ctx, range, options, { outcome: good === 'bad' ? 'good-fails' : 'untestable', message, probes, culprits: [] });
  }
  role = 'bad';
  const bad = await cache.ask(names);
  if (bad !== 'bad') {
    const message = bad === 'good' ? `BAD ${options.labels?.bad ?? options.bad} passes the oracle: no culprit to find` : `BAD ${options.labels?.bad ?? options.bad} cannot be tested (exit 125)`;
    return resultOf(ctx, range, options, { outcome: bad === 'good' ? 'bad-passes' : 'untestable', message, probes, culprits: [] });
  }
  role = undefined;
  const found = await searchCulprits(names, cache);
  const message = found.culprits.length === 1 ? `culprit: ${found.culprits[0]}` : `culprits (they fail only together): ${found.culprits.join(', ')}`;
  return { ...resultOf(ctx, range, options, { outcome: 'found', message, probes, culprits: found.culprits }), method: found.method };
}

function resultOf(
  ctx: RunContext,
  range: BisectRange,
  _options: BisectOptions,
  found: { outcome: BisectOutcome; message: string; probes: readonly ProbeRecord[]; culprits: readonly string[] },
): BisectResult {
  const culprits = found.culprits;
  const rollbackCommand =
    culprits.length === 0 ? [] : ['meta', 'rollback', 'lock', range.lockRel, '--rev', range.goodCommit, '--component', culprits.join(','), ...(ctx.env ? ['--env', ctx.env] : [])];
  return {
    ok: culprits.length > 0 || ctx.dryRun,
    outcome: found.outcome,
    message: found.message,
    good: range.goodCommit,
    bad: range.badCommit,
    lock: range.lockRel,
    candidates: range.candidates.map((c) => c.name),
    probes: found.probes,
    culprits,
    rollbackCommand,
    dryRun: ctx.dryRun,
  };
}

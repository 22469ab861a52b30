import type { RunContext } from './context.js';
import { InputError } from './errors.js';
import { parseLockBytes } from './lock.js';
import type { ComponentSpec } from './manifest.js';
import { lockPathFor } from './paths.js';
import type { RollbackTarget } from './operations/list-targets.js';
import { knownGoodRef, readKnownGood } from '../git/known-good.js';
import { readFileAtRevision, resolveMetaRevision } from '../git/meta-history.js';
import { git } from '../git/run-git.js';

/** The word `--rev` (and the action's `rev`) takes for the env's recorded known-good state. */
export const KNOWN_GOOD_REV = 'known-good';

/** A `--rev` as the commit it names: `known-good` is the env's known-good ref, anything else a git revision. */
export async function resolveLockRevision(ctx: RunContext, rev: string): Promise<string> {
  if (rev !== KNOWN_GOOD_REV) return resolveMetaRevision(ctx.root, rev);
  const commit = await readKnownGood(ctx.root, ctx.env);
  if (commit === undefined) {
    throw new InputError(`--rev: no known-good state recorded for ${ctx.env === undefined ? 'the default lock' : `env ${ctx.env}`} (${knownGoodRef(ctx.env)}); record one with meta health --all --record${ctx.env ? ` --env ${ctx.env}` : ''}, or fetch it (git fetch origin ${knownGoodRef(ctx.env)}:${knownGoodRef(ctx.env)})`);
  }
  return commit;
}

/** `rollback list`'s kind `known-good`: the pins of the env's lock at its known-good commit. */
export async function knownGoodTargets(ctx: RunContext, components: readonly ComponentSpec[]): Promise<Array<Omit<RollbackTarget, 'current'>>> {
  const commit = await readKnownGood(ctx.root, ctx.env);
  if (commit === undefined) return [];
  const lockRel = lockPathFor(ctx.env);
  const source = `known-good ${commit.slice(0, 12)}`;
  let lock;
  try {
    lock = parseLockBytes(await readFileAtRevision(ctx.root, commit, lockRel), `${lockRel}@${source}`);
  } catch {
    return [];
  }
  const date = (await git(['log', '-1', '--format=%cI', commit], { cwd: ctx.root })).trim() || null;
  const envFlag = ctx.env ? ` --env ${ctx.env}` : '';
  const wanted = new Set(components.map((c) => c.name));
  return [...lock.entries.values()]
    .filter((e) => wanted.has(e.name))
    .map((e) => ({ component: e.name, kind: 'known-good' as const, version: e.version, commit: e.commit, source, date, command: `meta rollback lock ${lockRel} --rev known-good --component ${e.name}${envFlag}` }));
}

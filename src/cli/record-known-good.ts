import type { RunContext } from '../core/context.js';
import { OperationError } from '../core/errors.js';
import { lockPathFor } from '../core/paths.js';
import { knownGoodRef, pushKnownGood, recordKnownGood, type KnownGoodRecord } from '../git/known-good.js';
import { metaHead } from '../git/meta-history.js';
import { runGit } from '../git/run-git.js';

export interface KnownGoodResult extends KnownGoodRecord {
  readonly ref: string;
  /** With --push: what happened on origin. */
  readonly pushed?: KnownGoodRecord;
}

/**
 * `meta health --record [--push]` after a pass: HEAD is what was found healthy, so HEAD is recorded,
 * but only if the env's lock is as HEAD has it; a lock edited and not committed was what passed, and
 * no commit names that state.
 */
export async function recordHealthy(ctx: RunContext, options: { push: boolean }): Promise<KnownGoodResult> {
  const lockRel = lockPathFor(ctx.env);
  const dirty = await runGit(['diff', '--quiet', 'HEAD', '--', lockRel], { cwd: ctx.root });
  if (dirty.code !== 0) throw new OperationError(`--record: ${lockRel} differs from HEAD; commit it first, so the known-good state is a commit`);
  const head = await metaHead(ctx.root);
  const local = await recordKnownGood(ctx.root, ctx.env, head);
  // origin by name: its URL and credentials are the user's own git setup.
  const pushed = options.push ? await pushKnownGood({ root: ctx.root, url: 'origin', env: {} }, ctx.env, head) : undefined;
  return { ...local, ref: knownGoodRef(ctx.env), pushed };
}

export function formatKnownGood(result: KnownGoodResult): string {
  const lines = [result.moved ? `recorded ${result.commit.slice(0, 12)} as known-good in ${result.ref}` : `${result.ref} not moved: ${result.note}`];
  if (result.pushed) lines.push(result.pushed.moved ? `pushed ${result.ref} to origin` : `${result.ref} on origin not moved: ${result.pushed.note}`);
  return `${lines.join('\n')}\n`;
}

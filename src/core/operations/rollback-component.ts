import type { RollbackResult } from '../changes.js';
import { InputError } from '../errors.js';
import type { RunContext } from '../context.js';
import { executePlan } from '../apply-plan.js';
import { requireComponent } from '../manifest.js';
import { resolveTarget, validateTarget, type Target } from '../resolve-target.js';
import { loadState } from './load-state.js';

/** `meta rollback component NAME --to-version TAG | --to-commit SHA`. */
export async function rollbackComponent(ctx: RunContext, name: string, target: Target): Promise<RollbackResult> {
  validateTarget(target, target.kind === 'version' ? '--to-version' : '--to-commit');
  const { manifest, lock, lockRel } = await loadState(ctx);
  const spec = requireComponent(manifest, name);
  const to = await resolveTarget(ctx, spec, target);
  const entry = lock.entries.get(name);
  if ((entry?.vendored ?? lock.mode === 'vendored') && target.kind === 'commit' && to.version === to.commit.slice(0, 12)) {
    // A vendored lock records versions only, and an untagged commit has none to record.
    throw new InputError(`--to-commit: ${lockRel}: components.${name} is vendored (a version, no commit), and ${to.commit.slice(0, 12)} has no tag to pin there; give --to-version TAG`);
  }
  return executePlan(ctx, {
    mode: 'component',
    lock,
    lockRel,
    pins: [{ component: name, to, repo: lock.entries.get(name)?.repo ?? spec.repo }],
    writeLock: true,
  });
}

import { createHash } from 'node:crypto';
import type { ActionInputs } from './inputs.js';

/** The `branch` input when given, else the default below. */
export function headBranchFor(inputs: ActionInputs): string {
  return inputs.branch ?? defaultHeadBranch(inputs);
}

/**
 * `meta-rollback/<env>/<mode>-<short-id>`, where the id is a hash of the inputs that define the
 * rollback: the same rollback always lands on the same branch (and so the same pull request),
 * a different one never collides with it.
 */
export function defaultHeadBranch(inputs: ActionInputs): string {
  const identity = {
    mode: inputs.mode,
    component: inputs.component ?? null,
    toVersion: inputs.toVersion ?? null,
    toCommit: inputs.toCommit ?? null,
    lockFile: inputs.lockFile ?? null,
    rev: inputs.rev ?? null,
    storeHash: inputs.storeHash ?? null,
    storeBranch: inputs.storeBranch ?? null,
    snapshotAction: inputs.snapshotAction ?? null,
    snapshotFile: inputs.snapshotFile ?? null,
    components: inputs.components ?? null,
    changeset: inputs.changeset ?? null,
  };
  const id = createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 8);
  return `meta-rollback/${inputs.env ?? 'default'}/${inputs.mode}-${id}`;
}

export { changesetIdProblem, checkChangesetId, isValidChangesetId, changesetFileRel, changesetMarker, revertBranchName, revertTrailerLine, CHANGESET_INDEX, REVERT_TRAILER } from './id.js';
export {
  ROLLED_BACK,
  loadChangeset,
  loadChangesetIndex,
  parseChangeset,
  parseChangesetIndex,
  type ChangesetFile,
  type ChangesetIndex,
  type ChangesetIndexEntry,
  type ChangesetRepoEntry,
} from './file.js';
export { setChangesetStatus, setIndexStatus } from './edit.js';
export { planChangesetRollback, type ChangesetRollbackPlan, type PlanOptions, type PlannedRevert, type RepoRollbackPlan } from './plan.js';
export {
  applyChangesetRollback,
  pushChangesetBranches,
  revertMessage,
  rollbackChangeset,
  type ApplyOptions,
  type ChangesetRollbackResult,
  type RepoRollbackResult,
  type RevertedCommit,
} from './apply.js';
export { listChangesets, showChangeset, type ChangesetDetails, type ChangesetList, type ChangesetSummary } from './list.js';
export { changesetTargets } from './targets.js';

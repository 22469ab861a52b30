import { InputError } from '../errors.js';
import { quote, refNameProblem } from '../names.js';
import { CHANGESET_DIR } from '../paths.js';

// A changeset id becomes a file name under .meta/changesets/ and part of a branch name, so it is
// held to the same conservative alphabet as component names: it can never name a path outside
// the changeset directory, nor a ref git would refuse.
const CHANGESET_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export const CHANGESET_INDEX = `${CHANGESET_DIR}/index.yaml`;

export function changesetIdProblem(id: string): string | undefined {
  if (!CHANGESET_ID.test(id)) return "letters, digits, '.', '_' and '-', starting with a letter or digit, at most 100 characters";
  if (id.includes('..')) return "contains '..'";
  if (id.endsWith('.') || id.endsWith('.lock')) return "ends with '.' or '.lock'";
  if (/^index$/i.test(id)) return `'index' is the name of ${CHANGESET_INDEX}`;
  return refNameProblem(revertBranchName(id));
}

export function isValidChangesetId(id: string): boolean {
  return changesetIdProblem(id) === undefined;
}

export function checkChangesetId(id: string, where = 'ID'): string {
  const problem = changesetIdProblem(id);
  if (problem) throw new InputError(`${where}: invalid changeset id ${quote(id)} (${problem})`);
  return id;
}

/** `.meta/changesets/<id>.yaml`, relative to the meta-repo root. */
export function changesetFileRel(id: string): string {
  return `${CHANGESET_DIR}/${id}.yaml`;
}

/** The branch each affected component gets, holding the revert commits. */
export function revertBranchName(id: string): string {
  return `meta-rollback/changeset-${id}`;
}

/** What a commit message carries to say it belongs to a changeset. */
export function changesetMarker(id: string): string {
  return `[changeset:${id}]`;
}

/** The trailer every revert commit made by a changeset rollback carries. */
export const REVERT_TRAILER = 'Reverts-Changeset';

export function revertTrailerLine(id: string): string {
  return `${REVERT_TRAILER}: ${id}`;
}

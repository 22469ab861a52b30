import { InputError } from '../errors.js';
import { parseLockBytes } from '../lock.js';
import { quote } from '../names.js';
import { lockPathFor } from '../paths.js';
import { readFileAtRevision, resolveMetaRevision } from '../../git/meta-history.js';
import { knownGoodRef, readKnownGood } from '../../git/known-good.js';
import { KNOWN_GOOD_REV } from '../known-good.js';

export interface Candidate {
  readonly name: string;
  readonly good: string;
  readonly bad: string;
  readonly goodVersion: string;
  readonly badVersion: string;
  readonly repo?: string;
}

export interface BisectRange {
  readonly lockRel: string;
  readonly goodCommit: string;
  readonly badCommit: string;
  /** In the order of the BAD lock, so probes and output follow the file a user reads. */
  readonly candidates: readonly Candidate[];
}

async function resolveSide(root: string, env: string | undefined, rev: string, where: string): Promise<string> {
  if (rev !== KNOWN_GOOD_REV) return resolveMetaRevision(root, rev, where);
  const commit = await readKnownGood(root, env);
  if (commit === undefined) {
    throw new InputError(`${where}: no known-good state recorded for ${env === undefined ? 'the default lock' : `env ${quote(env)}`} (${knownGoodRef(env)}); record one with meta health --all --record, or name a revision`);
  }
  return commit;
}

/**
 * The components whose pin in the env's lock differs between two revisions of the meta-repo.
 * Refused, before anything is touched: revisions that are not commits of the meta-repo, GOOD and
 * BAD naming the same commit, a lock missing at either, and no pin that differs.
 */
export async function bisectRange(root: string, env: string | undefined, good: string, bad: string): Promise<BisectRange> {
  const lockRel = lockPathFor(env);
  const [goodSide, badSide] = await Promise.allSettled([resolveSide(root, env, good, '--good'), resolveSide(root, env, bad, '--bad')]);
  if (goodSide.status === 'rejected') throw goodSide.reason;
  if (badSide.status === 'rejected') throw badSide.reason;
  const [goodCommit, badCommit] = [goodSide.value, badSide.value];
  if (goodCommit === badCommit) throw new InputError(`--bad: ${quote(bad)} and --good ${quote(good)} are the same commit ${goodCommit.slice(0, 12)}`);
  // Both read at once; when both fail, GOOD's error is the one reported, every time.
  const [goodRead, badRead] = await Promise.allSettled([readFileAtRevision(root, goodCommit, lockRel, '--good'), readFileAtRevision(root, badCommit, lockRel, '--bad')]);
  if (goodRead.status === 'rejected') throw goodRead.reason;
  if (badRead.status === 'rejected') throw badRead.reason;
  const [goodBytes, badBytes] = [goodRead.value, badRead.value];
  const goodLock = parseLockBytes(goodBytes, `${lockRel}@${good}`);
  const badLock = parseLockBytes(badBytes, `${lockRel}@${bad}`);
  const candidates: Candidate[] = [];
  for (const [name, entry] of badLock.entries) {
    const before = goodLock.entries.get(name);
    // A component added or removed between the two has no pin to mix on one side; vendored entries
    // pin no commit to check out. Neither can be probed, so neither is a candidate.
    if (before === undefined || before.vendored || entry.vendored || before.commit === entry.commit) continue;
    candidates.push({ name, good: before.commit, bad: entry.commit, goodVersion: before.version, badVersion: entry.version, repo: entry.repo ?? before.repo });
  }
  if (candidates.length === 0) {
    throw new InputError(`--bad: ${lockRel} pins the same commits at ${quote(good)} and ${quote(bad)}; there is nothing to bisect`);
  }
  return { lockRel, goodCommit, badCommit, candidates };
}

// Which commits GitHub would call verified. GitHub signs what it writes itself
// (Git Data API commits, merges made by pull requests and merge queues); the
// forge has no key, so it records those commits and reports them as signed.
import { createHash } from 'node:crypto';
import type { ForgeCore } from './core.js';
import { rawCommit } from './git-objects.js';
import { gitIn } from './git.js';
import { timestamp } from './state.js';

export interface Verification {
  verified: boolean;
  reason: string;
  signature: string | null;
  payload: string | null;
  verified_at: string | null;
}

export function markVerified(core: ForgeCore, shas: string[]): void {
  const now = timestamp();
  for (const sha of shas) if (!core.state.verifiedCommits.has(sha)) core.state.verifiedCommits.set(sha, now);
}

export function isVerified(core: ForgeCore, sha: string): boolean {
  return core.state.verifiedCommits.has(sha);
}

export async function verificationOf(core: ForgeCore, barePath: string, sha: string): Promise<Verification> {
  const verifiedAt = core.state.verifiedCommits.get(sha);
  if (!verifiedAt) return { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };
  const payload = await rawCommit(barePath, sha);
  // A stand-in with the armour of a real signature; nothing can check it.
  const digest = createHash('sha256').update(payload).digest('base64');
  const signature = `-----BEGIN PGP SIGNATURE-----\n\n${digest}\n-----END PGP SIGNATURE-----\n`;
  return { verified: true, reason: 'valid', signature, payload, verified_at: verifiedAt };
}

/** Commits in `from..to` (oldest first) that are not yet verified. */
export async function unverifiedBetween(core: ForgeCore, barePath: string, to: string, exclude: string[]): Promise<string[]> {
  const out = await gitIn(barePath, ['rev-list', '--reverse', to, ...exclude.map((e) => `^${e}`)]);
  return out.split('\n').filter((sha) => sha && !isVerified(core, sha));
}

import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import type { RunContext } from '../context.js';
import { InputError, MetaError } from '../errors.js';
import { timestamp } from '../lock-edit.js';
import { loadManifest, requireComponent } from '../manifest.js';
import { withMetaLock } from '../meta-lock.js';
import { checkEnvName, checkShaOrAbbrev, quote } from '../names.js';
import { HOLDS_PATH } from '../paths.js';
import { resolveTarget, type Target } from '../resolve-target.js';
import { loadHolds, type Hold, type HoldsFile } from './holds-file.js';
import { appendHoldsText, removeHoldsText, type NewHold } from './holds-edit.js';

export interface HoldsResult {
  readonly ok: true;
  readonly dryRun: boolean;
  readonly file: string;
  readonly holds: readonly Hold[];
  /** What `add` added or `release` removed. */
  readonly changed: readonly (Hold | NewHold)[];
  readonly changes: [];
}

/** `meta hold list`. */
export async function listHolds(ctx: RunContext): Promise<HoldsResult> {
  const { holds } = await loadHolds(ctx.root, await loadManifest(ctx.root));
  return { ok: true, dryRun: ctx.dryRun, file: HOLDS_PATH, holds, changed: [], changes: [] };
}

/**
 * `meta hold add NAME (--version V | --commit SHA) [--reason TEXT] [--envs a,b]`: the target is
 * resolved in the component's repository as a rollback resolves it, so a hold always names a
 * commit that exists (a typo would hold nothing and block nothing).
 */
export async function addHold(ctx: RunContext, name: string, target: Target, options: { reason?: string; envs?: readonly string[] }): Promise<HoldsResult> {
  const manifest = await loadManifest(ctx.root);
  const spec = requireComponent(manifest, name);
  for (const env of options.envs ?? []) checkEnvName(env, '--envs');
  if (options.envs?.length === 0) throw new InputError('--envs: empty; leave it out to hold for every env');
  // A reason is written on one YAML line and quoted in one-line errors.
  // eslint-disable-next-line no-control-regex
  if (options.reason !== undefined && /[\x00-\x1f\x7f]/.test(options.reason)) throw new InputError('--reason: contains a control character (newline, tab, ...)');
  const pin = await resolveTarget(ctx, spec, target).catch((err: unknown) => {
    throw err instanceof MetaError ? new MetaError(err.message.replace(/^--to-(version|commit)/, '--$1'), err.exitCode) : err;
  });
  const hold: NewHold = {
    component: name,
    commit: pin.commit,
    version: pin.version,
    envs: options.envs === undefined ? undefined : [...new Set(options.envs)],
    reason: options.reason ?? `held by ${ctx.actor}`,
    at: timestamp(ctx.now()),
    by: ctx.actor,
  };
  return editHolds(ctx, manifest, (file) => {
    const same = file.holds.find((h) => h.component === name && h.commit === pin.commit && sameEnvs(h.envs, hold.envs));
    if (same) return { text: undefined, changed: [] };
    return { text: appendHoldsText(file.file, [hold]), changed: [hold] };
  });
}

/** `meta hold release NAME [--version V | --commit SHA]`: every hold of NAME, or only those on that pin. */
export async function releaseHold(ctx: RunContext, name: string, which: { version?: string; commit?: string }): Promise<HoldsResult> {
  const manifest = await loadManifest(ctx.root);
  requireComponent(manifest, name);
  if (which.commit !== undefined) checkShaOrAbbrev(which.commit, '--commit');
  return editHolds(ctx, manifest, (file) => {
    const indexes = new Set<number>();
    file.holds.forEach((h, i) => {
      if (h.component !== name) return;
      if (which.commit !== undefined && !h.commit.startsWith(which.commit)) return;
      if (which.version !== undefined && h.version !== which.version) return;
      indexes.add(i);
    });
    if (indexes.size === 0) {
      const pin = which.commit ?? which.version;
      throw new InputError(`${name}: no hold${pin ? ` on ${quote(pin)}` : ''} in ${HOLDS_PATH}${file.holds.some((h) => h.component === name) ? ` (its holds: ${file.holds.filter((h) => h.component === name).map((h) => h.version ?? h.commit.slice(0, 12)).join(', ')})` : ''}`);
    }
    return { text: removeHoldsText(file.file!, indexes), changed: file.holds.filter((_, i) => indexes.has(i)) };
  });
}

function sameEnvs(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((e) => b.includes(e));
}

/**
 * Reads, edits and writes the holds file under the meta-repo's lock, where every writer of it
 * (rollbacks, hold commands) works, so the edit is made to what is there and no write is lost.
 */
async function editHolds(
  ctx: RunContext,
  manifest: Awaited<ReturnType<typeof loadManifest>>,
  edit: (file: HoldsFile) => { text: string | undefined; changed: readonly (Hold | NewHold)[] },
): Promise<HoldsResult> {
  const result = (holds: readonly Hold[], changed: readonly (Hold | NewHold)[]): HoldsResult => ({ ok: true, dryRun: ctx.dryRun, file: HOLDS_PATH, holds, changed, changes: [] });
  if (ctx.dryRun) {
    const before = await loadHolds(ctx.root, manifest);
    return result(before.holds, edit(before).changed);
  }
  // Bad input is refused before the lock is taken, so a refusal leaves no trace at all.
  edit(await loadHolds(ctx.root, manifest));
  return withMetaLock(ctx, 'meta hold', async () => {
    const before = await loadHolds(ctx.root, manifest);
    const { text, changed } = edit(before);
    if (text === undefined) return result(before.holds, changed);
    await writeFileAtomic(join(ctx.root, HOLDS_PATH), text);
    return result((await loadHolds(ctx.root, manifest)).holds, changed);
  });
}

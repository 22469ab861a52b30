import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunContext } from '../context.js';
import { loadLock } from '../lock.js';
import { loadManifest } from '../manifest.js';
import { lockPathFor } from '../paths.js';
import { describeHold, findHold, loadHolds, type Hold } from './holds-file.js';

/** A lock entry that pins a held commit, with the line of its `commit:`. */
export interface HeldPin {
  readonly file: string;
  readonly line: number;
  readonly component: string;
  readonly version: string;
  readonly commit: string;
  readonly env: string | null;
  readonly hold: Hold;
  readonly message: string;
}

export interface CheckResult {
  readonly ok: boolean;
  readonly locks: readonly string[];
  readonly offending: readonly HeldPin[];
  readonly changes: [];
}

const LOCK_NAME = /^components\.lock(?:\.([A-Za-z0-9][A-Za-z0-9._-]*))?\.yaml$/;

/**
 * `meta check [--env ENV]`: the gate for lock changes. Every lock file (or only ENV's) is read, and
 * each entry pinning a commit that a hold covers for that lock's env is reported by file and line.
 */
export async function checkLocks(ctx: RunContext): Promise<CheckResult> {
  const manifest = await loadManifest(ctx.root);
  const { holds } = await loadHolds(ctx.root, manifest);
  const locks = ctx.env !== undefined ? [{ rel: lockPathFor(ctx.env), env: ctx.env }] : await allLocks(ctx.root);
  const offending: HeldPin[] = [];
  for (const { rel, env } of locks) {
    const lock = await loadLock(ctx.root, rel);
    for (const entry of lock.entries.values()) {
      if (entry.commit === '') continue;
      const hold = findHold(holds, entry.name, entry.commit, env);
      if (!hold) continue;
      const message = `${entry.name} pins ${entry.version} (${entry.commit.slice(0, 12)}), which is held: ${describeHold(hold)}`;
      offending.push({ file: rel, line: entry.commitLine, component: entry.name, version: entry.version, commit: entry.commit, env: env ?? null, hold, message });
    }
  }
  return { ok: offending.length === 0, locks: locks.map((l) => l.rel), offending, changes: [] };
}

async function allLocks(root: string): Promise<Array<{ rel: string; env: string | undefined }>> {
  const names = (await readdir(join(root, 'manifests')).catch(() => [] as string[])).sort();
  return names.flatMap((name) => {
    const match = LOCK_NAME.exec(name);
    return match ? [{ rel: `manifests/${name}`, env: match[1] }] : [];
  });
}

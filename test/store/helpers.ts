import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { makeContext, type RunContext } from '../../src/core/context.js';
import { gitOut } from '../helpers/workspace.js';

/** A context with a clock that moves one minute per call, so entries have distinct created_at. */
export function storeContext(root: string, extra: Partial<RunContext> = {}): RunContext {
  let minute = 0;
  // The store tests move web-ui back and forth to stage entries; holds would refuse the way back
  // (they are tested in test/cli/holds.test.ts).
  return makeContext({ root, actor: 'tester', now: () => new Date(Date.UTC(2026, 10, 25, 12, minute++)), hold: false, ...extra });
}

/**
 * The documented serialisation, written out independently of the implementation: for each file,
 * sorted by path bytes, `${mode} ${sha256(content)} ${path}\n`; the hash is sha256 of the whole.
 */
export function expectedHash(files: Array<{ path: string; mode: string; data: string | Buffer }>): string {
  const sorted = [...files].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
  const text = sorted.map((f) => `${f.mode} ${createHash('sha256').update(f.data).digest('hex')} ${f.path}\n`).join('');
  return createHash('sha256').update(text).digest('hex');
}

/** Every `<hash>.metadata.json` under .meta-store, as [hash, parsed JSON]. */
export function storedMetadata(root: string): Array<[string, Record<string, unknown>]> {
  const base = join(root, '.meta-store');
  const out: Array<[string, Record<string, unknown>]> = [];
  let shards: string[] = [];
  try {
    shards = readdirSync(base).filter((s) => /^[0-9a-f]{2}$/.test(s));
  } catch {
    return out;
  }
  for (const shard of shards) {
    for (const name of readdirSync(join(base, shard))) {
      const m = /^([0-9a-f]{64})\.metadata\.json$/.exec(name);
      if (m) out.push([m[1]!, JSON.parse(readFileSync(join(base, shard, name), 'utf8')) as Record<string, unknown>]);
    }
  }
  return out;
}

/** Writes an entry by hand (files + metadata) under a chosen hash, as another tool or an attacker could. */
export function writeEntry(root: string, hash: string, files: Record<string, string>, metadata: Record<string, unknown>): string {
  const dir = join(root, '.meta-store', hash.slice(0, 2), hash);
  mkdirSync(dir, { recursive: true });
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  writeFileSync(`${dir}.metadata.json`, JSON.stringify({ content_hash: hash, created_at: '2026-11-25T00:00:00Z', version: 'v0', commit: null, repo: null, ...metadata }));
  return dir;
}

export function editMetadata(root: string, hash: string, change: Record<string, unknown>): void {
  const path = join(root, '.meta-store', hash.slice(0, 2), `${hash}.metadata.json`);
  const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  writeFileSync(path, JSON.stringify({ ...data, ...change }, null, 2));
}

/**
 * What the shared `fingerprint` records (every file's bytes, and HEAD, refs and status of every
 * repository), except that a symbolic link is recorded as its target instead of being followed:
 * these tests plant links that dangle or point outside the meta-repo on purpose.
 */
export function linkSafeFingerprint(meta: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      const rel = relative(meta, path);
      if (name === '.git' && stat.isDirectory()) {
        const key = relative(meta, dir) || '.';
        out[`git:${key}:HEAD`] = gitOut(dir, ['rev-parse', 'HEAD']);
        out[`git:${key}:symbolic`] = gitOut(dir, ['rev-parse', '--symbolic-full-name', 'HEAD']);
        out[`git:${key}:refs`] = gitOut(dir, ['for-each-ref', '--format=%(refname) %(objectname)']);
        out[`git:${key}:status`] = gitOut(dir, ['status', '--porcelain', '--untracked-files=all']);
      } else if (stat.isSymbolicLink()) out[`link:${rel}`] = readlinkSync(path);
      else if (stat.isDirectory()) walk(path);
      else out[`file:${rel}`] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(meta);
  return out;
}

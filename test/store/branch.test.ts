import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTargets } from '../../src/core/operations/list-targets.js';
import { storeAdd } from '../../src/core/store/add.js';
import { storeList } from '../../src/core/store/list.js';
import { rollbackStore } from '../../src/core/store/rollback-store.js';
import { storeTargetsFrom } from '../../src/core/store/targets.js';
import { storeVerify } from '../../src/core/store/verify.js';
import { gitOut, read, sampleFactory } from '../helpers/workspace.js';
import { storeMeta } from './harness.js';
import { linkSafeFingerprint, storeContext } from './helpers.js';

const sample = sampleFactory();
const BRANCH = 'meta-store';

/** Everything but the meta-repo's refs, which a branch store is allowed to move. */
function withoutMetaRefs(print: Record<string, string>): Record<string, string> {
  const { ['git:.:refs']: _refs, ...rest } = print;
  return rest;
}

function git(cwd: string, args: string[], input?: string): string {
  return execFileSync('git', args, { cwd, input, encoding: 'utf8' }).trim();
}

/** Rewrites one file of the store branch with a new commit, as a careless (or hostile) push could. */
function commitOnBranch(meta: string, path: string, content: string): void {
  const blob = git(meta, ['hash-object', '-w', '--stdin'], content);
  const index = join(meta, '.git', 'test-index');
  const env = { ...process.env, GIT_INDEX_FILE: index };
  execFileSync('git', ['read-tree', BRANCH], { cwd: meta, env });
  execFileSync('git', ['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], { cwd: meta, env });
  const tree = execFileSync('git', ['write-tree'], { cwd: meta, env, encoding: 'utf8' }).trim();
  rmSync(index);
  const commit = git(meta, ['commit-tree', tree, '-p', BRANCH, '-m', 'edit']);
  git(meta, ['update-ref', `refs/heads/${BRANCH}`, commit]);
}

describe('a store kept on a branch of the meta-repo', () => {
  it('adds entries by committing onto the branch without touching the working tree, index or HEAD', async () => {
    const sys = sample();
    const ctx = storeContext(sys.meta);
    const before = linkSafeFingerprint(sys.meta);
    const first = await storeAdd(ctx, 'web-ui', { storeBranch: BRANCH });
    expect(first).toMatchObject({ added: true, store: `branch ${BRANCH}` });
    const hash = first.entry.content_hash;
    expect(first.path).toBe(`${BRANCH}:${hash.slice(0, 2)}/${hash}`);
    expect(withoutMetaRefs(linkSafeFingerprint(sys.meta))).toEqual(withoutMetaRefs(before));
    expect(existsSync(join(sys.meta, '.meta-store'))).toBe(false);
    expect(git(sys.meta, ['ls-tree', '-r', '--name-only', BRANCH]).split('\n')).toEqual([
      `${hash.slice(0, 2)}/${hash}.metadata.json`,
      `${hash.slice(0, 2)}/${hash}/VERSION`,
      `${hash.slice(0, 2)}/${hash}/src/app.txt`,
    ]);
    const metadata = JSON.parse(git(sys.meta, ['cat-file', 'blob', `${BRANCH}:${hash.slice(0, 2)}/${hash}.metadata.json`])) as Record<string, unknown>;
    expect(metadata).toEqual(first.entry);

    const tip = git(sys.meta, ['rev-parse', BRANCH]);
    const again = await storeAdd(ctx, 'web-ui', { storeBranch: BRANCH });
    expect(again.added).toBe(false);
    expect(git(sys.meta, ['rev-parse', BRANCH])).toBe(tip);

    const core = await storeAdd(ctx, 'agent-core', { storeBranch: BRANCH });
    expect(git(sys.meta, ['rev-parse', `${BRANCH}~1`])).toBe(tip);
    const list = await storeList(ctx, { storeBranch: BRANCH });
    expect(list.entries.map((e) => e.content_hash)).toEqual([core.entry.content_hash, hash]);
    const verified = await storeVerify(ctx, undefined, { storeBranch: BRANCH });
    expect(verified).toMatchObject({ ok: true, entries: [{ status: 'ok' }, { status: 'ok' }] });
    // The directory store is separate and still empty.
    expect((await storeList(ctx)).entries).toEqual([]);
  });

  it('restores from the branch: a commit entry like --to-commit, a file entry into components/NAME', async () => {
    const sys = sample();
    const web = sys.components.find((c) => c.name === 'web-ui')!;
    const ctx = storeContext(sys.meta);
    await storeMeta(['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0'], sys.meta);
    const entry = await storeAdd(ctx, 'web-ui', { storeBranch: BRANCH });
    await storeMeta(['rollback', 'component', 'web-ui', '--to-version', 'v1.2.0'], sys.meta);
    const hash = entry.entry.content_hash;

    const run = await storeMeta(['rollback', 'store', 'web-ui', hash.slice(0, 8), '--store-branch', BRANCH, '--json'], sys.meta);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, store: { restored: 'commit' }, changes: [{ to: { version: 'v1.0.0', commit: web.versions[0]!.commit } }] });
    expect(gitOut(join(sys.meta, 'components/web-ui'), ['rev-parse', 'HEAD'])).toBe(web.versions[0]!.commit);

    commitOnBranch(sys.meta, `${hash.slice(0, 2)}/${hash}.metadata.json`, JSON.stringify({ ...entry.entry, commit: null }));
    rmSync(join(sys.meta, 'components/web-ui'), { recursive: true });
    const tree = await rollbackStore(ctx, 'web-ui', hash, { storeBranch: BRANCH });
    expect(tree.store.restored).toBe('tree');
    expect(read(join(sys.meta, 'components/web-ui/VERSION'))).toBe('v1.0.0\n');
    expect(read(join(sys.meta, 'components/web-ui/src/app.txt'))).toBe('web-ui at v1.0.0\n');

    const targets = await listTargets(ctx, 'web-ui', [storeTargetsFrom({ storeBranch: BRANCH })]);
    expect(targets.targets.find((t) => t.kind === 'store')?.command).toBe(`meta rollback store web-ui ${hash.slice(0, 12)} --store-branch ${BRANCH}`);
  });

  it('refuses a corrupted branch entry and changes nothing', async () => {
    const sys = sample();
    const ctx = storeContext(sys.meta);
    await storeMeta(['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0'], sys.meta);
    const entry = await storeAdd(ctx, 'web-ui', { storeBranch: BRANCH });
    await storeMeta(['rollback', 'component', 'web-ui', '--to-version', 'v1.2.0'], sys.meta);
    const hash = entry.entry.content_hash;
    commitOnBranch(sys.meta, `${hash.slice(0, 2)}/${hash}/VERSION`, 'tampered\n');
    const verify = await storeMeta(['store', 'verify', '--store-branch', BRANCH, '--json'], sys.meta);
    expect(verify.code).toBe(1);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: false, entries: [{ status: 'corrupt' }] });
    const before = linkSafeFingerprint(sys.meta);
    const run = await storeMeta(['rollback', 'store', 'web-ui', hash.slice(0, 8), '--store-branch', BRANCH], sys.meta);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^error: HASH: ${BRANCH}:[0-9a-f]{2}/[0-9a-f]{64}: corrupt: its files hash to`));
    expect(linkSafeFingerprint(sys.meta)).toEqual(before);
  });

  it("refuses a branch entry holding a '..' name that git itself would let through", async () => {
    const sys = sample();
    const fake = 'cd'.repeat(32);
    const blob = git(sys.meta, ['hash-object', '-w', '--stdin'], 'evil\n');
    const meta = git(sys.meta, ['hash-object', '-w', '--stdin'], JSON.stringify({ content_hash: fake, component: 'web-ui', version: 'v9', commit: null }));
    const inner = git(sys.meta, ['mktree'], `100644 blob ${blob}\tevil\n`);
    const entry = git(sys.meta, ['mktree'], `100644 blob ${blob}\tVERSION\n040000 tree ${inner}\t..\n`);
    const shard = git(sys.meta, ['mktree'], `040000 tree ${entry}\t${fake}\n100644 blob ${meta}\t${fake}.metadata.json\n`);
    const root = git(sys.meta, ['mktree'], `040000 tree ${shard}\tcd\n`);
    git(sys.meta, ['update-ref', `refs/heads/${BRANCH}`, git(sys.meta, ['commit-tree', root, '-m', 'crafted'])]);
    rmSync(join(sys.meta, 'components/web-ui'), { recursive: true });
    const before = linkSafeFingerprint(sys.meta);
    await expect(rollbackStore(storeContext(sys.meta), 'web-ui', fake.slice(0, 8), { storeBranch: BRANCH })).rejects.toThrow(/unsafe: "\.\.\/evil" contains '\.\.'/);
    expect(linkSafeFingerprint(sys.meta)).toEqual(before);
    expect(existsSync(join(sys.meta, 'components/web-ui'))).toBe(false);
  });

  it('refuses to add onto the branch the meta-repo has checked out', async () => {
    const sys = sample();
    git(sys.meta, ['checkout', '-q', '-b', BRANCH]);
    const before = linkSafeFingerprint(sys.meta);
    await expect(storeAdd(storeContext(sys.meta), 'web-ui', { storeBranch: BRANCH })).rejects.toThrow(/^--store-branch: "meta-store" is checked out in the meta-repo/);
    expect(linkSafeFingerprint(sys.meta)).toEqual(before);
  });
});

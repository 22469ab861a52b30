import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rollbackComponent } from '../../src/core/operations/rollback-component.js';
import { listTargets } from '../../src/core/operations/list-targets.js';
import { storeAdd } from '../../src/core/store/add.js';
import { storeList } from '../../src/core/store/list.js';
import { rollbackStore } from '../../src/core/store/rollback-store.js';
import { storeTargets } from '../../src/core/store/targets.js';
import { storeVerify } from '../../src/core/store/verify.js';
import { gitOut, read, sampleFactory, tempDir } from '../helpers/workspace.js';
import { editMetadata, expectedHash, linkSafeFingerprint, storeContext, storedMetadata, writeEntry } from './helpers.js';
import { journalEntries } from '../helpers/journal.js';

const sample = sampleFactory();
const PROD = 'manifests/components.lock.prod.yaml';

describe('store add', () => {
  it("records the checkout's tracked files, commit and version under their content hash", async () => {
    const sys = sample();
    const web = sys.components.find((c) => c.name === 'web-ui')!;
    // Untracked files are not part of the component and are not stored.
    writeFileSync(join(sys.meta, 'components/web-ui/notes.txt'), 'scratch\n');
    const result = await storeAdd(storeContext(sys.meta), 'web-ui');
    const hash = expectedHash([
      { path: 'VERSION', mode: '100644', data: 'v1.2.0\n' },
      { path: 'src/app.txt', mode: '100644', data: 'web-ui at v1.2.0\n' },
    ]);
    expect(result).toMatchObject({ ok: true, added: true, dryRun: false, files: 2, path: `.meta-store/${hash.slice(0, 2)}/${hash}` });
    expect(result.entry).toEqual({
      content_hash: hash,
      component: 'web-ui',
      version: 'v1.2.0',
      commit: web.versions[2]!.commit,
      repo: web.dir,
      created_at: '2026-11-25T12:00:00Z',
      // What the Python CLI's output hash of these two files is (computed with Python itself).
      output_hash: 'e6fa061727f48bc64f556713ecb4bfd80f816a32c07a132e70da67114cf68787',
    });
    const dir = join(sys.meta, '.meta-store', hash.slice(0, 2), hash);
    expect(read(join(dir, 'src/app.txt'))).toBe('web-ui at v1.2.0\n');
    expect(existsSync(join(dir, 'notes.txt'))).toBe(false);
    const metadata = JSON.parse(read(`${dir}.metadata.json`)) as Record<string, unknown>;
    expect(Object.keys(metadata)).toEqual(['content_hash', 'component', 'version', 'commit', 'repo', 'created_at', 'output_hash']);
    // No temp directory is left behind.
    expect(readdirSync(join(sys.meta, '.meta-store'))).toEqual([hash.slice(0, 2)]);
  });

  it('keeps modes and symbolic links, and names an untagged commit by the lock or its short SHA', async () => {
    const sys = sample();
    const checkout = join(sys.meta, 'components/agent-core');
    mkdirSync(join(checkout, 'bin'), { recursive: true });
    writeFileSync(join(checkout, 'bin/run'), '#!/bin/sh\necho run\n', { mode: 0o755 });
    symlinkSync('../VERSION', join(checkout, 'bin/version'));
    gitOut(checkout, ['add', '--all']);
    gitOut(checkout, ['commit', '-q', '-m', 'scripts']);
    const head = gitOut(checkout, ['rev-parse', 'HEAD']);
    const result = await storeAdd(storeContext(sys.meta), 'agent-core');
    expect(result.entry.version).toBe(head.slice(0, 12));
    expect(result.entry.content_hash).toBe(
      expectedHash([
        { path: 'VERSION', mode: '100644', data: 'v1.2.0\n' },
        { path: 'bin/run', mode: '100755', data: '#!/bin/sh\necho run\n' },
        { path: 'bin/version', mode: '120000', data: '../VERSION' },
        { path: 'src/app.txt', mode: '100644', data: 'agent-core at v1.2.0\n' },
      ]),
    );
    const dir = join(sys.meta, result.path);
    expect(lstatSync(join(dir, 'bin/version')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'bin/run')).mode & 0o100).toBe(0o100);
    expect((await storeVerify(storeContext(sys.meta))).ok).toBe(true);
  });

  it('stores the same content once', async () => {
    const sys = sample();
    const first = await storeAdd(storeContext(sys.meta), 'web-ui');
    const before = linkSafeFingerprint(sys.meta);
    const second = await storeAdd(storeContext(sys.meta, { now: () => new Date('2026-12-01T00:00:00Z') }), 'web-ui');
    expect(second.added).toBe(false);
    expect(second.entry).toEqual(first.entry);
    expect(linkSafeFingerprint(sys.meta)).toEqual(before);
    expect(storedMetadata(sys.meta)).toHaveLength(1);
  });

  it('--dry-run computes the hash and writes nothing', async () => {
    const sys = sample();
    const before = linkSafeFingerprint(sys.meta);
    const result = await storeAdd(storeContext(sys.meta, { dryRun: true }), 'web-ui');
    expect(result).toMatchObject({ added: true, dryRun: true });
    expect(result.entry.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(linkSafeFingerprint(sys.meta)).toEqual(before);
    expect(existsSync(join(sys.meta, '.meta-store'))).toBe(false);
  });

  it.each([
    ['no checkout', (m: string) => rmSync(join(m, 'components/web-ui'), { recursive: true }), /^components\/web-ui: no checkout/],
    ['a dirty checkout', (m: string) => writeFileSync(join(m, 'components/web-ui/VERSION'), 'edited\n'), /^components\/web-ui: has uncommitted changes \(VERSION\)/],
    [
      'a link out of the component',
      (m: string) => {
        const checkout = join(m, 'components/web-ui');
        symlinkSync('../../../outside', join(checkout, 'escape'));
        gitOut(checkout, ['add', 'escape']);
        gitOut(checkout, ['commit', '-q', '-m', 'escape']);
      },
      /^components\/web-ui: "escape" is a symbolic link pointing outside the tree \("\.\.\/\.\.\/\.\.\/outside"\); the store cannot hold it$/,
    ],
  ])('refuses %s and changes nothing', async (_name, setup, message) => {
    const sys = sample();
    setup(sys.meta);
    const before = linkSafeFingerprint(sys.meta);
    await expect(storeAdd(storeContext(sys.meta), 'web-ui')).rejects.toThrow(message);
    expect(linkSafeFingerprint(sys.meta)).toEqual(before);
    expect(existsSync(join(sys.meta, '.meta-store'))).toBe(false);
  });

  it('refuses an unknown component', async () => {
    const sys = sample();
    await expect(storeAdd(storeContext(sys.meta), 'nope')).rejects.toThrow(/^NAME: unknown component "nope"/);
  });
});

describe('store list and verify', () => {
  it('lists entries newest first, by component, and verifies them', async () => {
    const sys = sample();
    const ctx = storeContext(sys.meta);
    const first = await storeAdd(ctx, 'web-ui');
    await rollbackComponent(ctx, 'web-ui', { kind: 'version', tag: 'v1.0.0' });
    const second = await storeAdd(ctx, 'web-ui');
    const core = await storeAdd(ctx, 'agent-core');
    const all = await storeList(ctx);
    expect(all.entries.map((e) => e.content_hash)).toEqual([core.entry.content_hash, second.entry.content_hash, first.entry.content_hash]);
    const web = await storeList(ctx, { component: 'web-ui' });
    expect(web.entries.map((e) => e.version)).toEqual(['v1.0.0', 'v1.2.0']);
    const verified = await storeVerify(ctx);
    expect(verified.ok).toBe(true);
    expect(verified.entries.map((e) => e.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('reports a corrupted entry and a missing metadata file', async () => {
    const sys = sample();
    const ctx = storeContext(sys.meta);
    const web = await storeAdd(ctx, 'web-ui');
    const core = await storeAdd(ctx, 'agent-core');
    writeFileSync(join(sys.meta, web.path, 'VERSION'), 'tampered\n');
    rmSync(join(sys.meta, `${core.path}.metadata.json`));
    const result = await storeVerify(ctx);
    expect(result.ok).toBe(false);
    const byHash = new Map(result.entries.map((e) => [e.content_hash, e]));
    expect(byHash.get(web.entry.content_hash)).toMatchObject({ status: 'corrupt', component: 'web-ui' });
    expect(byHash.get(web.entry.content_hash)!.detail).toMatch(/corrupt: its files hash to [0-9a-f]{64}, not /);
    expect(byHash.get(core.entry.content_hash)).toMatchObject({ status: 'incomplete' });
    const one = await storeVerify(ctx, core.entry.content_hash.slice(0, 10));
    expect(one.entries).toHaveLength(1);
  });
});

describe('rollback store', () => {
  it('restores an entry with a commit like --to-commit: lock, checkout, snapshot, journal', async () => {
    const sys = sample();
    const web = sys.components.find((c) => c.name === 'web-ui')!;
    const ctx = storeContext(sys.meta, { env: 'prod' });
    await rollbackComponent(ctx, 'web-ui', { kind: 'version', tag: 'v1.1.0' });
    const entry = await storeAdd(ctx, 'web-ui');
    await rollbackComponent(ctx, 'web-ui', { kind: 'version', tag: 'v1.2.0' });
    const result = await rollbackStore(ctx, 'web-ui', entry.entry.content_hash.slice(0, 8));
    expect(result).toMatchObject({ ok: true, mode: 'store', store: { hash: entry.entry.content_hash, restored: 'commit' } });
    expect(result.changes).toEqual([
      { component: 'web-ui', from: { version: 'v1.2.0', commit: web.versions[2]!.commit }, to: { version: 'v1.1.0', commit: web.versions[1]!.commit }, checkout: 'moved', lock: 'changed' },
    ]);
    expect(read(join(sys.meta, PROD))).toContain(`commit: ${web.versions[1]!.commit}`);
    expect(gitOut(join(sys.meta, 'components/web-ui'), ['rev-parse', 'HEAD'])).toBe(web.versions[1]!.commit);
    const line = journalEntries(sys.meta).pop()!;
    expect(line).toMatchObject({ mode: 'store', env: 'prod', lock: PROD, snapshot: result.snapshot });
    expect(read(join(sys.meta, result.snapshot!))).toContain(`commit: ${web.versions[2]!.commit}`);
  });

  it('--dry-run changes nothing, for a commit entry and for a file entry', async () => {
    const sys = sample();
    const ctx = storeContext(sys.meta);
    await rollbackComponent(ctx, 'web-ui', { kind: 'version', tag: 'v1.0.0' });
    const entry = await storeAdd(ctx, 'web-ui');
    await rollbackComponent(ctx, 'web-ui', { kind: 'version', tag: 'v1.2.0' });
    const before = linkSafeFingerprint(sys.meta);
    const dry = await rollbackStore(storeContext(sys.meta, { dryRun: true }), 'web-ui', entry.entry.content_hash);
    expect(dry).toMatchObject({ dryRun: true, snapshot: null, historyEntry: null, changes: [{ component: 'web-ui', lock: 'changed' }] });
    expect(linkSafeFingerprint(sys.meta)).toEqual(before);

    editMetadata(sys.meta, entry.entry.content_hash, { commit: null });
    rmSync(join(sys.meta, 'components/web-ui'), { recursive: true });
    const beforeTree = linkSafeFingerprint(sys.meta);
    const dryTree = await rollbackStore(storeContext(sys.meta, { dryRun: true }), 'web-ui', entry.entry.content_hash);
    expect(dryTree).toMatchObject({ dryRun: true, store: { restored: 'tree' }, changes: [{ component: 'web-ui', to: { version: 'v1.0.0', commit: null } }] });
    expect(linkSafeFingerprint(sys.meta)).toEqual(beforeTree);
  });

  it('writes the files of an entry without a commit into components/NAME, replacing a plain directory', async () => {
    const sys = sample();
    const ctx = storeContext(sys.meta);
    await rollbackComponent(ctx, 'web-ui', { kind: 'version', tag: 'v1.0.0' });
    const old = await storeAdd(ctx, 'web-ui');
    await rollbackComponent(ctx, 'web-ui', { kind: 'version', tag: 'v1.2.0' });
    const current = await storeAdd(ctx, 'web-ui');
    editMetadata(sys.meta, old.entry.content_hash, { commit: null });
    editMetadata(sys.meta, current.entry.content_hash, { commit: null });
    rmSync(join(sys.meta, 'components/web-ui'), { recursive: true });
    const lockBefore = read(join(sys.meta, 'manifests/components.lock.yaml'));

    const first = await rollbackStore(ctx, 'web-ui', current.entry.content_hash.slice(0, 12));
    expect(first).toMatchObject({ ok: true, store: { restored: 'tree', files: 2 }, changes: [{ component: 'web-ui', lock: 'unchanged' }] });
    const dir = join(sys.meta, 'components/web-ui');
    expect(read(join(dir, 'VERSION'))).toBe('v1.2.0\n');
    expect(existsSync(join(dir, '.git'))).toBe(false);
    writeFileSync(join(dir, 'leftover.txt'), 'from before\n');

    const second = await rollbackStore(ctx, 'web-ui', old.entry.content_hash);
    expect(second.changes).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual(['VERSION', 'src']);
    expect(read(join(dir, 'VERSION'))).toBe('v1.0.0\n');
    expect(read(join(dir, 'src/app.txt'))).toBe('web-ui at v1.0.0\n');
    expect(readdirSync(join(sys.meta, 'components')).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(read(join(sys.meta, 'manifests/components.lock.yaml'))).toBe(lockBefore);
    const line = journalEntries(sys.meta).pop() as { mode: string; changes: Array<{ to: unknown }>; snapshot: string };
    expect(line.mode).toBe('store');
    expect(line.changes[0]!.to).toEqual({ version: 'v1.0.0', commit: null });
    expect(existsSync(join(sys.meta, line.snapshot))).toBe(true);

    const again = await rollbackStore(ctx, 'web-ui', old.entry.content_hash);
    expect(again.changes).toEqual([]);
  });

  it('falls back to the files when the commit is gone, but never replaces a git checkout with them', async () => {
    const sys = sample();
    const ctx = storeContext(sys.meta);
    const entry = await storeAdd(ctx, 'web-ui');
    editMetadata(sys.meta, entry.entry.content_hash, { commit: 'f'.repeat(40) });
    const before = linkSafeFingerprint(sys.meta);
    await expect(rollbackStore(ctx, 'web-ui', entry.entry.content_hash)).rejects.toThrow(
      /^components\/web-ui: is a git checkout and \.meta-store\/.* has a commit \(ffffffffffff\) that is not in web-ui's repository; a checkout is never replaced/,
    );
    expect(linkSafeFingerprint(sys.meta)).toEqual(before);
    rmSync(join(sys.meta, 'components/web-ui'), { recursive: true });
    const result = await rollbackStore(ctx, 'web-ui', entry.entry.content_hash);
    expect(result.store.restored).toBe('tree');
    expect(result.warnings[0]).toMatch(/commit ffffffffffff of .* is not in web-ui's repository; restoring its files instead/);
    expect(read(join(sys.meta, 'components/web-ui/VERSION'))).toBe('v1.2.0\n');
  });

  it('refuses a corrupted entry and changes nothing', async () => {
    const sys = sample();
    const ctx = storeContext(sys.meta);
    await rollbackComponent(ctx, 'web-ui', { kind: 'version', tag: 'v1.0.0' });
    const entry = await storeAdd(ctx, 'web-ui');
    await rollbackComponent(ctx, 'web-ui', { kind: 'version', tag: 'v1.2.0' });
    writeFileSync(join(sys.meta, entry.path, 'src/app.txt'), 'tampered\n');
    const before = linkSafeFingerprint(sys.meta);
    const err = await rollbackStore(ctx, 'web-ui', entry.entry.content_hash.slice(0, 8)).catch((e: unknown) => e);
    expect(err).toMatchObject({ exitCode: 2 });
    expect((err as Error).message).toMatch(/^HASH: \.meta-store\/[0-9a-f]{2}\/[0-9a-f]{64}: corrupt: its files hash to [0-9a-f]{64}, not [0-9a-f]{64}; nothing was changed$/);
    expect(linkSafeFingerprint(sys.meta)).toEqual(before);
  });

  it('refuses an ambiguous prefix, naming the candidates, before reading any entry', async () => {
    const sys = sample();
    const a = `aaaaaaaa1${'0'.repeat(55)}`;
    const b = `aaaaaaaa2${'0'.repeat(55)}`;
    writeEntry(sys.meta, a, { VERSION: 'x\n' }, { component: 'web-ui' });
    writeEntry(sys.meta, b, { VERSION: 'y\n' }, { component: 'web-ui' });
    const before = linkSafeFingerprint(sys.meta);
    await expect(rollbackStore(storeContext(sys.meta), 'web-ui', 'aaaaaaaa')).rejects.toThrow(
      /^HASH: "aaaaaaaa" is ambiguous \(matches aaaaaaaa10000000, aaaaaaaa20000000\); give more digits$/,
    );
    await expect(rollbackStore(storeContext(sys.meta), 'web-ui', 'aaaaaaab')).rejects.toThrow(/^HASH: no entry in \.meta-store matches "aaaaaaab"$/);
    // With enough digits the prefix is unique, and then the (fake) content is refused as corrupt.
    await expect(rollbackStore(storeContext(sys.meta), 'web-ui', 'aaaaaaaa1')).rejects.toThrow(/corrupt: its files hash to/);
    expect(linkSafeFingerprint(sys.meta)).toEqual(before);
  });

  it('refuses an entry of another component', async () => {
    const sys = sample();
    const entry = await storeAdd(storeContext(sys.meta), 'web-ui');
    const before = linkSafeFingerprint(sys.meta);
    await expect(rollbackStore(storeContext(sys.meta), 'agent-core', entry.entry.content_hash)).rejects.toThrow(
      /^HASH: \.meta-store\/[0-9a-f]{2}\/[0-9a-f]{64} belongs to "web-ui", not "agent-core"$/,
    );
    expect(linkSafeFingerprint(sys.meta)).toEqual(before);
  });

  it.each([
    ['too short', 'abcdef1', /^HASH: not a store hash \("abcdef1"; expected 8 to 64 lowercase hex digits\)$/],
    ['uppercase', 'ABCDEF12', /^HASH: "ABCDEF12" must be lowercase hex$/],
    ['a path', '../../../../etc/passwd', /^HASH: not a store hash/],
    ['an option', '--upload-pack=x', /^HASH: not a store hash/],
  ])('refuses a HASH that is %s', async (_name, hash, message) => {
    const sys = sample();
    await expect(rollbackStore(storeContext(sys.meta), 'web-ui', hash)).rejects.toThrow(message);
  });
});

describe('path safety on restore', () => {
  const FAKE = 'bb'.repeat(32);

  const cases: Array<[string, (root: string, dir: string) => void, RegExp]> = [
    ['a link to an absolute path', (_r, dir) => symlinkSync('/etc/passwd', join(dir, 'passwd')), /unsafe: "passwd" is a symbolic link to an absolute path \("\/etc\/passwd"\)/],
    ['a link climbing out', (_r, dir) => symlinkSync('../../../../..', join(dir, 'up')), /unsafe: "up" is a symbolic link pointing outside the tree/],
    ['a link with .. after a name', (_r, dir) => symlinkSync('src/../..', join(dir, 'sneaky')), /unsafe: "sneaky" is a symbolic link with '\.\.' after a name/],
    [
      'a .git directory',
      (_r, dir) => {
        mkdirSync(join(dir, '.git'));
        writeFileSync(join(dir, '.git/config'), '[core]\n\tfsmonitor = touch /tmp/pwned\n');
      },
      /unsafe: "\.git\/config" contains a '\.git' segment/,
    ],
    [
      'a shard that is a link out of the store',
      (root, dir) => {
        const outside = tempDir('meta-outside-');
        mkdirSync(join(outside, FAKE), { recursive: true });
        writeFileSync(join(outside, FAKE, 'VERSION'), 'evil\n');
        writeFileSync(join(outside, `${FAKE}.metadata.json`), JSON.stringify({ content_hash: FAKE, component: 'web-ui' }));
        rmSync(join(dir, '..'), { recursive: true });
        symlinkSync(outside, join(root, '.meta-store', 'bb'));
      },
      /^\.meta-store\/bb: is a symbolic link; the store may not lead outside \.meta-store$/,
    ],
    [
      'an entry that is a link out of the store',
      (_r, dir) => {
        const outside = tempDir('meta-outside-');
        writeFileSync(join(outside, 'VERSION'), 'evil\n');
        rmSync(dir, { recursive: true });
        symlinkSync(outside, dir);
      },
      /: is a symbolic link; the store may not lead outside \.meta-store$/,
    ],
  ];

  it.each(cases)('refuses %s and changes nothing', async (_name, setup, message) => {
    const sys = sample();
    rmSync(join(sys.meta, 'components/web-ui'), { recursive: true });
    const dir = writeEntry(sys.meta, FAKE, { VERSION: 'v9\n' }, { component: 'web-ui' });
    setup(sys.meta, dir);
    const before = linkSafeFingerprint(sys.meta);
    await expect(rollbackStore(storeContext(sys.meta), 'web-ui', FAKE.slice(0, 8))).rejects.toThrow(message);
    expect(linkSafeFingerprint(sys.meta)).toEqual(before);
    expect(existsSync(join(sys.meta, 'components/web-ui'))).toBe(false);
    const verified = await storeVerify(storeContext(sys.meta)).catch((e: unknown) => e);
    if (verified instanceof Error) expect(verified.message).toMatch(message);
    else expect((verified as { ok: boolean }).ok).toBe(false);
  });

  it('refuses a .meta-store that is itself a link', async () => {
    const sys = sample();
    const outside = tempDir('meta-outside-');
    symlinkSync(outside, join(sys.meta, '.meta-store'));
    await expect(storeList(storeContext(sys.meta))).rejects.toThrow(/^\.meta-store: is a symbolic link/);
    await expect(storeAdd(storeContext(sys.meta), 'web-ui')).rejects.toThrow(/^\.meta-store: is a symbolic link/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses metadata whose fields could mislead a restore', async () => {
    const sys = sample();
    const entry = await storeAdd(storeContext(sys.meta), 'web-ui');
    editMetadata(sys.meta, entry.entry.content_hash, { repo: 'ext::sh -c evil' });
    await expect(rollbackStore(storeContext(sys.meta), 'web-ui', entry.entry.content_hash)).rejects.toThrow(/\.metadata\.json: repo: "ext::sh -c evil" uses a '::' transport/);
    editMetadata(sys.meta, entry.entry.content_hash, { repo: null, component: '../web-ui' });
    await expect(rollbackStore(storeContext(sys.meta), 'web-ui', entry.entry.content_hash)).rejects.toThrow(/\.metadata\.json: component: invalid component name "\.\.\/web-ui"/);
    editMetadata(sys.meta, entry.entry.content_hash, { component: 'web-ui', content_hash: 'c'.repeat(64) });
    await expect(rollbackStore(storeContext(sys.meta), 'web-ui', entry.entry.content_hash)).rejects.toThrow(/\.metadata\.json: content_hash: "c{64}" is not the entry's hash/);
    expect(readFileSync(join(sys.meta, 'manifests/components.lock.yaml'), 'utf8')).not.toContain('ext::');
  });
});

describe('rollback list', () => {
  it('lists store entries as targets with the command that restores them', async () => {
    const sys = sample();
    const ctx = storeContext(sys.meta, { env: 'prod' });
    const entry = await storeAdd(ctx, 'web-ui');
    await storeAdd(ctx, 'agent-core');
    const list = await listTargets(ctx, 'web-ui', [storeTargets]);
    const store = list.targets.filter((t) => t.kind === 'store');
    expect(store).toEqual([
      {
        component: 'web-ui',
        kind: 'store',
        version: 'v1.2.0',
        commit: entry.entry.commit,
        source: `store ${entry.entry.content_hash.slice(0, 12)}`,
        date: '2026-11-25T12:00:00Z',
        current: true,
        command: `meta rollback store web-ui ${entry.entry.content_hash.slice(0, 12)} --env prod`,
      },
    ]);
  });
});

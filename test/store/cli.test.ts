import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitOut, read, sampleFactory, tempDir } from '../helpers/workspace.js';
import { storeMeta } from './harness.js';
import { linkSafeFingerprint, writeEntry } from './helpers.js';

const sample = sampleFactory();

interface Entry {
  content_hash: string;
  component: string;
  version: string;
  commit: string | null;
  created_at: string;
}

describe('meta store and meta rollback store', () => {
  it('adds, lists, verifies and restores by prefix', async () => {
    const sys = sample();
    const web = sys.components.find((c) => c.name === 'web-ui')!;
    const down = await storeMeta(['rollback', 'component', 'web-ui', '--to-version', 'v1.0.0', '--env', 'prod'], sys.meta);
    expect(down.code).toBe(0);
    const add = await storeMeta(['store', 'add', 'web-ui', '--json', '--env', 'prod'], sys.meta);
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    const added = JSON.parse(add.stdout) as { ok: boolean; added: boolean; entry: Entry; changes: unknown[] };
    expect(added).toMatchObject({ ok: true, added: true, changes: [], entry: { component: 'web-ui', version: 'v1.0.0', commit: web.versions[0]!.commit } });
    const hash = added.entry.content_hash;

    const text = await storeMeta(['store', 'add', 'web-ui'], sys.meta);
    expect(text.stdout).toMatch(/^already stored: \.meta-store\/[0-9a-f]{2}\/[0-9a-f]{64} \(web-ui v1\.0\.0\); nothing written\n$/);

    const list = await storeMeta(['store', 'list'], sys.meta);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^HASH\s+COMPONENT\s+VERSION\s+COMMIT\s+CREATED$/);
    expect(list.stdout).toContain(`${hash.slice(0, 12)}  web-ui     v1.0.0   ${web.versions[0]!.commit.slice(0, 12)}`);
    const listJson = JSON.parse((await storeMeta(['--json', 'store', 'list', '--component', 'web-ui'], sys.meta)).stdout) as { entries: Entry[] };
    expect(listJson.entries.map((e) => e.content_hash)).toEqual([hash]);
    const none = JSON.parse((await storeMeta(['store', 'list', '--component', 'agent-core', '--json'], sys.meta)).stdout) as { entries: Entry[] };
    expect(none.entries).toEqual([]);

    const verify = await storeMeta(['store', 'verify'], sys.meta);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('all 1 entries ok');

    const up = await storeMeta(['rollback', 'component', 'web-ui', '--to-version', 'v1.2.0', '--env', 'prod'], sys.meta);
    expect(up.code).toBe(0);
    const restore = await storeMeta(['rollback', 'store', 'web-ui', hash.slice(0, 8), '--env', 'prod'], sys.meta);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`store entry ${hash.slice(0, 12)}`);
    expect(restore.stdout).toContain('-> v1.0.0');
    expect(restore.stdout).toMatch(/undo with: meta rollback snapshot --restore \.meta\/snapshots\/\S+-prod-store-[0-9a-f]{8}\.yaml --env prod/);
    expect(gitOut(join(sys.meta, 'components/web-ui'), ['rev-parse', 'HEAD'])).toBe(web.versions[0]!.commit);
    expect(read(join(sys.meta, 'manifests/components.lock.prod.yaml'))).toContain(`commit: ${web.versions[0]!.commit}`);
  });

  it('--json and --dry-run on rollback store print the plan and change nothing', async () => {
    const sys = sample();
    await storeMeta(['rollback', 'component', 'web-ui', '--to-version', 'v1.1.0'], sys.meta);
    const hash = (JSON.parse((await storeMeta(['store', 'add', 'web-ui', '--json'], sys.meta)).stdout) as { entry: Entry }).entry.content_hash;
    await storeMeta(['rollback', 'component', 'web-ui', '--to-version', 'v1.2.0'], sys.meta);
    const before = linkSafeFingerprint(sys.meta);
    const dry = await storeMeta(['rollback', 'store', 'web-ui', hash, '--dry-run'], sys.meta);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('would roll back 1 component');
    const json = await storeMeta(['--dry-run', '--json', 'rollback', 'store', 'web-ui', hash.slice(0, 16)], sys.meta);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, mode: 'store', dryRun: true, snapshot: null, store: { hash, restored: 'commit' }, changes: [{ component: 'web-ui' }] });
    expect(linkSafeFingerprint(sys.meta)).toEqual(before);
  });

  it('reports a corrupted entry: verify exits 1, rollback store is refused with exit 2 and changes nothing', async () => {
    const sys = sample();
    const added = JSON.parse((await storeMeta(['store', 'add', 'web-ui', '--json'], sys.meta)).stdout) as { entry: Entry; path: string };
    writeFileSync(join(sys.meta, added.path, 'VERSION'), 'tampered\n');
    const verify = await storeMeta(['store', 'verify'], sys.meta);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(/^corrupt\s+[0-9a-f]{12}\s+web-ui\s+2$/m);
    expect(verify.stdout).toContain('1 of 1 entries not ok');
    const verifyJson = await storeMeta(['store', 'verify', added.entry.content_hash.slice(0, 8), '--json'], sys.meta);
    expect(verifyJson.code).toBe(1);
    expect(JSON.parse(verifyJson.stdout)).toMatchObject({ ok: false, entries: [{ status: 'corrupt', component: 'web-ui' }] });

    const before = linkSafeFingerprint(sys.meta);
    const run = await storeMeta(['rollback', 'store', 'web-ui', added.entry.content_hash.slice(0, 8)], sys.meta);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: HASH: \.meta-store\/[0-9a-f]{2}\/[0-9a-f]{64}: corrupt: its files hash to [0-9a-f]{64}, not [0-9a-f]{64}; nothing was changed\n$/);
    expect(linkSafeFingerprint(sys.meta)).toEqual(before);
  });

  it.each([
    ['an ambiguous prefix', ['rollback', 'store', 'web-ui', 'aaaaaaaa'], /^error: HASH: "aaaaaaaa" is ambiguous \(matches aaaaaaaa10000000, aaaaaaaa20000000\); give more digits\n$/],
    ['a prefix matching nothing', ['rollback', 'store', 'web-ui', '12345678'], /^error: HASH: no entry in \.meta-store matches "12345678"\n$/],
    ['a short prefix', ['rollback', 'store', 'web-ui', 'aaaa'], /^error: HASH: not a store hash \("aaaa"; expected 8 to 64 lowercase hex digits\)\n$/],
    ['a missing HASH', ['rollback', 'store', 'web-ui'], /^error: missing required argument 'hash'\n$/],
    ['an entry of another component', ['rollback', 'store', 'agent-core', 'aaaaaaaa1'], /^error: HASH: \.meta-store\/aa\/aaaaaaaa10+ belongs to "web-ui", not "agent-core"\n$/],
    ['an unknown component', ['rollback', 'store', 'nope', 'aaaaaaaa1'], /^error: NAME: unknown component "nope"/],
    ['a bad verify HASH', ['store', 'verify', 'zzzzzzzz'], /^error: HASH: not a store hash/],
    ['a bad --store-branch', ['store', 'list', '--store-branch', '--upload-pack=x'], /^error: --store-branch: invalid ref name "--upload-pack=x": starts with '-'\n$/],
  ])('refuses %s with exit 2', async (_name, args, message) => {
    const sys = sample();
    writeEntry(sys.meta, `aaaaaaaa1${'0'.repeat(55)}`, { VERSION: 'x\n' }, { component: 'web-ui' });
    writeEntry(sys.meta, `aaaaaaaa2${'0'.repeat(55)}`, { VERSION: 'y\n' }, { component: 'web-ui' });
    const before = linkSafeFingerprint(sys.meta);
    const run = await storeMeta(args, sys.meta);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(linkSafeFingerprint(sys.meta)).toEqual(before);
  });

  it('takes --root from anywhere, like every other command', async () => {
    const sys = sample();
    await storeMeta(['store', 'add', 'web-ui', '--root', sys.meta], tempDir());
    const run = await storeMeta(['store', 'list', '--json', '--root', sys.meta], tempDir());
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { entries: Entry[] }).entries).toHaveLength(1);
  });
});

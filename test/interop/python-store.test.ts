import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PythonDirHasher, pythonExcludes, pythonJsonString } from '../../src/core/store/python-hash.js';
import { meta } from '../helpers/cli.js';
import { fingerprint, gitOut, read, sampleFactory, tempDir } from '../helpers/workspace.js';
import { journalEntries } from '../helpers/journal.js';
import { PY_BUILD_OUTPUT_FILES, PY_BUILD_OUTPUT_HASH, PY_FILE_OUTPUT_HASH, pyBuildOutput, pyInputsHash, writePyStoreEntry } from './python-files.js';

const sample = sampleFactory();

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const dirent of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${dirent.name}` : dirent.name;
    if (dirent.isDirectory()) out.push(...listFiles(join(dir, dirent.name), rel));
    else out.push(rel);
  }
  return out.sort();
}

/** A meta-repo holding two entries made by the Python CLI: web-ui's build directory (with .git) and a tarball. */
function withPythonEntries(options: { storeDir?: string } = {}) {
  const sys = sample();
  const source = pyBuildOutput(join(tempDir('py-build-'), 'build', 'web-ui'));
  const dirHash = pyInputsHash('web-ui', 'v1.2.0', 'service', ['agent-core']);
  const dirEntry = writePyStoreEntry(sys.meta, { hash: dirHash, component: 'web-ui', source, sourcePath: 'build/web-ui', outputHash: PY_BUILD_OUTPUT_HASH, storeDir: options.storeDir });
  const tarball = join(tempDir('py-dist-'), 'web-ui.tar.gz');
  writeFileSync(tarball, 'tarball bytes\n');
  const fileHash = pyInputsHash('scraper-capabilities', 'v1.2.0', 'service', ['agent-core']);
  const fileEntry = writePyStoreEntry(sys.meta, { hash: fileHash, component: 'scraper-capabilities', source: tarball, sourcePath: 'dist/web-ui.tar.gz', outputHash: PY_FILE_OUTPUT_HASH, storeDir: options.storeDir });
  return { sys, dirEntry, fileEntry };
}

describe("the Python CLI's output hash", () => {
  it('writes JSON strings as json.dumps does with ensure_ascii (values checked against Python)', () => {
    expect(pythonJsonString('\u{1F600}\u00e9\u007f"\\\n\t\u0001')).toBe('"\\ud83d\\ude00\\u00e9\\u007f\\"\\\\\\n\\t\\u0001"');
  });

  it("hashes an empty directory as sha256('[]') and orders paths by their names, not their text", () => {
    expect(new PythonDirHasher().digest()).toBe('4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945');
    const hasher = new PythonDirHasher();
    // Added in text order; Python puts a/b.txt before a-b.txt.
    for (const [path, data] of [['VERSION', 'v0.9.0\n'], ['a-b.txt', 'dash\n'], ['a/b.txt', 'slash\n'], ['caf\u00e9.txt', 'unicode\n'], ['src/app.txt', 'web-ui build 0.9\n']] as const) {
      hasher.add(path, Buffer.from(data));
    }
    expect(hasher.digest()).toBe(PY_BUILD_OUTPUT_HASH);
  });

  it('skips any path containing an excluded name, counting the source path it was given', () => {
    const skip = pythonExcludes('build/web-ui');
    expect(['.git/HEAD', '.gitignore', '.github/x', 'a/node_modules/b', 'x/__pycache__/y.pyc', '.meta-cache/z'].map(skip)).toEqual([true, true, true, true, true, true]);
    expect(['src/app.txt', 'gitlab.txt'].map(skip)).toEqual([false, false]);
    // Python tests the whole path as given to --source, so a source under .github hashes as empty.
    expect(pythonExcludes('./.github/out/')('src/app.txt')).toBe(true);
  });
});

describe('store entries made by the Python CLI', () => {
  it('are verified by their output_hash: a directory copied with its .git, and a single file', async () => {
    const { sys, dirEntry, fileEntry } = withPythonEntries();
    const before = fingerprint(sys.meta);
    const verify = await meta(['store', 'verify', '--json'], sys.meta);
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);
    const entries = JSON.parse(verify.stdout).entries as Array<{ content_hash: string; status: string; files: number }>;
    expect(entries.map((e) => [e.content_hash, e.status, e.files]).sort()).toEqual(
      [
        [dirEntry.hash, 'ok', PY_BUILD_OUTPUT_FILES.length],
        [fileEntry.hash, 'ok', 1],
      ].sort(),
    );
    expect(fingerprint(sys.meta)).toEqual(before);

    const list = await meta(['store', 'list', '--json', '-c', 'web-ui'], sys.meta);
    expect(JSON.parse(list.stdout).entries).toEqual([
      expect.objectContaining({ content_hash: dirEntry.hash, component: 'web-ui', commit: null, output_hash: PY_BUILD_OUTPUT_HASH, source_path: 'build/web-ui', origin: 'python' }),
    ]);
  });

  it('are offered by rollback list and restored into components/NAME: the covered files, never their .git', async () => {
    const { sys, dirEntry, fileEntry } = withPythonEntries();
    // Without checkouts, as in a CI job: the entry's files become components/NAME.
    for (const name of ['web-ui', 'scraper-capabilities']) rmSync(join(sys.meta, 'components', name), { recursive: true, force: true });
    const listed = await meta(['rollback', 'list', '--json', '--component', 'web-ui'], sys.meta);
    expect(JSON.parse(listed.stdout).targets).toContainEqual(expect.objectContaining({ kind: 'store', command: `meta rollback store web-ui ${dirEntry.hash.slice(0, 12)}` }));

    const lockBefore = read(join(sys.meta, 'manifests/components.lock.yaml'));
    const restored = await meta(['rollback', 'store', 'web-ui', dirEntry.hash.slice(0, 12)], sys.meta);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const dir = join(sys.meta, 'components/web-ui');
    expect(listFiles(dir)).toEqual(PY_BUILD_OUTPUT_FILES);
    expect(read(join(dir, 'a/b.txt'))).toBe('slash\n');
    expect(existsSync(join(dir, '.git'))).toBe(false);
    expect(read(join(sys.meta, 'manifests/components.lock.yaml'))).toBe(lockBefore);
    const journal = journalEntries(sys.meta) as Array<{ mode: string; changes: unknown[] }>;
    expect(journal.at(-1)).toMatchObject({ mode: 'store', changes: [{ component: 'web-ui', to: { version: dirEntry.hash.slice(0, 12), commit: null } }] });

    // The single-file entry lands as that file, under its source's name.
    const file = await meta(['rollback', 'store', 'scraper-capabilities', fileEntry.hash], sys.meta);
    expect(file.code).toBe(0);
    expect(listFiles(join(sys.meta, 'components/scraper-capabilities'))).toEqual(['web-ui.tar.gz']);
    expect(read(join(sys.meta, 'components/scraper-capabilities/web-ui.tar.gz'))).toBe('tarball bytes\n');

    // Restoring it again finds the files in place and changes nothing.
    const again = await meta(['rollback', 'store', 'web-ui', dirEntry.hash.slice(0, 12), '--json'], sys.meta);
    expect(JSON.parse(again.stdout).changes).toEqual([]);
  });

  it("keep a checkout's own .git and HEAD when restored over it, and refuse a checkout with local changes", async () => {
    const { sys, dirEntry } = withPythonEntries();
    const checkout = join(sys.meta, 'components/web-ui');
    const head = gitOut(checkout, ['rev-parse', 'HEAD']);
    writeFileSync(join(checkout, 'VERSION'), 'edited\n');
    const dirty = fingerprint(sys.meta);
    const refused = await meta(['rollback', 'store', 'web-ui', dirEntry.hash], sys.meta);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error: components\/web-ui: has uncommitted changes \(VERSION\)/);
    expect(fingerprint(sys.meta)).toEqual(dirty);

    gitOut(checkout, ['checkout', '--', 'VERSION']);
    const restored = await meta(['rollback', 'store', 'web-ui', dirEntry.hash], sys.meta);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/its \.git is kept/);
    expect(gitOut(checkout, ['rev-parse', 'HEAD'])).toBe(head);
    expect(read(join(checkout, 'VERSION'))).toBe('v0.9.0\n');
    expect(listFiles(checkout).filter((f) => !f.startsWith('.git/'))).toEqual(PY_BUILD_OUTPUT_FILES);
  });

  it('are refused, with nothing changed, when their files no longer match output_hash', async () => {
    const { sys, dirEntry } = withPythonEntries();
    writeFileSync(join(dirEntry.dir, 'src/app.txt'), 'tampered\n');
    const before = fingerprint(sys.meta);
    const verify = await meta(['store', 'verify', dirEntry.hash.slice(0, 10)], sys.meta);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(new RegExp(`corrupt: .*${dirEntry.hash}: corrupt: its files hash to [0-9a-f]{64}, not its output_hash ${PY_BUILD_OUTPUT_HASH}`));
    const restore = await meta(['rollback', 'store', 'web-ui', dirEntry.hash], sys.meta);
    expect(restore.code).toBe(2);
    expect(restore.stderr).toMatch(/^error: HASH: .*not its output_hash .*; nothing was changed\n$/);
    expect(fingerprint(sys.meta)).toEqual(before);
  });

  it('are found in a --store-dir other than .meta-store', async () => {
    const { sys, dirEntry } = withPythonEntries({ storeDir: 'build-store' });
    const list = await meta(['store', 'list', '--store-dir', 'build-store', '--json'], sys.meta);
    expect(JSON.parse(list.stdout).entries.map((e: { content_hash: string }) => e.content_hash)).toContain(dirEntry.hash);
    expect((await meta(['store', 'verify', '--store-dir', 'build-store'], sys.meta)).code).toBe(0);
    const targets = JSON.parse((await meta(['rollback', 'list', '-c', 'web-ui', '--store-dir', 'build-store', '--json'], sys.meta)).stdout).targets;
    expect(targets).toContainEqual(expect.objectContaining({ kind: 'store', command: `meta rollback store web-ui ${dirEntry.hash.slice(0, 12)} --store-dir build-store` }));
    expect((await meta(['rollback', 'list', '--store-dir', '../elsewhere'], sys.meta)).code).toBe(2);
    const outside = await meta(['store', 'list', '--store-dir', '../elsewhere'], sys.meta);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^error: --store-dir: "\.\.\/elsewhere" is outside the meta-repo root/);
  });
});

describe('store entries made by the Python CLI, kept on a branch', () => {
  it('are verified there too, the single-file one included', async () => {
    const { sys, dirEntry, fileEntry } = withPythonEntries();
    // The same layout committed to a branch of the meta-repo, as a workflow keeps its store.
    const holder = tempDir('py-branch-');
    cpSync(join(sys.meta, '.meta-store'), holder, { recursive: true });
    // A nested .git cannot be committed (git refuses the name), so the branch holds the rest.
    rmSync(join(holder, dirEntry.hash.slice(0, 2), dirEntry.hash, '.git'), { recursive: true, force: true });
    gitOut(holder, ['init', '-q', '-b', 'main']);
    gitOut(holder, ['add', '--all']);
    gitOut(holder, ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', 'store']);
    gitOut(sys.meta, ['fetch', '-q', holder, 'main:meta-store']);
    const verify = await meta(['store', 'verify', '--store-branch', 'meta-store', '--json'], sys.meta);
    expect(verify.code).toBe(0);
    expect((JSON.parse(verify.stdout).entries as Array<{ content_hash: string; status: string }>).map((e) => [e.content_hash, e.status]).sort()).toEqual(
      [
        [dirEntry.hash, 'ok'],
        [fileEntry.hash, 'ok'],
      ].sort(),
    );
  });
});

describe('store entries made by this tool, read by the rules of the Python CLI', () => {
  it('carry metadata Python reads (json) and an output_hash equal to what Python computes of the entry', async () => {
    const sys = sample();
    const added = await meta(['store', 'add', 'web-ui', '--json'], sys.meta);
    const entry = JSON.parse(added.stdout) as { path: string; entry: { content_hash: string; output_hash: string } };
    const metadata = JSON.parse(readFileSync(join(sys.meta, `${entry.path}.metadata.json`), 'utf8')) as Record<string, unknown>;
    // query/list print every key; retrieve copies the entry directory to components/NAME.
    expect(metadata).toMatchObject({ content_hash: entry.entry.content_hash, component: 'web-ui' });
    // Python's compute_build_output_hash of this entry's directory (VERSION and src/app.txt of v1.2.0).
    expect(metadata.output_hash).toBe('e6fa061727f48bc64f556713ecb4bfd80f816a32c07a132e70da67114cf68787');
  });
});

import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitFiles } from '../../scripts/lib/sample-system.mjs';
import { meta } from '../helpers/cli.js';
import { startForge } from '../../tools/forge/index.js';
import { fingerprint, gitOut, read, sampleFactory, tempDir } from '../helpers/workspace.js';
import { journalEntries } from '../helpers/journal.js';
import { pyLoad, pyReferenceLock, pySnapshot, pyValidateLock, pyVendoredLock, writeVendoredComponent, type PyPin } from './python-files.js';

const sample = sampleFactory();
const remoteOnly = sampleFactory({ checkouts: [] });
type Sys = ReturnType<typeof sample>;
type PyLock = { generated_at: unknown; environment?: unknown; components: Record<string, Record<string, unknown>> };

function pins(sys: Sys, index: number, commitOf: (c: Sys['components'][number]) => string | undefined = (c) => c.versions[index]!.commit): PyPin[] {
  return sys.components.map((c) => ({ name: c.name, version: c.versions[index]!.tag, commit: commitOf(c), repo: c.dir, dependsOn: c.name === 'agent-core' ? [] : ['agent-core'] }));
}

function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  return after.split('\n').filter((line, i) => line !== a[i]);
}

function lineOf(text: string, component: string, key: string): number {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l === `  ${component}:`);
  return start + 1 + lines.slice(start).findIndex((l) => l.startsWith(`    ${key}:`));
}

const web = (sys: Sys) => sys.components.find((c) => c.name === 'web-ui')!;

describe('locks written by the Python CLI', () => {
  it("take an env whose name has a dot, and what is written stays readable by Python's YAML", async () => {
    const sys = sample();
    const rel = 'manifests/components.lock.eu.prod.yaml';
    const text = pyReferenceLock('eu.prod', pins(sys, 2));
    writeFileSync(join(sys.meta, rel), text);
    const result = await meta(['rollback', 'component', 'web-ui', '-v', 'v1.1.0', '--env', 'eu.prod'], sys.meta);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const after = read(join(sys.meta, rel));
    expect(changedLines(text, after)).toEqual([expect.stringMatching(/^generated_at: '/), '    version: v1.1.0', `    commit: ${web(sys).versions[1]!.commit}`]);
    const loaded = pyLoad(after) as PyLock;
    expect(typeof loaded.generated_at).toBe('string');
    expect(loaded.environment).toBe('eu.prod');
    expect(loaded.components['web-ui']).toMatchObject({ version: 'v1.1.0', commit: web(sys).versions[1]!.commit, build_target: null, environment: 'eu.prod' });
    const journal = journalEntries(sys.meta).at(-1) as { env: string; lock: string };
    expect(journal).toMatchObject({ env: 'eu.prod', lock: rel });
    expect((await meta(['rollback', 'list', '--env', 'eu.prod', '--component', 'web-ui'], sys.meta)).code).toBe(0);
  });

  describe('in vendored mode (versions, no commits)', () => {
    function vendored() {
      const sys = sample();
      const rel = 'manifests/components.lock.prod.yaml';
      const text = pyVendoredLock('prod', pins(sys, 2, () => undefined));
      writeFileSync(join(sys.meta, rel), text);
      rmSync(join(sys.meta, 'components/web-ui'), { recursive: true, force: true });
      writeVendoredComponent(sys.meta, 'web-ui', 'v1.2.0', { VERSION: 'v1.2.0\n', 'src/app.txt': 'web-ui at v1.2.0\n' });
      return { sys, rel, text };
    }

    it('roll back by version, say the vendored files are not changed, and never add a commit', async () => {
      const { sys, rel, text } = vendored();
      const files = () => Object.entries(fingerprint(sys.meta)).filter(([k]) => k.startsWith('file:components/web-ui/'));
      const vendoredBefore = files();
      const result = await meta(['rollback', 'component', 'web-ui', '--to-version', 'v1.1.0', '--env', 'prod', '--json'], sys.meta);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const out = JSON.parse(result.stdout) as { changes: Array<{ to: unknown; checkout: string }>; warnings: string[]; snapshot: string };
      expect(out.changes).toEqual([expect.objectContaining({ component: 'web-ui', to: { version: 'v1.1.0', commit: '' }, checkout: 'absent', lock: 'changed' })]);
      expect(out.warnings).toEqual([expect.stringMatching(/components\.web-ui is vendored .*only its version is set, to v1\.1\.0; the vendored files in components\/web-ui are not changed/)]);
      const after = read(join(sys.meta, rel));
      expect(changedLines(text, after)).toEqual([expect.stringMatching(/^generated_at: '/), '    version: v1.1.0']);
      expect((pyLoad(after) as PyLock).components['web-ui']).not.toHaveProperty('commit');
      expect(files()).toEqual(vendoredBefore);
      const health = await meta(['health', '--all', '--env', 'prod', '--json'], sys.meta);
      expect(health.code).toBe(0);
      expect(JSON.parse(health.stdout).results).toContainEqual(expect.objectContaining({ component: 'agent-core', name: 'lock', ok: true, detail: expect.stringMatching(/^vendored: the lock pins version v1\.2\.0 and no commit/) }));

      // The undo snapshot holds the version alone and puts it back.
      expect(read(join(sys.meta, out.snapshot))).not.toMatch(/commit:/);
      const undo = await meta(['rollback', 'snapshot', '--restore', out.snapshot, '--env', 'prod'], sys.meta);
      expect(undo.code).toBe(0);
      expect((pyLoad(read(join(sys.meta, rel))) as PyLock).components['web-ui']!.version).toBe('v1.2.0');
    });

    it('refuse a commit that has no tag to pin, changing nothing', async () => {
      const { sys } = vendored();
      const untagged = commitFiles(join(sys.meta, 'components/agent-core'), { 'hotfix.txt': 'fix\n' }, 'agent-core: hotfix');
      const before = fingerprint(sys.meta);
      const result = await meta(['rollback', 'component', 'agent-core', '-c', untagged, '--env', 'prod'], sys.meta);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `error: --to-commit: manifests/components.lock.prod.yaml: components.agent-core is vendored (a version, no commit), and ${untagged.slice(0, 12)} has no tag to pin there; give --to-version TAG\n`,
      );
      expect(fingerprint(sys.meta)).toEqual(before);
    });

    it("give a reference lock the tag's commit for each version", async () => {
      const { sys, text } = vendored();
      // Copied into the default lock: from a file that names no env (an env's lock would select that env).
      writeFileSync(join(sys.meta, 'vendored-pins.yaml'), text.replace(/^environment: .*\n/m, ''));
      const result = await meta(['rollback', 'lock', 'vendored-pins.yaml'], sys.meta);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const loaded = pyLoad(read(join(sys.meta, 'manifests/components.lock.yaml'))) as PyLock;
      for (const c of sys.components) expect(loaded.components[c.name]).toMatchObject({ version: 'v1.2.0', commit: c.versions[2]!.commit });
    });
  });

  describe('pinning an annotated tag object (the first ls-remote line)', () => {
    it('are peeled to the commit when rolled back to, with a warning naming the lock line; health passes after', async () => {
      const sys = sample();
      const tagObject = gitOut(web(sys).dir, ['rev-parse', 'refs/tags/v1.1.0']);
      expect(tagObject).not.toBe(web(sys).versions[1]!.commit);
      const staging = pyReferenceLock('staging', pins(sys, 1, (c) => (c.name === 'web-ui' ? tagObject : c.versions[1]!.commit)));
      writeFileSync(join(sys.meta, 'manifests/components.lock.staging.yaml'), staging);
      const result = await meta(['rollback', 'lock', 'manifests/components.lock.staging.yaml', '--env', 'prod', '-c', 'web-ui'], sys.meta);
      expect(result.code).toBe(0);
      const line = lineOf(staging, 'web-ui', 'commit');
      expect(result.stdout).toContain(
        `manifests/components.lock.staging.yaml:${line}: components.web-ui.commit: ${tagObject.slice(0, 12)} is the annotated tag object of v1.1.0, not a commit; using the commit it points at, ${web(sys).versions[1]!.commit.slice(0, 12)}`,
      );
      const prod = pyLoad(read(join(sys.meta, 'manifests/components.lock.prod.yaml'))) as PyLock;
      expect(prod.components['web-ui']!.commit).toBe(web(sys).versions[1]!.commit);
      const health = await meta(['health', '--component', 'web-ui', '--env', 'prod'], sys.meta);
      expect(health.code).toBe(0);
    });

    it('of a component known only by its URL (no checkout, as on a runner) are peeled through the remote\'s tag list', async () => {
      const sys = remoteOnly();
      const forge = await startForge();
      const globalBefore = process.env.GIT_CONFIG_GLOBAL;
      try {
        await forge.createRepo('acme', 'web-ui', { from: web(sys).dir });
        // The CLI's git reads credentials from the user's own config, as on a laptop.
        const config = join(tempDir('meta-gitconfig-'), 'gitconfig');
        writeFileSync(config, `[include]\n\tpath = ${globalBefore}\n[http "${forge.serverUrl}/"]\n\textraheader = ${forge.gitAuthHeader()}\n`);
        process.env.GIT_CONFIG_GLOBAL = config;
        const manifest = join(sys.meta, 'manifests/components.yaml');
        writeFileSync(manifest, read(manifest).split(web(sys).dir).join(forge.cloneUrl('acme', 'web-ui')));
        const tagObject = gitOut(web(sys).dir, ['rev-parse', 'refs/tags/v1.1.0']);
        const staging = pyReferenceLock('staging', pins(sys, 1, (c) => (c.name === 'web-ui' ? tagObject : c.versions[1]!.commit)));
        writeFileSync(join(sys.meta, 'manifests/components.lock.staging.yaml'), staging);
        const result = await meta(['rollback', 'lock', 'manifests/components.lock.staging.yaml', '--env', 'prod', '-c', 'web-ui'], sys.meta);
        // The only line on stderr says that staging's pins are copied into prod's lock, as --env asks.
        expect(result.stderr).toBe('copying the pins of env staging (manifests/components.lock.staging.yaml) into manifests/components.lock.prod.yaml, as --env prod asks\n');
        expect(result.code).toBe(0);
        expect(result.stdout).toContain(`components.web-ui.commit: ${tagObject.slice(0, 12)} is the annotated tag object of v1.1.0, not a commit`);
        expect((pyLoad(read(join(sys.meta, 'manifests/components.lock.prod.yaml'))) as PyLock).components['web-ui']!.commit).toBe(web(sys).versions[1]!.commit);
        expect(forge.requests.filter((r) => r.kind === 'git').length).toBeGreaterThan(0);
      } finally {
        process.env.GIT_CONFIG_GLOBAL = globalBefore;
        await forge.close();
      }
    });

    it('in the current lock pass health at the peeled commit, and are rewritten by rolling back to that lock', async () => {
      const sys = sample();
      const rel = 'manifests/components.lock.prod.yaml';
      const tagObject = gitOut(web(sys).dir, ['rev-parse', 'refs/tags/v1.1.0']);
      writeFileSync(join(sys.meta, rel), pyReferenceLock('prod', pins(sys, 1, (c) => (c.name === 'web-ui' ? tagObject : c.versions[1]!.commit))));
      gitOut(join(sys.meta, 'components/web-ui'), ['checkout', '-q', '--detach', web(sys).versions[1]!.commit]);
      const health = await meta(['health', '--component', 'web-ui', '--env', 'prod', '--json'], sys.meta);
      expect(health.code).toBe(0);
      expect(JSON.parse(health.stdout).results[0].detail).toMatch(/pins the annotated tag object of v1\.1\.0/);
      const fix = await meta(['rollback', 'lock', rel, '--env', 'prod', '--component', 'web-ui'], sys.meta);
      expect(fix.code).toBe(0);
      expect((pyLoad(read(join(sys.meta, rel))) as PyLock).components['web-ui']!.commit).toBe(web(sys).versions[1]!.commit);
    });
  });
});

describe('snapshots', () => {
  it('of detached or branch checkouts (version HEAD or main) restore as a tag at the commit or the short SHA', async () => {
    const sys = sample();
    const core = join(sys.meta, 'components/agent-core');
    const local = commitFiles(core, { 'hotfix.txt': 'fix\n' }, 'agent-core: hotfix');
    writeFileSync(
      join(sys.meta, 'rollback-snapshot.yaml'),
      pySnapshot([
        { name: 'agent-core', version: 'HEAD', commit: local },
        { name: 'web-ui', version: 'main', commit: web(sys).versions[1]!.commit },
      ]),
    );
    const result = await meta(['rollback', 'snapshot', '--restore', 'rollback-snapshot.yaml', '--env', 'prod', '--json'], sys.meta);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { warnings: string[] };
    expect(out.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/components\.agent-core\.version: "HEAD" names where the checkout was .*; using "[0-9a-f]{12}"/),
        expect.stringMatching(/components\.web-ui\.version: "main" names where the checkout was .*; using "v1\.1\.0"/),
      ]),
    );
    const prod = pyLoad(read(join(sys.meta, 'manifests/components.lock.prod.yaml'))) as PyLock;
    expect(prod.components['agent-core']).toMatchObject({ version: local.slice(0, 12), commit: local });
    expect(prod.components['web-ui']).toMatchObject({ version: 'v1.1.0', commit: web(sys).versions[1]!.commit });
  });

  it("made by this tool under the Python CLI's default name are read by Python's YAML", async () => {
    const sys = sample();
    const made = await meta(['rollback', 'snapshot', '--env', 'prod'], sys.meta);
    expect(made.code).toBe(0);
    expect(readdirSync(sys.meta)).toContain('rollback-snapshot.yaml');
    const loaded = pyLoad(read(join(sys.meta, 'rollback-snapshot.yaml'))) as { created_at: unknown; components: Record<string, Record<string, unknown>> };
    expect(typeof loaded.created_at).toBe('string');
    for (const c of sys.components) expect(loaded.components[c.name]).toEqual({ version: 'v1.2.0', commit: c.versions[2]!.commit, repo: c.dir });
    const named = await meta(['rollback', 'snapshot', '-o', 'snaps/today.yaml', '--components', 'web-ui'], sys.meta);
    expect(named.code).toBe(0);
    expect(Object.keys((pyLoad(read(join(sys.meta, 'snaps/today.yaml'))) as { components: object }).components)).toEqual(['web-ui']);
  });
});

describe("the Python CLI's `meta lock validate` gate", () => {
  it('fails after a plain rollback (the manifest still wants the newer version) and passes with --update-manifest', async () => {
    const plain = sample();
    expect(pyValidateLock(read(join(plain.meta, 'manifests/components.yaml')), read(join(plain.meta, 'manifests/components.lock.prod.yaml')))).toEqual([]);
    expect((await meta(['rollback', 'component', 'web-ui', '-v', 'v1.1.0', '--env', 'prod'], plain.meta)).code).toBe(0);
    expect(pyValidateLock(read(join(plain.meta, 'manifests/components.yaml')), read(join(plain.meta, 'manifests/components.lock.prod.yaml')))).toEqual([
      'Version mismatch for web-ui: manifest=v1.2.0, lock=v1.1.0',
    ]);

    const opted = sample();
    const manifestBefore = read(join(opted.meta, 'manifests/components.yaml'));
    const result = await meta(['rollback', 'component', 'web-ui', '-v', 'v1.1.0', '--env', 'prod', '--update-manifest'], opted.meta);
    expect(result.code).toBe(0);
    const manifestAfter = read(join(opted.meta, 'manifests/components.yaml'));
    expect(changedLines(manifestBefore, manifestAfter)).toEqual(['    version: v1.1.0']);
    expect(manifestAfter.split('\n').findIndex((l) => l === '    version: v1.1.0')).toBe(lineOf(manifestBefore, 'web-ui', 'version') - 1);
    expect(pyValidateLock(manifestAfter, read(join(opted.meta, 'manifests/components.lock.prod.yaml')))).toEqual([]);
  });

  it('is left alone by a dry run and by a refused rollback', async () => {
    const sys = sample();
    const before = fingerprint(sys.meta);
    expect((await meta(['rollback', 'component', 'web-ui', '-v', 'v1.1.0', '--env', 'prod', '--update-manifest', '--dry-run'], sys.meta)).code).toBe(0);
    const refused = await meta(['rollback', 'component', 'web-ui', '-v', 'v9.9.9', '--env', 'prod', '--update-manifest'], sys.meta);
    expect(refused.code).toBe(2);
    expect(fingerprint(sys.meta)).toEqual(before);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitFiles, createSampleSystem } from '../../scripts/lib/sample-system.mjs';
import { meta } from '../helpers/cli.js';
import { fingerprint, gitOut, read, tempDir } from '../helpers/workspace.js';
import { pyChangeset, pyChangesetIndex, pyLoad, pyReferenceLock, type PyChangesetRepo } from './python-files.js';

const ID = 'a1b2c3d4';
const PROD = 'manifests/components.lock.prod.yaml';

/**
 * What a Python user's meta-repo holds after `meta git commit --changeset ID` in web-ui and then
 * `meta lock --env prod --changeset ID`: the changeset lists web-ui's commit and the meta-repo
 * itself (named after its directory, `repo: ''`, at the HEAD the new lock was generated on), and
 * the new lock, pinning web-ui's new commit, is committed afterwards.
 */
function pythonChangesetSystem(metaEntry: Partial<PyChangesetRepo> = {}) {
  const sys = createSampleSystem(tempDir('py-changeset-'));
  const web = sys.components.find((c) => c.name === 'web-ui')!;
  const change = commitFiles(web.dir, { 'src/banner.txt': 'new banner\n' }, `web-ui: new banner [changeset:${ID}]`);
  const recorded = gitOut(sys.meta, ['rev-parse', 'HEAD']);
  const lockAtRecorded = read(join(sys.meta, PROD));
  const pins = sys.components.map((c) => ({ name: c.name, version: c.name === 'web-ui' ? 'main' : c.versions[2]!.tag, commit: c.name === 'web-ui' ? change : c.versions[2]!.commit, repo: c.dir }));
  commitFiles(sys.meta, { [PROD]: pyReferenceLock('prod', pins) }, `Update lock file [changeset:${ID}]`);
  const repos: PyChangesetRepo[] = [
    { name: 'web-ui', repo: web.dir, commit: change, branch: 'main', message: `web-ui: new banner [changeset:${ID}]` },
    { name: basename(sys.meta), repo: '', commit: recorded, branch: 'main', message: `Update lock file [changeset:${ID}]`, ...metaEntry },
  ];
  mkdirSync(join(sys.meta, '.meta/changesets'), { recursive: true });
  writeFileSync(join(sys.meta, `.meta/changesets/${ID}.yaml`), pyChangeset(ID, 'New banner and its lock', 'committed', repos));
  writeFileSync(join(sys.meta, '.meta/changesets/index.yaml'), pyChangesetIndex([ID]));
  return { sys, web, change, recorded, lockAtRecorded };
}

describe('changesets written by the Python CLI with `meta lock --changeset`', () => {
  it('are listed (with --limit/-n and --status/-s) and shown, with the lock the meta-repo entry goes back to', async () => {
    const { sys, recorded } = pythonChangesetSystem();
    const list = await meta(['changeset', 'list', '--json'], sys.meta);
    expect(list.stderr).toBe('');
    expect(JSON.parse(list.stdout).changesets).toEqual([expect.objectContaining({ id: ID, status: 'committed', repos: 2, title: 'New banner and its lock' })]);
    expect(JSON.parse((await meta(['changeset', 'list', '-s', 'committed', '-n', '1', '--json'], sys.meta)).stdout).changesets).toHaveLength(1);
    expect(JSON.parse((await meta(['changeset', 'list', '--status', 'open', '--json'], sys.meta)).stdout).changesets).toEqual([]);

    const show = await meta(['changeset', 'show', ID, '--env', 'prod'], sys.meta);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`meta-repo: ${PROD} back to its state at ${recorded.slice(0, 12)}`);
    expect(show.stdout).toMatch(/web-ui {2}\(main at [0-9a-f]{12}\)/);
  });

  it('roll back the component commits and put the lock back, leaving files the Python CLI still reads', async () => {
    const { sys, web, lockAtRecorded } = pythonChangesetSystem();
    const result = await meta(['changeset', 'rollback', ID, '--env', 'prod', '--json'], sys.meta);
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { repos: Array<{ component: string; commits: unknown[] }>; lockRestore: { lock: string; changes: unknown[]; snapshot: string } };
    expect(out.repos.map((r) => r.component)).toEqual(['web-ui']);
    expect(out.lockRestore).toMatchObject({ lock: PROD, changes: [expect.objectContaining({ component: 'web-ui', to: { version: web.versions[2]!.tag, commit: web.versions[2]!.commit } })] });
    const prod = pyLoad(read(join(sys.meta, PROD))) as { components: Record<string, Record<string, unknown>> };
    const before = pyLoad(lockAtRecorded) as typeof prod;
    for (const c of sys.components) expect(prod.components[c.name]).toMatchObject({ version: before.components[c.name]!.version, commit: before.components[c.name]!.commit });
    const checkout = join(sys.meta, 'components/web-ui');
    expect(gitOut(checkout, ['log', '-1', '--format=%B', `meta-rollback/changeset-${ID}`])).toContain(`Reverts-Changeset: ${ID}`);

    // As `load_changeset` and `list_changesets` read them: the index a list of ids, the file a mapping with id and description.
    expect(pyLoad(read(join(sys.meta, '.meta/changesets/index.yaml')))).toEqual({ changesets: [ID] });
    expect(pyLoad(read(join(sys.meta, `.meta/changesets/${ID}.yaml`)))).toMatchObject({ id: ID, description: 'New banner and its lock', status: 'rolled-back' });

    const again = await meta(['changeset', 'rollback', ID, '--env', 'prod'], sys.meta);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/nothing to do: changeset a1b2c3d4 is already rolled back/);
  });

  it('refuse a meta-repo entry whose commit is not in the meta-repo, changing nothing', async () => {
    const { sys } = pythonChangesetSystem({ commit: 'abcdef1234567' });
    const before = fingerprint(sys.meta);
    const result = await meta(['changeset', 'rollback', ID, '--env', 'prod'], sys.meta);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: \.meta\/changesets\/a1b2c3d4\.yaml:\d+: repos\[1\]\.commit: "abcdef1234567" is not a commit of the meta-repo\n$/);
    expect(fingerprint(sys.meta)).toEqual(before);
  });
});

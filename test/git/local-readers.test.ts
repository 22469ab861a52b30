import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fastCleanState, fastHead } from '../../src/git/local/fast-state.js';
import { parseIndexFile } from '../../src/git/local/index-file.js';
import { ObjectLookup } from '../../src/git/local/object-lookup.js';
import { hasCommit, listTags, workingState } from '../../src/git/repo-reader.js';
import { locateGitDirs } from '../../src/git/local/git-dirs.js';
import { readTags } from '../../src/git/local/tag-list.js';
import { gitOut, tempDir } from '../helpers/workspace.js';

/**
 * The in-process readers may only ever answer what git answers, or decline (undefined). Each case
 * builds a real repository in one state and compares with `git status` / `git rev-parse`.
 */

function git(cwd: string, ...args: string[]): string {
  return gitOut(cwd, args);
}

/** A repository with a few commits: files, a subdirectory, an executable and a symlink. */
function makeRepo(): { dir: string; first: string; second: string } {
  const dir = join(tempDir('local-readers-'), 'repo');
  mkdirSync(join(dir, 'src', 'deep'), { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  writeFileSync(join(dir, 'README.md'), 'hello\n');
  writeFileSync(join(dir, 'src', 'a.txt'), 'a\n');
  writeFileSync(join(dir, 'src', 'deep', 'b.txt'), 'b\n'.repeat(1000));
  writeFileSync(join(dir, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
  symlinkSync('README.md', join(dir, 'link'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'first');
  const first = git(dir, 'rev-parse', 'HEAD');
  writeFileSync(join(dir, 'src', 'a.txt'), 'a2\n');
  git(dir, 'commit', '-q', '-am', 'second');
  const second = git(dir, 'rev-parse', 'HEAD');
  return { dir, first, second };
}

/** What git says: HEAD, branch and whether any tracked file differs from HEAD. */
function gitTruth(dir: string): { head: string; branch: string | undefined; clean: boolean } {
  const out = git(dir, 'status', '--porcelain=v2', '--branch', '--untracked-files=no');
  const head = /^# branch\.oid (\S+)$/m.exec(out)![1]!;
  const branchName = /^# branch\.head (\S+)$/m.exec(out)![1]!;
  return { head, branch: branchName === '(detached)' ? undefined : branchName, clean: !/^[12u] /m.test(out) };
}

/**
 * Lets every file's timestamp fall behind the index's, as on any checkout older than a moment.
 * The index is read afresh (zeroed metadata, then a refresh) rather than only refreshed: git compares whole seconds only, so a refresh in the
 * same second would keep the old nanoseconds, which the stricter in-process check then declines.
 */
function settle(dir: string): void {
  const past = new Date(Date.now() - 60_000);
  for (const f of ['README.md', 'src/a.txt', 'src/deep/b.txt', 'run.sh']) utimesSync(join(dir, f), past, past);
  git(dir, 'read-tree', 'HEAD');
  git(dir, 'update-index', '-q', '--refresh');
}

function expectAgreement(dir: string): void {
  const truth = gitTruth(dir);
  const fast = fastCleanState(dir);
  if (fast) {
    expect(truth.clean).toBe(true);
    expect(fast).toEqual({ head: truth.head, branch: truth.branch });
  }
}

describe('in-process checkout readers agree with git', () => {
  let repo: ReturnType<typeof makeRepo>;
  beforeAll(() => {
    repo = makeRepo();
  });

  it('reads a clean checkout on a branch, then detached, without git', () => {
    const { dir } = makeRepoCopy(repo);
    settle(dir);
    expect(fastCleanState(dir)).toEqual({ head: repo.second, branch: 'main' });
    git(dir, 'checkout', '-q', '--detach', repo.first);
    settle(dir);
    expect(fastCleanState(dir)).toEqual({ head: repo.first, branch: undefined });
    expectAgreement(dir);
  });

  it('decides racily-clean files by their content, as git does', () => {
    const { dir } = makeRepoCopy(repo);
    // Files written in the same instant as the index: equal metadata proves nothing.
    const future = new Date(Date.now() + 3_600_000);
    utimesSync(join(dir, 'src', 'a.txt'), future, future);
    git(dir, 'update-index', '--refresh');
    utimesSync(join(dir, '.git', 'index'), future, future);
    expect(fastCleanState(dir)).toEqual({ head: repo.second, branch: 'main' });
    // Same size, same timestamps, other bytes: only the content shows the change.
    const before = statSync(join(dir, 'src', 'a.txt'));
    writeFileSync(join(dir, 'src', 'a.txt'), 'zz\n');
    utimesSync(join(dir, 'src', 'a.txt'), before.atime, before.mtime);
    expect(fastCleanState(dir)).toBeUndefined();
    expect(gitTruth(dir).clean).toBe(false);
  });

  const dirtyStates: Array<[string, (dir: string) => void]> = [
    ['a modified file', (d) => writeFileSync(join(d, 'src', 'a.txt'), 'changed\n')],
    ['a modified file of the same size', (d) => writeFileSync(join(d, 'src', 'a.txt'), 'b2\n')],
    ['a deleted file', (d) => git(d, 'rm', '-q', '--cached', 'README.md')],
    ['a file removed from disk', (d) => writeFileSync(join(d, 'run.sh'), '') ],
    ['a staged change', (d) => { writeFileSync(join(d, 'src', 'a.txt'), 'staged\n'); git(d, 'add', 'src/a.txt'); }],
    ['a staged new file', (d) => { writeFileSync(join(d, 'new.txt'), 'n\n'); git(d, 'add', 'new.txt'); }],
    ['an intent-to-add file', (d) => { writeFileSync(join(d, 'ita.txt'), 'n\n'); git(d, 'add', '-N', 'ita.txt'); }],
    ['an executable bit flipped', (d) => git(d, 'update-index', '--chmod=-x', 'run.sh')],
    ['a symlink retargeted', (d) => { git(d, 'rm', '-q', '--cached', 'link'); symlinkSync('run.sh', join(d, 'link2')); git(d, 'add', 'link2'); }],
    ['an assume-unchanged file', (d) => { git(d, 'update-index', '--assume-unchanged', 'README.md'); writeFileSync(join(d, 'README.md'), 'x\n'); }],
    ['a skip-worktree file', (d) => git(d, 'update-index', '--skip-worktree', 'README.md')],
  ];
  for (const [name, mutate] of dirtyStates) {
    it(`never calls a checkout with ${name} clean`, () => {
      const { dir } = makeRepoCopy(repo);
      settle(dir);
      mutate(dir);
      expect(fastCleanState(dir)).toBeUndefined();
      expectAgreement(dir);
    });
  }

  it('reads index versions 3 and 4 (prefix-compressed paths)', () => {
    for (const version of ['3', '4']) {
      const { dir } = makeRepoCopy(repo);
      settle(dir);
      git(dir, 'update-index', '--index-version', version);
      const parsed = parseIndexFile(readFileSync(join(dir, '.git', 'index')));
      expect(parsed.supported && parsed.entries.map((e) => e.path)).toEqual(['README.md', 'link', 'run.sh', 'src/a.txt', 'src/deep/b.txt']);
      expect(fastCleanState(dir)).toEqual({ head: repo.second, branch: 'main' });
    }
  });

  it('declines a split index and a SHA-256 repository rather than half-reading them', () => {
    const { dir } = makeRepoCopy(repo);
    settle(dir);
    git(dir, 'config', 'core.splitIndex', 'true');
    git(dir, 'update-index', '--split-index');
    expect(readFileSync(join(dir, '.git', 'index')).includes('link')).toBe(true);
    expect(fastCleanState(dir)).toBeUndefined();
    const sha256 = join(tempDir('local-readers-'), 'sha256');
    mkdirSync(sha256);
    git(sha256, 'init', '-q', '--object-format=sha256');
    writeFileSync(join(sha256, 'f'), 'x\n');
    git(sha256, 'add', 'f');
    git(sha256, 'commit', '-q', '-m', 'x');
    expect(fastCleanState(sha256)).toBeUndefined();
    expect(fastHead(sha256)).toBeUndefined();
  });

  it('follows packed refs, linked worktrees and alternates', async () => {
    const { dir } = makeRepoCopy(repo);
    git(dir, 'pack-refs', '--all');
    settle(dir);
    expect(fastCleanState(dir)).toEqual({ head: repo.second, branch: 'main' });

    const worktree = join(tempDir('local-readers-'), 'wt');
    git(dir, 'worktree', 'add', '-q', '--detach', worktree, repo.first);
    settle(worktree);
    expect(fastHead(worktree)).toEqual({ head: repo.first, branch: undefined });
    expect(fastCleanState(worktree)).toEqual({ head: repo.first, branch: undefined });

    const shared = join(tempDir('local-readers-'), 'shared');
    git(dir, 'clone', '-q', '--shared', dir, shared);
    expect(readFileSync(join(shared, '.git', 'objects', 'info', 'alternates'), 'utf8')).toContain('objects');
    expect(new ObjectLookup(join(shared, '.git')).commitTree(repo.first)).toBe(git(dir, 'rev-parse', `${repo.first}^{tree}`));
    expect(await hasCommit(shared, repo.first)).toBe(true);
  });

  it('finds commits loose and packed, and only commits', () => {
    const { dir } = makeRepoCopy(repo);
    const lookup = () => new ObjectLookup(join(dir, '.git'));
    const tree = git(dir, 'rev-parse', `${repo.second}^{tree}`);
    expect(lookup().commitTree(repo.second)).toBe(tree);
    git(dir, 'gc', '-q');
    expect(lookup().commitTree(repo.second)).toBe(tree);
    expect(lookup().commitTree(repo.first)).toBe(git(dir, 'rev-parse', `${repo.first}^{tree}`));
    expect(lookup().commitTree(tree)).toBeUndefined();
    expect(lookup().commitTree(git(dir, 'rev-parse', 'HEAD:README.md'))).toBeUndefined();
    expect(lookup().commitTree('0'.repeat(40))).toBeUndefined();
    expect(lookup().commitTree('not-a-sha')).toBeUndefined();
  });

  it('asks git for everything when META_ROLLBACK_GIT_ONLY=1, with the same answers', async () => {
    const { dir } = makeRepoCopy(repo);
    settle(dir);
    const fast = await workingState(dir);
    process.env.META_ROLLBACK_GIT_ONLY = '1';
    try {
      expect(await workingState(dir)).toEqual(fast);
      expect(await hasCommit(dir, repo.first)).toBe(true);
    } finally {
      delete process.env.META_ROLLBACK_GIT_ONLY;
    }
  });
});

function makeRepoCopy(source: { dir: string }): { dir: string } {
  const dir = join(tempDir('local-readers-'), 'copy');
  git(source.dir, 'clone', '-q', '--no-local', source.dir, dir);
  git(dir, 'checkout', '-q', '-B', 'main', 'origin/main');
  return { dir };
}

describe('in-process tag listing agrees with git for-each-ref', () => {
  function gitTags(dir: string): Array<{ name: string; commit: string; date?: string }> {
    const out = git(dir, 'for-each-ref', '--sort=-creatordate', '--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)%00%(creatordate:iso-strict)', 'refs/tags');
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [name = '', object = '', peeled = '', date = ''] = line.split('\0');
        return { name, commit: peeled || object, date: date || undefined };
      });
  }

  function tagAt(dir: string, args: string[], when: string): void {
    execFileSync('git', ['tag', ...args], { cwd: dir, env: { ...process.env, GIT_COMMITTER_DATE: when } });
  }

  it('lists lightweight, annotated, packed, loose and slashed tags with their dates, newest first', () => {
    const { dir, first, second } = makeRepo();
    tagAt(dir, ['v1.0.0', first], '1700000000 +0000');
    tagAt(dir, ['-a', '-m', 'release', 'v1.1.0', first], '1700000100 -0130');
    tagAt(dir, ['-a', '-m', 'release', 'release/2.0', second], '1700000200 +0545');
    git(dir, 'pack-refs', '--all');
    tagAt(dir, ['-a', '-m', 'late', 'v2.1.0', second], '1800000000 +0100');
    tagAt(dir, ['light', second], '1700000300 +0000');
    const expected = gitTags(dir);
    expect(expected.length).toBe(5);
    expect(listTagsFast(dir)).toEqual(expected);
    git(dir, 'gc', '-q');
    expect(listTagsFast(dir)).toEqual(gitTags(dir));
  });

  it('peels a tag of a tag to its commit, and declines a tag of a tree', async () => {
    const { dir, second } = makeRepo();
    tagAt(dir, ['-a', '-m', 'inner', 'inner', second], '1700000000 +0000');
    tagAt(dir, ['-a', '-m', 'outer', 'outer', 'inner'], '1700000100 +0000');
    expect(listTagsFast(dir)?.find((t) => t.name === 'outer')?.commit).toBe(second);
    tagAt(dir, ['tree-tag', `${second}^{tree}`], '1700000200 +0000');
    expect(listTagsFast(dir)).toBeUndefined();
    // listTags then asks git, and still answers.
    expect((await listTags(dir)).map((t) => t.name).sort()).toEqual(['inner', 'outer', 'tree-tag']);
  });

  it('reads a bare repository too', () => {
    const { dir } = makeRepo();
    tagAt(dir, ['-a', '-m', 'r', 'v9', 'HEAD'], '1700000000 +0000');
    const bare = join(tempDir('local-readers-'), 'bare.git');
    git(dir, 'clone', '-q', '--bare', dir, bare);
    expect(listTagsFast(bare)).toEqual(gitTags(bare));
  });
});

function listTagsFast(dir: string): ReturnType<typeof readTags> {
  const dirs = locateGitDirs(dir);
  return dirs && readTags(dirs);
}

import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, gitOut } from '../helpers/workspace.js';
import { CS1_YAML, DEPENDENTS_FIRST, INDEX_YAML, NAMES, bareOrigins, changesetSystem, checkoutOf, metaCs, repoState, tryGitOut } from './fixture.js';
import { journalEntries } from '../helpers/journal.js';

const BRANCH = 'meta-rollback/changeset-CS-1';

interface RepoOut {
  component: string;
  branch: string;
  base: string;
  revertBranch: string;
  newTip: string | null;
  cloned: boolean;
  pushed: boolean;
  commits: Array<{ commit: string; subject: string; revert: string | null }>;
}

describe('meta changeset rollback', () => {
  it('finds the commits by message and reverts them in every repository, dependents first, newest first', async () => {
    const sys = changesetSystem();
    const heads = Object.fromEntries(NAMES.map((n) => [n, gitOut(checkoutOf(sys, n), ['rev-parse', 'HEAD'])]));
    const statuses = Object.fromEntries(NAMES.map((n) => [n, gitOut(checkoutOf(sys, n), ['status', '--porcelain'])]));
    const run = await metaCs(['changeset', 'rollback', 'CS-1', '--json'], sys.meta);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { ok: boolean; status: string; previousStatus: string; repos: RepoOut[]; changes: unknown[]; historyEntry: unknown };
    expect(result.ok).toBe(true);
    expect(result.previousStatus).toBe('open');
    expect(result.status).toBe('rolled-back');

    // Reverse dependency order, in the result and in the order the work was done.
    expect(result.repos.map((r) => r.component)).toEqual(DEPENDENTS_FIRST);
    const progress = run.stderr.split('\n').filter((l) => l.includes('reverting'));
    expect(progress.map((l) => l.split(':')[0])).toEqual(DEPENDENTS_FIRST);

    for (const name of NAMES) {
      const checkout = checkoutOf(sys, name);
      const repo = result.repos.find((r) => r.component === name)!;
      expect(repo).toMatchObject({ branch: 'main', base: sys.tipOf[name], revertBranch: BRANCH, cloned: false, pushed: false });
      // The branch holds the reverts: its tree is the tree from before the changeset.
      expect(gitOut(checkout, ['rev-parse', `${BRANCH}^{tree}`])).toBe(sys.treeBeforeCs1[name]);
      expect(gitOut(checkout, ['rev-parse', BRANCH])).toBe(repo.newTip);
      // Newest first within a repository.
      expect(repo.commits.map((c) => c.commit)).toEqual([...sys.cs1[name]!].reverse());
      const messages = gitOut(checkout, ['log', '--format=%B%x00', `${sys.tipOf[name]}..${BRANCH}`]).split('\0').map((m) => m.trim()).filter(Boolean);
      expect(messages).toHaveLength(sys.cs1[name]!.length);
      for (const message of messages) {
        expect(message.split('\n').at(-1)).toBe('Reverts-Changeset: CS-1');
        expect(message).not.toContain('[changeset:CS-1]');
        expect(message).toMatch(/^Revert "/);
      }
      // The user's checkout did not move: same HEAD (detached), same files, no scratch worktree left.
      expect(gitOut(checkout, ['rev-parse', 'HEAD'])).toBe(heads[name]);
      expect(tryGitOut(checkout, ['symbolic-ref', '-q', 'HEAD'])).toBeUndefined();
      expect(gitOut(checkout, ['status', '--porcelain'])).toBe(statuses[name]);
      expect(gitOut(checkout, ['worktree', 'list']).split('\n')).toHaveLength(1);
    }
    const web = result.repos.find((r) => r.component === 'web-ui')!;
    expect(gitOut(checkoutOf(sys, 'web-ui'), ['log', '--format=%s', `${sys.tipOf['web-ui']}..${BRANCH}`]).split('\n')).toEqual([
      'Revert "web-ui: v2 feature"',
      'Revert "web-ui: polish the feature"',
    ]);
    expect(web.commits[0]!.revert).not.toBeNull();

    // Only the status scalar changed, in the changeset file and in the index.
    const file = readFileSync(join(sys.meta, '.meta/changesets/CS-1.yaml'), 'utf8');
    expect(file).toBe(CS1_YAML.replace('status: open   #', 'status: rolled-back   #'));
    const index = readFileSync(join(sys.meta, '.meta/changesets/index.yaml'), 'utf8');
    expect(index).toBe(INDEX_YAML.replace('CS-1: {status: open,', 'CS-1: {status: rolled-back,'));

    // One journal entry.
    const journal = journalEntries(sys.meta);
    expect(journal).toHaveLength(1);
    const line = journal[0] as { changes: unknown };
    expect(Object.keys(line).sort()).toEqual(['actor', 'at', 'changes', 'env', 'lock', 'mode', 'snapshot']);
    expect(line).toMatchObject({ mode: 'changeset', lock: '.meta/changesets/CS-1.yaml', snapshot: null, env: null });
    expect(line.changes).toEqual(
      result.repos.map((r) => ({ component: r.component, from: { version: 'main', commit: r.base }, to: { version: BRANCH, commit: r.newTip } })),
    );
    expect(result.changes).toEqual(line.changes);
  });

  it('is a no-op the second time', async () => {
    const sys = changesetSystem();
    expect((await metaCs(['changeset', 'rollback', 'CS-1'], sys.meta)).code).toBe(0);
    const before = fingerprint(sys.meta);
    const state = repoState(sys);
    const again = await metaCs(['changeset', 'rollback', 'CS-1'], sys.meta);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^nothing to do: changeset CS-1 is already rolled back/);
    expect(fingerprint(sys.meta)).toEqual(before);
    expect(repoState(sys)).toEqual(state);
    const json = JSON.parse((await metaCs(['changeset', 'rollback', 'CS-1', '--json'], sys.meta)).stdout);
    expect(json).toMatchObject({ ok: true, nothingToDo: true, status: 'rolled-back', repos: [], changes: [] });
  });

  it('reverts exactly the commits a changeset file lists (abbreviated SHAs too), and leaves others alone', async () => {
    const sys = changesetSystem();
    const run = await metaCs(['changeset', 'rollback', 'CS-2'], sys.meta);
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('reverted changeset CS-2 in 2 repositories');
    expect(run.stdout.indexOf('  web-ui:')).toBeLessThan(run.stdout.indexOf('  agent-core:'));
    const web = checkoutOf(sys, 'web-ui');
    const branch = 'meta-rollback/changeset-CS-2';
    expect(gitOut(web, ['diff', '--name-only', sys.tipOf['web-ui']!, branch])).toBe('docs/notes.txt');
    expect(tryGitOut(web, ['cat-file', '-e', `${branch}:docs/notes.txt`])).toBeUndefined();
    expect(gitOut(web, ['log', '--format=%s', `${sys.tipOf['web-ui']}..${branch}`]).split('\n')).toEqual([
      'Revert "web-ui: operator notes"',
      'Revert "web-ui: more operator notes"',
    ]);
    const core = checkoutOf(sys, 'agent-core');
    expect(gitOut(core, ['diff', '--name-only', sys.tipOf['agent-core']!, branch])).toBe('docs/core-notes.txt');
    expect(tryGitOut(checkoutOf(sys, 'scraper-capabilities'), ['rev-parse', '--verify', '-q', branch])).toBeUndefined();
    // The Python CLI's file: sorted keys, `status: committed`; only the status changes.
    const file = readFileSync(join(sys.meta, '.meta/changesets/CS-2.yaml'), 'utf8');
    expect(file).toContain('status: rolled-back\ntimestamp:');
    const index = readFileSync(join(sys.meta, '.meta/changesets/index.yaml'), 'utf8');
    expect(index).toBe(INDEX_YAML.replace('status: committed   # merged', 'status: rolled-back   # merged'));
  });

  it('changes nothing anywhere when a revert conflicts, and names the repository and paths', async () => {
    const sys = changesetSystem();
    // One checkout absent: it would be cloned, and must not be left behind.
    rmSync(checkoutOf(sys, 'scraper-capabilities'), { recursive: true, force: true });
    const before = fingerprint(sys.meta);
    const state = repoState(sys);
    const run = await metaCs(['changeset', 'rollback', 'CS-3'], sys.meta);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n').at(-1)).toBe(`error: changeset CS-3: revert of ${sys.cs3['web-ui']![0]!.slice(0, 12)} conflicts in web-ui: src/app.txt`);
    expect(fingerprint(sys.meta)).toEqual(before);
    expect(repoState(sys)).toEqual(state);
    expect(existsSync(checkoutOf(sys, 'scraper-capabilities'))).toBe(false);
    for (const name of ['web-ui', 'agent-core']) {
      expect(gitOut(checkoutOf(sys, name), ['worktree', 'list']).split('\n')).toHaveLength(1);
      expect(tryGitOut(checkoutOf(sys, name), ['rev-parse', '--verify', '-q', 'meta-rollback/changeset-CS-3'])).toBeUndefined();
    }
    expect(journalEntries(sys.meta)).toEqual([]);
  });

  it('clones a missing checkout first, from the manifest repo', async () => {
    const sys = changesetSystem();
    rmSync(checkoutOf(sys, 'agent-core'), { recursive: true, force: true });
    const run = await metaCs(['changeset', 'rollback', 'CS-1', '--json'], sys.meta);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { repos: RepoOut[] };
    expect(result.repos.find((r) => r.component === 'agent-core')!.cloned).toBe(true);
    const core = checkoutOf(sys, 'agent-core');
    expect(gitOut(core, ['rev-parse', `${BRANCH}^{tree}`])).toBe(sys.treeBeforeCs1['agent-core']);
    expect(gitOut(core, ['worktree', 'list']).split('\n')).toHaveLength(1);
    expect(gitOut(core, ['status', '--porcelain'])).toBe('');
  });

  it('--dry-run lists the commits per repository in order and changes nothing', async () => {
    const sys = changesetSystem();
    rmSync(checkoutOf(sys, 'web-ui'), { recursive: true, force: true });
    const before = fingerprint(sys.meta);
    const state = repoState(sys);
    const text = await metaCs(['changeset', 'rollback', 'CS-1', '--dry-run'], sys.meta);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('would revert changeset CS-1 in 3 repositories');
    expect(text.stdout).toContain('(dry run: nothing changed)');
    const lines = text.stdout.split('\n');
    const reverts = lines.filter((l) => l.trim().startsWith('revert ')).map((l) => l.trim().split(/\s+/)[1]);
    expect(reverts).toEqual(DEPENDENTS_FIRST.flatMap((n) => [...sys.cs1[n]!].reverse().map((c) => c.slice(0, 12))));
    expect(text.stdout).toContain('(would clone the checkout)');
    const json = await metaCs(['changeset', 'rollback', 'CS-1', '--dry-run', '--json'], sys.meta);
    const result = JSON.parse(json.stdout) as { dryRun: boolean; status: string; repos: RepoOut[]; historyEntry: unknown };
    expect(result).toMatchObject({ dryRun: true, status: 'open', historyEntry: null });
    expect(result.repos.map((r) => r.component)).toEqual(DEPENDENTS_FIRST);
    expect(result.repos.every((r) => r.newTip === null)).toBe(true);
    expect(fingerprint(sys.meta)).toEqual(before);
    expect(repoState(sys)).toEqual(state);
  });

  it('--push pushes every revert branch to its origin', async () => {
    const sys = changesetSystem();
    const bare = bareOrigins(sys);
    const run = await metaCs(['changeset', 'rollback', 'CS-1', '--push', '--json'], sys.meta);
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { pushed: boolean; repos: RepoOut[] };
    expect(result.pushed).toBe(true);
    for (const repo of result.repos) {
      expect(repo.pushed).toBe(true);
      expect(gitOut(bare[repo.component]!, ['rev-parse', `refs/heads/${BRANCH}`])).toBe(repo.newTip);
    }
  });

  it('--push that fails in the third repository deletes the branches pushed to the first two and changes nothing', async () => {
    const sys = changesetSystem();
    const bare = bareOrigins(sys, { refuse: DEPENDENTS_FIRST[2] });
    const bareRefs = Object.fromEntries(NAMES.map((n) => [n, gitOut(bare[n]!, ['for-each-ref', '--format=%(refname) %(objectname)'])]));
    const before = fingerprint(sys.meta);
    const state = repoState(sys);
    const run = await metaCs(['changeset', 'rollback', 'CS-1', '--push'], sys.meta);
    expect(run.code).toBe(1);
    const error = run.stderr.trim().split('\n').at(-1)!;
    expect(error).toMatch(/^error: changeset CS-1: push of meta-rollback\/changeset-CS-1 to agent-core failed: .*deleted it again from web-ui, scraper-capabilities$/);
    for (const name of NAMES) {
      expect(gitOut(bare[name]!, ['for-each-ref', '--format=%(refname) %(objectname)'])).toBe(bareRefs[name]);
      expect(tryGitOut(checkoutOf(sys, name), ['rev-parse', '--verify', '-q', BRANCH])).toBeUndefined();
    }
    expect(fingerprint(sys.meta)).toEqual(before);
    expect(repoState(sys)).toEqual(state);
  });

  it('refuses an id that could leave .meta/changesets, and an unknown one', async () => {
    const sys = changesetSystem();
    const before = fingerprint(sys.meta);
    for (const args of [
      ['changeset', 'rollback', '../x'],
      ['changeset', 'show', '../x'],
      ['changeset', 'rollback', 'a/b'],
      ['changeset', 'rollback', '-x'],
      ['changeset', 'rollback', 'index'],
    ]) {
      const run = await metaCs(args, sys.meta);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^error: /);
    }
    const bad = await metaCs(['changeset', 'rollback', '../x'], sys.meta);
    expect(bad.stderr).toBe('error: ID: invalid changeset id "../x" (letters, digits, \'.\', \'_\' and \'-\', starting with a letter or digit, at most 100 characters)\n');
    const unknown = await metaCs(['changeset', 'rollback', 'CS-404'], sys.meta);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('error: changeset CS-404: no such changeset (.meta/changesets/CS-404.yaml does not exist)\n');
    expect(fingerprint(sys.meta)).toEqual(before);
  });
});

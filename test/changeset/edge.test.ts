import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitFiles, git } from '../../scripts/lib/sample-system.mjs';
import { applyChangesetRollback, pushChangesetBranches } from '../../src/core/changeset/apply.js';
import { planChangesetRollback } from '../../src/core/changeset/plan.js';
import { makeContext } from '../../src/core/context.js';
import { fingerprint, gitOut } from '../helpers/workspace.js';
import { CS1_YAML, DEPENDENTS_FIRST, bareOrigins, changesetSystem, checkoutOf, metaCs, repoState, tryGitOut } from './fixture.js';

const BRANCH = 'meta-rollback/changeset-CS-1';

describe('changeset rollback: API and edge cases', () => {
  it('plans, applies and pushes in separate steps (as the action does)', async () => {
    const sys = changesetSystem();
    const bare = bareOrigins(sys);
    const ctx = makeContext({ root: sys.meta });
    const plan = await planChangesetRollback(ctx, 'CS-1');
    expect(plan.nothingToDo).toBe(false);
    expect(plan.repos.map((r) => [r.component, r.commits.length, r.branch])).toEqual([
      ['web-ui', 2, 'main'],
      ['scraper-capabilities', 1, 'main'],
      ['agent-core', 1, 'main'],
    ]);
    const result = await applyChangesetRollback(ctx, plan);
    expect(result.pushed).toBe(false);
    for (const name of DEPENDENTS_FIRST) expect(tryGitOut(bare[name]!, ['rev-parse', '--verify', '-q', `refs/heads/${BRANCH}`])).toBeUndefined();
    const pushed = await pushChangesetBranches(ctx, result);
    expect(pushed.pushed).toBe(true);
    for (const repo of pushed.repos) {
      expect(repo.pushed).toBe(true);
      expect(gitOut(bare[repo.component]!, ['rev-parse', `refs/heads/${BRANCH}`])).toBe(repo.newTip);
    }
    // Pushing again is harmless: the remote already has exactly these branches.
    await expect(pushChangesetBranches(ctx, result)).resolves.toMatchObject({ pushed: true });
  });

  it('does nothing when the reverts are already on the branch, even if the status was reset', async () => {
    const sys = changesetSystem();
    expect((await metaCs(['changeset', 'rollback', 'CS-1'], sys.meta)).code).toBe(0);
    // The revert pull requests are merged: each main fast-forwards to the revert branch.
    for (const name of DEPENDENTS_FIRST) {
      git(sys.repoOf[name]!, ['fetch', '--quiet', checkoutOf(sys, name), BRANCH]);
      git(sys.repoOf[name]!, ['merge', '--quiet', '--ff-only', 'FETCH_HEAD']);
    }
    writeFileSync(join(sys.meta, '.meta/changesets/CS-1.yaml'), CS1_YAML);
    const before = fingerprint(sys.meta);
    const run = await metaCs(['changeset', 'rollback', 'CS-1', '--json'], sys.meta);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ nothingToDo: true, status: 'open', repos: [] });
    expect(result.reason).toMatch(/already reverted/);
    expect(fingerprint(sys.meta)).toEqual(before);
  });

  it('reverts a merge commit as a whole, not the commits it brought in as well', async () => {
    const sys = changesetSystem();
    const web = sys.repoOf['web-ui']!;
    const tree = gitOut(web, ['rev-parse', 'HEAD^{tree}']);
    git(web, ['checkout', '--quiet', '-b', 'feature']);
    commitFiles(web, { 'src/m1.txt': 'one\n' }, 'web-ui: part one [changeset:CS-M]');
    commitFiles(web, { 'src/m1.txt': 'one\ntwo\n' }, 'web-ui: part two [changeset:CS-M]');
    git(web, ['checkout', '--quiet', 'main']);
    commitFiles(web, { 'src/unrelated.txt': 'x\n' }, 'web-ui: meanwhile on main');
    const treeAfterMeanwhile = gitOut(web, ['rev-parse', 'HEAD^{tree}']);
    git(web, ['merge', '--quiet', '--no-ff', '-m', 'Merge feature [changeset:CS-M]', 'feature']);
    expect(tree).not.toBe(treeAfterMeanwhile);
    writeFileSync(join(sys.meta, '.meta/changesets/CS-M.yaml'), 'id: CS-M\nstatus: open\nrepos:\n  - name: web-ui\n');
    const run = await metaCs(['changeset', 'rollback', 'CS-M', '--json'], sys.meta);
    expect(run.stderr).not.toContain('error');
    const result = JSON.parse(run.stdout);
    expect(result.repos).toHaveLength(1);
    expect(result.repos[0].commits.map((c: { subject: string }) => c.subject)).toEqual(['Merge feature [changeset:CS-M]']);
    expect(gitOut(checkoutOf(sys, 'web-ui'), ['rev-parse', 'meta-rollback/changeset-CS-M^{tree}'])).toBe(treeAfterMeanwhile);
  });

  it('refuses a listed commit that is not on the branch, naming the file, line and field', async () => {
    const sys = changesetSystem();
    const web = sys.repoOf['web-ui']!;
    git(web, ['checkout', '--quiet', '-b', 'side']);
    const side = commitFiles(web, { 'side.txt': 'side\n' }, 'web-ui: side work');
    git(web, ['checkout', '--quiet', 'main']);
    writeFileSync(join(sys.meta, '.meta/changesets/CS-5.yaml'), `id: CS-5\nrepos:\n  - name: web-ui\n    branch: main\n    commit: ${side}\n`);
    const before = fingerprint(sys.meta);
    const state = repoState(sys);
    const run = await metaCs(['changeset', 'rollback', 'CS-5'], sys.meta);
    expect(run.code).toBe(2);
    // The checkout, which holds main's history, does not know the commit at all.
    expect(run.stderr).toBe(`error: .meta/changesets/CS-5.yaml:3: repos[0].commit: ${side} is not a commit of web-ui (looked in main of ${web})\n`);
    expect(fingerprint(sys.meta)).toEqual(before);
    expect(repoState(sys)).toEqual(state);
    // Where the commit is known (the repository itself, with no checkout) it is not on main either.
    rmSync(checkoutOf(sys, 'web-ui'), { recursive: true, force: true });
    const again = await metaCs(['changeset', 'rollback', 'CS-5'], sys.meta);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`error: .meta/changesets/CS-5.yaml:3: repos[0].commit: ${side.slice(0, 12)} is not on branch "main" of web-ui (${web})\n`);
    expect(repoState(sys)['checkout:web-ui']).toBe('absent');
    expect(gitOut(web, ['for-each-ref', '--format=%(refname)', 'refs/heads'])).toBe('refs/heads/main\nrefs/heads/side');
  });

  it('matches an entry by repo when it has no name, and refuses an unknown component', async () => {
    const sys = changesetSystem();
    const core = sys.repoOf['agent-core']!;
    writeFileSync(join(sys.meta, '.meta/changesets/CS-6.yaml'), `id: CS-6\nrepos:\n  - repo: ${core}\n    commit: ${sys.cs1['agent-core']![0]}\n`);
    const run = await metaCs(['changeset', 'rollback', 'CS-6', '--dry-run', '--json'], sys.meta);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).repos.map((r: { component: string }) => r.component)).toEqual(['agent-core']);
    writeFileSync(join(sys.meta, '.meta/changesets/CS-7.yaml'), 'id: CS-7\nrepos:\n  - name: billing\n    commit: abcdef1\n');
    const bad = await metaCs(['changeset', 'rollback', 'CS-7'], sys.meta);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: .meta/changesets/CS-7.yaml:3: repos[0].name: unknown component "billing" (not in manifests/components.yaml)\n');
  });

  it('refuses while the revert branch is checked out, and replaces a stale one otherwise', async () => {
    const sys = changesetSystem();
    const web = checkoutOf(sys, 'web-ui');
    gitOut(web, ['branch', BRANCH, 'HEAD']);
    const stale = gitOut(web, ['rev-parse', BRANCH]);
    gitOut(web, ['checkout', '--quiet', BRANCH]);
    const refused = await metaCs(['changeset', 'rollback', 'CS-1'], sys.meta);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`error: components/web-ui: has ${BRANCH} checked out; switch to another branch first so it can be replaced\n`);
    gitOut(web, ['checkout', '--quiet', '--detach', 'HEAD']);
    const run = await metaCs(['changeset', 'rollback', 'CS-1'], sys.meta);
    expect(run.code).toBe(0);
    expect(gitOut(web, ['rev-parse', BRANCH])).not.toBe(stale);
    expect(gitOut(web, ['rev-parse', `${BRANCH}^{tree}`])).toBe(sys.treeBeforeCs1['web-ui']);
    expect(readFileSync(join(sys.meta, '.meta/changesets/CS-1.yaml'), 'utf8')).toContain('status: rolled-back');
  });

  it('refuses a changeset whose marker is on no commit', async () => {
    const sys = changesetSystem();
    writeFileSync(join(sys.meta, '.meta/changesets/CS-8.yaml'), 'id: CS-8\n');
    const run = await metaCs(['changeset', 'rollback', 'CS-8'], sys.meta);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'error: changeset CS-8: nothing to revert: .meta/changesets/CS-8.yaml lists no commits and no commit in any of the 3 components carries [changeset:CS-8]\n',
    );
  });
});

describe('changeset rollback without a configured git identity', () => {
  it('commits the reverts as the run actor', async () => {
    const sys = changesetSystem();
    const saved = { ...process.env };
    const config = join(sys.base, 'empty.gitconfig');
    writeFileSync(config, '[user]\n\tuseConfigOnly = true\n[protocol "file"]\n\tallow = always\n');
    try {
      process.env.GIT_CONFIG_GLOBAL = config;
      process.env.META_ACTOR = 'incident-bot';
      for (const key of ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL', 'EMAIL']) delete process.env[key];
      const run = await metaCs(['changeset', 'rollback', 'CS-1'], sys.meta);
      expect(run.stderr).not.toContain('error');
      expect(run.code).toBe(0);
      expect(gitOut(checkoutOf(sys, 'agent-core'), ['log', '-1', '--format=%an <%ae> / %cn', BRANCH])).toBe(
        'incident-bot <incident-bot@meta-rollback.invalid> / incident-bot',
      );
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });
});

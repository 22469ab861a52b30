import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitFiles, createSampleSystem, type SampleSystem } from '../../scripts/lib/sample-system.mjs';
import { meta, type CliRun } from '../helpers/cli.js';
import { gitOut, tempDir } from '../helpers/workspace.js';

/** `meta` itself; the changeset tests call it by this name. */
export function metaCs(args: string[], cwd: string): Promise<CliRun> {
  return meta(args, cwd);
}

export const NAMES = ['agent-core', 'scraper-capabilities', 'web-ui'] as const;
/** Dependents before dependencies: scraper-capabilities and web-ui depend on agent-core. */
export const DEPENDENTS_FIRST = ['web-ui', 'scraper-capabilities', 'agent-core'];

export interface ChangesetSystem extends SampleSystem {
  /** Per component: its repository directory. */
  readonly repoOf: Record<string, string>;
  /** Per component: the tree of main just before the CS-1 commits. */
  readonly treeBeforeCs1: Record<string, string>;
  /** Per component: main's tip (after every commit). */
  readonly tipOf: Record<string, string>;
  /** CS-1 commits per component, oldest first. */
  readonly cs1: Record<string, string[]>;
  /** CS-2 commits (listed in its file) per component, oldest first. */
  readonly cs2: Record<string, string[]>;
  readonly cs3: Record<string, string[]>;
}

export const CS1_YAML = `# Cross-repository change: the v2 API and its users.
id: CS-1
title: New API and its users
description: Adds the v2 API to agent-core and moves its users onto it
author: dev@example.invalid
status: open   # open until merged or rolled back
created_at: '2026-11-21T09:00:00Z'
repos: []
metadata: {}
`;

export const INDEX_YAML = `# Changesets of this meta-repo (written by meta changeset)
changesets:
  CS-1: {status: open, title: New API and its users, created_at: '2026-11-21T09:00:00Z'}
  CS-2:
    status: committed   # merged to main
    title: Operator notes
    created_at: '2026-11-21T10:00:00Z'
  CS-3:
    title: App banner
    created_at: '2026-11-21T11:00:00Z'
`;

/**
 * The sample system plus three changesets, committed to each component's main after its history:
 * CS-2 (listed by commit in its file), CS-3 (found by message; its web-ui commit is followed by
 * another change to the same line, so reverting it conflicts), then CS-1 (found by message, two
 * commits in web-ui where the second edits the first's file, so only newest-first applies).
 * The checkouts were cloned before all of these, so their refs do not know the new commits.
 */
export function changesetSystem(): ChangesetSystem {
  const sys = createSampleSystem(tempDir('meta-changeset-'));
  const repoOf: Record<string, string> = {};
  for (const c of sys.components) repoOf[c.name] = c.dir;
  const core = repoOf['agent-core']!;
  const scraper = repoOf['scraper-capabilities']!;
  const web = repoOf['web-ui']!;

  const cs2 = {
    'web-ui': [
      commitFiles(web, { 'docs/notes.txt': 'operator notes\n' }, 'web-ui: operator notes'),
      commitFiles(web, { 'docs/notes.txt': 'operator notes\nmore notes\n' }, 'web-ui: more operator notes'),
    ],
    'agent-core': [commitFiles(core, { 'docs/core-notes.txt': 'core notes\n' }, 'agent-core: operator notes')],
  };
  commitFiles(web, { 'src/other.txt': 'unrelated\n' }, 'web-ui: unrelated change [changeset:CS-10]');
  const cs3 = {
    'web-ui': [commitFiles(web, { 'src/app.txt': 'web-ui banner A\n' }, 'web-ui: banner A [changeset:CS-3]')],
    'scraper-capabilities': [commitFiles(scraper, { 'src/cs3.txt': 'cs3\n' }, 'scraper: cs3 [changeset:CS-3]')],
  };
  commitFiles(web, { 'src/app.txt': 'web-ui banner B\n' }, 'web-ui: banner B');

  const treeBeforeCs1: Record<string, string> = {};
  for (const name of NAMES) treeBeforeCs1[name] = gitOut(repoOf[name]!, ['rev-parse', 'HEAD^{tree}']);
  const cs1 = {
    'agent-core': [commitFiles(core, { 'src/api-v2.txt': 'v2 API\n' }, 'agent-core: v2 API [changeset:CS-1]')],
    'scraper-capabilities': [commitFiles(scraper, { 'src/app.txt': 'scraper on v2\n' }, 'scraper: move to v2 API [changeset:CS-1]')],
    'web-ui': [
      commitFiles(web, { 'src/feature.txt': 'feature v1\n' }, 'web-ui: v2 feature [changeset:CS-1]'),
      commitFiles(web, { 'src/feature.txt': 'feature v2\n' }, 'web-ui: polish the feature\n\nPart of [changeset:CS-1].'),
    ],
  };
  const tipOf: Record<string, string> = {};
  for (const name of NAMES) tipOf[name] = gitOut(repoOf[name]!, ['rev-parse', 'HEAD']);

  const cs2Yaml = [
    'author: dev',
    'description: Operator notes',
    'id: CS-2',
    'metadata: {}',
    'repos:',
    ...cs2['web-ui'].map((sha, i) => [`- branch: main`, `  commit: ${sha}`, `  message: 'web-ui: notes ${i}'`, `  name: web-ui`, `  repo: ${web}`]).flat(),
    '- branch: main',
    `  commit: ${cs2['agent-core'][0]!.slice(0, 10)}`,
    "  message: 'agent-core: notes'",
    '  name: agent-core',
    `  repo: ${core}`,
    'status: committed',
    "timestamp: '2026-11-21T10:00:00.123456'",
    '',
  ].join('\n');
  commitFiles(
    sys.meta,
    {
      '.meta/changesets/index.yaml': INDEX_YAML,
      '.meta/changesets/CS-1.yaml': CS1_YAML,
      '.meta/changesets/CS-2.yaml': cs2Yaml,
      '.meta/changesets/CS-3.yaml': 'id: CS-3\ntitle: App banner\nstatus: open\n',
    },
    'Record changesets',
  );
  return { ...sys, repoOf, treeBeforeCs1, tipOf, cs1, cs2, cs3 };
}

export function checkoutOf(sys: SampleSystem, name: string): string {
  return join(sys.meta, 'components', name);
}

/** Refs of every component repository and checkout, and their worktree lists: all that must not change. */
export function repoState(sys: ChangesetSystem): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of NAMES) {
    for (const [label, dir] of [
      ['repo', sys.repoOf[name]!],
      ['checkout', checkoutOf(sys, name)],
    ] as const) {
      try {
        out[`${label}:${name}:refs`] = gitOut(dir, ['for-each-ref', '--format=%(refname) %(objectname)']);
        out[`${label}:${name}:worktrees`] = String(gitOut(dir, ['worktree', 'list', '--porcelain']).split('\n').filter((l) => l.startsWith('worktree ')).length);
      } catch {
        out[`${label}:${name}`] = 'absent';
      }
    }
  }
  return out;
}

/** Makes a bare copy of each component repository and points each checkout's origin at it. */
export function bareOrigins(sys: ChangesetSystem, { refuse }: { refuse?: string } = {}): Record<string, string> {
  const bare: Record<string, string> = {};
  const base = tempDir('meta-bare-');
  for (const name of NAMES) {
    const dir = join(base, `${name}.git`);
    execFileSync('git', ['clone', '--quiet', '--bare', sys.repoOf[name]!, dir]);
    if (name === refuse) {
      mkdirSync(join(dir, 'hooks'), { recursive: true });
      writeFileSync(join(dir, 'hooks', 'pre-receive'), '#!/bin/sh\necho "refused by policy" >&2\nexit 1\n');
      chmodSync(join(dir, 'hooks', 'pre-receive'), 0o755);
    }
    gitOut(checkoutOf(sys, name), ['remote', 'set-url', 'origin', dir]);
    bare[name] = dir;
  }
  return bare;
}

export function tryGitOut(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    return undefined;
  }
}

// Helpers shared by the forge's own tests: Octokit clients, fresh repositories
// seeded from one local repository, and pushes through real git over HTTP.
import { Octokit } from '@octokit/rest';
import { afterAll, afterEach, expect } from 'vitest';
import { join } from 'node:path';
import type { Forge } from '../../tools/forge/index.js';
import { runGit } from '../../tools/forge/git.js';
import { commitFiles, git, tempDir } from '../../tools/forge/workdir.js';

export const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export interface ForgeKit {
  client(auth?: string): Octokit;
  /** A new forge repository seeded from the kit's seed, plus a clone of it. */
  freshRepo(settings?: Parameters<Forge['createRepo']>[2]): Promise<{ owner: string; repo: string; clone: string }>;
  push(clone: string, ...refspecs: string[]): Promise<void>;
  /** Creates `branch` off main in the clone with one commit touching `files`, and pushes it. */
  pushBranch(clone: string, branch: string, files: Record<string, string>, message?: string): Promise<string>;
}

/** `current` is read on every call, so the kit can be made before `beforeAll` starts the forge. */
export function forgeKit(current: () => { forge: Forge; seed: string }, token: string, prefix = 'meta'): ForgeKit {
  let counter = 0;
  const push = async (clone: string, ...refspecs: string[]): Promise<void> => {
    await git(clone, ['-c', `http.extraheader=${current().forge.gitAuthHeader(token)}`, 'push', '--quiet', 'origin', ...refspecs]);
  };
  return {
    client: (auth = token) => new Octokit({ auth, baseUrl: current().forge.apiUrl, log: quiet }),
    async freshRepo(settings = {}) {
      const { forge, seed } = current();
      const repo = `${prefix}-${++counter}`;
      await forge.createRepo('acme', repo, { from: seed, ...settings });
      const clone = join(await tempDir('forge-clone-'), 'meta');
      await runGit(['-c', `http.extraheader=${forge.gitAuthHeader(token)}`, 'clone', '--quiet', forge.cloneUrl('acme', repo), clone]);
      return { owner: 'acme', repo, clone };
    },
    push,
    async pushBranch(clone, branch, files, message = `change on ${branch}`) {
      await git(clone, ['checkout', '--quiet', '-B', branch, 'origin/main']);
      const sha = await commitFiles(clone, files, message);
      await push(clone, `${branch}:refs/heads/${branch}`);
      return sha;
    },
  };
}

/**
 * Closes a test file's forge after its tests, and fails any test that leaves OpenAPI violations
 * behind (tests that provoke some clear them).
 */
export function checkedForge(forge: () => Forge | undefined): void {
  afterAll(async () => {
    await forge()?.close();
  });
  afterEach(() => {
    const violations = [...(forge()?.violations ?? [])];
    forge()?.resetRecords();
    expect(violations).toEqual([]);
  });
}

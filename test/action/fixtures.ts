import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createSampleSystem, type SampleOptions, type SampleSystem } from '../../scripts/lib/sample-system.mjs';
import type { Forge, RepoSettings } from '../../tools/forge/index.js';
import { runActionProcess, type ActionRun } from '../helpers/action-runner.js';
import { credentialFiles, runnerCheckout, type PersistedCredentials, type RunnerCheckout } from '../helpers/checkout-workspace.js';
import { meta } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

export interface HostedSystem {
  readonly sys: SampleSystem;
  readonly owner: string;
  readonly name: string;
  readonly workspace: string;
  readonly bare: string;
  /** Whatever the `prepare` option returned. */
  readonly prepared: unknown;
  /** RUNNER_TEMP of every run, where actions/checkout v6 keeps the persisted credentials. */
  readonly runnerTemp: string;
  /** The workspace's .git/config and RUNNER_TEMP credential files, to compare before and after a run. */
  credentials(): Record<string, string>;
  /** Runs the action; `on` is another runner's workspace (default: this system's). */
  run(inputs: Record<string, string>, extra?: { node?: string[]; script?: string; env?: Record<string, string>; on?: RunnerCheckout }): Promise<ActionRun>;
  bareGit(args: string[]): string;
}

let counter = 0;

export interface HostingOptions extends SampleOptions {
  prepare?: (meta: string) => Promise<unknown>;
  /** How actions/checkout persisted its credentials (default `v4`, its default since v4). */
  persist?: PersistedCredentials;
  /** REST at the root of its own host (github.com's layout) instead of `/api/v3` (GHES). */
  apiLayout?: 'ghes' | 'dotcom';
  /** Settings of the hosted meta-repo. */
  repoSettings?: Partial<RepoSettings>;
}

/**
 * A sample system whose meta-repo is hosted on the local forge, and a runner workspace made from
 * it the way actions/checkout makes it with its defaults: shallow, no tags, credentials persisted.
 */
export async function hostedSystem(forge: Forge, options: HostingOptions = {}): Promise<HostedSystem> {
  const sys = createSampleSystem(tempDir('meta-hosted-'), { checkouts: [], ...options });
  const prepared = await options.prepare?.(sys.meta);
  const owner = 'acme';
  const name = `meta-${process.pid}-${++counter}`;
  const created = await forge.createRepo(owner, name, { ...options.repoSettings, from: sys.meta, defaultBranch: 'main' });
  const { workspace, runnerTemp } = await runnerCheckout(forge, owner, name, options.persist);
  const apiUrl = options.apiLayout === 'dotcom' ? forge.serverUrl : forge.apiUrl;
  return {
    sys,
    owner,
    name,
    workspace,
    bare: created.barePath,
    prepared,
    runnerTemp,
    credentials: () => credentialFiles(workspace, runnerTemp),
    run: (inputs, extra = {}) =>
      runActionProcess(
        { token: forge.token, health: 'true', 'pull-request': 'open', 'merge-method': 'squash', root: '.', 'dry-run': 'false', 'rollback-on-unhealthy': 'false', ...inputs },
        {
          workspace: extra.on?.workspace ?? workspace,
          repository: `${owner}/${name}`,
          apiUrl,
          serverUrl: forge.serverUrl,
          node: extra.node,
          script: extra.script,
          env: { RUNNER_TEMP: extra.on?.runnerTemp ?? runnerTemp, ...extra.env },
        },
      ),
    bareGit: (args) => execFileSync('git', args, { cwd: created.barePath, encoding: 'utf8' }).trim(),
  };
}

/**
 * A hosted system whose meta-repo has web-ui's v1.1.0 files committed as a store entry (its
 * content hash in `prepared`), while the lock pins v1.2.0.
 */
export function hostedStoreSystem(forge: Forge, options: HostingOptions = {}): Promise<HostedSystem> {
  return hostedSystem(forge, {
    ...options,
    checkouts: ['web-ui'],
    prepare: async (metaDir: string) => {
      const checkout = join(metaDir, 'components', 'web-ui');
      execFileSync('git', ['checkout', '-q', '--detach', 'v1.1.0'], { cwd: checkout });
      const added = await meta(['store', 'add', 'web-ui', '--json'], metaDir);
      if (added.code !== 0) throw new Error(added.stderr);
      execFileSync('git', ['checkout', '-q', '--detach', 'v1.2.0'], { cwd: checkout });
      execFileSync('git', ['add', '-f', '.meta-store'], { cwd: metaDir });
      execFileSync('git', ['commit', '-q', '-m', 'Store web-ui v1.1.0'], { cwd: metaDir });
      return JSON.parse(added.stdout).entry.content_hash as string;
    },
  });
}

import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { createSampleSystem, type SampleOptions, type SampleSystem } from '../../scripts/lib/sample-system.mjs';
import type { Forge } from '../forge/index.js';
import { runActionProcess, type ActionRun } from '../helpers/action-runner.js';
import { tempDir } from '../helpers/workspace.js';

export interface HostedSystem {
  readonly sys: SampleSystem;
  readonly owner: string;
  readonly name: string;
  readonly workspace: string;
  readonly bare: string;
  /** Whatever the `prepare` option returned. */
  readonly prepared: unknown;
  run(inputs: Record<string, string>, extra?: { node?: string[]; env?: Record<string, string> }): Promise<ActionRun>;
  bareGit(args: string[]): string;
}

let counter = 0;

/**
 * A sample system whose meta-repo is hosted on the local forge, and a runner workspace cloned from
 * it the way actions/checkout does (credentials for that one command only).
 */
export async function hostedSystem(forge: Forge, options: SampleOptions & { prepare?: (meta: string) => Promise<unknown> } = {}): Promise<HostedSystem> {
  const sys = createSampleSystem(tempDir('meta-hosted-'), { checkouts: [], ...options });
  const prepared = await options.prepare?.(sys.meta);
  const owner = 'acme';
  const name = `meta-${process.pid}-${++counter}`;
  const created = await forge.createRepo(owner, name, { from: sys.meta, defaultBranch: 'main' });
  const workspace = join(tempDir('meta-workspace-'), name);
  // Asynchronously: the forge serves from this process, so a blocking call would deadlock it.
  await promisify(execFile)('git', ['-c', `http.extraheader=${forge.gitAuthHeader()}`, 'clone', '-q', created.cloneUrl, workspace]);
  return {
    sys,
    owner,
    name,
    workspace,
    bare: created.barePath,
    prepared,
    run: (inputs, extra = {}) =>
      runActionProcess(
        { token: forge.token, health: 'true', 'pull-request': 'open', 'merge-method': 'squash', root: '.', 'dry-run': 'false', 'rollback-on-unhealthy': 'false', ...inputs },
        { workspace, repository: `${owner}/${name}`, apiUrl: forge.apiUrl, serverUrl: forge.serverUrl, node: extra.node, env: extra.env },
      ),
    bareGit: (args) => execFileSync('git', args, { cwd: created.barePath, encoding: 'utf8' }).trim(),
  };
}

import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { changesetSystem, NAMES, type ChangesetSystem } from '../changeset/fixture.js';
import type { Forge } from '../../tools/forge/index.js';
import { runActionProcess } from '../helpers/action-runner.js';
import { credentialFiles, runnerCheckout, type PersistedCredentials } from '../helpers/checkout-workspace.js';

export interface HostedChangesets {
  readonly sys: ChangesetSystem;
  readonly owner: string;
  readonly workspace: string;
  credentials(): Record<string, string>;
  bare(name: string, args: string[]): string;
  run(inputs: Record<string, string>): ReturnType<typeof runActionProcess>;
}

let owners = 0;

/** The changeset fixture with every component repository and the meta-repo hosted on the forge. */
export async function hostedChangesets(forge: Forge, persist?: PersistedCredentials): Promise<HostedChangesets> {
  const sys = changesetSystem();
  const owner = `team${++owners}`;
  for (const name of NAMES) await forge.createRepo(owner, name, { from: sys.repoOf[name]!, defaultBranch: 'main' });
  for (const file of readdirSync(join(sys.meta, 'manifests'))) {
    const path = join(sys.meta, 'manifests', file);
    let text = readFileSync(path, 'utf8');
    for (const name of NAMES) text = text.split(sys.repoOf[name]!).join(forge.cloneUrl(owner, name));
    writeFileSync(path, text);
  }
  execFileSync('git', ['commit', '-q', '-am', 'Components live on the forge'], { cwd: sys.meta });
  await forge.createRepo(owner, 'meta', { from: sys.meta, defaultBranch: 'main' });
  const { workspace, runnerTemp } = await runnerCheckout(forge, owner, 'meta', persist);
  return {
    sys,
    owner,
    workspace,
    credentials: () => credentialFiles(workspace, runnerTemp),
    bare: (name, args) => execFileSync('git', args, { cwd: forge.barePath(owner, name), encoding: 'utf8' }).trim(),
    run: (inputs) =>
      runActionProcess(
        { token: forge.token, health: 'false', 'pull-request': 'open', 'merge-method': 'merge', root: '.', 'dry-run': 'false', 'rollback-on-unhealthy': 'false', ...inputs },
        { workspace, repository: `${owner}/meta`, apiUrl: forge.apiUrl, serverUrl: forge.serverUrl, env: { RUNNER_TEMP: runnerTemp } },
      ),
  };
}

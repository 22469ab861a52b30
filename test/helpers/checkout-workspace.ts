import { join } from 'node:path';
import { checkoutLikeActions, type PersistedCredentials } from '../../scripts/lib/actions-checkout.mjs';
import { tempDir } from './workspace.js';

export { checkoutLikeActions, credentialFiles, type PersistedCredentials } from '../../scripts/lib/actions-checkout.mjs';

export interface RunnerCheckout {
  /** GITHUB_WORKSPACE, holding the checked-out meta-repo. */
  readonly workspace: string;
  readonly runnerTemp: string;
}

/** A fresh runner's workspace and RUNNER_TEMP, checked out from the forge like `actions/checkout` does with its defaults. */
export async function runnerCheckout(forge: { serverUrl: string; token: string }, owner: string, name: string, persist?: PersistedCredentials): Promise<RunnerCheckout> {
  const runner = tempDir('meta-runner-home-');
  const workspace = join(runner, 'work', name);
  const runnerTemp = join(runner, 'temp');
  await checkoutLikeActions({ serverUrl: forge.serverUrl, owner, name, token: forge.token, workspace, runnerTemp, persist });
  return { workspace, runnerTemp };
}

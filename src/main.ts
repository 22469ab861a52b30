import * as core from './action/runner-io.js';
import { MetaError, errorMessage } from './core/errors.js';
import { parseRepository } from './github/repository.js';
import { readInputs } from './action/inputs.js';
import { runAction } from './action/run-action.js';
import { logRun } from './action/run-log.js';

/** The action's entry: read inputs once, run, set outputs and the job summary, fail in one line. */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs((name) => core.getInput(name));
    const result = await runAction(
      inputs,
      {
        workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
        repository: parseRepository(process.env.GITHUB_REPOSITORY ?? ''),
        apiUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com',
        serverUrl: process.env.GITHUB_SERVER_URL ?? 'https://github.com',
        actor: process.env.GITHUB_ACTOR,
      },
      { info: (m) => core.info(m), warning: (m) => core.warning(m), setSecret: (s) => core.setSecret(s) },
    );
    logRun(inputs, result.outputs, core);
    for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, value);
    if (process.env.GITHUB_STEP_SUMMARY) await core.writeSummary(result.summary);
    for (const a of result.annotations ?? []) core.annotateError(a.message, a.file, a.line);
    if (result.failed) core.setFailed(`error: ${result.failed}`);
    else if (result.outputs.healthy === 'false') core.setFailed('unhealthy after the rollback (see the job summary)');
  } catch (err) {
    const message = errorMessage(err).split('\n')[0] ?? 'failed';
    if (process.env.RUNNER_DEBUG && err instanceof Error && !(err instanceof MetaError)) core.debug(err.stack ?? message);
    core.setFailed(`error: ${message}`);
  }
}

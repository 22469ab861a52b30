import { runAction, type ActionRun, type RunnerSetup } from '../../scripts/lib/actions-runner.mjs';
import { tempDir } from './workspace.js';

export { parseOutputFile, type ActionRun, type RunnerSetup } from '../../scripts/lib/actions-runner.mjs';

/** Runs `node dist/index.js` as a runner would (scripts/lib/actions-runner.mjs), in a directory removed after the test file. */
export function runActionProcess(inputs: Record<string, string>, setup: RunnerSetup): Promise<ActionRun> {
  return runAction(inputs, { ...setup, dir: tempDir('meta-runner-') });
}

export function parseOutputFile(text: string): Record<string, string>;

export interface RunnerEnvironmentOptions {
  readonly home: string;
  readonly workspace: string;
  readonly runnerTemp: string;
  readonly outputFile: string;
  readonly summaryFile: string;
  readonly apiUrl: string;
  readonly serverUrl: string;
  readonly repository: string;
  readonly inputs: Record<string, string>;
  /** More variables, or the caller's own for some names (GIT_CONFIG_GLOBAL, RUNNER_DEBUG, ...). */
  readonly extra?: Record<string, string | undefined>;
}

export function runnerEnvironment(options: RunnerEnvironmentOptions): Record<string, string | undefined>;

export interface ActionRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  /** Every file the run could have written to, for secret scans. */
  readonly files: { output: string; summary: string };
}

export interface RunnerSetup {
  readonly workspace: string;
  readonly repository: string;
  readonly apiUrl: string;
  readonly serverUrl: string;
  /** The node binary (and arguments) to run dist/index.js with (default: this process's). */
  readonly node?: readonly string[];
  /** The action's entry to run (default: the committed dist/index.js); tests of new modes build one from source. */
  readonly script?: string;
  readonly env?: Record<string, string>;
}

export function inputsWithDefaults(given: Record<string, string>, token: string): Record<string, string>;
export function runAction(inputs: Record<string, string>, setup: RunnerSetup & { readonly dir: string }): Promise<ActionRun>;

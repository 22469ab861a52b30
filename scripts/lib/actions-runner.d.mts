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

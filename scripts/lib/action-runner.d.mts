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
  readonly env?: Record<string, string>;
}

export function parseOutputFile(text: string): Record<string, string>;
export function inputsWithDefaults(given: Record<string, string>, token: string): Record<string, string>;
export function runAction(inputs: Record<string, string>, setup: RunnerSetup & { readonly dir: string }): Promise<ActionRun>;

/**
 * Every failure the tool reports carries the exit code the CLI uses for it, so the CLI and the
 * action print the same one-line message and agree on whether the input or the operation was at fault.
 */
export class MetaError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 | 130 | 143,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input: unknown component, missing tag, malformed YAML, bad flag. Exit 2. */
export class InputError extends MetaError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** The operation ran and failed: unhealthy, conflict, remote refused. Exit 1. */
export class OperationError extends MetaError {
  constructor(message: string) {
    super(message, 1);
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

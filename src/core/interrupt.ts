import { MetaError } from './errors.js';

/**
 * SIGINT and SIGTERM, as SPEC section 2's "Interrupted runs" wants them handled.
 *
 * Outside a write phase nothing has changed yet, so a signal ends the run at once: the children it
 * started are ended too and the last stderr line says the workspace is in its old state. Inside one
 * (while `.meta/lock` is held, see `duringWrites`) the signal is only noted: the writer stops
 * starting new work at its next safe point (`throwIfInterrupted`) and puts back what it did, or,
 * past its commit point, finishes; the command's end then says which state was left. A second
 * signal cuts that short and exits at once, leaving `.meta/lock` and its intent for the next run.
 *
 * Child processes are started in process groups of their own (run-git.ts, batch-checkout.ts), so a
 * Ctrl-C sent to the terminal's process group does not kill a `git checkout` half-way through its
 * files; this module is what decides when they stop.
 */
export type StopSignal = 'SIGINT' | 'SIGTERM';

const EXIT_CODES: Record<StopSignal, 130 | 143> = { SIGINT: 130, SIGTERM: 143 };

let received: StopSignal | undefined;
let writing = 0;
/** A write phase has completed: a signal now must not say the workspace is in its old state. */
let committed = false;
const children = new Set<number>();
const listeners = new Set<(signal: StopSignal) => void>();

export class InterruptedError extends MetaError {
  constructor(
    readonly signal: StopSignal,
    state: string,
  ) {
    super(`interrupted by ${signal}: ${state}`, EXIT_CODES[signal]);
  }
}

export function exitCodeFor(signal: StopSignal): 130 | 143 {
  return EXIT_CODES[signal];
}

/** The signal received, if any. */
export function interruption(): StopSignal | undefined {
  return received;
}

/** A safe point of a write phase: stop here, before starting more, if a signal came. */
export function throwIfInterrupted(state = 'stopped before changing anything; the workspace is in its old state'): void {
  if (received) throw new InterruptedError(received, state);
}

/** Called once when a signal arrives (the batch checkout stops its xargs this way). Returns the unsubscribe. */
export function onInterrupt(listener: (signal: StopSignal) => void): () => void {
  if (received) {
    listener(received);
    return () => undefined;
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Runs `fn` as a write phase: a signal meanwhile is noted, not acted on, until it returns. */
export async function duringWrites<T>(fn: () => Promise<T>): Promise<T> {
  writing += 1;
  try {
    const result = await fn();
    committed = true;
    return result;
  } finally {
    writing -= 1;
  }
}

/** Child processes (by process group) that an immediate exit must end so none outlives this one. */
export function trackChild(pid: number | undefined): () => void {
  if (pid === undefined) return () => undefined;
  children.add(pid);
  return () => children.delete(pid);
}

export interface InterruptHandlers {
  /** Prints the last stderr line. */
  readonly report: (line: string) => void;
  /** Ends the process (process.exit in the CLI). */
  readonly exit: (code: number) => void;
}

/**
 * Installed by the CLI's and the action's entry points (never by the in-process test helper, so
 * tests of the commands are unaffected). Returns a function that removes the handlers.
 */
export function installInterruptHandlers(handlers: InterruptHandlers): () => void {
  const handle = (signal: StopSignal) => {
    const first = received === undefined;
    received ??= signal;
    // After a completed write phase only the report is left: the command's end says what was done.
    if (first && (writing > 0 || committed)) {
      for (const listener of [...listeners]) listener(signal);
      listeners.clear();
      return;
    }
    endChildren();
    handlers.report(
      first
        ? `interrupted by ${signal}: stopped before changing anything; the workspace is in its old state`
        : `interrupted again by ${signal}: stopped at once; the next meta command finishes or undoes this run first (${'.meta/lock'} records what it was doing)`,
    );
    handlers.exit(exitCodeFor(received));
  };
  const onInt = () => handle('SIGINT');
  const onTerm = () => handle('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return () => {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  };
}

function endChildren(): void {
  for (const pid of children) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

/**
 * Test hook, like meta-lock.ts's crashPoint: with META_ROLLBACK_TEST_INTERRUPT_AT=<step>, the process
 * sends itself META_ROLLBACK_TEST_SIGNAL (default SIGINT) at that step, to its whole process group
 * when META_ROLLBACK_TEST_SIGNAL_GROUP=1 (as a terminal's Ctrl-C does), so the suite can interrupt
 * a run at every step instead of at moments that timing happens to hit. Unset, it does nothing.
 */
export async function interruptPoint(step: string): Promise<void> {
  if (process.env.META_ROLLBACK_TEST_INTERRUPT_AT !== step) return;
  const signal = process.env.META_ROLLBACK_TEST_SIGNAL === 'SIGTERM' ? 'SIGTERM' : 'SIGINT';
  process.kill(process.env.META_ROLLBACK_TEST_SIGNAL_GROUP === '1' ? -process.pid : process.pid, signal);
  // Node runs signal handlers from its event loop: wait for ours, so the signal lands at this step.
  for (let i = 0; i < 1000 && received === undefined; i++) await new Promise((r) => setTimeout(r, 1));
}

export interface BisectSystemOptions {
  /** How many components change pins between GOOD and BAD. */
  readonly count: number;
  /** Components whose bad pin is broken on its own. */
  readonly broken?: readonly string[];
  /** name -> other: name's bad pin breaks only while other is at its bad pin too. */
  readonly breaksWith?: Readonly<Record<string, string>>;
  /** name -> other: name's bad pin cannot be tested (oracle exit 125) while other is at its good pin. */
  readonly needs?: Readonly<Record<string, string>>;
  /** Components whose manifest entry carries a command health check named `works`. */
  readonly healthChecks?: Readonly<Record<string, readonly string[]>>;
  /** Components with no checkout in components/. */
  readonly noCheckout?: readonly string[];
}
export interface BisectSystem {
  readonly base: string;
  readonly meta: string;
  readonly names: readonly string[];
  readonly good: Readonly<Record<string, string>>;
  readonly bad: Readonly<Record<string, string>>;
  /** The `--run` oracle: argv to give after `--`. It appends one line per run to `log`. */
  readonly oracle: readonly string[];
  readonly log: string;
}
export function createBisectSystem(base: string, options: BisectSystemOptions): BisectSystem;

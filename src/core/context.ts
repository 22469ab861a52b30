import { userInfo } from 'node:os';

/** What every operation needs to know about the run it is part of. */
export interface RunContext {
  /** Absolute path of the meta-repo root. */
  readonly root: string;
  /** Directory that relative path arguments resolve against. */
  readonly cwd: string;
  /** Selected environment; undefined selects the default lock. */
  readonly env?: string;
  readonly dryRun: boolean;
  /** Bound on components processed at once. */
  readonly jobs: number;
  readonly actor: string;
  readonly now: () => Date;
  /** Extra git environment for component repositories (credentials, one command at a time). */
  readonly gitEnv?: Readonly<Record<string, string>>;
  /**
   * `--update-manifest`: a rollback also sets the manifest's wanted `version` of each component
   * whose pin it changes, so the Python CLI's `meta lock validate` still passes afterwards.
   */
  readonly updateManifest?: boolean;
  /** `--force`: roll back to a held commit anyway (the hold stays). */
  readonly force?: boolean;
  /** False with `--no-hold` / `hold: false`: a rollback adds no holds for the pins it rolls away from. */
  readonly hold?: boolean;
  /** The `reason:` of the holds a rollback adds (the health run names the failed checks). */
  readonly holdReason?: string;
  /** Progress for humans; never stdout when --json is set. */
  readonly log: (message: string) => void;
  /**
   * A counter that replaces itself on one line (`checkouts moved: 37 of 150`); given only when
   * stderr is a terminal and --json is not set, so logs and scripts never see it. An empty message
   * clears the line again.
   */
  readonly progress?: (message: string) => void;
}

export function defaultActor(): string {
  const fromEnv = process.env.META_ACTOR ?? process.env.GITHUB_ACTOR;
  if (fromEnv) return fromEnv;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export function makeContext(partial: Partial<RunContext> & Pick<RunContext, 'root'>): RunContext {
  return {
    cwd: partial.root,
    dryRun: false,
    jobs: 8,
    actor: defaultActor(),
    now: () => new Date(),
    log: () => undefined,
    ...partial,
  };
}

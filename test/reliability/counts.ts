// Bounds of the suite's loops, shared with the figures test so the README's numbers come from here.

/** SIGKILLs of a running `meta rollback lock` at staggered moments, each followed by checks and a re-run. */
export const KILLS = 16;
/** Points of the write phase where a run is made to SIGKILL itself (too short to hit by timing). */
export const CRASH_POINTS = ['after-snapshot', 'after-checkouts', 'after-lock', 'after-journal'] as const;
/** Rounds of two CLI rollbacks started at the same moment (different envs, then the same env). */
export const CLI_RACE_ROUNDS = 6;
/** Rounds of two `meta rollback store` file-tree restores started at the same moment. */
export const STORE_RACE_ROUNDS = 2;
/** Rounds of two `meta changeset rollback` runs started at the same moment. */
export const CHANGESET_RACE_ROUNDS = 2;

import { existsSync } from 'node:fs';
import pLimit from 'p-limit';
import { InputError } from '../errors.js';
import { componentDir } from '../paths.js';
import { checkoutMany } from '../../git/batch-checkout.js';
import { ensureCommitPresent, readCheckoutState, restoreCheckout, type CheckoutState } from '../../git/checkout.js';
import { isGitRepo, trackedChanges } from '../../git/repo-reader.js';
import type { Candidate } from './candidates.js';

/**
 * The component checkouts a bisect moves between probes. Each probe moves only the checkouts whose
 * pin differs from where they stand, all at once (at most `jobs` at a time); `restore` puts every
 * one it ever moved back on its branch or commit, whatever happened in between.
 */
export class ProbeCheckouts {
  private readonly at = new Map<string, string>();
  private readonly touched = new Set<string>();

  private constructor(
    private readonly original: ReadonlyMap<string, CheckoutState>,
    private readonly jobs: number,
  ) {
    for (const [name, state] of original) this.at.set(name, state.head);
  }

  /**
   * Reads where each candidate's checkout stands and makes both its pins present, fetching only a
   * commit that is missing, and that one alone. Only objects change here, so a refusal or a failed
   * fetch leaves every checkout where it was. A checkout with uncommitted changes is refused: a
   * probe would carry them into every state or fail to move.
   */
  static async prepare(root: string, candidates: readonly Candidate[], jobs: number, gitEnv?: Readonly<Record<string, string>>): Promise<ProbeCheckouts> {
    const limit = pLimit(Math.max(1, jobs));
    const present = candidates.filter((c) => existsSync(componentDir(root, c.name)) && isGitRepo(componentDir(root, c.name)));
    const states = await Promise.all(
      present.map((c) =>
        limit(async () => {
          const dir = componentDir(root, c.name);
          const dirty = await trackedChanges(dir);
          if (dirty.length > 0) throw new InputError(`components/${c.name}: has uncommitted changes (${dirty.slice(0, 3).join(', ')}); commit or stash them before a bisect`);
          return [c.name, await readCheckoutState(dir)] as const;
        }),
      ),
    );
    await Promise.all(
      present.flatMap((c) => [c.good, c.bad].map((commit) => limit(() => ensureCommitPresent(componentDir(root, c.name), commit, c.repo, gitEnv ? { ...gitEnv } : undefined)))),
    );
    return new ProbeCheckouts(new Map(states), jobs);
  }

  /** Names of the candidates that have a checkout (the others are probed through their pins only). */
  names(): string[] {
    return [...this.original.keys()];
  }

  /** Moves the checkouts whose pin changes; returns their names. */
  async moveTo(pins: Readonly<Record<string, string>>): Promise<string[]> {
    const moving = [...this.original.entries()].filter(([name]) => pins[name] !== undefined && this.at.get(name) !== pins[name]);
    for (const [name] of moving) {
      this.touched.add(name);
      // Unknown until the move settles: a failed batch may have moved some and not others.
      this.at.delete(name);
    }
    await checkoutMany(
      moving.map(([name, state]) => ({ dir: state.dir, commit: pins[name]! })),
      this.jobs,
    );
    for (const [name] of moving) this.at.set(name, pins[name]!);
    return moving.map(([name]) => name);
  }

  /** Every moved checkout back where it was; tries them all before reporting the first failure. */
  async restore(): Promise<void> {
    const limit = pLimit(Math.max(1, this.jobs));
    const results = await Promise.allSettled(
      [...this.touched].map((name) =>
        limit(async () => {
          await restoreCheckout(this.original.get(name)!);
          this.at.set(name, this.original.get(name)!.head);
          this.touched.delete(name);
        }),
      ),
    );
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

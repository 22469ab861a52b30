// The state shared by the REST, GraphQL and git front ends.
import { join } from 'node:path';
import type { Urls } from './shapes.js';
import { ForgeState, KeyedLock, repoKey, type ForgeUser, type RepoRecord } from './state.js';

export interface CoreOptions {
  /** How many GETs of a pull request answer `mergeable: null` after its head or base moved. */
  mergeabilityDelay: number;
}

export class ForgeCore {
  readonly state = new ForgeState();
  readonly locks = new KeyedLock();
  /** Users by accepted token. */
  readonly tokens = new Map<string, ForgeUser>();
  readonly mergeabilityReads = new Map<string, number>();
  /** Who last pushed to each repository (by repo id); GitHub credits them with merges made by pushing. */
  readonly lastPusher = new Map<number, ForgeUser>();
  urls: Urls = { api: '', web: '' };
  /** Called after a pull request enters a merge queue; set when queues run on their own. */
  onEnqueue?: () => void;
  /** Where the proc-receive hook asks whether a push may update protected branches. */
  hook = { url: '', secret: '' };

  constructor(
    readonly reposDir: string,
    readonly options: CoreOptions,
  ) {}

  barePathFor(owner: string, name: string): string {
    return join(this.reposDir, owner.toLowerCase(), `${name.toLowerCase()}.git`);
  }

  repoLock<T>(repo: RepoRecord, fn: () => Promise<T>): Promise<T> {
    return this.locks.run(repoKey(repo.owner, repo.name), fn);
  }
}

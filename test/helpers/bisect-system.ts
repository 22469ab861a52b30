import { createBisectSystem as create, type BisectSystem, type BisectSystemOptions } from '../../scripts/lib/bisect-system.mjs';
import { tempDir } from './workspace.js';

export type { BisectSystem, BisectSystemOptions } from '../../scripts/lib/bisect-system.mjs';

/** A culprit-finding system in a temp dir removed after the test file. */
export function createBisectSystem(options: BisectSystemOptions): BisectSystem {
  return create(tempDir('meta-bisect-sys-'), options);
}

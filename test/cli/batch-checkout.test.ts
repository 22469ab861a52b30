import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meta } from '../helpers/cli.js';
import { fingerprint, gitOut, sampleFactory } from '../helpers/workspace.js';

const sample = sampleFactory();

/**
 * Several checkouts are moved by one `xargs -0 -P` (see src/git/batch-checkout.ts); one at a time
 * from Node with META_ROLLBACK_BATCH=0. Both must end the same way, and a checkout that fails in
 * the batch must still undo every one that moved.
 */
for (const batch of ['1', '0']) {
  describe(`moving several checkouts (META_ROLLBACK_BATCH=${batch})`, () => {
    const withBatch = async <T>(fn: () => Promise<T>): Promise<T> => {
      const saved = process.env.META_ROLLBACK_BATCH;
      process.env.META_ROLLBACK_BATCH = batch;
      try {
        return await fn();
      } finally {
        if (saved === undefined) delete process.env.META_ROLLBACK_BATCH;
        else process.env.META_ROLLBACK_BATCH = saved;
      }
    };

    it('moves every checkout to its older pin', async () => {
      const sys = sample();
      const run = await withBatch(() => meta(['rollback', 'lock', 'manifests/components.lock.prod.yaml', '--rev', 'HEAD~1', '--env', 'prod', '--json'], sys.meta));
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      for (const c of sys.components) expect(gitOut(join(sys.meta, 'components', c.name), ['rev-parse', 'HEAD'])).toBe(c.versions[1]!.commit);
    });

    it('undoes the checkouts that moved when one cannot move, with that checkout named', async () => {
      const sys = sample();
      const stuck = sys.components[1]!.name;
      // A stale index.lock makes git refuse this one checkout after planning found it clean.
      writeFileSync(join(sys.meta, 'components', stuck, '.git', 'index.lock'), '');
      const before = fingerprint(sys.meta);
      const run = await withBatch(() => meta(['rollback', 'lock', 'manifests/components.lock.prod.yaml', '--rev', 'HEAD~1', '--env', 'prod'], sys.meta));
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^error: rollback failed and was undone: git checkout failed \(exit 128\): fatal: Unable to create '.*index\.lock': File exists/);
      expect(run.stderr).toContain(stuck);
      expect(fingerprint(sys.meta)).toEqual(before);
    });
  });
}

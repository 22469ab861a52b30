import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownGoodRef, pushKnownGood, remoteKnownGood } from '../../src/git/known-good.js';
import { gitOut, sampleFactory, tempDir } from '../helpers/workspace.js';

const sample = sampleFactory();

describe('pushKnownGood', () => {
  it('lands runs racing to record an older and a newer state with the newer one, whatever the order', async () => {
    for (let round = 0; round < 3; round++) {
      const sys = sample();
      const origin = join(tempDir('meta-origin-'), 'meta.git');
      execFileSync('git', ['clone', '-q', '--bare', sys.meta, origin]);
      const older = gitOut(sys.meta, ['rev-parse', 'HEAD~1']);
      const newer = gitOut(sys.meta, ['rev-parse', 'HEAD']);
      // Two clones, as two runners would have: each pushes with a lease on what it read.
      const clones = [0, 1].map((i) => {
        const dir = join(tempDir('meta-runner-'), `c${i}`);
        execFileSync('git', ['clone', '-q', origin, dir]);
        return dir;
      });
      const order = round % 2 ? [newer, older, newer, older] : [older, newer, older, newer];
      const results = await Promise.allSettled(order.map((commit, i) => pushKnownGood({ root: clones[i % 2]!, url: origin, env: {} }, 'prod', commit)));
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      expect(await remoteKnownGood({ root: clones[0]!, url: origin, env: {} }, 'prod')).toBe(newer);
      expect(gitOut(origin, ['rev-parse', knownGoodRef('prod')])).toBe(newer);
    }
  });
});

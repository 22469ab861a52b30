import { describe, expect, it } from 'vitest';
import { CachedOracle, searchCulprits, type Verdict } from '../../src/core/bisect/search.js';

/** The search alone, over an oracle computed from a rule, so every culprit position can be tried. */
async function run(k: number, fails: (subset: ReadonlySet<string>) => Verdict) {
  const names = Array.from({ length: k }, (_, i) => `c${i}`);
  let asked = 0;
  const cache = new CachedOracle(async (subset) => {
    asked++;
    return fails(new Set(subset));
  }, names);
  // As the command does: GOOD (nothing at bad) and BAD (everything) are confirmed first.
  await cache.ask([]);
  await cache.ask(names);
  const result = await searchCulprits(names, cache);
  return { ...result, probes: asked };
}

describe('culprit search', () => {
  it('finds one culprit among k in at most ceil(log2 k) + 3 probes, for every k up to 64 and every position', async () => {
    for (let k = 1; k <= 64; k++) {
      for (let at = 0; at < k; at++) {
        const result = await run(k, (s) => (s.has(`c${at}`) ? 'bad' : 'good'));
        expect(result.culprits).toEqual([`c${at}`]);
        expect(result.method).toBe('binary');
        expect(result.probes, `k=${k} culprit c${at}`).toBeLessThanOrEqual(Math.ceil(Math.log2(k)) + 3);
      }
    }
  });

  it('falls back to ddmin for culprits that fail only together, and finds a minimal set', async () => {
    for (const [a, b] of [[0, 1], [2, 9], [0, 15], [7, 8]] as const) {
      const result = await run(16, (s) => (s.has(`c${a}`) && s.has(`c${b}`) ? 'bad' : 'good'));
      expect(result.culprits).toEqual([`c${a}`, `c${b}`]);
      expect(result.method).toBe('ddmin');
    }
  });

  it('finds three interacting culprits', async () => {
    const result = await run(32, (s) => (['c3', 'c17', 'c30'].every((n) => s.has(n)) ? 'bad' : 'good'));
    expect(result.culprits).toEqual(['c3', 'c17', 'c30']);
  });

  it('never counts "cannot test" as bad', async () => {
    // c5 breaks; any state with c9 at bad but c10 at good cannot be built.
    const result = await run(16, (s) => (s.has('c9') && !s.has('c10') ? 'skip' : s.has('c5') ? 'bad' : 'good'));
    expect(result.culprits).toEqual(['c5']);
  });

  it('reports the pair when a culprit breaks only with its dependency at its bad pin', async () => {
    const result = await run(8, (s) => (s.has('c6') && s.has('c1') ? 'bad' : 'good'));
    expect(result.culprits).toEqual(['c1', 'c6']);
  });
});

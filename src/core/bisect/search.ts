/**
 * The search for culprits, independent of git and processes: it only asks an oracle whether a subset
 * of the candidates, set to their bad pins with every other candidate at its good pin, works.
 *
 * The caller has already confirmed that the empty subset (GOOD) works and the full one (BAD) fails.
 * The search first assumes a single culprit and halves the suspects (one probe per halving), then
 * verifies the one left alone; when that assumption fails — both halves work, an answer is "cannot
 * test", or the last suspect works alone — it falls back to Zeller's ddmin, starting from the
 * smallest subset already seen failing, which finds a 1-minimal failing subset of interacting
 * culprits. Answers are cached by subset, so no state is ever probed twice.
 */

export type Verdict = 'good' | 'bad' | 'skip';

export type Oracle = (subset: readonly string[]) => Promise<Verdict>;

export interface SearchResult {
  /** A subset whose bad pins make the oracle fail and from which no single candidate can be dropped. */
  readonly culprits: readonly string[];
  /** 'binary' when the single-culprit search held, 'ddmin' when it fell back. */
  readonly method: 'binary' | 'ddmin';
}

/** Asks each distinct subset once; the order of a subset does not matter. */
export class CachedOracle {
  private readonly answers = new Map<string, Promise<Verdict>>();

  constructor(
    private readonly oracle: Oracle,
    private readonly order: readonly string[],
  ) {}

  ask(subset: readonly string[]): Promise<Verdict> {
    const sorted = this.sorted(subset);
    const key = sorted.join('\0');
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = this.oracle(sorted);
      this.answers.set(key, answer);
    }
    return answer;
  }

  /** The answer already given for a subset, without asking. */
  known(subset: readonly string[]): Promise<Verdict> | undefined {
    return this.answers.get(this.sorted(subset).join('\0'));
  }

  private sorted(subset: readonly string[]): string[] {
    const set = new Set(subset);
    return this.order.filter((name) => set.has(name));
  }
}

export async function searchCulprits(candidates: readonly string[], oracle: CachedOracle): Promise<SearchResult> {
  // The smallest subset seen failing: where ddmin starts if the single-culprit assumption breaks.
  let failing: readonly string[] = candidates;
  let suspects: readonly string[] = candidates;
  while (suspects.length > 1) {
    const half = Math.ceil(suspects.length / 2);
    const first = suspects.slice(0, half);
    const second = suspects.slice(half);
    const a = await oracle.ask(first);
    if (a === 'bad') {
      suspects = failing = first;
      continue;
    }
    if (a === 'good') {
      // With one culprit it must be in the other half; that is checked at the end, not here,
      // which is what keeps one culprit among k within ceil(log2 k) + 1 probes.
      suspects = second;
      continue;
    }
    // The first half cannot be tested: only the second half's own answer says anything.
    const b = await oracle.ask(second);
    if (b !== 'bad') return { culprits: await ddmin(failing, oracle), method: 'ddmin' };
    suspects = failing = second;
  }
  const [last] = suspects;
  if (last !== undefined && (await oracle.ask([last])) === 'bad') return { culprits: [last], method: 'binary' };
  return { culprits: await ddmin(failing, oracle), method: 'ddmin' };
}

/**
 * Zeller's ddmin (Zeller & Hildebrandt, "Simplifying and Isolating Failure-Inducing Input", 2002)
 * over a subset known to fail: test each part, then each complement, at a granularity that doubles
 * whenever neither fails. "Cannot test" counts as "does not fail", so it never makes a culprit.
 */
export async function ddmin(failing: readonly string[], oracle: CachedOracle): Promise<string[]> {
  let current = [...failing];
  let n = 2;
  while (current.length >= 2) {
    const parts = split(current, n);
    let reduced = false;
    for (const part of parts) {
      if ((await oracle.ask(part)) === 'bad') {
        current = part;
        n = 2;
        reduced = true;
        break;
      }
    }
    if (reduced) continue;
    for (const part of parts) {
      const complement = current.filter((name) => !part.includes(name));
      if (parts.length > 2 && (await oracle.ask(complement)) === 'bad') {
        current = complement;
        n = Math.max(n - 1, 2);
        reduced = true;
        break;
      }
    }
    if (reduced) continue;
    if (n >= current.length) break;
    n = Math.min(current.length, n * 2);
  }
  return current;
}

/** n parts of nearly equal size, in order. */
function split(items: readonly string[], n: number): string[][] {
  const parts: string[][] = [];
  let start = 0;
  for (let i = 0; i < n; i++) {
    const end = start + Math.floor((items.length - start) / (n - i));
    parts.push(items.slice(start, end));
    start = end;
  }
  return parts.filter((p) => p.length > 0);
}

/**
 * The names nearest to a mistyped one, for "did you mean" answers: at most `limit` (five by
 * default), nearest first, never the whole list. Distance is Damerau-Levenshtein (a swapped pair of
 * letters counts once, as a typo does); a name containing the typed text, or contained in it, also
 * counts as close, so `web` finds `web-ui`. Names further than about a third of their length are
 * not suggested at all.
 *
 * Linear in the number of candidates (each comparison is bounded by the two names' lengths), so a
 * typo among 5,000 components costs one pass.
 */
export function closestNames(typed: string, candidates: Iterable<string>, limit = 5): string[] {
  const scored: Array<{ name: string; score: number }> = [];
  const lower = typed.toLowerCase();
  for (const name of new Set(candidates)) {
    const other = name.toLowerCase();
    const distance = editDistance(lower, other);
    const contains = lower.length >= 2 && (other.includes(lower) || lower.includes(other));
    const bound = Math.max(1, Math.floor(Math.max(lower.length, other.length) / 3));
    if (distance <= bound) scored.push({ name, score: distance });
    else if (contains) scored.push({ name, score: bound + 1 + Math.abs(other.length - lower.length) / 100 });
  }
  scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.name);
}

/** `; did you mean a, b or c?`, or nothing when no name is close. */
export function didYouMean(typed: string, candidates: Iterable<string>, limit = 5): string {
  const close = closestNames(typed, candidates, limit);
  if (close.length === 0) return '';
  const list = close.length === 1 ? close[0] : `${close.slice(0, -1).join(', ')} or ${close[close.length - 1]}`;
  return `; did you mean ${list}?`;
}

function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

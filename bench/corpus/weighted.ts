/**
 * Weighted choice for the corpus vocabulary: coverage is skewed (a few actors in most stories,
 * most actors rarely), and filters are only realistic when the corpus is skewed the same way.
 */
import type { Rng } from '../lib/prng.ts';

/** A list with a precomputed cumulative weight table, so each draw is a binary search. */
export interface Weighted<T> {
  readonly items: readonly T[];
  draw(rng: Rng): T;
}

/** Builds a {@link Weighted} over `items` using `weightOf` (weights must be positive). */
export function weighted<T>(items: readonly T[], weightOf: (item: T) => number): Weighted<T> {
  if (items.length === 0) throw new Error('weighted(): no items; the vocabulary list is empty');
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach((item, i) => {
    const w = weightOf(item);
    if (!(w > 0)) throw new Error(`weighted(): item ${i} has weight ${w}; weights must be > 0`);
    total += w;
    cumulative[i] = total;
  });
  return {
    items,
    draw(rng) {
      const x = rng.next() * total;
      let lo = 0;
      let hi = items.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((cumulative[mid] as number) > x) hi = mid;
        else lo = mid + 1;
      }
      return items[lo] as T;
    },
  };
}

/**
 * A seeded pseudo-random generator for the synthetic corpus. Benchmarks are compared across
 * runs and machines, so the corpus must be byte-identical for a seed: Math.random() cannot be
 * seeded, hence our own generator (mulberry32: 32-bit state, fast, good enough for text).
 */

/** A deterministic random source with the few draws the corpus generator needs. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** `count` distinct elements (fewer when the list is shorter), in draw order. */
  sample<T>(items: readonly T[], count: number): T[];
}

/**
 * mulberry32 (Tommy Ettinger's public-domain generator): each call advances a 32-bit state
 * and scrambles it. Chosen for speed (building a million articles draws tens of millions of
 * numbers) and because its output depends only on the seed.
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('Rng.pick: the list is empty; pass at least one item');
    return items[Math.floor(next() * items.length)] as T;
  };
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) {
      const i = Math.floor(next() * pool.length);
      out.push(pool[i] as T);
      pool[i] = pool[pool.length - 1] as T;
      pool.pop();
    }
    return out;
  };
  return { next, int, pick, chance: (p) => next() < p, sample };
}

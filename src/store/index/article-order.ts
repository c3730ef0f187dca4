/**
 * The one order of the store: by publishedAt, ties broken by id, so that two articles never
 * compare equal and a cursor names one position exactly. Lists are STORED OLDEST FIRST, so the
 * usual insert (a new article is the newest) is an append, not a shift of the whole list;
 * queries read them from the end to serve newest first (publishedAt desc, id desc).
 *
 * Pure functions over sorted arrays: binary searches for cursors and date bounds, sorted
 * insert/remove, batch removal and merge.
 */

/** A position in the order; indexed articles are keys too. */
export interface OrderKey {
  /** publishedAt in epoch milliseconds. */
  readonly ts: number;
  readonly id: string;
}

/** Negative when `a` is stored before `b` (older, or same instant and smaller id). */
export function compareOrder(a: OrderKey, b: OrderKey): number {
  if (a.ts !== b.ts) return a.ts - b.ts;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Sorts a list in place into the stored order. */
export function sortInOrder<T extends OrderKey>(list: T[]): T[] {
  return list.sort(compareOrder);
}

/** First index whose element is not before `key`. Everything before it is strictly older than `key`. */
export function lowerBound<T extends OrderKey>(list: readonly T[], key: OrderKey): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareOrder(list[mid] as T, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index published at or after `ts` (where an inclusive `from` bound starts). */
export function firstAtOrAfter<T extends OrderKey>(list: readonly T[], ts: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as T).ts < ts) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index published strictly after `ts` (where an inclusive `to` bound ends). */
export function firstAfter<T extends OrderKey>(list: readonly T[], ts: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as T).ts <= ts) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts `item` at its place: an append when it is the newest (the common case). */
export function insertSorted<T extends OrderKey>(list: T[], item: T): void {
  const last = list[list.length - 1];
  if (last === undefined || compareOrder(last, item) < 0) {
    list.push(item);
    return;
  }
  list.splice(lowerBound(list, item), 0, item);
}

/** Removes the element with `item`'s key; returns whether it was there. */
export function removeSorted<T extends OrderKey>(list: T[], item: OrderKey): boolean {
  const at = lowerBound(list, item);
  const found = list[at];
  if (found === undefined || compareOrder(found, item) !== 0) return false;
  if (at === list.length - 1) list.pop();
  else list.splice(at, 1);
  return true;
}

/** Removes every element in `doomed` in one pass (retention removes many old ones at once). */
export function removeAll<T extends OrderKey>(list: T[], doomed: ReadonlySet<T>): void {
  let w = 0;
  for (let r = 0; r < list.length; r++) {
    const x = list[r] as T;
    if (!doomed.has(x)) list[w++] = x;
  }
  list.length = w;
}

/**
 * Union of sorted lists, sorted, without repeats (an article in two lists of an OR appears
 * once). Elements are the same objects across lists, so repeats meet when merging.
 */
export function mergeSorted<T extends OrderKey>(lists: readonly (readonly T[])[]): readonly T[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length === 1) return nonEmpty[0] as readonly T[];
  let merged: readonly T[] = nonEmpty[0] as readonly T[];
  for (let i = 1; i < nonEmpty.length; i++) merged = mergeTwo(merged, nonEmpty[i] as readonly T[]);
  return merged;
}

function mergeTwo<T extends OrderKey>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as T;
    const y = b[j] as T;
    const c = compareOrder(x, y);
    if (c < 0) {
      out.push(x);
      i++;
    } else if (c > 0) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
      j++;
    }
  }
  while (i < a.length) out.push(a[i++] as T);
  while (j < b.length) out.push(b[j++] as T);
  return out;
}

/** The part of a sorted list inside an inclusive date window, as [lo, hi) indexes. */
export function dateWindow<T extends OrderKey>(list: readonly T[], fromTs: number | undefined, toTs: number | undefined): [number, number] {
  const lo = fromTs === undefined ? 0 : firstAtOrAfter(list, fromTs);
  const hi = toTs === undefined ? list.length : firstAfter(list, toTs);
  return [lo, Math.max(lo, hi)];
}

/**
 * Walks the union of sorted lists from the newest end down, inside a date window (or the
 * `windows` given, one [lo, hi) per list) and strictly older than `before` (a cursor), each
 * element once. Lazy: a page stops after `first + 1`
 * matches without touching the rest of the lists. Returns `undefined` when exhausted.
 */
export function walkNewestFirst<T extends OrderKey>(
  lists: readonly (readonly T[])[],
  fromTs: number | undefined,
  toTs: number | undefined,
  before?: OrderKey,
  windows?: readonly (readonly [number, number])[],
): () => T | undefined {
  const heads: number[] = [];
  const floors: number[] = [];
  for (let k = 0; k < lists.length; k++) {
    const list = lists[k] as readonly T[];
    // The caller may know the windows already (they sized the lists): no second search.
    const [lo, windowHi] = windows?.[k] ?? dateWindow(list, fromTs, toTs);
    const hi = before ? Math.min(windowHi, lowerBound(list, before)) : windowHi;
    heads.push(hi - 1);
    floors.push(lo);
  }
  if (lists.length === 1) {
    const list = lists[0] as readonly T[];
    const lo = floors[0] as number;
    let i = heads[0] as number;
    return () => (i >= lo ? (list[i--] as T) : undefined);
  }
  return () => {
    let best: T | undefined;
    for (let k = 0; k < lists.length; k++) {
      const i = heads[k] as number;
      if (i < (floors[k] as number)) continue;
      const x = (lists[k] as readonly T[])[i] as T;
      if (best === undefined || compareOrder(x, best) > 0) best = x;
    }
    if (best === undefined) return undefined;
    // Step past `best` in every list that holds it (an article in two lists of an OR comes once).
    for (let k = 0; k < lists.length; k++) {
      const i = heads[k] as number;
      if (i >= (floors[k] as number) && compareOrder((lists[k] as readonly T[])[i] as T, best) === 0) heads[k] = i - 1;
    }
    return best;
  };
}

/**
 * Membership in a sorted list for keys asked NEWEST FIRST (each strictly older than the one
 * before), as a walk of another list asks them. Gallops down from the last position, so probing
 * s keys costs O(s log(n / s)) instead of O(n): intersecting a short posting list with a long
 * one costs about the short one.
 */
export function probeNewestFirst<T extends OrderKey>(list: readonly T[], end = list.length): (key: OrderKey) => boolean {
  // Every element above j is newer than any key still to come (`end`: the window's end, when
  // every key asked is known to be inside it).
  let j = Math.min(end, list.length) - 1;
  return (key) => {
    if (j < 0) return false;
    const top = compareOrder(list[j] as T, key);
    if (top === 0) {
      j--;
      return true;
    }
    if (top < 0) return false;
    // list[j] is newer than key: gallop down to an element at or below it, then bisect.
    let newer = j;
    let step = 1;
    let probe = j - step;
    while (probe >= 0 && compareOrder(list[probe] as T, key) > 0) {
      newer = probe;
      step *= 2;
      probe = j - step;
    }
    let atOrOlder = Math.max(probe, -1);
    while (newer - atOrOlder > 1) {
      const mid = (newer + atOrOlder) >>> 1;
      if (compareOrder(list[mid] as T, key) > 0) newer = mid;
      else atOrOlder = mid;
    }
    j = atOrOlder;
    if (j >= 0 && compareOrder(list[j] as T, key) === 0) {
      j--;
      return true;
    }
    return false;
  };
}

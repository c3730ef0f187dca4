/** The order of the store (stored oldest first) and the binary searches over it (pure). */
import { describe, expect, it } from 'vitest';
import {
  compareOrder,
  dateWindow,
  firstAfter,
  firstAtOrAfter,
  insertSorted,
  lowerBound,
  mergeSorted,
  probeNewestFirst,
  removeAll,
  removeSorted,
  sortInOrder,
  walkNewestFirst,
  type OrderKey,
} from '../../src/store/index/article-order.ts';

const k = (ts: number, id: string): OrderKey => ({ ts, id });
// Stored order: oldest first, ties by id ascending.
const list = [k(10, 'a'), k(30, 'c'), k(40, 'b'), k(40, 'd'), k(50, 'e')];

describe('compareOrder', () => {
  it.each([
    [k(1, 'z'), k(2, 'a'), -1],
    [k(2, 'a'), k(1, 'z'), 1],
    [k(1, 'a'), k(1, 'b'), -1],
    [k(1, 'b'), k(1, 'a'), 1],
    [k(1, 'a'), k(1, 'a'), 0],
  ])('%j vs %j', (a, b, sign) => {
    expect(Math.sign(compareOrder(a, b))).toBe(sign);
  });

  it('sortInOrder sorts by date, then id', () => {
    expect(sortInOrder([k(40, 'd'), k(10, 'a'), k(50, 'e'), k(40, 'b'), k(30, 'c')])).toEqual(list);
  });
});

describe('bounds', () => {
  it.each([
    ['lowerBound on an element', lowerBound(list, k(40, 'd')), 3],
    ['lowerBound between ties', lowerBound(list, k(40, 'c')), 3],
    ['lowerBound before everything', lowerBound(list, k(0, 'x')), 0],
    ['lowerBound after everything', lowerBound(list, k(99, 'a')), 5],
    ['firstAtOrAfter(40) includes both at 40', firstAtOrAfter(list, 40), 2],
    ['firstAtOrAfter(35)', firstAtOrAfter(list, 35), 2],
    ['firstAtOrAfter(60) is the end', firstAtOrAfter(list, 60), 5],
    ['firstAtOrAfter(0) is 0', firstAtOrAfter(list, 0), 0],
    ['firstAfter(40) keeps both at 40 before it', firstAfter(list, 40), 4],
    ['firstAfter(10)', firstAfter(list, 10), 1],
    ['firstAfter(9) is 0', firstAfter(list, 9), 0],
    ['firstAfter(50) is the end', firstAfter(list, 50), 5],
    ['on an empty list', lowerBound([], k(1, 'a')), 0],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('insertSorted / removeSorted / removeAll', () => {
  it('keeps the order (appending the newest) and removes only the exact key', () => {
    const l: OrderKey[] = [];
    for (const x of [k(3, 'a'), k(5, 'b'), k(3, 'c'), k(1, 'd'), k(5, 'a'), k(9, 'z')]) insertSorted(l, x);
    expect(l).toEqual([k(1, 'd'), k(3, 'a'), k(3, 'c'), k(5, 'a'), k(5, 'b'), k(9, 'z')]);
    expect(removeSorted(l, k(3, 'b'))).toBe(false);
    expect(removeSorted(l, k(3, 'c'))).toBe(true);
    expect(removeSorted(l, k(9, 'z'))).toBe(true);
    expect(l).toEqual([k(1, 'd'), k(3, 'a'), k(5, 'a'), k(5, 'b')]);
  });

  it('removeAll drops the given elements in one pass, keeping order', () => {
    const l = [...list];
    removeAll(l, new Set([l[0]!, l[3]!, l[4]!]));
    expect(l).toEqual([k(30, 'c'), k(40, 'b')]);
    removeAll(l, new Set());
    expect(l).toHaveLength(2);
  });
});

describe('mergeSorted', () => {
  const a = k(1, 'd');
  const b = k(7, 'a');
  const c = k(7, 'b');
  const d = k(9, 'a');
  it.each([
    ['no lists', [], []],
    ['one list is returned as is', [[a, b]], [a, b]],
    ['disjoint lists interleave', [[a, c], [b, d]], [a, b, c, d]],
    ['shared elements appear once', [[a, c, d], [b, c, d], [a]], [a, b, c, d]],
    ['empty lists are ignored', [[], [c], []], [c]],
  ])('%s', (_name, lists, expected) => {
    expect(mergeSorted(lists as OrderKey[][])).toEqual(expected);
  });
});

describe('walkNewestFirst', () => {
  const a = [k(10, 'a'), k(20, 'b'), k(30, 'c'), k(40, 'd')];
  const b = [k(15, 'x'), k(20, 'b'), k(35, 'y'), k(40, 'd')];
  const drain = (next: () => OrderKey | undefined) => {
    const out: string[] = [];
    for (let x = next(); x; x = next()) out.push(x.id);
    return out;
  };
  it.each([
    ['one list, no window', [a], undefined, undefined, undefined, ['d', 'c', 'b', 'a']],
    ['one list, window', [a], 20, 30, undefined, ['c', 'b']],
    ['one list, before a cursor', [a], undefined, undefined, k(30, 'c'), ['b', 'a']],
    ['union without repeats', [a, b], undefined, undefined, undefined, ['d', 'y', 'c', 'b', 'x', 'a']],
    ['union in a window, before a cursor', [a, b], 15, 40, k(35, 'y'), ['c', 'b', 'x']],
    ['empty window', [a, b], 41, undefined, undefined, []],
  ] as const)('%s', (_name, lists, from, to, before, expected) => {
    expect(drain(walkNewestFirst(lists, from, to, before))).toEqual(expected);
  });
});

describe('probeNewestFirst', () => {
  it('answers membership for keys asked newest first, across long gaps', () => {
    const long = Array.from({ length: 1000 }, (_, i) => k(i, `id${String(i).padStart(4, '0')}`));
    const probe = probeNewestFirst(long);
    const asked = [k(999, 'id0999'), k(998, 'zzz'), k(900, 'id0900'), k(500, 'id0500'), k(499, 'id0498'), k(3, 'id0003'), k(0, 'id0000'), k(-1, 'x')];
    expect(asked.map((key) => probe(key))).toEqual([true, false, true, true, false, true, true, false]);
  });
  it('starts at `end` when every key asked is inside a window that ends there', () => {
    const probe = probeNewestFirst(list, 3); // list[0..3): 10a, 30c, 40b
    expect([k(50, 'e'), k(40, 'b'), k(10, 'a')].map((key) => probe(key))).toEqual([false, true, true]);
  });
  it('is false for everything on an empty list', () => {
    expect(probeNewestFirst([])(k(1, 'a'))).toBe(false);
  });
});

describe('dateWindow', () => {
  it.each([
    [undefined, undefined, [0, 5]],
    [30, 40, [1, 4]],
    [41, 60, [4, 5]],
    [60, 10, [5, 5]],
  ] as const)('from %s to %s → %j', (from, to, expected) => {
    expect(dateWindow(list, from, to)).toEqual(expected);
  });
});

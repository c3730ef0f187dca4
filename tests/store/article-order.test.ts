/** The order of the store (stored oldest first) and the binary searches over it (pure). */
import { describe, expect, it } from 'vitest';
import {
  compareOrder,
  firstAfter,
  firstAtOrAfter,
  insertSorted,
  lowerBound,
  mergeSorted,
  removeAll,
  removeSorted,
  sortInOrder,
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

/** Field bounds: a huge field is cut (and said so), a normal item passes untouched. */
import { describe, expect, it } from 'vitest';
import { cpuMs } from '../cpu-time.ts';
import type { RawItem } from '../../src/model/raw-feed.ts';
import { boundItem, ITEM_BOUNDS } from '../../src/normalize/bound-item.ts';
import { flattenDeepHtml } from '../../src/normalize/clean/flatten-deep-html.ts';

const item = (extra: Partial<RawItem> = {}): RawItem => ({
  guid: 'g1', link: 'https://example.com/a', title: 'A title', summaryHtml: '<p>Summary</p>', contentHtml: '<p>Body</p>',
  authors: ['Jane Doe'], categories: ['Iraq'], published: 'Mon, 01 Jan 2024 10:00:00 GMT', updated: null, enclosures: [], language: 'en', ...extra,
});

describe('boundItem', () => {
  it('leaves an ordinary item as it is', () => {
    expect(boundItem(item())).toEqual({ item: item(), cuts: [] });
  });

  it.each([
    ['a 5 MB title', { title: 'word '.repeat(1_000_000) }, 'title', ITEM_BOUNDS.titleChars, 'title longer than 1000 characters cut'],
    ['a 2 MB body', { contentHtml: '<p>text</p>'.repeat(200_000) }, 'contentHtml', ITEM_BOUNDS.contentChars, `content longer than ${ITEM_BOUNDS.contentChars} characters cut`],
    ['a 300 KB summary', { summaryHtml: 'x'.repeat(300_000) }, 'summaryHtml', ITEM_BOUNDS.summaryChars, `summary longer than ${ITEM_BOUNDS.summaryChars} characters cut`],
  ] as const)('cuts %s', (_label, extra, field, max, message) => {
    const bounded = boundItem(item(extra));
    expect((bounded.item[field] as string).length).toBeLessThanOrEqual(max);
    expect(bounded.cuts).toEqual([message]);
  });

  it('keeps the first 100 of 1,000 categories and the first 50 authors', () => {
    const bounded = boundItem(item({ categories: Array.from({ length: 1000 }, (_, i) => `c${i}`), authors: Array.from({ length: 60 }, (_, i) => `a${i}`) }));
    expect(bounded.item.categories).toEqual(Array.from({ length: 100 }, (_, i) => `c${i}`));
    expect(bounded.item.authors).toHaveLength(50);
    expect(bounded.cuts).toEqual(['more than 50 authors; kept the first 50', 'more than 100 categories; kept the first 100']);
  });

  it('ignores a link longer than any URL a browser takes', () => {
    const bounded = boundItem(item({ link: `https://example.com/${'a'.repeat(10_000)}` }));
    expect(bounded.item.link).toBeNull();
    expect(bounded.cuts).toEqual([`link longer than ${ITEM_BOUNDS.urlChars} characters ignored`]);
  });

  it('cuts a body without leaving half a tag', () => {
    const bounded = boundItem(item({ title: `${'a'.repeat(995)}<b class="x">bold</b>` }));
    expect(bounded.item.title).toBe('a'.repeat(995));
  });
});

describe('flattenDeepHtml', () => {
  it.each([
    ['shallow HTML is untouched', '<div><p>a<p>b</div>', 2, '<div><p>a<p>b</div>', 0],
    ['tags past the limit go, text stays', '<div><div><div>x</div></div></div>', 2, '<div><div>x</div></div>', 2],
    ['void, self-closing and implicitly closed elements do not count', '<div><br><img src=a><x/><p>a<p>b<li>c</div>', 1, '<div><br><img src=a><x/><p>a<p>b<li>c</div>', 0],
    ['comments are not tags', '<div><!-- <div><div> --></div>', 1, '<div><!-- <div><div> --></div>', 0],
  ])('%s', (_label, html, max, out, dropped) => {
    expect(flattenDeepHtml(html, max)).toEqual({ html: out, dropped });
  });

  it('flattens 100,000 levels in one pass', () => {
    const started = cpuMs();
    const result = flattenDeepHtml(`${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}`);
    expect(result.html).toBe(`${'<div>'.repeat(256)}x${'</div>'.repeat(256)}`);
    expect(cpuMs() - started).toBeLessThan(1000);
  });
});

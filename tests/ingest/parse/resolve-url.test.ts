/** xml:base chains and relative links, RFC 3986 resolution. */
import { describe, expect, it } from 'vitest';
import { childBase, resolveHtmlUrls, resolveUrl } from '../../../src/ingest/parse/resolve-url.ts';

describe('resolveUrl', () => {
  it.each([
    ['a/b.html', 'https://x.example/news/', 'https://x.example/news/a/b.html'],
    ['/a', 'https://x.example/news/feed.xml', 'https://x.example/a'],
    ['https://y.example/a', 'https://x.example/', 'https://y.example/a'],
    ['tag:mefi.social,2024-01-26:objectId=1', 'https://x.example/', 'tag:mefi.social,2024-01-26:objectId=1'],
    ['  ', 'https://x.example/', null],
    ['relative/only', null, 'relative/only'],
  ])('%j against %j → %j', (ref, base, out) => {
    expect(resolveUrl(ref, base)).toBe(out);
  });
});

describe('childBase', () => {
  it.each([
    ['https://x.example/feed', undefined, 'https://x.example/feed'],
    ['https://x.example/feed', '', 'https://x.example/feed'],
    ['https://x.example/feed', '#fragment', 'https://x.example/feed#fragment'],
    ['https://x.example/a/', 'b/', 'https://x.example/a/b/'],
    ['https://x.example/a/', 'https://y.example/', 'https://y.example/'],
  ])('%j with xml:base %j → %j', (parent, xmlBase, out) => {
    expect(childBase(parent, xmlBase)).toBe(out);
  });
});

describe('resolveHtmlUrls', () => {
  it('resolves relative href/src/poster, leaves fragments and absolute URLs', () => {
    expect(resolveHtmlUrls(`<a href="p">x</a><a href='#c'>c</a><img src="/i.png"><video poster="v.png"></video><a href="mailto:a@b.c">m</a>`, 'https://x.example/posts/')).toBe(
      `<a href="https://x.example/posts/p">x</a><a href='#c'>c</a><img src="https://x.example/i.png"><video poster="https://x.example/posts/v.png"></video><a href="mailto:a@b.c">m</a>`,
    );
  });

  it('does nothing without an http(s) base', () => {
    expect(resolveHtmlUrls('<a href="p">x</a>', null)).toBe('<a href="p">x</a>');
  });
});

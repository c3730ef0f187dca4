import { describe, expect, it } from 'vitest';
import { absoluteUrl, canonicalUrl, isTrackingParam } from '../../src/model/url.ts';

describe('canonicalUrl', () => {
  it.each([
    ['lower-cases scheme and host, drops default port and fragment', 'HTTPS://News.Example.ORG:443/Path/A?x=1#top', null, 'https://news.example.org/Path/A?x=1'],
    ['drops utm_* and click ids, keeps other parameters in order', 'https://e.org/a?id=7&utm_source=rss&utm_medium=feed&page=2&fbclid=abc&gclid=z', null, 'https://e.org/a?id=7&page=2'],
    ['drops mailchimp, instagram, twitter and GA parameters', 'https://e.org/a?mc_cid=1&mc_eid=2&igshid=3&ref_src=twsrc&_ga=1.2&q=x', null, 'https://e.org/a?q=x'],
    ['removes the "?" when only tracking parameters were there', 'https://e.org/a?utm_campaign=x', null, 'https://e.org/a'],
    ['keeps kept parameters byte for byte', 'https://e.org/a?q=a%20b&flag&utm_term=x', null, 'https://e.org/a?q=a%20b&flag'],
    ['resolves a relative link against the base', '/news/2024/raid.html?utm_source=x', 'https://site.example/feed.xml', 'https://site.example/news/2024/raid.html'],
    ['resolves a protocol-relative link', '//cdn.example/x', 'http://site.example/', 'http://cdn.example/x'],
    ['keeps a non-default port', 'http://e.org:8080/a', null, 'http://e.org:8080/a'],
    ['trims whitespace around the link', '  https://e.org/a  ', null, 'https://e.org/a'],
    ['rejects tag: URIs (ids, not links)', 'tag:example.org,2024:article-12', null, null],
    ['rejects urn:, mailto: and javascript:', 'javascript:alert(1)', 'https://e.org/', null],
    ['rejects mailto:', 'mailto:desk@e.org', null, null],
    ['rejects an empty link', '', 'https://e.org/', null],
    ['rejects a relative link without a base', '/a/b', null, null],
    ['keeps an Arabic path, percent-encoded', 'https://e.org/خبر/1', null, 'https://e.org/%D8%AE%D8%A8%D8%B1/1'],
  ])('%s', (_label, link, base, expected) => {
    expect(canonicalUrl(link, base)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = canonicalUrl('HTTP://E.org/a?b=1&utm_x=2#f');
    expect(canonicalUrl(once)).toBe(once);
  });
});

describe('isTrackingParam', () => {
  it.each([
    ['utm_source', true], ['UTM_Medium', true], ['fbclid', true], ['pk_campaign', true], ['id', false], ['page', false], ['ref', false],
  ])('%s → %s', (name, expected) => {
    expect(isTrackingParam(name)).toBe(expected);
  });
});

describe('absoluteUrl', () => {
  it('keeps tracking parameters (not an identity) but resolves and rejects non-http', () => {
    expect(absoluteUrl('img.jpg?utm_source=x', 'https://e.org/a/b')).toBe('https://e.org/a/img.jpg?utm_source=x');
    expect(absoluteUrl('data:image/png;base64,AAAA')).toBeNull();
  });
});

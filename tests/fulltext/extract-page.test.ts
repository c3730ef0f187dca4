/** extractPage: what a selector rule or Readability takes from a page, and what `remove` takes out first. */
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/fulltext/extract/extract-page.ts';

const BODY = '<p>First paragraph of the story, long enough to be taken for the article by any reader view that scores text density.</p>'
  + '<p>Second paragraph, naming Kataib Hezbollah and the airport, and saying a little more so that the scoring has something to work with.</p>'
  + '<p>Third paragraph: flights resumed a few hours later, the director told reporters at the airport on Wednesday morning.</p>';
const PAGE = `<html><head><meta charset="utf-8"><script type="application/ld+json">{"@type":"NewsArticle"}</script></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Title</h1><div class="share">Share on Facebook</div><div class="body">${BODY}<script>track()</script><div class="body inner"><p>Nested.</p></div></div></article>
<aside class="related"><a href="/x">Related story</a></aside><noscript>Please enable JavaScript</noscript></body></html>`;

describe('extractPage', () => {
  it('takes the elements a selector names, once each, without scripts', () => {
    const out = extractPage(PAGE, { selector: '.body', remove: [] });
    expect(out.method).toBe('selector');
    expect(out.html).toContain('First paragraph');
    expect(out.html.match(/Nested\./g)).toHaveLength(1); // .body inside .body is not repeated
    expect(out.html).not.toContain('track()');
    expect(out.html).not.toContain('Share on Facebook');
  });

  it('removes the `remove` selectors before extraction', () => {
    const out = extractPage(PAGE, { selector: 'article', remove: ['.share', '.inner'] });
    expect(out.html).toContain('Second paragraph');
    expect(out.html).not.toMatch(/Share on Facebook|Nested/);
  });

  it('finds the article automatically (Readability) without navigation or related links', () => {
    const out = extractPage(PAGE, { remove: [] });
    expect(out.method).toBe('readability');
    expect(out.html).toContain('Kataib Hezbollah');
    expect(out.html).not.toMatch(/Related story|>Home</);
    expect(out.textLength).toBeGreaterThan(300);
  });

  it('keeps the whole page text (noscript included) for wall detection, and reads paywall markup', () => {
    const out = extractPage(PAGE.replace('"NewsArticle"', '"NewsArticle","isAccessibleForFree":"False"'), { selector: '.none', remove: [] });
    expect(out.html).toBe('');
    expect(out.textLength).toBe(0);
    expect(out.pageText).toContain('Please enable JavaScript');
    expect(out.paywallMarkup).toBe(true);
    expect(extractPage(PAGE, { remove: [] }).paywallMarkup).toBe(false);
  });
});

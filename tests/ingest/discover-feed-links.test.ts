/** Feed autodiscovery over pages in the shapes news sites use. */
import { describe, expect, it } from 'vitest';
import { findFeedLinks } from '../../src/ingest/discover/feed-links.ts';

describe('findFeedLinks', () => {
  it.each([
    [
      'RSS and Atom, relative and absolute, titles',
      '<html><head><link rel="alternate" type="application/rss+xml" title="Top stories" href="/rss/top.xml"><link rel="alternate" type="application/atom+xml" href="https://news.example/atom"></head></html>',
      [
        { url: 'https://news.example/rss/top.xml', format: 'rss', title: 'Top stories' },
        { url: 'https://news.example/atom', format: 'atom' },
      ],
    ],
    ['<base href> is honoured', '<base href="https://cdn.example/ar/"><link rel="alternate" type="application/rss+xml" href="feed.xml">', [{ url: 'https://cdn.example/ar/feed.xml', format: 'rss' }]],
    ['JSON Feed', '<link rel="alternate" type="application/feed+json" href="/feed.json">', [{ url: 'https://news.example/feed.json', format: 'json' }]],
    ['stylesheets, canonical links and plain JSON are not feeds', '<link rel="stylesheet" href="/a.css"><link rel="canonical" href="/x"><link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts/1">', []],
    ['duplicates once; case-insensitive rel and type', '<LINK REL="Alternate" TYPE="Application/RSS+XML; charset=utf-8" HREF="/f"><link rel="alternate" type="application/rss+xml" href="https://news.example/f">', [{ url: 'https://news.example/f', format: 'rss' }]],
  ])('%s', (_name, html, links) => {
    expect(findFeedLinks(html, 'https://news.example/section/page.html')).toEqual(links);
  });
});

import { describe, expect, it } from 'vitest';
import { parseOpml, slugForFeed, toOpml } from '../../src/config/opml.ts';

const OPML = `<?xml version="1.0"?>
<opml version="1.0"><head><title>Analyst subscriptions</title></head><body>
  <outline text="Iraq">
    <outline text="Shafaq News" type="rss" xmlUrl="https://shafaq.example/en/rss" htmlUrl="https://shafaq.example/en"/>
    <outline title="كردستان ٢٤" xmlUrl="https://k24.example/ar/rss"/>
  </outline>
  <outline text="Loose &amp; unfiled" xmlUrl="https://example.org/feed?a=1&amp;b=2"/>
  <outline text="Folder without feeds"></outline>
</body></opml>`;

describe('parseOpml', () => {
  it('reads nested outlines, keeps folders and decodes entities', () => {
    expect(parseOpml(OPML)).toEqual([
      { title: 'Shafaq News', xmlUrl: 'https://shafaq.example/en/rss', htmlUrl: 'https://shafaq.example/en', folders: ['Iraq'] },
      { title: 'كردستان ٢٤', xmlUrl: 'https://k24.example/ar/rss', folders: ['Iraq'] },
      { title: 'Loose & unfiled', xmlUrl: 'https://example.org/feed?a=1&b=2', folders: [] },
    ]);
  });
  it('round-trips what toOpml writes', () => {
    const feeds = [{ id: 'a', url: 'https://x.example/rss?a=1&b=2', title: 'Al "Quotes" & co', tags: ['iraq', 'security'] }];
    expect(parseOpml(toOpml(feeds))).toEqual([{ title: 'Al "Quotes" & co', xmlUrl: 'https://x.example/rss?a=1&b=2', folders: [] }]);
  });
});

describe('slugForFeed', () => {
  it.each([
    ['Shafaq News (English)', 'https://x', 'shafaq-news-english'],
    ['Rûdaw — Kurdistan', 'https://x', 'rudaw-kurdistan'],
    ['كردستان ٢٤', 'https://www.k24.example/ar/rss', 'k24-example'],
    [undefined, 'https://www.longwarjournal.org/feed', 'longwarjournal-org'],
  ])('%s / %s → %s', (title, url, slug) => {
    expect(slugForFeed(title, url)).toBe(slug);
  });
});

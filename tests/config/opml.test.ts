import { describe, expect, it } from 'vitest';
import { NEWSGATE_OPML_NS, parseOpml, slugForFeed, toOpml } from '../../src/config/opml.ts';

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
      { title: 'Shafaq News', xmlUrl: 'https://shafaq.example/en/rss', htmlUrl: 'https://shafaq.example/en', folders: ['Iraq'], categories: [] },
      { title: 'كردستان ٢٤', xmlUrl: 'https://k24.example/ar/rss', folders: ['Iraq'], categories: [] },
      { title: 'Loose & unfiled', xmlUrl: 'https://example.org/feed?a=1&b=2', folders: [], categories: [] },
    ]);
  });
  it('round-trips what toOpml writes: the whole entry but url and headers, tags also as category', () => {
    const feeds = [
      {
        id: 'kurdistan-24-ar',
        url: 'https://x.example/rss?a=1&b=2',
        title: 'Al "Quotes" & co',
        tags: ['iraq', 'security'],
        language: 'ar',
        regions: ['IQ', 'IQ/erbil'],
        intervalMinutes: 30,
        enabled: false,
        timezone: 'Asia/Baghdad',
        headers: { cookie: 'session=secret' },
      },
    ];
    const [outline] = parseOpml(toOpml(feeds));
    expect(outline).toMatchObject({ title: 'Al "Quotes" & co', xmlUrl: 'https://x.example/rss?a=1&b=2', categories: ['iraq', 'security'] });
    const { url: _url, headers: _headers, ...rest } = feeds[0]!;
    expect(outline!.entry).toEqual(rest);
    expect(toOpml(feeds)).not.toContain('secret');
  });
  it('reads newsgate:entry under whatever prefix the file binds to the namespace', () => {
    const text = `<opml version="2.0" xmlns:ng="${NEWSGATE_OPML_NS}"><body><outline text="x" xmlUrl="https://x/rss" ng:entry='{"id":"x1","language":"fa"}'/></body></opml>`;
    expect(parseOpml(text)[0]!.entry).toEqual({ id: 'x1', language: 'fa' });
  });
  it('reports an unusable newsgate:entry instead of guessing', () => {
    const text = `<opml version="2.0" xmlns:newsgate="${NEWSGATE_OPML_NS}"><body><outline text="x" xmlUrl="https://x/rss" newsgate:entry="{not json"/></body></opml>`;
    const [o] = parseOpml(text);
    expect(o!.entry).toBeUndefined();
    expect(o!.entryError).toMatch(/not valid JSON/);
  });
});

describe('slugForFeed', () => {
  it.each([
    ['Shafaq News (English)', 'https://x', 'shafaq-news-english'],
    ['Rûdaw — Kurdistan', 'https://x', 'rudaw-kurdistan'],
    ['كردستان ٢٤', 'https://www.k24.example/ar/rss', 'krdstn-24'],
    ['خبرگزاری تسنیم', 'https://x', 'khbrgzry-tsnym'],
    ['Новости Сирии', 'https://x', 'novosti-sirii'],
    ['٢٤', 'https://127.0.0.1:8080/ar/rss', '24'],
    ['★★★', 'https://www.k24.example/ar/rss', 'k24-example'],
    [undefined, 'https://www.longwarjournal.org/feed', 'longwarjournal-org'],
  ])('%s / %s → %s', (title, url, slug) => {
    expect(slugForFeed(title, url)).toBe(slug);
  });
});

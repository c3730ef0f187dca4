/**
 * What the upstream suites of node-feedparser and gofeed (parser/universal) assert about their
 * feeds, checked against newsgate's parse stage. Reads ../shared/feed-corpus (never copied into
 * the repository); skipped with a warning when it is absent. Files are read as UTF-8 here: the
 * decode stage is tested on its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/ingest/parse/parse-feed.ts';
import { ErrorCode } from '../../../src/model/errors.ts';

const CORPUS = join(import.meta.dirname, '../../../../shared/feed-corpus');
const present = existsSync(CORPUS);
if (!present) console.warn(`corpus.test.ts: ${CORPUS} is absent; the feed-corpus assertions are skipped`);

const FP = join(CORPUS, 'node-feedparser/test/feeds');
const UNIVERSAL = join(CORPUS, 'gofeed/testdata/parser/universal');

function read(dir: string, name: string): string {
  return readFileSync(join(dir, name), 'utf8');
}

async function parseFile(dir: string, name: string, url = `http://example.com/${name}`) {
  return parseFeed(read(dir, name), { url });
}

describe.skipIf(!present)('node-feedparser corpus', () => {
  it('guid-dupes.xml: first guid and permalink', async () => {
    const feed = await parseFile(FP, 'guid-dupes.xml');
    expect(feed.items[0]).toMatchObject({ guid: 'http://www.braingle.com/50366.html', link: 'http://www.braingle.com/50366.html' });
  });

  it('category-feed.xml: categories are not split on commas', async () => {
    const feed = await parseFile(FP, 'category-feed.xml');
    expect(feed.items[0]?.categories).toEqual(['Water Pollution', 'Gowanus Canal (Brooklyn, NY)']);
  });

  it('saxerror.xml: all 3 items, and the error is reported', async () => {
    const feed = await parseFile(FP, 'saxerror.xml');
    expect(feed.items.map((i) => i.title)).toEqual(['Good Item', 'Bad Item', 'Item After Error']);
    expect(feed.warnings.filter((w) => w.startsWith('ill-formed XML'))).toHaveLength(1);
  });

  it.each(['notafeed.html', 'invalid-characters-gzipped.xml'])('%s fails cleanly with "Not a feed"', async (name) => {
    await expect(parseFile(FP, name)).rejects.toMatchObject({ code: ErrorCode.PARSE_NOT_A_FEED, message: expect.stringMatching(/^Not a feed/) });
  });

  it('illegally-nested.xml: 10 items, nested ones ignored', async () => {
    expect((await parseFile(FP, 'illegally-nested.xml')).items).toHaveLength(10);
  });

  it('mediacontent-dupes.xml: 3 distinct enclosures', async () => {
    const urls = (await parseFile(FP, 'mediacontent-dupes.xml')).items[0]?.enclosures.map((e) => e.url) ?? [];
    expect(urls).toHaveLength(3);
    expect(new Set(urls).size).toBe(3);
  });

  it('non-text-alternate-links.xml: the alternate link wins', async () => {
    const feed = await parseFile(FP, 'non-text-alternate-links.xml');
    expect(feed.items[0]?.link).toBe('https://ncatlab.org/nlab/show/%280%2C1%29-category');
  });

  it('atom-with-tag-uri-links.xml: a tag: URI link is kept', async () => {
    expect((await parseFile(FP, 'atom-with-tag-uri-links.xml')).items[0]?.link).toBe('tag:mefi.social,2024-01-26:objectId=20368395');
  });

  it('wapowellness.xml: author; <link> wins over pheedo:origLink, like other readers', async () => {
    const item = (await parseFile(FP, 'wapowellness.xml')).items[0];
    expect(item?.authors).toEqual(['Lenny Bernstein']);
    expect(item?.link).toBe('http://feeds.washingtonpost.com/click.phdo?i=cc0c5fb09865354bbec8415210a554da');
  });

  it('complexNamespaceFeed.xml: prefixed entries keep their id', async () => {
    expect((await parseFile(FP, 'complexNamespaceFeed.xml')).items[0]?.guid).toBe('urn:uuid:d5ffaea2-0a9a-4f38-98fc-5c364177b6b4');
  });

  it.each(['nondefaultnamespace-baseline.atom', 'nondefaultnamespace.atom', 'nondefaultnamespace-xhtml.atom', 'unknown-namespace.atom'])(
    '%s: prefixed Atom and XHTML read with content in order',
    async (name) => {
      const feed = await parseFile(FP, name);
      expect(feed.format).toBe('atom1.0');
      expect(feed.items).toHaveLength(1);
      expect(feed.items[0]?.title).toMatch(/^(If you can read|This entry contains)/);
      expect(feed.items[0]?.contentHtml).toMatch(/<(ul|li)\b/);
    },
  );

  it.each(['tpm.atom', 'tpm-with-empty-base.atom', 'tpm-with-fragment-base.atom'])('%s: relative links resolved', async (name) => {
    const feed = await parseFile(FP, name, 'http://talkingpointsmemo.com/feed/all');
    expect(feed.items[0]?.link).toBe('http://talkingpointsmemo.com/livewire/hannity-announces-fox-hired-sebastian-gorka-national-security-strategist');
    expect(feed.items.filter((i) => i.link?.startsWith('http://talkingpointsmemo.com/'))).toHaveLength(20);
  });

  it('intertwingly.atom: relative links resolved against the document URL', async () => {
    const feed = await parseFile(FP, 'intertwingly.atom', 'http://intertwingly.net/blog/index.atom');
    expect(feed.link).toBe('http://intertwingly.net/blog/');
    expect(feed.items[0]?.link).toBe('http://intertwingly.net/blog/2012/07/16/Inhibiting-Suspend');
  });

  it('rss-with-item-scoped-html-base.xml: item xml:base applies to its link and HTML only', async () => {
    const feed = await parseFile(FP, 'rss-with-item-scoped-html-base.xml', 'https://example.com/feed.xml');
    expect(feed.items.map((i) => i.link)).toEqual(['https://example.com/first/first', 'https://example.com/second']);
    expect(feed.items[0]?.summaryHtml).toContain('href="https://example.com/first/post"');
    expect(feed.items[1]?.summaryHtml).toContain('href="https://example.com/post"');
  });

  it('rss2sample.xml: the canonical sample', async () => {
    const feed = await parseFile(FP, 'rss2sample.xml');
    expect(feed).toMatchObject({ format: 'rss2.0', title: 'Liftoff News', link: 'http://liftoff.msfc.nasa.gov/' });
    expect(feed.items).toHaveLength(4);
  });

  it('rss-with-trailing-meta.xml: channel elements after the items', async () => {
    const feed = await parseFile(FP, 'rss-with-trailing-meta.xml');
    expect(feed.title).toBe('Trailing Meta Feed');
    expect(feed.items[0]?.title).toBe('First item');
  });
});

describe.skipIf(!present)('gofeed parser/universal corpus', () => {
  it.each([
    ['rss_feed.xml', 'rss2.0'],
    ['rss_feed_bom.xml', 'rss2.0'],
    ['rss_feed_leading_spaces.xml', 'rss2.0'],
    ['rdf_feed.xml', 'rss1.0'],
    ['atom03_feed.xml', 'atom0.3'],
    ['atom10_feed.xml', 'atom1.0'],
  ])('%s parses as %s with title "Feed Title"', async (name, format) => {
    const feed = await parseFile(UNIVERSAL, name);
    expect(feed).toMatchObject({ format, title: 'Feed Title' });
  });

  it.each(['unknown_feed.xml', 'empty_feed.xml'])('%s fails with "Not a feed"', async (name) => {
    await expect(parseFile(UNIVERSAL, name)).rejects.toMatchObject({ code: ErrorCode.PARSE_NOT_A_FEED });
  });
});

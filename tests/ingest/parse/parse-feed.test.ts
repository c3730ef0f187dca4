/**
 * parseFeed end to end on small inline documents: the gaps of rss-parser it fills, recovery
 * of broken documents, and its errors.
 */
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/ingest/parse/parse-feed.ts';
import { ErrorCode } from '../../../src/model/errors.ts';

const URL = 'https://feeds.example.org/feed.xml';

function rss(items: string, channel = '<title>Wire</title><link>https://wire.example/</link>'): string {
  return `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel>${channel}${items}</channel></rss>`;
}

describe('parseFeed: RSS', () => {
  it('keeps all authors without e-mail addresses, and categories whole', async () => {
    const feed = await parseFeed(
      rss(`<item><title>t</title><link>https://wire.example/a</link><author>desk@wire.example (Hassan Jabbar)</author>
        <dc:creator>Zahraa Kadhim</dc:creator><category domain="x">Security, defence</category><category>Basra</category></item>`),
      { url: URL },
    );
    expect(feed.items[0]?.authors).toEqual(['Hassan Jabbar', 'Zahraa Kadhim']);
    expect(feed.items[0]?.categories).toEqual(['Security, defence', 'Basra']);
  });

  it('uses a permalink guid as the link only when isPermaLink is not false', async () => {
    const feed = await parseFeed(
      rss(`<item><title>a</title><guid>https://wire.example/a</guid></item><item><title>b</title><guid isPermaLink="false">https://wire.example/b</guid></item>`),
      { url: URL },
    );
    expect(feed.items.map((i) => i.link)).toEqual(['https://wire.example/a', null]);
    expect(feed.warnings).toContain('1 item: no <link>; used the permalink <guid>');
  });

  it('resolves relative links against xml:base and the document URL, in links and in HTML', async () => {
    const feed = await parseFeed(
      `<rss version="2.0" xml:base="https://wire.example/news/"><channel><title>t</title><link>../</link>
        <item xml:base="2024/"><title>a</title><link>a.html</link><description><![CDATA[<a href="b.html">b</a> <img src="/i.png">]]></description></item>
      </channel></rss>`,
      { url: URL },
    );
    expect(feed.link).toBe('https://wire.example/');
    expect(feed.items[0]?.link).toBe('https://wire.example/news/2024/a.html');
    expect(feed.items[0]?.summaryHtml).toBe('<a href="https://wire.example/news/2024/b.html">b</a> <img src="https://wire.example/i.png">');
  });

  it('de-duplicates enclosures by URL across enclosure, media:content and media:thumbnail', async () => {
    const feed = await parseFeed(
      rss(`<item><title>a</title><enclosure url="https://img.example/1.jpg" type="image/jpeg" length="10"/>
        <media:content url="https://img.example/1.jpg"/><media:group><media:content url="https://img.example/2.jpg"/></media:group>
        <media:thumbnail url="/3.jpg"/></item>`),
      { url: URL },
    );
    expect(feed.items[0]?.enclosures).toEqual([
      { url: 'https://img.example/1.jpg', type: 'image/jpeg', length: 10, source: 'enclosure' },
      { url: 'https://img.example/2.jpg', source: 'media:content' },
      { url: 'https://feeds.example.org/3.jpg', source: 'media:thumbnail' },
    ]);
  });

  it('keeps raw HTML written into a description in document order', async () => {
    const feed = await parseFeed(rss('<item><title>a</title><description>The <b>ISF</b> said <i>nothing</i> more.</description></item>'), { url: URL });
    expect(feed.items[0]?.summaryHtml).toBe('The <b>ISF</b> said <i>nothing</i> more.');
  });

  it('reads the item language from xml:lang or dc:language', async () => {
    const feed = await parseFeed(rss('<item xml:lang="ar"><title>أ</title></item><item><title>b</title><dc:language>fa</dc:language></item>'), { url: URL });
    expect(feed.items.map((i) => i.language)).toEqual(['ar', 'fa']);
  });
});

describe('parseFeed: Atom', () => {
  it('flattens xhtml titles to a string and prefers the alternate link', async () => {
    const feed = await parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>1</id>
        <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">The <em>IRGC</em> responds</div></title>
        <link rel="self" href="https://x.example/self"/><link rel="alternate" type="application/xhtml+xml" href="https://x.example/a"/>
      </entry></feed>`,
      { url: URL },
    );
    expect(feed.items[0]?.title).toBe('<div>The <em>IRGC</em> responds</div>');
    expect(feed.items[0]?.link).toBe('https://x.example/a');
  });

  it('reads Atom 0.3 issued/modified and base64 content', async () => {
    const feed = await parseFeed(
      `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>t</title><entry><title>a</title>
        <link rel="alternate" type="text/html" href="https://x.example/a"/><issued>2004-01-01T10:00:00+03:00</issued>
        <modified>2004-01-02T10:00:00Z</modified><content type="text/html" mode="base64">${Buffer.from('<p>Sanaa</p>').toString('base64')}</content></entry></feed>`,
      { url: URL },
    );
    expect(feed.format).toBe('atom0.3');
    expect(feed.items[0]).toMatchObject({ published: '2004-01-01T10:00:00+03:00', updated: '2004-01-02T10:00:00Z', contentHtml: '<p>Sanaa</p>' });
  });

  it('does not let a bad date reject the entry', async () => {
    const feed = await parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>1</id><title>a</title><published>yesterday</published></entry></feed>',
      { url: URL },
    );
    expect(feed.items[0]?.published).toBe('yesterday');
  });
});

describe('parseFeed: broken documents', () => {
  it('keeps the good items when one item cannot be parsed', async () => {
    const feed = await parseFeed(
      rss('<item><title>Good</title></item><item><title>Bad</title><guid>bn-2</link></item><item><title>After</title></item>'),
      { url: URL },
    );
    expect(feed.title).toBe('Wire');
    expect(feed.items.map((i) => i.title)).toEqual(['Good', 'After']);
    expect(feed.warnings.some((w) => /item 2 \("Bad"\) could not be read and was dropped/.test(w))).toBe(true);
    expect(feed.warnings[0]).toMatch(/^ill-formed XML: the document could not be parsed as a whole/);
  });

  it('throws PARSE_MALFORMED when a feed has no readable item', async () => {
    await expect(parseFeed('<rss version="2.0"><channel><title>a</b></channel></rss>', { url: URL })).rejects.toMatchObject({
      code: ErrorCode.PARSE_MALFORMED,
      message: expect.stringMatching(/^Malformed feed: the document is RSS 2.0 but no item could be read/),
    });
  });

  it('throws PARSE_NOT_A_FEED for an HTML page', async () => {
    await expect(parseFeed('<!doctype html><html><body>hi</body></html>', { url: URL })).rejects.toMatchObject({
      code: ErrorCode.PARSE_NOT_A_FEED,
    });
  });
});

describe('parseFeed: JSON Feed', () => {
  it('reads 1.0 author and 1.1 authors, tags and attachments', async () => {
    const feed = await parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1',
        title: 'j',
        author: { name: 'Desk' },
        items: [
          { id: 1, url: '/a', title: 'a', tags: ['Iraq, Syria'], attachments: [{ url: 'https://x.example/a.mp3', mime_type: 'audio/mpeg', size_in_bytes: 5 }] },
          { id: '2', content_text: 'a < b', authors: [{ name: 'Rojda' }] },
        ],
      }),
      { url: URL },
    );
    expect(feed.format).toBe('json1.0');
    expect(feed.items[0]).toMatchObject({ guid: '1', link: 'https://feeds.example.org/a', authors: ['Desk'], categories: ['Iraq, Syria'] });
    expect(feed.items[0]?.enclosures).toEqual([{ url: 'https://x.example/a.mp3', type: 'audio/mpeg', length: 5, source: 'json:attachment' }]);
    expect(feed.items[1]).toMatchObject({ authors: ['Rojda'], contentHtml: 'a &lt; b' });
  });
});

describe('parseFeed: recovery when the channel itself is broken', () => {
  it('still reads the items, and says the feed metadata is missing', async () => {
    const feed = await parseFeed(
      '<rss version="2.0"><channel><title>Wire</bad><item><title>One</title></item><item><title>Two</title></item></channel></rss>',
      { url: URL },
    );
    expect(feed.items.map((i) => i.title)).toEqual(['One', 'Two']);
    expect(feed.title).toBeNull();
    expect(feed.warnings.some((w) => w.includes("the channel's own elements could not be read"))).toBe(true);
  });
});

describe('parseFeed: namespaces under other prefixes', () => {
  it('reads Atom elements in RSS under any prefix (.NET writes a10:) and an xhtml:body', async () => {
    const feed = await parseFeed(
      `<rss version="2.0" xmlns:a10="http://www.w3.org/2005/Atom" xmlns:x="http://www.w3.org/1999/xhtml"><channel><title>t</title>
        <item><title>a</title><a10:link href="https://x.example/a"/><a10:updated>2024-02-01T10:00:00Z</a10:updated>
        <a10:author><a10:name>Rojda Amed</a10:name></a10:author><x:body><x:p>Qamishli <x:b>today</x:b></x:p></x:body></item></channel></rss>`,
      { url: URL },
    );
    expect(feed.items[0]).toMatchObject({ link: 'https://x.example/a', updated: '2024-02-01T10:00:00Z', authors: ['Rojda Amed'], contentHtml: '<p>Qamishli <b>today</b></p>' });
  });
});

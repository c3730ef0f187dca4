/**
 * Renders stories as feed documents in the three XML formats newsgate meets most: RSS 2.0
 * (with content:encoded and dc:creator), Atom 1.0 (html content, escaped) and RSS 1.0 (RDF).
 * The ingest benchmark parses these with newsgate and with the baselines, so they are
 * well-formed and shaped like what real sites publish.
 */
import { storyHtml, type Story } from './story.ts';

export type SyntheticFormat = 'rss2' | 'atom' | 'rss1';

export interface FeedMeta {
  readonly id: string;
  readonly title: string;
  /** Site home page; item links are built under it. */
  readonly site: string;
}

const xml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** CDATA cannot hold `]]>`; split it the usual way. */
const cdata = (s: string): string => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const linkOf = (meta: FeedMeta, story: Story): string => `${meta.site}/news/${story.index}?utm_source=rss`;
const rfc822 = (iso: string): string => new Date(iso).toUTCString().replace('GMT', '+0000');

function rss2(meta: FeedMeta, stories: readonly Story[]): string {
  const items = stories.map(
    (s) => `  <item>
    <title>${xml(s.title)}</title>
    <link>${xml(linkOf(meta, s))}</link>
    <guid isPermaLink="false">${xml(`${meta.id}-${s.index}`)}</guid>
    <pubDate>${rfc822(s.publishedAt)}</pubDate>
    <dc:creator>${xml(s.author)}</dc:creator>
${s.categories.map((c) => `    <category>${xml(c)}</category>`).join('\n')}
    <description>${xml(s.lead)}</description>
    <content:encoded>${cdata(storyHtml(s))}</content:encoded>
  </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>${xml(meta.title)}</title>
  <link>${xml(meta.site)}</link>
  <description>Security news from ${xml(meta.title)}</description>
  <language>en</language>
${items.join('\n')}
</channel>
</rss>
`;
}

function atom(meta: FeedMeta, stories: readonly Story[]): string {
  const updated = stories.reduce((max, s) => (s.publishedAt > max ? s.publishedAt : max), '1970-01-01T00:00:00.000Z');
  const entries = stories.map(
    (s) => `  <entry${s.language === 'ar' ? ' xml:lang="ar"' : ''}>
    <title type="text">${xml(s.title)}</title>
    <link rel="alternate" href="${xml(linkOf(meta, s))}"/>
    <id>tag:${new URL(meta.site).host},2026:${s.index}</id>
    <published>${s.publishedAt}</published>
    <updated>${s.publishedAt}</updated>
    <author><name>${xml(s.author)}</name></author>
${s.categories.map((c) => `    <category term="${xml(c)}"/>`).join('\n')}
    <summary type="text">${xml(s.lead)}</summary>
    <content type="html">${xml(storyHtml(s))}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>${xml(meta.title)}</title>
  <link rel="alternate" href="${xml(meta.site)}"/>
  <id>${xml(meta.site)}/</id>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
}

function rss1(meta: FeedMeta, stories: readonly Story[]): string {
  const seq = stories.map((s) => `        <rdf:li rdf:resource="${xml(linkOf(meta, s))}"/>`).join('\n');
  const items = stories.map(
    (s) => `  <item rdf:about="${xml(linkOf(meta, s))}">
    <title>${xml(s.title)}</title>
    <link>${xml(linkOf(meta, s))}</link>
    <description>${xml(s.lead)}</description>
    <dc:date>${s.publishedAt}</dc:date>
    <dc:creator>${xml(s.author)}</dc:creator>
${s.categories.map((c) => `    <dc:subject>${xml(c)}</dc:subject>`).join('\n')}
    <content:encoded>${cdata(storyHtml(s))}</content:encoded>
  </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel rdf:about="${xml(meta.site)}/rss">
    <title>${xml(meta.title)}</title>
    <link>${xml(meta.site)}</link>
    <description>Security news from ${xml(meta.title)}</description>
    <items>
      <rdf:Seq>
${seq}
      </rdf:Seq>
    </items>
  </channel>
${items.join('\n')}
</rdf:RDF>
`;
}

/** One feed document of `stories` in `format`. */
export function renderFeed(format: SyntheticFormat, meta: FeedMeta, stories: readonly Story[]): string {
  switch (format) {
    case 'rss2':
      return rss2(meta, stories);
    case 'atom':
      return atom(meta, stories);
    case 'rss1':
      return rss1(meta, stories);
  }
}

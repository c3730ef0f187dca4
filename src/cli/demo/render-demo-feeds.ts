/**
 * Turns demo/corpus.json (sample articles written by the team) into RSS 2.0 files and a
 * feeds.json that reads them as `file:` feeds, so `newsgate demo` runs the real pipeline —
 * fetch, decode, parse, normalise, tag, store — with no network. Dates are set relative to
 * "now" at each start so the demo always looks current. Pure but for the files it writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The corpus as scripts/build-demo-corpus.ts writes it. */
export interface DemoCorpus {
  readonly feeds: readonly {
    readonly id: string;
    readonly title: string;
    readonly language: string;
    readonly items: readonly {
      readonly guid: string;
      readonly title: string;
      readonly summary: string;
      readonly contentHtml: string;
      readonly categories: readonly string[];
      readonly hoursAgo: number;
    }[];
  }[];
}

/** Where the shipped corpus is. */
export const DEMO_CORPUS = new URL('../../../demo/corpus.json', import.meta.url);

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cdata = (s: string): string => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** One feed of the corpus as an RSS 2.0 document, dated relative to `now`. */
export function renderDemoRss(feed: DemoCorpus['feeds'][number], now: Date): string {
  const items = feed.items.map((item) => {
    const date = new Date(now.getTime() - item.hoursAgo * 3_600_000).toUTCString();
    const link = `https://demo.newsgate.invalid/${feed.id}/${item.guid}`;
    return [
      '  <item>',
      `    <title>${xml(item.title)}</title>`,
      `    <link>${link}</link>`,
      `    <guid isPermaLink="false">${xml(item.guid)}</guid>`,
      `    <pubDate>${date}</pubDate>`,
      ...item.categories.map((c) => `    <category>${xml(c)}</category>`),
      `    <description>${xml(item.summary)}</description>`,
      `    <content:encoded>${cdata(item.contentHtml)}</content:encoded>`,
      '  </item>',
    ].join('\n');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">\n<channel>\n  <title>${xml(feed.title)}</title>\n  <link>https://demo.newsgate.invalid/${feed.id}/</link>\n  <language>${feed.language}</language>\n  <description>Sample articles for newsgate demo (not real news)</description>\n${items.join('\n')}\n</channel>\n</rss>\n`;
}

/** Writes the feeds and a feeds.json into `dir`; returns the feeds.json path and the article count. */
export function writeDemoFeeds(dir: string, now = new Date()): { feedsFile: string; articles: number; feeds: number } {
  const corpus = JSON.parse(readFileSync(DEMO_CORPUS, 'utf8')) as DemoCorpus;
  const entries = corpus.feeds.map((feed) => {
    const file = path.join(dir, `${feed.id}.xml`);
    writeFileSync(file, renderDemoRss(feed, now));
    return { id: feed.id, url: pathToFileURL(file).href, allowFile: true, language: feed.language, intervalMinutes: 60 };
  });
  const feedsFile = path.join(dir, 'feeds.json');
  writeFileSync(feedsFile, `${JSON.stringify({ feeds: entries }, null, 2)}\n`);
  return { feedsFile, articles: corpus.feeds.reduce((n, f) => n + f.items.length, 0), feeds: entries.length };
}

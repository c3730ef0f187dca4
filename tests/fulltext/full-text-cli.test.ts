/**
 * The operator's full-text commands against the local news site: `newsgate preview --full-text`
 * shows what extraction gives for the first items (and why not, per item) without a store;
 * `newsgate feeds refetch-text <id>` re-extracts stored articles after the rule changed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { runCli } from '../../src/cli/main.ts';
import { DEFAULT_FETCH } from '../../src/config/feeds-file.ts';
import { createDefaultTagger } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { refreshFeed } from '../../src/pipeline/refresh-feed.ts';
import { ArticleStore } from '../../src/store/article-store.ts';
import { CONSENT_PATH, DRONE_STORY, MISSING_PATH, startNewsSite, type NewsSite } from './news-site.ts';

let site: NewsSite;
let dir: string;
beforeAll(async () => {
  site = await startNewsSite();
  dir = mkdtempSync(path.join(tmpdir(), 'newsgate-fulltext-cli-'));
});
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

function io(env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const value: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), env: { FEEDS_FILE: 'feeds.json', ...env }, cwd: dir };
  return { io: value, out: () => out, err: () => err };
}
function writeFeeds(fullText: unknown): void {
  const feed = { id: 'levant-wire', url: site.feedUrl, ...(fullText === undefined ? {} : { fullText }) };
  writeFileSync(path.join(dir, 'feeds.json'), JSON.stringify({ fetch: { perHostSpacingSeconds: 0 }, feeds: [feed] }));
}

describe('newsgate preview --full-text', () => {
  it('shows the page text of the first items, and why an item keeps the feed text', async () => {
    writeFeeds(undefined);
    const t = io();
    const before = site.seen.length;
    expect(await runCli(['preview', site.feedUrl, '--full-text', '--json'], t.io), t.err()).toBe(0);
    const doc = JSON.parse(t.out());
    expect(doc.articles).toHaveLength(5); // a preview, not a crawl: the first five
    const drone = doc.articles.find((a: any) => a.url.endsWith(DRONE_STORY.path));
    expect(drone.fullText).toMatchObject({ status: 'page', encoding: 'utf-8', feedChars: DRONE_STORY.summary.length });
    expect(drone.content).toContain(DRONE_STORY.bodyParagraphs[1]);
    expect(drone.content).not.toContain('Reader comments');
    expect(drone.actors.map((a: any) => a.id)).toContain('kataib-hizbullah');
    const consent = doc.articles.find((a: any) => a.url.endsWith(CONSENT_PATH));
    expect(consent.fullText).toMatchObject({ status: 'kept', reason: 'consent' });
    expect(consent.content).toBe('Gulf foreign ministers met in Muscat on Tuesday.');
    const missing = doc.articles.find((a: any) => a.url.endsWith(MISSING_PATH));
    expect(missing.fullText).toMatchObject({ status: 'kept', reason: 'fetch' });
    expect(missing.fullText.message).toContain('404');
    expect(site.seen.length - before).toBe(6); // the feed and five pages
  });

  it('tries a selector and remove list from the command line, in text form', async () => {
    const t = io();
    const code = await runCli(['preview', site.feedUrl, '--selector', 'article .story-body', '--remove', 'figure', '--limit', '1'], t.io);
    expect(code, t.err()).toBe(0);
    expect(t.out()).toMatch(/full text: \d+ characters from the page \(the feed had 62; utf-8\)/);
    expect(t.out()).toContain(`| ${DRONE_STORY.bodyParagraphs[0]!.slice(0, 60)}`);
  });

  it('previews a feeds.json feed by id with its own rule', async () => {
    writeFeeds({ selector: '.no-such-element' });
    const t = io();
    expect(await runCli(['preview', 'levant-wire', '--full-text', '--limit', '1'], t.io), t.err()).toBe(0);
    expect(t.out()).toContain("full text: kept the feed's text (empty)");
  });

  it('rejects an invalid selector before fetching anything', async () => {
    const t = io();
    const before = site.seen.length;
    expect(await runCli(['preview', site.feedUrl, '--selector', 'div['], t.io)).toBe(2);
    expect(t.err()).toContain('"div[" is not a valid CSS selector');
    expect(site.seen.length).toBe(before);
  });
});

describe('newsgate feeds refetch-text', () => {
  it('re-extracts stored articles with the feed\'s current rule', async () => {
    const storeUrl = `sqlite://${path.join(dir, 'store.sqlite')}`;
    const { tagger, catalog } = await createDefaultTagger({ discovery: false });
    // Stored before full text was turned on: summaries only.
    let store = await ArticleStore.open({ url: storeUrl, regionAncestors: (id) => catalog.regionAncestors(id) });
    const feed = { id: 'levant-wire', url: site.feedUrl, tags: [], regions: [], intervalMinutes: 15, enabled: true, headers: {}, allowFile: false };
    await refreshFeed(feed, { store, tagger, fetch: DEFAULT_FETCH, logger: silentLogger });
    await store.close();

    writeFeeds({ selector: 'article .story-body, article .text', remove: ['figure'] });
    const t = io({ STORE_URL: storeUrl });
    expect(await runCli(['feeds', 'refetch-text', 'levant-wire'], t.io), t.err()).toBe(0);
    expect(t.out()).toMatch(/^levant-wire: 6 stored articles: 2 updated, 0 unchanged, 4 kept their stored text/);
    expect(t.out()).toContain("Full text: kept the feed's text for 4 of 6 articles");

    store = await ArticleStore.open({ url: storeUrl, regionAncestors: (id) => catalog.regionAncestors(id) });
    try {
      const page = await store.query({ sources: ['levant-wire'] }, { first: 10 });
      const drone = page.items.find((m) => m.url?.endsWith(DRONE_STORY.path))!;
      const [body] = await store.getBodies([drone.id]);
      expect(body!.content.startsWith(DRONE_STORY.bodyParagraphs[0]!)).toBe(true);
      expect(drone.actors.map((a) => a.id)).toContain('kataib-hizbullah');
      expect(drone.summary).toBe(DRONE_STORY.summary);
      expect((await store.getFeedState('levant-wire'))!.fullText).toMatchObject({ fetched: 2, failed: 4 });
    } finally {
      await store.close();
    }
  });

  it('says what to do for a feed without fullText or an unknown id', async () => {
    writeFeeds(undefined);
    const t = io();
    expect(await runCli(['feeds', 'refetch-text', 'levant-wire'], t.io)).toBe(2);
    expect(t.err()).toContain('add "fullText": true');
    const u = io();
    expect(await runCli(['feeds', 'refetch-text', 'levant-wir'], u.io)).toBe(2);
    expect(u.err()).toContain('did you mean "levant-wire"');
  });
});

/**
 * Full text end to end against a local news site (tests/fulltext/news-site.ts) whose feed has
 * only one-line summaries: refreshFeed stores the feed's text at once, the worker fetches each
 * new page once through the fetcher, and the stored articles are then the pages' article text,
 * tagged on it; pages that are not the article keep the summary and say so on the feed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FETCH } from '../../src/config/feeds-file.ts';
import type { Article } from '../../src/model/article.ts';
import { fullTextWarning, type FeedConfig } from '../../src/model/feed.ts';
import { createDefaultTagger } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import type { Tagger } from '../../src/normalize/gazetteer/tagger.types.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { fetchPage } from '../../src/fulltext/fetch/fetch-page.ts';
import { FullTextWorker } from '../../src/pipeline/full-text-worker.ts';
import { refreshFeed, type RefreshDeps } from '../../src/pipeline/refresh-feed.ts';
import { ArticleStore } from '../../src/store/article-store.ts';
import { HostLimiter } from '../../src/ingest/fetch/host-limiter.ts';
import { ARABIC_STORY, CHROME_MARKERS, CONSENT_PATH, DRONE_STORY, JS_PATH, MISSING_PATH, PAYWALL_PATH, startNewsSite, type NewsSite } from './news-site.ts';

let site: NewsSite;
let tagger: Tagger;
let store: ArticleStore;
let n = 0;

beforeAll(async () => {
  site = await startNewsSite();
  tagger = (await createDefaultTagger({ discovery: false })).tagger;
});
afterAll(() => site.close());
beforeEach(async () => {
  store = await ArticleStore.open({ url: `memory://fulltext-${++n}`, regionAncestors: (id) => [id] });
  site.seen.length = 0;
});

const FETCH = { ...DEFAULT_FETCH, totalTimeoutMs: 5000, userAgent: 'newsgate-test/1.0' };
const feed = (extra: Partial<FeedConfig> = {}): FeedConfig => ({
  id: 'levant-wire', url: site.feedUrl, tags: [], regions: [], intervalMinutes: 15, enabled: true,
  headers: { 'X-Feed-Key': 'k1' }, allowFile: false, fullText: { remove: [] }, ...extra,
});
function setup(): { deps: RefreshDeps; worker: FullTextWorker } {
  const limiter = new HostLimiter({ concurrency: 4, perHostConcurrency: 2, perHostSpacingMs: 0 });
  const worker = new FullTextWorker({ store, tagger, fetch: FETCH, limiter, logger: silentLogger });
  return { deps: { store, tagger, fetch: FETCH, logger: silentLogger, random: () => 0.5, fullText: worker }, worker };
}
async function stored(path: string): Promise<Article> {
  const meta = (await store.query({}, { first: 50 })).items.find((m) => m.url?.endsWith(path));
  expect(meta, `article for ${path}`).toBeDefined();
  const [body] = await store.getBodies([meta!.id]);
  return { ...meta!, ...body! };
}
const actorIds = (a: Article) => a.actors.map((x) => x.id);

describe('full text over a summary-only feed', () => {
  it('serves the feed text at once, then the page\'s article text without chrome, related links or comments', async () => {
    const { deps, worker } = setup();
    const out = await refreshFeed(feed(), deps);
    expect(out).toMatchObject({ status: 'ok', added: 6 });
    // Before the pages arrive: the summary is the article.
    const early = await stored(DRONE_STORY.path);
    expect(early.content).toBe(DRONE_STORY.summary);
    await worker.idle();

    const article = await stored(DRONE_STORY.path);
    expect(article.summary).toBe(DRONE_STORY.summary);
    for (const paragraph of DRONE_STORY.bodyParagraphs) expect(article.content).toContain(paragraph);
    for (const marker of CHROME_MARKERS) expect(article.content).not.toContain(marker);
    expect(article.content).not.toContain('Houthi'); // only in related links and "most read"
    expect(article.content).not.toContain('Hamas'); // only in the comments
    expect(article.contentHtml).toContain('<p>');
    expect(article.contentHtml).not.toMatch(/<script|Share on Facebook/);
    expect(article.contentHash).not.toBe(early.contentHash);
    expect(article.id).toBe(early.id);
    expect(article.publishedAt).toBe(early.publishedAt);
  });

  it('tags an actor named only in the body, with evidence offsets into the new content; not those of related links or comments', async () => {
    const { deps, worker } = setup();
    await refreshFeed(feed(), deps);
    await worker.idle();
    const article = await stored(DRONE_STORY.path);
    expect(actorIds(article)).toContain('kataib-hizbullah');
    expect(actorIds(article)).not.toContain('ansar-allah');
    expect(actorIds(article)).not.toContain('hamas');
    const evidence = article.evidence.actors['kataib-hizbullah']!.find((e) => e.field === 'content')!;
    expect(article.content.slice(evidence.start, evidence.end)).toBe('Kataib Hezbollah');
    expect(article.regions.map((r) => r.id)).toContain('IQ/erbil-airport'); // named only in the body too
  });

  it('decodes the Arabic page declared windows-1256 only in <meta>, and tags it', async () => {
    const { deps, worker } = setup();
    await refreshFeed(feed(), deps);
    await worker.idle();
    const article = await stored(ARABIC_STORY.path);
    for (const paragraph of ARABIC_STORY.body) expect(article.content).toContain(paragraph);
    expect(article.content).not.toContain('حماس'); // related link
    expect(actorIds(article)).toContain('asaib-ahl-al-haq');
  });

  it('keeps the summary for a missing page, a consent wall, a JavaScript shell and a paywall, and says which and how many on the feed', async () => {
    const { deps, worker } = setup();
    await refreshFeed(feed(), deps);
    await worker.idle();
    for (const [path, summary] of [
      [MISSING_PATH, 'This story was removed by the publisher after it ran.'],
      [CONSENT_PATH, 'Gulf foreign ministers met in Muscat on Tuesday.'],
      [JS_PATH, 'Follow the latest developments in Syria as they happen.'],
      [PAYWALL_PATH, 'How armed factions became part of the state.'],
    ] as const) {
      const article = await stored(path);
      expect(article.content, path).toBe(summary);
      expect(article.summary, path).toBe(summary);
    }
    const state = await store.getFeedState('levant-wire');
    expect(state!.fullText).toMatchObject({ fetched: 2, failed: 4, kept: { consent: 1, fetch: 1, javascript: 1, paywall: 1 } });
    expect(state!.fullText!.pending ?? []).toEqual([]);
    expect(state!.fullText!.lastError!.code).toMatch(/FULL_TEXT_UNUSABLE|FETCH_HTTP_STATUS/);
    const warning = fullTextWarning(state!.fullText);
    expect(warning).toContain("kept the feed's text for 4 of 6 articles");
    expect(warning).toContain('1 consent wall');
    expect(warning).toContain('1 page not fetched');
    expect(warning).toContain('1 "enable JavaScript" page');
    expect(warning).toContain('1 paywall');
    // The refresh's own state fields survived the worker's writes.
    expect(state).toMatchObject({ format: 'rss2.0', consecutiveFailures: 0, title: 'Levant Wire' });
  });

  it('fetches each page once across two polls, with the feed\'s User-Agent and headers', async () => {
    const { deps, worker } = setup();
    await refreshFeed(feed(), deps);
    await worker.idle();
    const second = await refreshFeed(feed(), deps);
    await worker.idle();
    expect(second).toMatchObject({ status: 'ok', added: 0, updated: 0 });
    for (const path of [DRONE_STORY.path, ARABIC_STORY.path, CONSENT_PATH, MISSING_PATH]) expect(site.hits(path), path).toBe(1);
    expect(site.hits('/feed.xml')).toBe(2);
    // The full text survived the second poll (the feed's version is unchanged).
    expect((await stored(DRONE_STORY.path)).content).toContain(DRONE_STORY.bodyParagraphs[1]);
    const page = site.seen.find((s) => s.path === DRONE_STORY.path)!;
    expect(page.headers['user-agent']).toBe('newsgate-test/1.0');
    expect(page.headers['x-feed-key']).toBe('k1');
    expect(page.headers.accept).toMatch(/^text\/html/);
  });

  it('uses a selector rule and its remove list', async () => {
    const { deps, worker } = setup();
    await refreshFeed(feed({ fullText: { selector: 'article .story-body', remove: ['figure'] } }), deps);
    await worker.idle();
    const article = await stored(DRONE_STORY.path);
    expect(article.content.startsWith(DRONE_STORY.bodyParagraphs[0]!)).toBe(true);
    expect(article.content).not.toContain('Photo: Levant Wire');
    expect(article.content).not.toContain(DRONE_STORY.title); // the h1 is outside the selector
  });

  it('does nothing for a feed without fullText', async () => {
    const { deps, worker } = setup();
    await refreshFeed(feed({ fullText: undefined }), deps);
    await worker.idle();
    expect(site.hits(DRONE_STORY.path)).toBe(0);
    expect((await stored(DRONE_STORY.path)).content).toBe(DRONE_STORY.summary);
  });

  it('resumes after a restart the pages that were still pending', async () => {
    const first = setup();
    await refreshFeed(feed(), first.deps);
    await first.worker.stop(); // shutdown before the pages arrived: they stay pending
    const pending = (await store.getFeedState('levant-wire'))!.fullText!.pending ?? [];
    expect(pending.length).toBeGreaterThan(0);

    const second = setup(); // a new process
    const again = await refreshFeed(feed(), second.deps);
    expect(again).toMatchObject({ added: 0 });
    await second.worker.idle();
    const state = await store.getFeedState('levant-wire');
    expect(state!.fullText!.pending ?? []).toEqual([]);
    expect(state!.fullText!.fetched).toBe(2);
    expect((await stored(DRONE_STORY.path)).content).toContain(DRONE_STORY.bodyParagraphs[1]);
  });
});

describe('fetchPage', () => {
  it('never reads a file: link, even for a feed that is allowed to be a file', async () => {
    const result = await fetchPage('file:///etc/hostname', feed({ allowFile: true }), FETCH);
    expect(result.kind).toBe('failed');
    expect(result.kind === 'failed' && result.error.code).toBe('FETCH_PROTOCOL');
  });
});

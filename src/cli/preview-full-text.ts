/**
 * The full-text part of `newsgate preview --full-text`: each of the first articles' pages run
 * through the very code the background worker runs (fulltext/full-text-article.ts), with the
 * fetch limits and politeness of feeds.json, and nothing stored. The operator sees, per article,
 * whether the page's text would replace the feed's, how long each is, and if not, why.
 */
import type { FetchSettings } from '../config/config.types.ts';
import { fullTextArticle } from '../fulltext/full-text-article.ts';
import { HostLimiter } from '../ingest/fetch/host-limiter.ts';
import type { Article } from '../model/article.ts';
import type { FeedConfig, FullTextRule } from '../model/feed.ts';
import type { Tagger } from '../normalize/gazetteer/tagger.types.ts';

/** What extraction gave for one article, as `preview --json` prints it under `fullText`. */
export interface PreviewFullText {
  /** `page`: the page's text replaces the feed's; `kept`: the feed's text stays. */
  readonly status: 'page' | 'kept';
  /** Why the feed's text was kept (consent, javascript, paywall, short, empty, fetch). */
  readonly reason?: string;
  readonly message?: string;
  /** The page read, after redirects, and its charset. */
  readonly pageUrl?: string;
  readonly encoding?: string;
  /** Characters of the feed's text and of the page's article text. */
  readonly feedChars: number;
  readonly pageChars?: number;
}

/** Fetches and extracts the pages of `articles`; returns them as they would be stored, with a report each. */
export async function previewFullText(
  articles: readonly Article[],
  feed: FeedConfig,
  rule: FullTextRule,
  deps: { fetch: FetchSettings; tagger: Tagger },
): Promise<{ articles: Article[]; reports: PreviewFullText[] }> {
  const limiter = new HostLimiter({
    concurrency: deps.fetch.concurrency,
    perHostConcurrency: deps.fetch.perHostConcurrency,
    perHostSpacingMs: deps.fetch.perHostSpacingMs,
  });
  const results = await Promise.all(articles.map((article) => fullTextArticle(article, feed, rule, { fetch: deps.fetch, tagger: deps.tagger, limiter })));
  return {
    articles: results.map((r, i) => (r.kind === 'applied' ? r.article : articles[i]!)),
    reports: results.map((r, i): PreviewFullText => {
      const feedChars = articles[i]!.content.length;
      return r.kind === 'applied'
        ? { status: 'page', pageUrl: r.pageUrl, encoding: r.encoding, feedChars, pageChars: r.article.content.length }
        : { status: 'kept', reason: r.reason, message: r.error.message, feedChars };
    }),
  };
}

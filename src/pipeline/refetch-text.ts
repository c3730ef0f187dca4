/**
 * Re-extracts the stored articles of one feed with its current full-text rule (after the rule
 * changed, or for articles stored before full text was on): each article's page is fetched again
 * through the feeds' fetcher and limiter, and an article whose page gives the article is updated
 * in the store (same id, new contentHash). An article whose page fails or is a wall keeps what
 * it has, full text included. The feed's full-text counters and last error are updated.
 */
import type { FetchSettings } from '../config/config.types.ts';
import { fullTextArticle } from '../fulltext/full-text-article.ts';
import type { PageLimiter } from '../fulltext/fetch/fetch-page.ts';
import { emptyFeedState, type FeedConfig, type FullTextKeptReason } from '../model/feed.ts';
import type { Tagger } from '../normalize/gazetteer/tagger.types.ts';
import type { ArticleStoreApi } from '../store/article-store.types.ts';

export interface RefetchDeps {
  readonly store: ArticleStoreApi;
  readonly tagger: Tagger;
  readonly fetch: FetchSettings;
  readonly limiter: PageLimiter;
  /** Called after each article, for progress. */
  readonly onArticle?: (done: number) => void;
  readonly now?: () => Date;
}

export interface RefetchReport {
  /** Articles of the feed looked at. */
  readonly articles: number;
  /** Articles whose stored text changed. */
  readonly updated: number;
  /** Articles whose page gave the same text as stored. */
  readonly unchanged: number;
  /** Articles that kept their stored text, by reason. */
  readonly kept: Partial<Record<FullTextKeptReason, number>>;
}

/** Articles re-extracted at once (each waits for the host limiter anyway). */
const BATCH = 8;

/** Re-extracts every stored article of `feed` (which must have a `fullText` rule). */
export async function refetchText(feed: FeedConfig, deps: RefetchDeps): Promise<RefetchReport> {
  const rule = feed.fullText;
  if (!rule) throw new Error(`feed ${feed.id} has no fullText rule`);
  let articles = 0;
  let updated = 0;
  let unchanged = 0;
  const kept: Partial<Record<FullTextKeptReason, number>> = {};
  let lastError: { code: string; message: string; at: string } | undefined;
  for await (const batch of deps.store.iterate({ sources: [feed.id] }, 100)) {
    for (let i = 0; i < batch.length; i += BATCH) {
      const slice = batch.slice(i, i + BATCH);
      const outcomes = await Promise.all(slice.map((a) => fullTextArticle(a, feed, rule, { fetch: deps.fetch, tagger: deps.tagger, limiter: deps.limiter })));
      const applied = outcomes.flatMap((o) => (o.kind === 'applied' ? [o.article] : []));
      if (applied.length > 0) {
        const written = await deps.store.upsert(applied);
        updated += written.updated.length + written.added.length;
        unchanged += written.unchanged;
      }
      for (const o of outcomes) {
        if (o.kind !== 'kept') continue;
        kept[o.reason] = (kept[o.reason] ?? 0) + 1;
        lastError = { code: o.error.code, message: o.error.message, at: (deps.now ?? (() => new Date()))().toISOString() };
      }
      articles += slice.length;
      deps.onArticle?.(articles);
    }
  }
  const state = (await deps.store.getFeedState(feed.id)) ?? emptyFeedState(feed.id);
  const before = state.fullText ?? { fetched: 0, failed: 0, kept: {} };
  const failed = Object.values(kept).reduce((sum, n) => sum + (n ?? 0), 0);
  const keptAll = { ...before.kept };
  for (const [reason, n] of Object.entries(kept) as [FullTextKeptReason, number][]) keptAll[reason] = (keptAll[reason] ?? 0) + n;
  await deps.store.putFeedState({
    ...state,
    fullText: { ...before, fetched: before.fetched + updated + unchanged, failed: before.failed + failed, kept: keptAll, ...(lastError ? { lastError } : {}) },
  });
  return { articles, updated, unchanged, kept };
}

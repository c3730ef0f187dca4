/**
 * Puts each incoming article into the story of its nearest earlier report, across feeds: the
 * candidates are the stored articles within WINDOW_HOURS that share an actor or a region with
 * it (two indexed store queries, at most MAX_CANDIDATES each), plus the articles before it in
 * the same batch; the best one scoring STORY_THRESHOLD or more (story-similarity.ts) gives its
 * storyId. Otherwise the article keeps the key normalize gave it (an exact title/URL hash),
 * which starts a new story. An article already stored keeps the story it has, so a refetch
 * never moves it. Only new articles cost queries.
 */
import type { Article, ArticleMeta } from '../model/article.ts';
import type { ArticleStoreApi } from '../store/article-store.types.ts';
import { STORY_THRESHOLD, WINDOW_HOURS, storyFeatures, storySimilarity, type StoryFeatures } from './story-similarity.ts';

/** Stored candidates read per entity query. */
export const MAX_CANDIDATES = 200;

export type StoryAssigner = (articles: readonly Article[]) => Promise<Article[]>;

/** An assigner over `store`, with the catalog's region ancestry (a Baghdad report fits an Iraq one). */
export function createStoryAssigner(store: Pick<ArticleStoreApi, 'query' | 'getMany'>, regionAncestors: (id: string) => readonly string[]): StoryAssigner {
  return async (articles) => {
    if (articles.length === 0) return [];
    const stored = await store.getMany(articles.map((a) => a.id));
    const known = new Map(stored.filter((m): m is ArticleMeta => m !== undefined).map((m) => [m.id, m.storyId]));
    const placed: { features: StoryFeatures; storyId: string }[] = [];
    const out: Article[] = [];
    const ordered = [...articles].sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt));
    for (const article of ordered) {
      const features = storyFeatures(article, regionAncestors);
      const keep = known.get(article.id);
      if (keep !== undefined) {
        out.push({ ...article, storyId: keep });
        placed.push({ features, storyId: keep });
        continue;
      }
      const at = Date.parse(article.publishedAt);
      const window = { from: new Date(at - WINDOW_HOURS * 3_600_000).toISOString(), to: new Date(at + WINDOW_HOURS * 3_600_000).toISOString() };
      const queries: Promise<{ items: readonly ArticleMeta[] }>[] = [];
      if (article.actors.length > 0) queries.push(store.query({ ...window, actors: article.actors.map((r) => r.id) }, { first: MAX_CANDIDATES }));
      if (article.regions.length > 0) queries.push(store.query({ ...window, regions: article.regions.map((r) => r.id) }, { first: MAX_CANDIDATES }));
      const candidates = new Map<string, ArticleMeta>();
      for (const page of await Promise.all(queries)) for (const m of page.items) if (m.id !== article.id) candidates.set(m.id, m);
      let best: { score: number; storyId: string } | undefined;
      const consider = (score: number, storyId: string) => {
        if (score >= STORY_THRESHOLD && (best === undefined || score > best.score)) best = { score, storyId };
      };
      for (const meta of candidates.values()) consider(storySimilarity(features, storyFeatures(meta, regionAncestors)), meta.storyId);
      for (const earlier of placed) consider(storySimilarity(features, earlier.features), earlier.storyId);
      const storyId = best?.storyId ?? article.storyId;
      out.push({ ...article, storyId });
      placed.push({ features, storyId });
    }
    const byId = new Map(out.map((a) => [a.id, a]));
    return articles.map((a) => byId.get(a.id) as Article);
  };
}

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
import { TimeSlicer } from '../model/time-slices.ts';

/** Stored candidates read per entity query. */
export const MAX_CANDIDATES = 200;

export type StoryAssigner = (articles: readonly Article[]) => Promise<Article[]>;

/** An assigner over `store`, with the catalog's region ancestry (a Baghdad report fits an Iraq one). */
export function createStoryAssigner(store: Pick<ArticleStoreApi, 'query' | 'getMany'>, regionAncestors: (id: string) => readonly string[]): StoryAssigner {
  return async (articles) => {
    if (articles.length === 0) return [];
    const stored = await store.getMany(articles.map((a) => a.id));
    const known = new Map(stored.filter((m): m is ArticleMeta => m !== undefined).map((m) => [m.id, m.storyId]));
    const placed: { features: StoryFeatures; storyId: string; at: number }[] = [];
    // Earlier articles of this batch by entity (regions under their ancestors, as the store
    // indexes them), so each article is compared with the few that share an actor or a place,
    // never with the whole batch: a 10,000-item feed stays linear.
    const placedBy = new Map<string, number[]>();
    const keysOf = (article: Article): string[] => [
      ...article.actors.map((r) => `a:${r.id}`),
      ...article.regions.flatMap((r) => [r.id, ...regionAncestors(r.id)].map((id) => `r:${id}`)),
    ];
    const place = (article: Article, features: StoryFeatures, storyId: string, at: number) => {
      const index = placed.push({ features, storyId, at }) - 1;
      for (const key of new Set(keysOf(article))) {
        const list = placedBy.get(key);
        if (list) list.push(index);
        else placedBy.set(key, [index]);
      }
    };
    const slicer = new TimeSlicer();
    const out: Article[] = [];
    const ordered = [...articles].sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt));
    for (const article of ordered) {
      // The queries below may resolve without a turn of the event loop (embedded SQLite): yield.
      await slicer.tick();
      const features = storyFeatures(article, regionAncestors);
      const at = Date.parse(article.publishedAt);
      const keep = known.get(article.id);
      if (keep !== undefined) {
        out.push({ ...article, storyId: keep });
        place(article, features, keep, at);
        continue;
      }
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
      const near = new Set<number>();
      for (const r of article.actors) for (const i of (placedBy.get(`a:${r.id}`) ?? []).slice(-MAX_CANDIDATES)) near.add(i);
      for (const r of article.regions) for (const i of (placedBy.get(`r:${r.id}`) ?? []).slice(-MAX_CANDIDATES)) near.add(i);
      for (const i of near) {
        const earlier = placed[i]!;
        if (Math.abs(earlier.at - at) <= WINDOW_HOURS * 3_600_000) consider(storySimilarity(features, earlier.features), earlier.storyId);
      }
      const storyId = best?.storyId ?? article.storyId;
      out.push({ ...article, storyId });
      place(article, features, storyId, at);
    }
    const byId = new Map(out.map((a) => [a.id, a]));
    return articles.map((a) => byId.get(a.id) as Article);
  };
}

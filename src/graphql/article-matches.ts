/**
 * Whether one article matches an `ArticleFilter`, in memory: the semantics of `articles`
 * (AND across fields, OR within a field, `from`/`to` inclusive on publishedAt, a region
 * matching its descendants) applied to a single article. Subscriptions use it to decide which
 * new articles to push; it is written once so that `articleAdded(filter)` and
 * `articles(filter)` never disagree. Pure: the region tree comes in as a function.
 */
import type { ArticleMeta, Claim, EntityRef } from '../model/article.ts';
import type { ArticleFilter } from '../store/article-store.types.ts';
import { textMatchesSearch } from '../normalize/gazetteer/search-terms.ts';
import { claimingActors } from '../store/sql/entity-postings.ts';

function anyRef(refs: readonly EntityRef[], wanted: ReadonlySet<string>): boolean {
  return refs.some((ref) => wanted.has(ref.id));
}

/**
 * True when the title, summary or tags hold every word of `search` as the store's full-text
 * index would match them (the same folding and stemming, search-terms.ts). The body is not in
 * the metadata a subscription receives, so a word found only in the body does not match here.
 */
export function matchesSearch(article: Pick<ArticleMeta, 'title' | 'summary' | 'tags'>, search: string): boolean {
  return textMatchesSearch(`${article.title}\n${article.summary}\n${article.tags.join('\n')}`, search);
}

/**
 * True when `article` matches `filter`. The filter must already be widened (affiliates, topic
 * children) as the store receives it; `regionAncestors(id)` gives a region's ancestors and
 * macro-regions (with or without the region itself), so that a filter on `IQ` matches an
 * article tagged `IQ/baghdad`.
 */
export function articleMatches(
  article: ArticleMeta,
  filter: ArticleFilter,
  regionAncestors: (id: string) => readonly string[],
): boolean {
  // An absent or empty list is no constraint, as the store's filterCondition reads it.
  const given = (list: readonly string[] | undefined): list is readonly string[] => list !== undefined && list.length > 0;
  if (given(filter.ids) && !filter.ids.includes(article.id)) return false;
  if (given(filter.stories) && !filter.stories.includes(article.storyId)) return false;
  if (filter.fetchedAfter !== undefined && !(Date.parse(article.fetchedAt) > Date.parse(filter.fetchedAfter))) return false;
  if (given(filter.sources) && !filter.sources.includes(article.feedId)) return false;
  if (given(filter.languages) && (article.language === null || !filter.languages.includes(article.language))) return false;
  if (given(filter.topics) && !anyRef(article.topics, new Set(filter.topics))) return false;
  if (given(filter.actors) && !anyRef(article.actors, new Set(filter.actors))) return false;
  // The store keeps an article's claims with its metadata (fields beyond ArticleMeta persist).
  if (given(filter.claimedBy) && !claimingActors(article as ArticleMeta & { claims?: readonly Claim[] }).some((id) => filter.claimedBy!.includes(id))) return false;
  if (given(filter.regions)) {
    const wanted = new Set(filter.regions);
    const inside = article.regions.some(
      (ref) => wanted.has(ref.id) || regionAncestors(ref.id).some((ancestor) => wanted.has(ancestor)),
    );
    if (!inside) return false;
  }
  const published = Date.parse(article.publishedAt);
  if (filter.from !== undefined && published < Date.parse(filter.from)) return false;
  if (filter.to !== undefined && published > Date.parse(filter.to)) return false;
  if (filter.search !== undefined && !matchesSearch(article, filter.search)) return false;
  return true;
}

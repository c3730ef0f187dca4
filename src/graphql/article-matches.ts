/**
 * Whether one article matches an `ArticleFilter`, in memory: the semantics of `articles`
 * (AND across fields, OR within a field, `from`/`to` inclusive on publishedAt, a region
 * matching its descendants) applied to a single article. Subscriptions use it to decide which
 * new articles to push; it is written once so that `articleAdded(filter)` and
 * `articles(filter)` never disagree. Pure: the region tree comes in as a function.
 */
import type { ArticleMeta, EntityRef } from '../model/article.ts';
import type { ArticleFilter } from '../store/article-store.types.ts';
import { searchTokens } from '../store/search/fold-term.ts';
import { compileTextMatch } from '../store/search/match-text.ts';

function anyRef(refs: readonly EntityRef[], wanted: ReadonlySet<string>): boolean {
  return refs.some((ref) => wanted.has(ref.id));
}

/**
 * True when the title, summary or tags match `search` exactly as the store's full-text index
 * would match them (same tokens, prefixes from 3 letters, one typo in long words): the
 * store's own matcher, so a subscription and a query never disagree.
 */
export function matchesSearch(article: Pick<ArticleMeta, 'title' | 'summary' | 'tags'>, search: string): boolean {
  // A search of no words is no constraint, as resolve-filter treats it for `articles`.
  if (searchTokens(search).length === 0) return true;
  return compileTextMatch(search)(article);
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
  if (filter.sources !== undefined && !filter.sources.includes(article.feedId)) return false;
  if (filter.languages !== undefined && (article.language === null || !filter.languages.includes(article.language))) {
    return false;
  }
  if (filter.topics !== undefined && !anyRef(article.topics, new Set(filter.topics))) return false;
  if (filter.actors !== undefined && !anyRef(article.actors, new Set(filter.actors))) return false;
  if (filter.regions !== undefined) {
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

/**
 * The entity postings of one article, as rows of `article_entities`: each actor; each region
 * with all its ancestors and macro-regions; each topic with its ancestors (when the caller knows
 * them); each actor that claims an act in it (`claimed`, from its CLAIMED claims). Expanding at
 * write time makes a filter on `IQ` (or a parent topic) one index lookup, and a count per region
 * the number of articles anywhere inside it. Pure.
 */
import type { ArticleMeta, Claim } from '../../model/article.ts';
import type { ArticleEntitiesTable, EntityKind } from './schema.ts';

/** An entity id → itself and its ancestors (order free; unknown ids may return []). */
export type Ancestors = (id: string) => readonly string[];

export interface PostingExpansion {
  readonly regionAncestors: Ancestors;
  readonly topicAncestors?: Ancestors;
}

/**
 * The actors that claim an act in an article: `actor` of its CLAIMED claims (not DENIED, not
 * ATTRIBUTED; a claim naming no known actor has none). What `filter.claimedBy` matches, in the
 * store's postings and in the in-memory matcher alike.
 */
export function claimingActors(article: { readonly claims?: readonly Claim[] | null }): string[] {
  const out: string[] = [];
  for (const c of article.claims ?? []) if (c.kind === 'CLAIMED' && typeof c.actor === 'string' && c.actor !== '') out.push(c.actor);
  return out;
}

/** Rows for one article, each (kind, entity) once. `meta` may carry the article's claims. */
export function entityPostings(meta: ArticleMeta & { readonly claims?: readonly Claim[] | null }, publishedMs: number, expand: PostingExpansion): ArticleEntitiesTable[] {
  const rows: ArticleEntitiesTable[] = [];
  const add = (kind: EntityKind, ids: Iterable<string>) => {
    for (const id of new Set(ids)) rows.push({ kind, entity_id: id, published_ms: publishedMs, article_id: meta.id });
  };
  add('actor', meta.actors.map((r) => r.id));
  add('region', meta.regions.flatMap((r) => [r.id, ...expand.regionAncestors(r.id)]));
  const topicAncestors = expand.topicAncestors;
  add('topic', meta.topics.flatMap((r) => (topicAncestors ? [r.id, ...topicAncestors(r.id)] : [r.id])));
  add('claimed', claimingActors(meta));
  return rows;
}

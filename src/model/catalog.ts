/**
 * The read-only view of the dictionaries that the rest of newsgate needs: look-ups by id, alias
 * search, the actor affiliation graph and the region tree. Built once by
 * src/normalize/gazetteer/ from `data/` and user extension files; the store uses it to index an
 * article under its regions' ancestors, the GraphQL layer to resolve ids and widen filters.
 */
import type { Actor, Region, Topic } from './entities.ts';

export interface EntityCatalog {
  readonly actors: readonly Actor[];
  readonly regions: readonly Region[];
  readonly topics: readonly Topic[];
  actor(id: string): Actor | undefined;
  region(id: string): Region | undefined;
  topic(id: string): Topic | undefined;
  /** Actors whose name or any alias matches `text` (folded: case, diacritics, hyphens), best first. */
  searchActors(text: string): Actor[];
  /** Regions whose name or alias matches, best first. */
  searchRegions(text: string): Region[];
  /**
   * The actors `includeAffiliates` widens `id` to, not including `id`: the umbrellas and parent
   * bodies it is a member or part of, transitively up to `depth` levels (default 3); its
   * patrons (backed_by), one step; and its own members, units and leaders, one step. STATE
   * actors are never included nor passed through.
   */
  affiliatesOf(id: string, depth?: number): string[];
  /** Actors that name `id` in their own affiliations (the reverse edges). */
  affiliatedFrom(id: string): { actor: string; relation: string }[];
  /** The region, its parent, the parent's parent, …, and macro-regions it is a member of. */
  regionAncestors(id: string): string[];
  /** Topic and its parents, nearest first, including itself. */
  topicAncestors(id: string): string[];
}

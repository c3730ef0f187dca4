/**
 * What the search routes, the webhook worker and the GraphQL resolvers of saved searches share:
 * the registry, how a search is resolved and read, and how an article's feed and entities are
 * named (an export line and a feed item say the same as `newsgate preview --json`).
 */
import type { PreviewSource } from '../cli/preview-json.ts';
import type { EntityCatalog } from '../model/catalog.ts';
import type { FeedConfig, FeedState } from '../model/feed.ts';
import type { SavedSearch, SavedSearchSpec } from '../model/saved-search.ts';
import type { SavedSearchRegistry } from './saved-search-registry.ts';
import type { ResolvedSearch } from './resolve-search.ts';
import type { MatchSource } from './search-matches.ts';
import type { SaveSearchArgs } from './search-input.ts';
import type { DeliveryView } from './webhook-worker.ts';

export interface SearchServices {
  readonly registry: SavedSearchRegistry;
  /** Checks and resolves a search's filter and query against the dictionaries loaded now. */
  resolve(spec: Pick<SavedSearchSpec, 'query' | 'filter'>): Promise<ResolvedSearch>;
  readonly source: MatchSource;
  readonly catalog: EntityCatalog;
  /** The feeds an article may come from, by id (title and site link from config and last fetch). */
  sources(feedIds: readonly string[]): Promise<Map<string, PreviewSource>>;
}

/** What the GraphQL resolvers of saved searches call. */
export interface SavedSearchApi {
  list(): Promise<SavedSearch[]>;
  get(id: string): Promise<SavedSearch | undefined>;
  /** Validates (search-input.ts) and saves; BAD_USER_INPUT listing every problem. */
  save(input: SaveSearchArgs): Promise<SavedSearch>;
  /** NOT_FOUND when there is no such search; BAD_USER_INPUT for a feeds.json one. */
  delete(id: string): Promise<void>;
  /** Recent webhook deliveries of a search, newest first. */
  deliveries(id: string, first: number): Promise<readonly DeliveryView[]>;
}

/**
 * Names feeds as `preview --json` does (`{ id, title, siteUrl }`): feeds.json's title first, then
 * the title and link the feed last gave; a feed no longer configured keeps its id as its name.
 */
export function feedSourceLookup(
  feeds: () => readonly FeedConfig[],
  getFeedStates: (ids: readonly string[]) => Promise<(FeedState | undefined)[]>,
): (feedIds: readonly string[]) => Promise<Map<string, PreviewSource>> {
  return async (feedIds) => {
    const ids = [...new Set(feedIds)];
    const states = await getFeedStates(ids);
    const configured = new Map(feeds().map((f) => [f.id, f]));
    return new Map(
      ids.map((id, i) => {
        const state = states[i];
        return [id, { id, title: configured.get(id)?.title ?? state?.title ?? null, siteUrl: state?.siteUrl ?? null }] as const;
      }),
    );
  };
}

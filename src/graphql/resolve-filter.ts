/**
 * Turns the `ArticleFilter` a client sends into the filter the store runs: checks every id
 * against the dictionaries and feeds (unknown ones are a BAD_USER_INPUT that names them and
 * suggests close ones), widens actors to their affiliates when asked and topics to their
 * children, and checks dates, languages and search text. Region descendants are left to the
 * store, which indexes each article under its regions' ancestors.
 */
import type { EntityCatalog } from '../model/catalog.ts';
import type { FeedConfig } from '../model/feed.ts';
import type { ArticleFilter, ArticleStoreApi } from '../store/article-store.types.ts';
import { topicWithDescendants } from './catalog-index.ts';
import { badUserInput } from './errors.ts';
import { suggestIds, type Known } from './suggest.ts';

/** The filter as GraphQL gives it (null where the client sent null). */
export interface ArticleFilterArgs {
  readonly topics?: readonly string[] | null;
  readonly actors?: readonly string[] | null;
  readonly claimedBy?: readonly string[] | null;
  readonly regions?: readonly string[] | null;
  readonly sources?: readonly string[] | null;
  readonly languages?: readonly string[] | null;
  readonly from?: Date | null;
  readonly to?: Date | null;
  readonly fetchedAfter?: Date | null;
  readonly stories?: readonly string[] | null;
  readonly search?: string | null;
  readonly includeAffiliates?: boolean | null;
}

/** What resolving needs: the dictionaries, the configured feeds, and the store's counts. */
export interface FilterServices {
  readonly catalog: EntityCatalog;
  feeds(): readonly FeedConfig[];
  readonly store: Pick<ArticleStoreApi, 'countBy'>;
}

/** Longest search text accepted (a paragraph pasted by mistake is not a query). */
export const MAX_SEARCH_LENGTH = 200;
/** Most ids one filter field may list, and the longest id: no dictionary id comes near either. */
export const MAX_IDS_PER_FIELD = 100;
export const MAX_ID_LENGTH = 100;
/** Unknown ids that get "did you mean" suggestions (each costs a pass over the dictionary). */
const MAX_SUGGESTED = 5;

/** An empty list is read as "no constraint", like an absent one. */
function present(list: readonly string[] | null | undefined): readonly string[] | undefined {
  return list == null || list.length === 0 ? undefined : [...new Set(list)];
}

/** An id that names nothing, where it was given, and the known ids it is closest to. */
export interface UnknownId {
  /** How the place it was given is named to the client (`actors`, `actor:`). */
  readonly field: string;
  readonly id: string;
  readonly suggestions: readonly string[];
}

/** The kinds of id a filter or a query names. */
export type IdKind = 'topics' | 'actors' | 'regions' | 'sources';

/** How one kind of id is checked and, when unknown, matched to suggestions. */
interface IdChecker {
  exists(id: string): boolean;
  known(): readonly Known[];
  search?(text: string): readonly Known[];
}

function idCheckers(services: FilterServices, storedSources: ReadonlySet<string>): Record<IdKind, IdChecker> {
  const { catalog } = services;
  return {
    topics: { exists: (id) => catalog.topic(id) !== undefined, known: () => catalog.topics.map((t) => ({ id: t.id, name: t.label })) },
    actors: { exists: (id) => catalog.actor(id) !== undefined, known: () => catalog.actors, search: (text) => catalog.searchActors(text) },
    regions: { exists: (id) => catalog.region(id) !== undefined, known: () => catalog.regions, search: (text) => catalog.searchRegions(text) },
    sources: {
      // A feed removed from feeds.json may still have stored articles: its id stays valid.
      exists: (id) => services.feeds().some((f) => f.id === id) || storedSources.has(id),
      known: () => services.feeds().map((f) => ({ id: f.id, name: f.title ?? f.id })),
    },
  };
}

/**
 * Checks ids of one kind, adding those that name nothing to `unknown` (with suggestions for the
 * first few). Shared by `filter` and the query language, so both say the same about a typo.
 */
export function collectUnknownIds(
  services: FilterServices,
  kind: IdKind,
  label: string,
  ids: readonly string[],
  unknown: UnknownId[],
  storedSources: ReadonlySet<string> = new Set(),
): void {
  const checker = idCheckers(services, storedSources)[kind];
  for (const id of ids) {
    if (checker.exists(id)) continue;
    const suggest = id.length <= MAX_ID_LENGTH && unknown.length < MAX_SUGGESTED;
    unknown.push({
      field: label,
      id: id.length > MAX_ID_LENGTH ? `${id.slice(0, MAX_ID_LENGTH)}…` : id,
      suggestions: suggest ? suggestIds(id, checker.known(), checker.search?.bind(checker)) : [],
    });
  }
}

/**
 * Of `sources`, the feed ids that are not configured but still have stored articles (a feed
 * removed from feeds.json keeps its articles, so its id stays valid): one query for all.
 */
export async function storedSourceIds(services: FilterServices, sources: readonly string[]): Promise<ReadonlySet<string>> {
  const feeds = services.feeds();
  const unconfigured = [...new Set(sources)].filter((id) => !feeds.some((f) => f.id === id)).slice(0, MAX_IDS_PER_FIELD);
  if (unconfigured.length === 0) return new Set();
  const counts = await services.store.countBy('sources', unconfigured);
  return new Set(unconfigured.filter((_, i) => (counts[i] ?? 0) > 0));
}

/** The BAD_USER_INPUT for unknown ids given in `argument`: all of them, with "did you mean". */
export function unknownIdsError(argument: string, unknown: readonly UnknownId[]) {
  const listed = unknown
    .map((u) => {
      const hint = u.suggestions.length > 0 ? ` (did you mean ${u.suggestions.map((s) => JSON.stringify(s)).join(' or ')}?)` : '';
      return `${u.field} ${JSON.stringify(u.id)}${hint}`;
    })
    .join('; ');
  return badUserInput(
    `Unknown ids in \`${argument}\`: ${listed}. Send ids exactly as the \`actors\`, \`regions\`, \`topics\` and \`feeds\` queries list them (ids are case-sensitive).`,
    { argument, unknown: unknown.map((u) => ({ field: u.field, id: u.id, suggestions: u.suggestions })) },
  );
}

/** Actors widened to their affiliates (`includeAffiliates`, `affiliates:ID`). */
export function withAffiliates(catalog: EntityCatalog, actors: readonly string[]): string[] {
  return [...new Set(actors.flatMap((id) => [id, ...catalog.affiliatesOf(id)]))];
}

/** Topics widened to their sub-topics (a topic always includes them). */
export function withSubTopics(catalog: EntityCatalog, topics: readonly string[]): string[] {
  return [...new Set(topics.flatMap((id) => topicWithDescendants(catalog, id)))];
}

/** Resolves and checks `args`; throws BAD_USER_INPUT listing everything wrong at once. */
export async function resolveFilter(args: ArticleFilterArgs | null | undefined, services: FilterServices): Promise<ArticleFilter> {
  const { catalog } = services;
  const topics = present(args?.topics);
  const actors = present(args?.actors);
  const claimedBy = present(args?.claimedBy);
  const regions = present(args?.regions);
  const sources = present(args?.sources);

  const unknown: UnknownId[] = [];
  const stored = await storedSourceIds(services, sources ?? []);
  const check = (field: IdKind, ids: readonly string[] | undefined, label: string = field) => {
    if ((ids?.length ?? 0) > MAX_IDS_PER_FIELD) {
      throw badUserInput(`\`filter.${label}\` lists ${ids!.length} ids; send at most ${MAX_IDS_PER_FIELD} (use a region or an umbrella actor with includeAffiliates instead of long lists).`, { argument: `filter.${label}` });
    }
    collectUnknownIds(services, field, label, ids ?? [], unknown, stored);
  };
  check('topics', topics);
  check('actors', actors);
  check('actors', claimedBy, 'claimedBy');
  check('regions', regions);
  check('sources', sources);
  if (unknown.length > 0) throw unknownIdsError('filter', unknown);

  const languages = present(args?.languages)?.map((l) => l.trim().toLowerCase());
  const badLanguages = (languages ?? []).filter((l) => !/^[a-z]{2}$/.test(l));
  if (badLanguages.length > 0) {
    throw badUserInput(
      `\`filter.languages\` takes ISO 639-1 codes of two letters such as "en", "ar" or "fa"; got ${badLanguages.map((l) => JSON.stringify(l)).join(', ')}.`,
      { argument: 'filter.languages', invalid: badLanguages },
    );
  }

  const from = args?.from ?? undefined;
  const to = args?.to ?? undefined;
  if (from !== undefined && to !== undefined && from.getTime() > to.getTime()) {
    throw badUserInput(
      `\`filter.from\` (${from.toISOString()}) is after \`filter.to\` (${to.toISOString()}): no article can match. Swap them, or send only one bound.`,
      { argument: 'filter.from' },
    );
  }

  const search = args?.search?.trim() || undefined;
  if (search !== undefined && search.length > MAX_SEARCH_LENGTH) {
    throw badUserInput(
      `\`filter.search\` is ${search.length} characters long; send at most ${MAX_SEARCH_LENGTH} (a few words: names, places, phrases).`,
      { argument: 'filter.search', max: MAX_SEARCH_LENGTH },
    );
  }

  const widenedActors = actors !== undefined && args?.includeAffiliates === true ? withAffiliates(catalog, actors) : actors;
  const widenedTopics = topics === undefined ? undefined : withSubTopics(catalog, topics);

  const filter: { -readonly [K in keyof ArticleFilter]: ArticleFilter[K] } = {};
  if (widenedTopics !== undefined) filter.topics = widenedTopics;
  if (widenedActors !== undefined) filter.actors = widenedActors;
  // Not widened by includeAffiliates: a claim names the group that made it.
  if (claimedBy !== undefined) filter.claimedBy = claimedBy;
  if (regions !== undefined) filter.regions = regions;
  if (sources !== undefined) filter.sources = sources;
  if (languages !== undefined) filter.languages = languages;
  if (from !== undefined) filter.from = from.toISOString();
  if (to !== undefined) filter.to = to.toISOString();
  if (search !== undefined) filter.search = search;
  if (args?.fetchedAfter != null) filter.fetchedAfter = args.fetchedAfter.toISOString();
  const stories = present(args?.stories);
  if (stories !== undefined) {
    if (stories.length > MAX_IDS_PER_FIELD) throw badUserInput(`\`filter.stories\` lists ${stories.length} ids; send at most ${MAX_IDS_PER_FIELD}.`, { argument: 'filter.stories' });
    filter.stories = stories;
  }
  return filter;
}

/**
 * The in-memory side of the store: article metadata and the indexes that answer a filtered,
 * paginated query without scanning all articles. No I/O: ArticleStore persists, this indexes.
 *
 * Every list (the global one and each posting list: per topic, actor, region, source,
 * language) is kept sorted in the one order of article-order.ts (stored oldest first). A query
 * picks the field with the fewest articles in the date window as its driver (the OR of its
 * values is a lazy merge of sorted lists), walks the driver's window (binary search on from/to)
 * from its newest end, and probes the other fields' lists for each article (galloping: the
 * probes only move down). A page stops at `first + 1` matches, so its cost does not grow with
 * the corpus; `totalCount` walks the whole window, so it is computed only when read, and kept
 * per filter until the next write (a client paging one filter counts once).
 *
 * The full-text index can be built after a restore, in steps (`indexTextStep`), so the store
 * serves at once: until an article is in it, `search` matches it with match-text.ts, the same
 * rules without an index, so the answers do not change when the build ends.
 */
import type { ArticleMeta, EntityRef } from '../../model/article.ts';
import { ErrorCode, NewsgateError } from '../../model/errors.ts';
import type { ArticleCursor, ArticleFilter, ArticlePage, CountKind } from '../article-store.types.ts';
import {
  dateWindow,
  firstAtOrAfter,
  insertSorted,
  probeNewestFirst,
  removeAll,
  removeSorted,
  sortInOrder,
  walkNewestFirst,
  type OrderKey,
} from './article-order.ts';
import { SearchIndex } from '../search/search-index.ts';
import { compileTextMatch } from '../search/match-text.ts';

/** An article as indexed: its metadata, its order key, and its regions with their ancestors. */
interface Indexed extends OrderKey {
  readonly meta: ArticleMeta;
  readonly regionKeys: readonly string[];
  /** Restored but not yet in the full-text index (search matches it without the index). */
  textPending?: boolean;
}

/** A text search's hits: the full-text index's ids, plus the rules for articles not in it yet. */
interface SearchHit {
  readonly ids: Set<string>;
  sorted?: readonly Indexed[];
  /** Set while the full-text index is being built. */
  readonly pendingMatch?: (meta: ArticleMeta) => boolean;
}

/** Counts kept per filter until the next write (paging one filter counts once). */
const COUNT_CACHE_SIZE = 256;
/** Searches kept until the next write. */
const SEARCH_CACHE_SIZE = 32;

type PostingKind = CountKind | 'languages';

/** Region id → itself and every region that contains it (the catalog's `regionAncestors`). */
export type RegionAncestors = (regionId: string) => readonly string[];

/** What `put` did with an article. */
export type PutOutcome = 'added' | 'updated' | 'unchanged';

export class ArticleIndex {
  private readonly byId = new Map<string, Indexed>();
  private readonly all: Indexed[] = [];
  private readonly postings: Record<PostingKind, Map<string, Indexed[]>> = {
    topics: new Map(),
    actors: new Map(),
    regions: new Map(),
    sources: new Map(),
    languages: new Map(),
  };
  private readonly text = new SearchIndex();
  /**
   * Results of recent text searches (a client paging through one search asks the same text for
   * every page), dropped on any change to the index.
   */
  private readonly searchCache = new Map<string, SearchHit>();
  /** `totalCount` per normalised filter (filterKey), dropped on any change to the index. */
  private readonly countCache = new Map<string, number>();
  /** Bumped on every change: a plan made before it is stale. */
  private version = 0;
  /** Restored articles waiting for the full-text index, oldest first; indexed from the end. */
  private textQueue: Indexed[] = [];
  private readonly regionAncestors: RegionAncestors;

  constructor(regionAncestors: RegionAncestors) {
    this.regionAncestors = regionAncestors;
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): ArticleMeta | undefined {
    return this.byId.get(id)?.meta;
  }

  /**
   * Loads many articles at once (restore): one sort instead of a sorted insert each, then
   * posting lists filled in order, then one bulk text index, or with `deferText` none: the
   * caller then runs {@link indexTextStep} until it returns true (search is right meanwhile,
   * only slower). Ids already held are replaced.
   */
  load(metas: Iterable<ArticleMeta>, options: { deferText?: boolean } = {}): void {
    const fresh: Indexed[] = [];
    const memo = new Map<string, readonly string[]>();
    const regionKeysOf = (id: string) => {
      let keys = memo.get(id);
      if (!keys) memo.set(id, (keys = this.regionKeys(id)));
      return keys;
    };
    for (const meta of metas) {
      if (this.byId.has(meta.id)) this.remove(meta.id);
      const rec = this.toIndexed(meta, regionKeysOf);
      this.byId.set(meta.id, rec);
      fresh.push(rec);
    }
    if (fresh.length === 0) return;
    if (this.all.length === 0) {
      sortInOrder(fresh);
      for (const rec of fresh) {
        this.all.push(rec);
        this.forEachPosting(rec, appendTo);
      }
      if (options.deferText) {
        for (const rec of fresh) rec.textPending = true;
        this.textQueue = this.textQueue.length === 0 ? fresh : this.textQueue.concat(fresh);
      } else {
        this.text.addAll(fresh.map((r) => r.meta));
      }
      this.changed();
      return;
    }
    for (const rec of fresh) this.insert(rec);
  }

  /** How many restored articles still wait for the full-text index. */
  get textPendingCount(): number {
    return this.textQueue.length;
  }

  /**
   * Adds restored articles to the full-text index, newest first, for about `budgetMs`, so the
   * caller can yield to the event loop between steps. Returns true when none is left. Articles
   * replaced or removed since the restore are skipped (put/remove index them themselves).
   */
  indexTextStep(budgetMs: number): boolean {
    const queue = this.textQueue;
    if (queue.length === 0) return true;
    const started = performance.now();
    while (queue.length > 0) {
      for (let n = 0; n < 64 && queue.length > 0; n++) {
        const rec = queue.pop() as Indexed;
        if (rec.textPending && this.byId.get(rec.id) === rec) this.text.upsert(rec.meta);
        rec.textPending = false;
      }
      if (performance.now() - started >= budgetMs) break;
    }
    // The ids cached for a search do not hold the articles just indexed (they were matched
    // through `pendingMatch`, which now skips them).
    this.changed();
    return queue.length === 0;
  }

  /** Adds or replaces one article, telling whether its content changed (by `contentHash`). */
  put(meta: ArticleMeta): PutOutcome {
    const old = this.byId.get(meta.id);
    if (old && old.meta.contentHash === meta.contentHash) return 'unchanged';
    if (old) this.unindex(old);
    const rec = this.toIndexed(meta);
    this.byId.set(meta.id, rec);
    this.insert(rec);
    return old ? 'updated' : 'added';
  }

  /** Removes an article from every index; returns its metadata if it was held. */
  remove(id: string): ArticleMeta | undefined {
    const rec = this.byId.get(id);
    if (!rec) return undefined;
    this.unindex(rec);
    this.byId.delete(id);
    return rec.meta;
  }

  /** Every id held (for a full resync). */
  allIds(): string[] {
    return [...this.byId.keys()];
  }

  /** Articles per entity id (regions include their descendants), from posting list sizes. */
  count(kind: CountKind, id: string): number {
    return this.postings[kind].get(id)?.length ?? 0;
  }

  /** Ids with at least one article, per kind (e.g. the feeds that have articles). */
  keys(kind: CountKind): string[] {
    return [...this.postings[kind].keys()];
  }

  /** Ids of articles published strictly before `ts` (retention by age), oldest first. */
  idsPublishedBefore(ts: number): string[] {
    return this.all.slice(0, firstAtOrAfter(this.all, ts)).map((r) => r.id);
  }

  /** Ids of a feed's articles beyond its newest `keep` (retention per feed), oldest first. */
  idsBeyond(feedId: string, keep: number): string[] {
    const list = this.postings.sources.get(feedId);
    if (!list || list.length <= keep) return [];
    return list.slice(0, list.length - keep).map((r) => r.id);
  }

  /**
   * Removes many articles at once: each list they are in is compacted in one pass, instead of
   * one shift per article (retention removes the oldest, at the start of every list).
   */
  removeMany(ids: Iterable<string>): ArticleMeta[] {
    const doomed = new Set<Indexed>();
    for (const id of ids) {
      const rec = this.byId.get(id);
      if (rec) doomed.add(rec);
    }
    if (doomed.size === 0) return [];
    if (doomed.size < 8) return [...doomed].map((rec) => this.remove(rec.id) as ArticleMeta);
    this.changed();
    const lists = new Map<Indexed[], [PostingKind, string]>();
    for (const rec of doomed) {
      this.byId.delete(rec.id);
      this.text.remove(rec.id);
      this.forEachPosting(rec, (list, kind, key) => lists.set(list, [kind, key]));
    }
    removeAll(this.all, doomed);
    for (const [list, [kind, key]] of lists) {
      removeAll(list, doomed);
      if (list.length === 0) this.postings[kind].delete(key);
    }
    return [...doomed].map((rec) => rec.meta);
  }

  /**
   * One page of the filter, newest first, strictly after `after`. See the file comment: it
   * walks only until the page and one more match are found; `totalCount` is counted when read.
   */
  query(filter: ArticleFilter, first: number, after?: ArticleCursor): ArticlePage {
    const limit = Math.max(0, Math.floor(first));
    const plan = this.plan(filter);
    const before = after ? { ts: parseCursorTs(after), id: after.id } : undefined;
    if (!plan) return { items: [], totalCount: 0, hasNextPage: false };
    const next = walkNewestFirst(plan.driver, plan.fromTs, plan.toTs, before, plan.driverWindows);
    const matches = matcher(plan.tests);
    const items: ArticleMeta[] = [];
    let hasNextPage = false;
    for (let rec = next(); rec !== undefined; rec = next()) {
      if (!matches(rec)) continue;
      if (items.length < limit) items.push(rec.meta);
      else {
        hasNextPage = true;
        break;
      }
    }
    const exact = windowCount(plan);
    if (exact !== undefined) return { items, totalCount: exact, hasNextPage };
    // Read soon (as GraphQL does), the count reuses this plan; after a write it plans again.
    const version = this.version;
    return pageWithLazyCount(items, hasNextPage, () => this.countMatches(filter, version === this.version ? plan : undefined));
  }

  /**
   * How many articles match the filter in all (what `totalCount` reads): one walk of the
   * driver's window with the others probed, kept per normalised filter until the next write.
   */
  countMatches(filter: ArticleFilter, planned?: Plan): number {
    const plan = planned ?? this.plan(filter);
    if (!plan) return 0;
    const exact = windowCount(plan);
    if (exact !== undefined) return exact;
    const key = filterKey(filter, plan);
    const cached = this.countCache.get(key);
    if (cached !== undefined) return cached;
    const next = walkNewestFirst(plan.driver, plan.fromTs, plan.toTs, undefined, plan.driverWindows);
    const matches = matcher(plan.tests);
    let n = 0;
    for (let rec = next(); rec !== undefined; rec = next()) if (matches(rec)) n++;
    if (this.countCache.size >= COUNT_CACHE_SIZE) this.countCache.delete(this.countCache.keys().next().value as string);
    this.countCache.set(key, n);
    return n;
  }

  /** The driver (lists walked) and the fields tested, or undefined when nothing can match. */
  private plan(filter: ArticleFilter): Plan | undefined {
    const fromTs = filter.from !== undefined ? parseBound(filter.from, 'from') : undefined;
    const toTs = filter.to !== undefined ? parseBound(filter.to, 'to') : undefined;
    if (fromTs !== undefined && toTs !== undefined && fromTs > toTs) return undefined;
    const fields = this.filterFields(filter, fromTs, toTs);
    if (fields.some((f) => f.size === 0)) return undefined;
    if (fields.length === 0) return { driver: [this.all], tests: [], fromTs, toTs };
    fields.sort((a, b) => a.size - b.size);
    const [smallest, ...rest] = fields as [FilterField, ...FilterField[]];
    // A search while the text index is built has no size: walk everything, test it.
    if (smallest.size === Infinity) return { driver: [this.all], tests: fields, fromTs, toTs };
    return { driver: smallest.lists(), driverWindows: smallest.windows, tests: rest, fromTs, toTs };
  }

  private filterFields(filter: ArticleFilter, fromTs: number | undefined, toTs: number | undefined): FilterField[] {
    const fields: FilterField[] = [];
    const postingField = (kind: PostingKind, values: readonly string[] | undefined) => {
      if (!values || values.length === 0) return;
      const lists: Indexed[][] = [];
      const windows: Array<[number, number]> = [];
      let size = 0;
      for (const value of new Set(values)) {
        const list = this.postings[kind].get(value);
        if (!list) continue;
        lists.push(list);
        const window = dateWindow(list, fromTs, toTs);
        windows.push(window);
        size += window[1] - window[0];
      }
      fields.push({ size, lists: () => lists, windows });
    };
    postingField('topics', filter.topics);
    postingField('actors', filter.actors);
    postingField('regions', filter.regions);
    postingField('sources', filter.sources);
    postingField('languages', filter.languages);
    const search = filter.search?.trim();
    if (search) {
      const hit = this.searchHits(search);
      const { pendingMatch } = hit;
      if (pendingMatch) {
        fields.push({
          size: Infinity,
          lists: () => [this.all],
          has: (rec) => hit.ids.has(rec.id) || (rec.textPending === true && pendingMatch(rec.meta)),
        });
      } else {
        fields.push({
          size: hit.ids.size,
          lists: () => {
            if (!hit.sorted) {
              const recs: Indexed[] = [];
              for (const id of hit.ids) {
                const rec = this.byId.get(id);
                if (rec) recs.push(rec);
              }
              hit.sorted = sortInOrder(recs);
            }
            return [hit.sorted];
          },
          has: (rec) => hit.ids.has(rec.id),
        });
      }
    }
    return fields;
  }

  private searchHits(text: string): SearchHit {
    let hit = this.searchCache.get(text);
    if (!hit) {
      const ids = this.text.search(text);
      hit = this.textQueue.length > 0 ? { ids, pendingMatch: compileTextMatch(text) } : { ids };
      if (this.searchCache.size >= SEARCH_CACHE_SIZE) this.searchCache.delete(this.searchCache.keys().next().value as string);
      this.searchCache.set(text, hit);
    }
    return hit;
  }

  /**
   * The indexed form of an article. `regionKeysOf` gives a region's keys (itself and its
   * ancestors, no repeats); a restore passes a memo of it, so 100k articles over a few hundred
   * regions ask the catalog a few hundred times.
   */
  private toIndexed(meta: ArticleMeta, regionKeysOf: (regionId: string) => readonly string[] = (id) => this.regionKeys(id)): Indexed {
    const ts = Date.parse(meta.publishedAt);
    if (Number.isNaN(ts)) {
      throw new NewsgateError(
        ErrorCode.INTERNAL,
        `Article ${meta.id} of feed ${meta.feedId} has publishedAt "${meta.publishedAt}", which is not an ISO 8601 instant; normalize must always set one.`,
        { details: { articleId: meta.id, feedId: meta.feedId } },
      );
    }
    const regions = meta.regions;
    let regionKeys: readonly string[];
    if (regions.length === 0) regionKeys = NO_KEYS;
    else if (regions.length === 1) regionKeys = regionKeysOf((regions[0] as EntityRef).id);
    else {
      const keys = new Set<string>();
      for (const r of regions) for (const key of regionKeysOf(r.id)) keys.add(key);
      regionKeys = [...keys];
    }
    // Every field set here, so all records share one shape (textPending changes later).
    return { meta, ts, id: meta.id, regionKeys, textPending: false };
  }

  /** A region and its ancestors, without repeats (shared arrays: never mutated). */
  private regionKeys(regionId: string): readonly string[] {
    const keys = [regionId];
    for (const up of this.regionAncestors(regionId)) if (!keys.includes(up)) keys.push(up);
    return keys;
  }

  /** Drops what was computed from the index as it was (searches, counts). */
  private changed(): void {
    this.version++;
    this.searchCache.clear();
    this.countCache.clear();
  }

  private insert(rec: Indexed): void {
    this.changed();
    insertSorted(this.all, rec);
    this.forEachPosting(rec, insertInto);
    this.text.upsert(rec.meta);
  }

  private unindex(rec: Indexed): void {
    this.changed();
    removeSorted(this.all, rec);
    this.forEachPosting(rec, (list, kind, key) => {
      removeSorted(list, rec);
      if (list.length === 0) this.postings[kind].delete(key);
    });
    this.text.remove(rec.id);
  }

  /**
   * Calls `fn` with each posting list the article belongs to, once each, creating missing
   * lists. Plain loops: a restore calls it for every article, so it allocates nothing.
   */
  private forEachPosting(rec: Indexed, fn: PostingVisitor): void {
    const { meta } = rec;
    const { topics, actors } = meta;
    for (let i = 0; i < topics.length; i++) {
      const key = (topics[i] as EntityRef).id;
      if (!repeatsEarlier(topics, i, key)) this.visitPosting('topics', key, rec, fn);
    }
    for (let i = 0; i < actors.length; i++) {
      const key = (actors[i] as EntityRef).id;
      if (!repeatsEarlier(actors, i, key)) this.visitPosting('actors', key, rec, fn);
    }
    for (const key of rec.regionKeys) this.visitPosting('regions', key, rec, fn);
    this.visitPosting('sources', meta.feedId, rec, fn);
    if (meta.language) this.visitPosting('languages', meta.language, rec, fn);
  }

  private visitPosting(kind: PostingKind, key: string, rec: Indexed, fn: PostingVisitor): void {
    const lists = this.postings[kind];
    let list = lists.get(key);
    if (!list) lists.set(key, (list = []));
    fn(list, kind, key, rec);
  }
}

/** What forEachPosting calls per list (module-level visitors: no closure per article). */
type PostingVisitor = (list: Indexed[], kind: PostingKind, key: string, rec: Indexed) => void;
const appendTo: PostingVisitor = (list, _kind, _key, rec) => {
  list.push(rec);
};
const insertInto: PostingVisitor = (list, _kind, _key, rec) => insertSorted(list, rec);

/** Whether `key` is the id of an entry before index `i` (entity lists are a handful long). */
function repeatsEarlier(list: readonly EntityRef[], i: number, key: string): boolean {
  for (let j = 0; j < i; j++) if ((list[j] as EntityRef).id === key) return true;
  return false;
}

const NO_KEYS: readonly string[] = [];

interface FilterField {
  /**
   * Upper bound of the field's matches in the date window (sum of its posting lists there);
   * Infinity when unknown (a search while the text index is built).
   */
  readonly size: number;
  /** Sorted lists whose union is the field's matches (materialised only when used). */
  lists(): readonly (readonly Indexed[])[];
  /** Direct membership, when cheaper than probing the lists (search). */
  readonly has?: (rec: Indexed) => boolean;
  /** Each list's date window [lo, hi), when known (posting fields). */
  readonly windows?: readonly (readonly [number, number])[];
}

/** How a filter is answered: the driver's lists are walked, every test field is checked. */
interface Plan {
  readonly driver: readonly (readonly Indexed[])[];
  /** The driver lists' date windows, when the field computed them. */
  readonly driverWindows?: readonly (readonly [number, number])[];
  readonly tests: readonly FilterField[];
  readonly fromTs: number | undefined;
  readonly toTs: number | undefined;
}

/**
 * Whether an article, given newest first (as the driver walk yields them), is in every test
 * field: direct membership, or galloping probes into the field's lists (an OR: any of them).
 */
function matcher(tests: readonly FilterField[]): (rec: Indexed) => boolean {
  if (tests.length === 0) return () => true;
  const checks = tests.map((field): ((rec: Indexed) => boolean) => {
    if (field.has) return field.has;
    const { windows } = field;
    const probes = field.lists().map((list, k) => probeNewestFirst(list, windows?.[k]?.[1]));
    if (probes.length === 1) return probes[0] as (rec: Indexed) => boolean;
    return (rec) => probes.some((probe) => probe(rec));
  });
  if (checks.length === 1) return checks[0] as (rec: Indexed) => boolean;
  return (rec) => checks.every((check) => check(rec));
}

/** The exact count without a walk, when the plan is one list and nothing to test. */
function windowCount(plan: Plan): number | undefined {
  if (plan.tests.length > 0 || plan.driver.length !== 1) return undefined;
  const [lo, hi] = plan.driverWindows?.[0] ?? dateWindow(plan.driver[0] as readonly Indexed[], plan.fromTs, plan.toTs);
  return hi - lo;
}

/**
 * A page whose `totalCount` is counted on first read (a getter, so the contract's number is
 * unchanged): GraphQL pays for the count only when a client selects `totalCount`. It counts
 * the index as it is when read.
 */
function pageWithLazyCount(items: readonly ArticleMeta[], hasNextPage: boolean, count: () => number): ArticlePage {
  let total: number | undefined;
  return {
    items,
    hasNextPage,
    get totalCount(): number {
      return (total ??= count());
    },
  };
}

/** The same filter written differently (order, repeats) gives the same key. */
function filterKey(filter: ArticleFilter, plan: Plan): string {
  const norm = (values: readonly string[] | undefined) => (values && values.length > 0 ? [...new Set(values)].sort() : null);
  return JSON.stringify([
    norm(filter.topics),
    norm(filter.actors),
    norm(filter.regions),
    norm(filter.sources),
    norm(filter.languages),
    plan.fromTs ?? null,
    plan.toTs ?? null,
    filter.search?.trim() || null,
  ]);
}

function parseBound(value: string, name: 'from' | 'to'): number {
  const ts = Date.parse(value);
  if (Number.isNaN(ts)) {
    throw new NewsgateError(
      ErrorCode.BAD_USER_INPUT,
      `The filter's "${name}" is "${value}", which is not a date; send an ISO 8601 instant such as 2026-11-24T00:00:00Z.`,
      { details: { field: name, value } },
    );
  }
  return ts;
}

function parseCursorTs(cursor: ArticleCursor): number {
  const ts = Date.parse(cursor.publishedAt);
  if (Number.isNaN(ts)) {
    throw new NewsgateError(
      ErrorCode.BAD_USER_INPUT,
      `The cursor's date "${cursor.publishedAt}" is not a date; pass back an endCursor exactly as a previous page returned it.`,
      { details: { cursor } },
    );
  }
  return ts;
}

/**
 * The in-memory side of the store: article metadata and the indexes that answer a filtered,
 * paginated query without scanning all articles. No I/O: ArticleStore persists, this indexes.
 *
 * Every list (the global one and each posting list: per topic, actor, region, source,
 * language) is kept sorted in the one order of article-order.ts (stored oldest first). A query
 * picks the smallest field of the filter as its driver (the OR of its values is a merge of
 * sorted lists), walks the driver's date window (binary search on from/to) from its newest end,
 * and tests the other fields on each article. Its cost follows the size of the smallest posting
 * list, and the result comes out already sorted, so cursors are binary searches too.
 */
import type { ArticleMeta } from '../../model/article.ts';
import { ErrorCode, NewsgateError } from '../../model/errors.ts';
import type { ArticleCursor, ArticleFilter, ArticlePage, CountKind } from '../article-store.types.ts';
import {
  firstAfter,
  firstAtOrAfter,
  insertSorted,
  lowerBound,
  mergeSorted,
  removeAll,
  removeSorted,
  sortInOrder,
  type OrderKey,
} from './article-order.ts';
import { SearchIndex } from '../search/search-index.ts';

/** An article as indexed: its metadata, its order key, and its regions with their ancestors. */
interface Indexed extends OrderKey {
  readonly meta: ArticleMeta;
  readonly regionKeys: readonly string[];
}

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
  private readonly searchCache = new Map<string, { ids: Set<string>; sorted?: readonly Indexed[] }>();
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
   * posting lists filled in order, then one bulk text index. Ids already held are replaced.
   */
  load(metas: Iterable<ArticleMeta>): void {
    const fresh: Indexed[] = [];
    for (const meta of metas) {
      if (this.byId.has(meta.id)) this.remove(meta.id);
      const rec = this.toIndexed(meta);
      this.byId.set(meta.id, rec);
      fresh.push(rec);
    }
    if (fresh.length === 0) return;
    if (this.all.length === 0) {
      sortInOrder(fresh);
      for (const rec of fresh) {
        this.all.push(rec);
        this.forEachPosting(rec, (list) => list.push(rec));
      }
      this.text.addAll(fresh.map((r) => r.meta));
      this.searchCache.clear();
      return;
    }
    for (const rec of fresh) this.insert(rec);
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
    this.searchCache.clear();
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

  /** One page of the filter, newest first, strictly after `after`. See the file comment. */
  query(filter: ArticleFilter, first: number, after?: ArticleCursor): ArticlePage {
    const limit = Math.max(0, Math.floor(first));
    const fields = this.filterFields(filter);
    let driver: readonly Indexed[];
    let tests: Array<(rec: Indexed) => boolean>;
    if (fields.length === 0) {
      driver = this.all;
      tests = [];
    } else {
      fields.sort((a, b) => a.size - b.size);
      const [smallest, ...rest] = fields as [FilterField, ...FilterField[]];
      driver = smallest.list();
      tests = rest.map((f) => f.test);
    }

    // The date window is [lo, hi) in stored (oldest-first) order; pages are read from hi down.
    const fromTs = filter.from !== undefined ? parseBound(filter.from, 'from') : undefined;
    const toTs = filter.to !== undefined ? parseBound(filter.to, 'to') : undefined;
    const lo = fromTs === undefined ? 0 : firstAtOrAfter(driver, fromTs);
    const hi = toTs === undefined ? driver.length : firstAfter(driver, toTs);
    if (lo >= hi) return { items: [], totalCount: 0, hasNextPage: false };

    // "After the cursor" in newest-first order = strictly older than it = below its lower bound.
    let pageHi = hi;
    if (after) pageHi = Math.min(hi, lowerBound(driver, { ts: parseCursorTs(after), id: after.id }));

    if (tests.length === 0) {
      const items: ArticleMeta[] = [];
      for (let i = pageHi - 1; i >= lo && items.length < limit; i--) items.push((driver[i] as Indexed).meta);
      return { items, totalCount: hi - lo, hasNextPage: pageHi - limit > lo };
    }

    const items: ArticleMeta[] = [];
    let totalCount = 0;
    let hasNextPage = false;
    for (let i = hi - 1; i >= lo; i--) {
      const rec = driver[i] as Indexed;
      if (!tests.every((t) => t(rec))) continue;
      totalCount++;
      if (i >= pageHi) continue;
      if (items.length < limit) items.push(rec.meta);
      else hasNextPage = true;
    }
    return { items, totalCount, hasNextPage };
  }

  private filterFields(filter: ArticleFilter): FilterField[] {
    const fields: FilterField[] = [];
    const postingField = (kind: PostingKind, values: readonly string[] | undefined, has: (rec: Indexed, set: Set<string>) => boolean) => {
      if (!values || values.length === 0) return;
      const set = new Set(values);
      const lists = [...set].map((v) => this.postings[kind].get(v) ?? []);
      fields.push({
        size: lists.reduce((n, l) => n + l.length, 0),
        list: () => mergeSorted(lists),
        test: (rec) => has(rec, set),
      });
    };
    postingField('topics', filter.topics, (rec, set) => rec.meta.topics.some((t) => set.has(t.id)));
    postingField('actors', filter.actors, (rec, set) => rec.meta.actors.some((a) => set.has(a.id)));
    postingField('regions', filter.regions, (rec, set) => rec.regionKeys.some((r) => set.has(r)));
    postingField('sources', filter.sources, (rec, set) => set.has(rec.meta.feedId));
    postingField('languages', filter.languages, (rec, set) => rec.meta.language !== null && set.has(rec.meta.language));
    const search = filter.search?.trim();
    if (search) {
      const hit = this.searchHits(search);
      fields.push({
        size: hit.ids.size,
        list: () => {
          if (!hit.sorted) {
            const recs: Indexed[] = [];
            for (const id of hit.ids) {
              const rec = this.byId.get(id);
              if (rec) recs.push(rec);
            }
            hit.sorted = sortInOrder(recs);
          }
          return hit.sorted;
        },
        test: (rec) => hit.ids.has(rec.id),
      });
    }
    return fields;
  }

  private searchHits(text: string): { ids: Set<string>; sorted?: readonly Indexed[] } {
    let hit = this.searchCache.get(text);
    if (!hit) {
      hit = { ids: this.text.search(text) };
      if (this.searchCache.size >= 32) this.searchCache.delete(this.searchCache.keys().next().value as string);
      this.searchCache.set(text, hit);
    }
    return hit;
  }

  private toIndexed(meta: ArticleMeta): Indexed {
    const ts = Date.parse(meta.publishedAt);
    if (Number.isNaN(ts)) {
      throw new NewsgateError(
        ErrorCode.INTERNAL,
        `Article ${meta.id} of feed ${meta.feedId} has publishedAt "${meta.publishedAt}", which is not an ISO 8601 instant; normalize must always set one.`,
        { details: { articleId: meta.id, feedId: meta.feedId } },
      );
    }
    const regionKeys = new Set<string>();
    for (const r of meta.regions) {
      regionKeys.add(r.id);
      for (const up of this.regionAncestors(r.id)) regionKeys.add(up);
    }
    return { meta, ts, id: meta.id, regionKeys: [...regionKeys] };
  }

  private insert(rec: Indexed): void {
    this.searchCache.clear();
    insertSorted(this.all, rec);
    this.forEachPosting(rec, (list) => insertSorted(list, rec));
    this.text.upsert(rec.meta);
  }

  private unindex(rec: Indexed): void {
    this.searchCache.clear();
    removeSorted(this.all, rec);
    this.forEachPosting(rec, (list, kind, key) => {
      removeSorted(list, rec);
      if (list.length === 0) this.postings[kind].delete(key);
    });
    this.text.remove(rec.id);
  }

  /** Calls `fn` with each posting list the article belongs to, creating missing lists. */
  private forEachPosting(rec: Indexed, fn: (list: Indexed[], kind: PostingKind, key: string) => void): void {
    const visit = (kind: PostingKind, keys: Iterable<string>) => {
      const seen = new Set<string>();
      for (const key of keys) {
        if (seen.has(key)) continue;
        seen.add(key);
        let list = this.postings[kind].get(key);
        if (!list) this.postings[kind].set(key, (list = []));
        fn(list, kind, key);
      }
    };
    visit('topics', rec.meta.topics.map((t) => t.id));
    visit('actors', rec.meta.actors.map((a) => a.id));
    visit('regions', rec.regionKeys);
    visit('sources', [rec.meta.feedId]);
    if (rec.meta.language) visit('languages', [rec.meta.language]);
  }
}

interface FilterField {
  /** Upper bound of the field's matches (sum of its posting lists). */
  readonly size: number;
  /** Its matches, sorted (materialised only for the driver). */
  list(): readonly Indexed[];
  /** Whether an article satisfies the field (used when another field drives). */
  test(rec: Indexed): boolean;
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

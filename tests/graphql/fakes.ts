/**
 * Small fakes of the store and catalog contracts for the GraphQL tests, and a fixture world in
 * the style of the field: Iraqi militias, their umbrellas and backers, wire copy and a
 * translated piece with a translator's note and reader comments. The fake store filters an
 * array with the same predicate subscriptions use (src/graphql/article-matches.ts), and counts
 * body reads so tests can check batching.
 */
import type { Article, ArticleBody, ArticleMeta, EntityRef, Evidence } from '../../src/model/article.ts';
import { splitArticle } from '../../src/model/article.ts';
import type { EntityCatalog } from '../../src/model/catalog.ts';
import type { Actor, Region, Topic } from '../../src/model/entities.ts';
import type { FeedConfig, FeedState } from '../../src/model/feed.ts';
import type {
  ArticleChangeListener,
  ArticleCount,
  ArticleFilter,
  ArticlePage,
  ArticleStoreApi,
  CountKind,
  PageRequest,
  StoreRetention,
  UpsertResult,
} from '../../src/store/article-store.types.ts';
import { articleMatches } from '../../src/graphql/article-matches.ts';
import { fold as foldText } from '../../src/normalize/gazetteer/fold.ts';
import type { CandidateView, GatewayServices, RefreshOutcome } from '../../src/graphql/context.ts';

/** A catalog over arrays, with the contract's semantics in the simplest code. */
export class FakeCatalog implements EntityCatalog {
  constructor(
    readonly actors: readonly Actor[],
    readonly regions: readonly Region[],
    readonly topics: readonly Topic[],
  ) {}

  actor(id: string): Actor | undefined {
    return this.actors.find((a) => a.id === id);
  }
  region(id: string): Region | undefined {
    return this.regions.find((r) => r.id === id);
  }
  topic(id: string): Topic | undefined {
    return this.topics.find((t) => t.id === id);
  }

  private search<T extends { id: string; name: string; aliases: readonly string[] }>(items: readonly T[], text: string): T[] {
    const fold = (s: string) => foldText(s).replace(/[-'’]/g, ' ').replace(/\s+/g, ' ').trim();
    const q = fold(text);
    if (q === '') return [];
    const score = (item: T) => {
      const names = [item.name, ...item.aliases].map(fold);
      if (names.includes(q)) return 0;
      if (names.some((n) => n.startsWith(q))) return 1;
      if (names.some((n) => n.includes(q))) return 2;
      return 3;
    };
    return items
      .map((item) => ({ item, s: score(item) }))
      .filter((x) => x.s < 3)
      .sort((a, b) => a.s - b.s || a.item.name.localeCompare(b.item.name))
      .map((x) => x.item);
  }
  searchActors(text: string): Actor[] {
    return this.search(this.actors, text);
  }
  searchRegions(text: string): Region[] {
    return this.search(this.regions, text);
  }

  affiliatesOf(id: string, depth = 2): string[] {
    const seen = new Set([id]);
    let frontier = [id];
    for (let hop = 0; hop < depth; hop++) {
      const next: string[] = [];
      for (const current of frontier) {
        const out = this.actor(current)?.affiliations.map((a) => a.actor) ?? [];
        const inc = this.affiliatedFrom(current).map((a) => a.actor);
        for (const other of [...out, ...inc]) {
          if (!seen.has(other)) {
            seen.add(other);
            next.push(other);
          }
        }
      }
      frontier = next;
    }
    seen.delete(id);
    return [...seen];
  }
  affiliatedFrom(id: string): { actor: string; relation: string }[] {
    return this.actors.flatMap((a) => a.affiliations.filter((f) => f.actor === id).map((f) => ({ actor: a.id, relation: f.relation })));
  }
  regionAncestors(id: string): string[] {
    const out: string[] = [];
    const visit = (rid: string) => {
      if (out.includes(rid)) return;
      const region = this.region(rid);
      if (region === undefined) return;
      out.push(rid);
      for (const m of region.memberOf) visit(m);
      if (region.parent !== undefined) visit(region.parent);
    };
    visit(id);
    return out;
  }
  topicAncestors(id: string): string[] {
    const out: string[] = [];
    for (let t = this.topic(id); t !== undefined && !out.includes(t.id); t = t.parent === undefined ? undefined : this.topic(t.parent)) {
      out.push(t.id);
    }
    return out;
  }
}

/** Newest first: publishedAt desc, then id desc (the store contract's order). */
function newestFirst(a: Pick<ArticleMeta, 'publishedAt' | 'id'>, b: Pick<ArticleMeta, 'publishedAt' | 'id'>): number {
  return Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** A store over an array; records every getBodies call. */
export class FakeStore implements ArticleStoreApi {
  readonly metas = new Map<string, ArticleMeta>();
  readonly bodies = new Map<string, ArticleBody>();
  readonly states = new Map<string, FeedState>();
  /** The ids of each getBodies call, in order. */
  readonly bodyCalls: (readonly string[])[] = [];
  /** The filters query() received, for checking widening. */
  readonly queries: ArticleFilter[] = [];
  /** When set, getBodies rejects with it (to test masking). */
  failBodiesWith: Error | undefined;
  /** How many times countMatches ran (totalCount must cost nothing unless selected). */
  counts = 0;

  constructor(
    private readonly catalog: EntityCatalog,
    articles: readonly Article[] = [],
  ) {
    for (const article of articles) this.put(article);
  }

  put(article: Article): void {
    const { meta, body } = splitArticle(article);
    this.metas.set(meta.id, meta);
    this.bodies.set(meta.id, body);
  }

  async upsert(articles: readonly Article[]): Promise<UpsertResult> {
    const added: ArticleMeta[] = [];
    for (const article of articles) {
      this.put(article);
      added.push(splitArticle(article).meta);
    }
    return { added, updated: [], unchanged: 0 };
  }

  private matching(filter: ArticleFilter): ArticleMeta[] {
    // As the SQL store does, the matcher sees an article's claims next to its metadata.
    const withClaims = (m: ArticleMeta) => ({ ...m, claims: this.bodies.get(m.id)?.claims ?? [] });
    return [...this.metas.values()].filter((m) => articleMatches(withClaims(m), filter, (id) => this.catalog.regionAncestors(id))).sort(newestFirst);
  }

  async query(filter: ArticleFilter, page: PageRequest): Promise<ArticlePage> {
    this.queries.push(filter);
    const matching = this.matching(filter);
    const after = page.after;
    const start = after === undefined ? 0 : matching.filter((m) => newestFirst(m, { publishedAt: after.at, id: after.id }) <= 0).length;
    const items = matching.slice(start, start + page.first);
    return { items, hasNextPage: start + page.first < matching.length };
  }

  async countMatches(filter: ArticleFilter): Promise<ArticleCount> {
    this.counts++;
    return { count: this.matching(filter).length, exact: true };
  }

  async getMany(ids: readonly string[]): Promise<(ArticleMeta | undefined)[]> {
    return ids.map((id) => this.metas.get(id));
  }

  async getBodies(ids: readonly string[]): Promise<(ArticleBody | undefined)[]> {
    this.bodyCalls.push([...ids]);
    if (this.failBodiesWith !== undefined) throw this.failBodiesWith;
    return ids.map((id) => this.bodies.get(id));
  }

  async getContentHashes(ids: readonly string[]): Promise<Map<string, string>> {
    return new Map(ids.flatMap((id) => (this.metas.has(id) ? [[id, this.metas.get(id)!.contentHash] as const] : [])));
  }

  async countBy(kind: CountKind, ids: readonly string[]): Promise<number[]> {
    return ids.map((id) => this.count(kind, id));
  }

  private count(kind: CountKind, id: string): number {
    const metas = [...this.metas.values()];
    switch (kind) {
      case 'sources':
        return metas.filter((m) => m.feedId === id).length;
      case 'actors':
        return metas.filter((m) => m.actors.some((r) => r.id === id)).length;
      case 'topics':
        return metas.filter((m) => m.topics.some((r) => this.catalog.topicAncestors(r.id).includes(id))).length;
      case 'regions':
        return metas.filter((m) => m.regions.some((r) => this.catalog.regionAncestors(r.id).includes(id))).length;
    }
  }

  async size(): Promise<number> {
    return this.metas.size;
  }
  async *iterate(filter: ArticleFilter): AsyncIterable<Article[]> {
    yield this.matching(filter).map((m) => ({ ...m, ...this.bodies.get(m.id)! }));
  }
  async prune(): Promise<number> {
    return 0;
  }
  setRetention(_retention: StoreRetention): void {}
  onChange(_listener: ArticleChangeListener): () => void {
    return () => {};
  }
  async getFeedState(feedId: string): Promise<FeedState | undefined> {
    return this.states.get(feedId);
  }
  async getFeedStates(feedIds: readonly string[]): Promise<(FeedState | undefined)[]> {
    return feedIds.map((id) => this.states.get(id));
  }
  async putFeedState(state: FeedState): Promise<void> {
    this.states.set(state.feedId, state);
  }
  async ping(): Promise<boolean> {
    return true;
  }
  async close(): Promise<void> {}
}

/** A synchronous event bus standing in for the store's change events. */
export class FakeEvents {
  private readonly listeners = new Set<(a: ArticleMeta) => void>();
  subscribe(listener: (a: ArticleMeta) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(article: ArticleMeta): void {
    for (const listener of this.listeners) listener(article);
  }
  get size(): number {
    return this.listeners.size;
  }
}

// ---------------------------------------------------------------- fixture world

export const ACTORS: Actor[] = [
  {
    id: 'kataib-hizbullah',
    name: "Kata'ib Hizbullah",
    kind: 'ARMED_GROUP',
    aliases: ['Kataib Hezbollah', 'Hezbollah Brigades', 'KH', 'كتائب حزب الله'],
    affiliations: [
      { actor: 'islamic-resistance-in-iraq', relation: 'member_of' },
      { actor: 'irgc-quds-force', relation: 'backed_by' },
    ],
    countries: ['IQ'],
    wikidata: 'Q1193565',
  },
  {
    id: 'islamic-resistance-in-iraq',
    name: 'Islamic Resistance in Iraq',
    kind: 'ARMED_GROUP',
    aliases: ['IRI', 'المقاومة الإسلامية في العراق'],
    affiliations: [{ actor: 'axis-of-resistance', relation: 'part_of' }],
    countries: ['IQ'],
  },
  { id: 'axis-of-resistance', name: 'Axis of Resistance', kind: 'ORGANIZATION', aliases: ['محور المقاومة'], affiliations: [], countries: [] },
  {
    id: 'irgc-quds-force',
    name: 'IRGC Quds Force',
    kind: 'MILITARY',
    aliases: ['Quds Force', 'سپاه قدس'],
    affiliations: [],
    countries: ['IR'],
  },
  {
    id: 'harakat-al-nujaba',
    name: 'Harakat al-Nujaba',
    kind: 'ARMED_GROUP',
    aliases: ['Nujaba', 'حركة النجباء'],
    affiliations: [{ actor: 'islamic-resistance-in-iraq', relation: 'member_of' }],
    countries: ['IQ'],
  },
  { id: 'us-centcom', name: 'US Central Command', kind: 'MILITARY', aliases: ['CENTCOM'], affiliations: [], countries: ['US'] },
  { id: 'houthis', name: 'Ansar Allah', kind: 'ARMED_GROUP', aliases: ['Houthis', 'أنصار الله'], affiliations: [], countries: ['YE'] },
];

export const REGIONS: Region[] = [
  { id: 'MIDDLE_EAST', kind: 'MACRO_REGION', name: 'Middle East', aliases: [], memberOf: [] },
  { id: 'GULF', kind: 'MACRO_REGION', name: 'Gulf', aliases: [], memberOf: [] },
  { id: 'IQ', kind: 'COUNTRY', name: 'Iraq', aliases: ['العراق', 'Iraqi'], parent: 'MIDDLE_EAST', memberOf: ['GULF'], countryCode: 'IQ' },
  { id: 'IQ-BG', kind: 'SUBDIVISION', name: 'Baghdad Governorate', aliases: [], parent: 'IQ', memberOf: [], countryCode: 'IQ' },
  { id: 'IQ/baghdad', kind: 'CITY', name: 'Baghdad', aliases: ['بغداد'], parent: 'IQ-BG', memberOf: [], countryCode: 'IQ', lat: 33.3152, lon: 44.3661 },
  { id: 'IQ/jurf-al-sakhr', kind: 'PLACE', name: 'Jurf al-Sakhr', aliases: ['Jurf al-Nasr'], parent: 'IQ', memberOf: [], countryCode: 'IQ', lat: 32.87, lon: 44.12 },
  { id: 'SY', kind: 'COUNTRY', name: 'Syria', aliases: ['سوريا'], parent: 'MIDDLE_EAST', memberOf: [], countryCode: 'SY' },
  { id: 'YE', kind: 'COUNTRY', name: 'Yemen', aliases: ['اليمن'], parent: 'MIDDLE_EAST', memberOf: [], countryCode: 'YE' },
  { id: 'IR', kind: 'COUNTRY', name: 'Iran', aliases: ['إيران', 'Iranian'], parent: 'MIDDLE_EAST', memberOf: ['GULF'], countryCode: 'IR' },
];

export const TOPICS: Topic[] = [
  { id: 'security', label: 'Security', phrases: [], categories: ['security'] },
  { id: 'armed-attack', label: 'Armed attack', parent: 'security', phrases: ['attack'], categories: [] },
  { id: 'drone-strike', label: 'Drone strike', parent: 'armed-attack', phrases: ['drone strike'], categories: [] },
  { id: 'diplomacy', label: 'Diplomacy', phrases: ['talks'], categories: ['diplomacy'] },
];

export const FEEDS: FeedConfig[] = [
  feed('wire', 'https://wire.example/rss', { title: 'Regional Wire', tags: ['wire'], language: 'en' }),
  feed('shafaq-ar', 'https://ar.example/feed', { regions: ['IQ'], language: 'ar' }),
  feed('yemen-monitor', 'https://ye.example/atom', { enabled: false }),
];

function feed(id: string, url: string, extra: Partial<FeedConfig> = {}): FeedConfig {
  return { id, url, tags: [], regions: [], intervalMinutes: 15, enabled: true, headers: {}, allowFile: false, ...extra };
}

function ref(id: string, mentions = 1, salience = 0.5): EntityRef {
  return { id, mentions, salience };
}

function ev(field: Evidence['field'], alias: string, text: string): Evidence {
  const start = text.indexOf(alias);
  return { field, alias, start, end: start + alias.length, snippet: text.slice(Math.max(0, start - 20), start + alias.length + 20) };
}

interface Spec {
  id: string;
  feedId: string;
  title: string;
  summary?: string;
  publishedAt: string;
  language?: string;
  actors?: EntityRef[];
  regions?: EntityRef[];
  topics?: EntityRef[];
  content?: string;
  translatorNotes?: string[];
  comments?: string[];
}

/** Builds a whole Article from the few fields a test cares about; evidence points into the title. */
export function makeArticle(s: Spec): Article {
  const content = s.content ?? `${s.title}. ${s.summary ?? ''}`;
  const evidenceFor = (refs: EntityRef[] | undefined, nameOf: (id: string) => string | undefined) =>
    Object.fromEntries((refs ?? []).map((r) => [r.id, [ev('content', nameOf(r.id) ?? r.id, content)]]));
  return {
    id: s.id,
    feedId: s.feedId,
    guid: `urn:${s.id}`,
    url: `https://news.example/${s.id}`,
    title: s.title,
    summary: s.summary ?? '',
    authors: ['Staff'],
    publishedAt: s.publishedAt,
    updatedAt: null,
    fetchedAt: s.publishedAt,
    dateSource: 'feed',
    language: s.language ?? 'en',
    tags: [],
    topics: s.topics ?? [],
    actors: s.actors ?? [],
    regions: s.regions ?? [],
    imageUrl: null,
    storyId: `story-${s.id}`,
    contentHash: `hash-${s.id}`,
    content,
    contentHtml: `<p>${content}</p>`,
    translatorNotes: s.translatorNotes ?? [],
    comments: s.comments ?? [],
    evidence: {
      actors: evidenceFor(s.actors, (id) => ACTORS.find((a) => a.id === id)?.name),
      regions: evidenceFor(s.regions, (id) => REGIONS.find((r) => r.id === id)?.name),
      topics: {},
    },
  };
}

/** Six articles, newest first by id a6..a1 (a3 and a4 share a timestamp to test the tie-break). */
export const ARTICLES: Article[] = [
  makeArticle({
    id: 'a1',
    feedId: 'wire',
    title: "Kata'ib Hizbullah claims drone strike near Baghdad airport",
    summary: 'The group said the attack targeted a logistics convoy.',
    publishedAt: '2024-05-01T08:00:00Z',
    actors: [ref('kataib-hizbullah', 2, 0.9)],
    regions: [ref('IQ/baghdad', 1, 0.8)],
    topics: [ref('drone-strike')],
    content: "Kata'ib Hizbullah claimed a drone strike near Baghdad airport on Wednesday. Do you like this article?",
  }),
  makeArticle({
    id: 'a2',
    feedId: 'shafaq-ar',
    title: 'المقاومة الإسلامية في العراق تعلن استهداف قاعدة',
    summary: 'بيان عن هجوم بطائرة مسيرة',
    publishedAt: '2024-05-02T10:30:00Z',
    language: 'ar',
    actors: [ref('islamic-resistance-in-iraq', 1, 0.9)],
    regions: [ref('IQ', 1, 0.6)],
    topics: [ref('armed-attack')],
    translatorNotes: ['[TN: the statement did not name the base]'],
    comments: ['Reader: God protect Iraq'],
  }),
  makeArticle({
    id: 'a3',
    feedId: 'wire',
    title: 'Harakat al-Nujaba warns of escalation at Jurf al-Sakhr',
    publishedAt: '2024-05-03T12:00:00Z',
    actors: [ref('harakat-al-nujaba', 1, 0.9)],
    regions: [ref('IQ/jurf-al-sakhr', 1, 0.7)],
    topics: [ref('security')],
  }),
  makeArticle({
    id: 'a4',
    feedId: 'wire',
    title: 'CENTCOM says forces intercepted two drones over Syria',
    publishedAt: '2024-05-03T12:00:00Z',
    actors: [ref('us-centcom', 1, 0.9)],
    regions: [ref('SY', 1, 0.8)],
    topics: [ref('drone-strike')],
  }),
  makeArticle({
    id: 'a5',
    feedId: 'wire',
    title: 'Iranian and Iraqi ministers hold talks in Baghdad',
    publishedAt: '2024-05-04T09:00:00Z',
    actors: [],
    regions: [ref('IQ/baghdad'), ref('IR')],
    topics: [ref('diplomacy')],
  }),
  makeArticle({
    id: 'a6',
    feedId: 'yemen-monitor',
    title: 'Ansar Allah says it targeted a ship in the Red Sea',
    publishedAt: '2024-05-05T18:00:00Z',
    actors: [ref('houthis', 1, 0.9)],
    regions: [ref('YE')],
    topics: [ref('armed-attack')],
    language: 'en',
  }),
];

/** Knobs of {@link makeServices}. */
export interface ServicesOptions {
  articles?: readonly Article[];
  adminToken?: string;
  candidates?: readonly CandidateView[];
  refresh?: (id: string) => Promise<RefreshOutcome>;
}

/** The fixture world as GatewayServices, with handles on the fakes. */
export function makeServices(options: ServicesOptions = {}) {
  const catalog = new FakeCatalog(ACTORS, REGIONS, TOPICS);
  const store = new FakeStore(catalog, options.articles ?? ARTICLES);
  const events = new FakeEvents();
  const refreshed: string[] = [];
  const candidates = options.candidates;
  const services: GatewayServices = {
    store,
    catalog,
    feeds: () => FEEDS,
    refreshFeed: async (id) => {
      refreshed.push(id);
      return options.refresh !== undefined ? options.refresh(id) : { status: 'modified', added: 2, updated: 1 };
    },
    ...(options.adminToken !== undefined ? { adminToken: options.adminToken } : {}),
    ...(candidates !== undefined
      ? { candidates: { top: async (n: number, min = 1) => candidates.filter((c) => c.mentions >= min).slice(0, n) } }
      : {}),
    events,
  };
  return { services, store, catalog, events, refreshed };
}

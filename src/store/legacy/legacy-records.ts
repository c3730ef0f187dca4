/**
 * The records newsgate 0.1 kept in its keyv stores, and how to read them back. Pure: no I/O, so
 * the rules (what a value looks like, what expired, how a meta and a body make an Article) are
 * table-tested once and shared by the SQLite and Redis readers.
 *
 * 0.1 wrote every record as keyv's JSON envelope `{"value": …, "expires": epochMs|null}` under a
 * key made of a namespace and an id: `articles` (ArticleMeta), `bodies` (ArticleBody), `feeds`
 * (FeedState), `candidates` (discovery candidates), `cache` (response cache; never copied).
 */
import { EMPTY_BODY, type Article, type ArticleBody, type ArticleMeta } from '../../model/article.ts';
import type { FeedState } from '../../model/feed.ts';

/** The namespaces of a 0.1 store. */
export type LegacyNamespace = 'articles' | 'bodies' | 'feeds' | 'candidates' | 'cache';
export const LEGACY_NAMESPACES: readonly LegacyNamespace[] = ['articles', 'bodies', 'feeds', 'candidates', 'cache'];

/** A discovery candidate as 0.1's CandidateStore kept it (key `KIND|folded name`). */
export interface LegacyCandidate {
  readonly key: string;
  readonly name: string;
  readonly kind: string;
  readonly mentions: number;
  readonly articles: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly sampleArticleIds: readonly string[];
}

/**
 * The value inside one stored envelope; undefined when the text is not an envelope, holds no
 * value, or expired before `now` (keyv would not have returned it either).
 */
export function unwrapKeyvValue(raw: string | null | undefined, now: number = Date.now()): unknown {
  if (typeof raw !== 'string') return undefined;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { value, expires } = data as { value?: unknown; expires?: unknown };
  if (typeof expires === 'number' && now > expires) return undefined;
  return value;
}

/** Enough of an ArticleMeta to be an article (0.1 indexed nothing less). */
export function isLegacyMeta(value: unknown): value is ArticleMeta {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<ArticleMeta>;
  return (
    typeof v.id === 'string' && v.id !== '' &&
    typeof v.feedId === 'string' && v.feedId !== '' &&
    typeof v.title === 'string' &&
    typeof v.publishedAt === 'string' && !Number.isNaN(Date.parse(v.publishedAt)) &&
    typeof v.fetchedAt === 'string' && !Number.isNaN(Date.parse(v.fetchedAt)) &&
    typeof v.contentHash === 'string' &&
    Array.isArray(v.topics) && Array.isArray(v.actors) && Array.isArray(v.regions) && Array.isArray(v.tags)
  );
}

function isLegacyBody(value: unknown): value is ArticleBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<ArticleBody>;
  return typeof v.content === 'string' && typeof v.contentHtml === 'string';
}

/**
 * A whole Article from a 0.1 meta and its body. A body that is missing or unreadable (0.1 wrote
 * bodies first, so only a damaged store lacks one) becomes the empty body: the article keeps its
 * metadata rather than being lost.
 */
export function mergeLegacyArticle(meta: ArticleMeta, body: unknown): Article {
  const b: ArticleBody = isLegacyBody(body) ? body : EMPTY_BODY;
  return {
    ...meta,
    content: b.content,
    contentHtml: b.contentHtml,
    translatorNotes: Array.isArray(b.translatorNotes) ? b.translatorNotes : [],
    comments: Array.isArray(b.comments) ? b.comments : [],
    evidence: {
      actors: b.evidence?.actors ?? {},
      regions: b.evidence?.regions ?? {},
      topics: b.evidence?.topics ?? {},
    },
  };
}

/** A 0.1 FeedState (the fields every state had); others are skipped. */
export function isLegacyFeedState(value: unknown): value is FeedState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<FeedState>;
  return typeof v.feedId === 'string' && v.feedId !== '' && typeof v.consecutiveFailures === 'number';
}

/** A 0.1 candidate with its key; undefined for anything else. */
export function toLegacyCandidate(key: string, value: unknown): LegacyCandidate | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<LegacyCandidate>;
  if (typeof v.name !== 'string' || typeof v.kind !== 'string' || typeof v.mentions !== 'number' || !Array.isArray(v.sampleArticleIds)) return undefined;
  return {
    key,
    name: v.name,
    kind: v.kind,
    mentions: v.mentions,
    articles: typeof v.articles === 'number' ? v.articles : v.sampleArticleIds.length,
    firstSeen: typeof v.firstSeen === 'string' ? v.firstSeen : '',
    lastSeen: typeof v.lastSeen === 'string' ? v.lastSeen : '',
    sampleArticleIds: v.sampleArticleIds.filter((id): id is string => typeof id === 'string'),
  };
}

/** How many records of each kind a 0.1 store holds (what `store stats` and `store copy` report). */
export type LegacyCounts = Record<LegacyNamespace, number>;

/**
 * Reads a newsgate 0.1 store: whole Articles (meta and body merged), feed states and
 * candidates, a batch at a time, so a store of any size is copied in bounded memory.
 */
export interface LegacyStoreReader {
  /** The store's URL with any password hidden, for messages. */
  readonly label: string;
  articles(batchSize?: number): AsyncIterable<Article[]>;
  feedStates(): AsyncIterable<FeedState[]>;
  candidates(): AsyncIterable<LegacyCandidate[]>;
  counts(): Promise<LegacyCounts>;
  close(): Promise<void>;
}

/** Records read per round trip by default. */
export const LEGACY_BATCH = 1000;

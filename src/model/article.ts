/**
 * The Article: what every feed item becomes. Split in two so that the in-memory indexes stay
 * small: {@link ArticleMeta} is held in memory for every article; {@link ArticleBody} (the
 * long texts and the evidence) stays in the store and is loaded only when a query asks.
 */

/** Where in the article an entity was found. `field` names the cleaned text the offsets index. */
export interface Evidence {
  readonly field: 'title' | 'summary' | 'content' | 'tags' | 'feed';
  /** The alias (or category, or configured value) that matched. */
  readonly alias: string;
  /** Character offsets into the field's text (UTF-16, like JavaScript strings); -1 when not textual. */
  readonly start: number;
  readonly end: number;
  /** Up to ~120 characters around the match. */
  readonly snippet: string;
}

/** An entity on an article, as kept in memory: the id, how often, how central. */
export interface EntityRef {
  readonly id: string;
  readonly mentions: number;
  /** 0..1: title and lead mentions count more than late body mentions. */
  readonly salience: number;
}

/** Where a date came from, so a client can tell a real date from a fallback. */
export type DateSource = 'feed' | 'fetched' | 'clamped';

/** Everything about an article except the long texts: what the indexes and lists need. */
export interface ArticleMeta {
  /** Stable across restarts and refetches (see src/model/ids.ts). */
  readonly id: string;
  readonly feedId: string;
  /** The item's own id (RSS guid, Atom id), if any. */
  readonly guid: string | null;
  /** Canonical link: absolute, no fragment, no tracking parameters. */
  readonly url: string | null;
  readonly title: string;
  readonly summary: string;
  readonly authors: readonly string[];
  /** ISO 8601 UTC. */
  readonly publishedAt: string;
  readonly updatedAt: string | null;
  readonly fetchedAt: string;
  /** `fetched` when the feed gave no usable date; `clamped` when it was in the future. */
  readonly dateSource: DateSource;
  /** ISO 639-1, or null when unknown. */
  readonly language: string | null;
  readonly tags: readonly string[];
  readonly topics: readonly EntityRef[];
  readonly actors: readonly EntityRef[];
  readonly regions: readonly EntityRef[];
  /** Lead image (enclosure, media:content, media:thumbnail), absolute URL. */
  readonly imageUrl: string | null;
  /** Cluster of near-duplicates across feeds (same canonical URL or near-identical title). */
  readonly storyId: string;
  /** Hash of the content fields; a refetch with the same hash is not an update. */
  readonly contentHash: string;
}

/** Evidence per entity kind, keyed by entity id. */
export interface ArticleEvidence {
  readonly actors: Readonly<Record<string, readonly Evidence[]>>;
  readonly regions: Readonly<Record<string, readonly Evidence[]>>;
  readonly topics: Readonly<Record<string, readonly Evidence[]>>;
}

/** Where a claim, quotation or figure was read: a span of the cleaned title, summary or content. */
export interface TextEvidence {
  readonly field: 'title' | 'summary' | 'content';
  /** Character offsets into the field's text (UTF-16). */
  readonly start: number;
  readonly end: number;
  /** The sentence (or ~120 characters) around the span. */
  readonly snippet: string;
}

export const CLAIM_KINDS = ['CLAIMED', 'DENIED', 'ATTRIBUTED'] as const;
/** CLAIMED: `actor` claims responsibility; DENIED: `actor` denies involvement; ATTRIBUTED: `by` blames `actor`. */
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** Who claimed, denied or was blamed for an act: what no feed gives as data (issue 14). */
export interface Claim {
  readonly kind: ClaimKind;
  /** Actor id of the claimant / denier / the one blamed; null when the text names no known actor. */
  readonly actor: string | null;
  /** Actor id of who blames or reports it; null for a first-hand claim or denial. */
  readonly by: string | null;
  readonly evidence: TextEvidence;
}

/** A direct quotation and who said it. */
export interface Quote {
  /** Actor id of the speaker, when the speaker is in the dictionaries. */
  readonly speaker: string | null;
  /** The speaker's name as written (titles removed), or null ("a spokesman said"). */
  readonly speakerName: string | null;
  /** The quoted words, without the quotation marks. */
  readonly text: string;
  readonly evidence: TextEvidence;
}

export const FIGURE_KINDS = ['KILLED', 'WOUNDED', 'MISSING', 'ABDUCTED', 'ARRESTED', 'DISPLACED', 'ATTACKS'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

/** A casualty or event count: "at least 34 injured" → WOUNDED 34..null; "dozens" → 24..99. */
export interface Figure {
  readonly kind: FigureKind;
  readonly min: number;
  /** The upper bound; null when open ("at least 34", "more than 100"). Equal to min for an exact number. */
  readonly max: number | null;
  /** The words counted ("at least 34 injured"). */
  readonly text: string;
  readonly evidence: TextEvidence;
}

/** The long parts of an article, stored apart from the metadata. */
export interface ArticleBody {
  /** Plain text of the body without page chrome, translator notes or comments. */
  readonly content: string;
  /** The body as sanitised HTML. */
  readonly contentHtml: string;
  readonly translatorNotes: readonly string[];
  readonly comments: readonly string[];
  readonly evidence: ArticleEvidence;
  /*
   * Issue 14. Optional because bodies stored before them have none: readers default to [] / null
   * (a refetch fills them: the tagger version is part of the content hash).
   */
  /** Region id of the dateline ("DUBAI (Reuters) -" → AE/dubai): where the copy was filed, not a region of the article. */
  readonly dateline?: string | null;
  readonly claims?: readonly Claim[];
  readonly quotes?: readonly Quote[];
  readonly figures?: readonly Figure[];
}

/** A whole article: what normalize produces and what `newsgate preview --json` prints. */
export interface Article extends ArticleMeta, ArticleBody {}

/** Splits a whole article into what is held in memory and what is stored apart. */
export function splitArticle(article: Article): { meta: ArticleMeta; body: ArticleBody } {
  const { content, contentHtml, translatorNotes, comments, evidence, dateline, claims, quotes, figures, ...meta } = article;
  return { meta, body: { content, contentHtml, translatorNotes, comments, evidence, dateline: dateline ?? null, claims: claims ?? [], quotes: quotes ?? [], figures: figures ?? [] } };
}

/** An empty body, for an article whose body was lost or not yet loaded. */
export const EMPTY_BODY: ArticleBody = Object.freeze({
  content: '',
  contentHtml: '',
  translatorNotes: [],
  comments: [],
  evidence: { actors: {}, regions: {}, topics: {} },
  dateline: null,
  claims: [],
  quotes: [],
  figures: [],
});

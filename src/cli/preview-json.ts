/**
 * The JSON that `newsgate preview --json` prints: the feed's own facts and every Article with
 * its actors, regions and topics resolved to objects a person can read.
 */
import type { PreviewFullText } from './preview-full-text.ts';
import type { Article, Claim, EntityRef, Evidence, Figure, Quote, TextEvidence } from '../model/article.ts';
import type { EntityCatalog } from '../model/catalog.ts';
import type { FeedFormat } from '../model/feed.ts';

export interface PreviewFeed {
  title: string | null;
  link: string | null;
  language: string | null;
  format: FeedFormat | null;
  encoding: string | null;
  warnings: string[];
}

export interface PreviewEntity {
  id: string;
  name: string;
  kind: string;
  mentions: number;
  salience: number;
  evidence: readonly Evidence[];
}

/** The feed an article came from, as DESIGN.md's `source`. */
export interface PreviewSource {
  id: string;
  title: string | null;
  siteUrl: string | null;
}

/** An actor named by a claim or quote: id, name and kind (the id alone when the dictionaries lost it). */
export interface PreviewActorRef {
  id: string;
  name: string;
  kind: string;
}

export interface PreviewClaim {
  kind: Claim['kind'];
  actor: PreviewActorRef | null;
  by: PreviewActorRef | null;
  evidence: TextEvidence;
}

export interface PreviewQuote {
  speaker: PreviewActorRef | null;
  speakerName: string | null;
  text: string;
  evidence: TextEvidence;
}

/** An Article as printed: every field of DESIGN.md, entities as objects. */
export type PreviewArticle = Omit<Article, 'actors' | 'regions' | 'topics' | 'evidence' | 'claims' | 'quotes' | 'figures' | 'dateline'> & {
  source: PreviewSource;
  actors: PreviewEntity[];
  regions: PreviewEntity[];
  topics: PreviewEntity[];
  /** With `--full-text`: what the page gave. */
  fullText?: PreviewFullText;
  /** The dateline place, as a region object, or null. */
  dateline: { id: string; name: string; kind: string } | null;
  claims: PreviewClaim[];
  quotes: PreviewQuote[];
  figures: Figure[];
};

export interface PreviewDocument {
  feed: PreviewFeed;
  articles: PreviewArticle[];
}

/** Resolves an article's entity refs through the catalog (unknown ids keep their id as name). */
export function toPreviewArticle(article: Article, catalog: EntityCatalog, source: PreviewSource): PreviewArticle {
  const { evidence, actors, regions, topics, claims, quotes, figures, dateline, ...rest } = article;
  const actorRef = (id: string | null): PreviewActorRef | null => {
    if (id === null) return null;
    const a = catalog.actor(id);
    return { id, name: a?.name ?? id, kind: a?.kind ?? 'UNKNOWN' };
  };
  const place = dateline == null ? null : catalog.region(dateline);
  const resolve = (refs: readonly EntityRef[], kind: 'actors' | 'regions' | 'topics'): PreviewEntity[] =>
    refs.map((ref) => {
      const entity =
        kind === 'actors'
          ? catalog.actor(ref.id)
          : kind === 'regions'
            ? catalog.region(ref.id)
            : undefined;
      const topic = kind === 'topics' ? catalog.topic(ref.id) : undefined;
      return {
        id: ref.id,
        name: entity?.name ?? topic?.label ?? ref.id,
        kind: entity?.kind ?? (kind === 'topics' ? 'TOPIC' : 'UNKNOWN'),
        mentions: ref.mentions,
        salience: ref.salience,
        evidence: evidence[kind][ref.id] ?? [],
      };
    });
  return {
    ...rest,
    source,
    actors: resolve(actors, 'actors'),
    regions: resolve(regions, 'regions'),
    topics: resolve(topics, 'topics'),
    dateline: dateline == null ? null : { id: dateline, name: place?.name ?? dateline, kind: place?.kind ?? 'UNKNOWN' },
    claims: (claims ?? []).map((c) => ({ kind: c.kind, actor: actorRef(c.actor), by: actorRef(c.by), evidence: c.evidence })),
    quotes: (quotes ?? []).map((q: Quote) => ({ speaker: actorRef(q.speaker), speakerName: q.speakerName, text: q.text, evidence: q.evidence })),
    figures: [...(figures ?? [])],
  };
}

/**
 * The JSON that `newsgate preview --json` prints: the feed's own facts and every Article with
 * its actors, regions and topics resolved to objects a person can read.
 */
import type { PreviewFullText } from './preview-full-text.ts';
import type { Article, EntityRef, Evidence } from '../model/article.ts';
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

/** An Article as printed: every field of DESIGN.md, entities as objects. */
export type PreviewArticle = Omit<Article, 'actors' | 'regions' | 'topics' | 'evidence'> & {
  source: PreviewSource;
  actors: PreviewEntity[];
  regions: PreviewEntity[];
  topics: PreviewEntity[];
  /** With `--full-text`: what the page gave. */
  fullText?: PreviewFullText;
};

export interface PreviewDocument {
  feed: PreviewFeed;
  articles: PreviewArticle[];
}

/** Resolves an article's entity refs through the catalog (unknown ids keep their id as name). */
export function toPreviewArticle(article: Article, catalog: EntityCatalog, source: PreviewSource): PreviewArticle {
  const { evidence, actors, regions, topics, ...rest } = article;
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
  return { ...rest, source, actors: resolve(actors, 'actors'), regions: resolve(regions, 'regions'), topics: resolve(topics, 'topics') };
}

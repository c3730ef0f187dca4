/**
 * The contract of the normalize stage: one raw item in, one Article out. Pure: no I/O, no
 * clock (the fetch time is passed in), so the same input always gives the same Article.
 */
import type { Article } from '../model/article.ts';
import type { FeedConfig } from '../model/feed.ts';
import type { Candidate, Tagger } from './gazetteer/tagger.types.ts';

export interface NormalizeContext {
  readonly feed: FeedConfig;
  /** The feed document's own title/link/language (ParsedFeed), used as fallbacks. */
  readonly feedTitle: string | null;
  readonly feedLink: string | null;
  readonly feedLanguage: string | null;
  /** The URL the document was fetched from (after redirects): base for relative links. */
  readonly documentUrl: string;
  readonly fetchedAt: Date;
  readonly tagger: Tagger;
}

/**
 * True when the store already holds this article with this content hash: tagging and HTML
 * sanitising are then skipped, so a refetch of an unchanged feed costs little.
 */
export type IsUnchanged = (id: string, contentHash: string) => boolean;

/** An item the store already holds unchanged: nothing more was computed. */
export interface UnchangedItem {
  readonly unchanged: true;
  readonly id: string;
  readonly warnings: readonly string[];
}

export interface NormalizedItem {
  readonly unchanged?: false;
  readonly article: Article;
  /** Unknown names found in the article, for discovery. */
  readonly candidates: readonly Candidate[];
  /** Fallbacks taken for this item (bad date, missing link, …), for the feed's warnings. */
  readonly warnings: readonly string[];
}

/**
 * What the feed writers (RSS 2.0, Atom 1.0, JSON Feed 1.1) publish: one saved search as a
 * channel and its newest matches as items. Built from articles by `toFeedOutItem`, so the three
 * formats say the same thing about each article and differ only in syntax.
 */
import type { ArticleMeta } from '../model/article.ts';

/** The channel: the saved search itself. */
export interface FeedOutChannel {
  /** The search's name. */
  readonly title: string;
  /** Says what the search asks (query and filter), for readers that show a description. */
  readonly description: string;
  /** Absolute URL of this document (`/searches/<id>.rss`): the feed's self link and Atom/JSON id. */
  readonly selfUrl: string;
  /** Absolute URL of a page about the search (the gateway's GraphQL endpoint). */
  readonly homeUrl: string;
  /** Newest date among the items (or now when there are none), ISO 8601. */
  readonly updatedAt: string;
}

/** One matching article, as every format publishes it. */
export interface FeedOutItem {
  /** newsgate's article id: RSS guid, JSON Feed id, and (as `urn:newsgate:article:<id>`) Atom id. */
  readonly id: string;
  readonly title: string;
  readonly url: string | null;
  readonly summary: string;
  /** ISO 8601 UTC. */
  readonly publishedAt: string;
  readonly updatedAt: string | null;
  readonly authors: readonly string[];
  /** Topic and actor names, as categories/tags. */
  readonly categories: readonly string[];
  readonly language: string | null;
  /** The feed the article came from. */
  readonly sourceTitle: string;
  readonly sourceUrl: string | null;
}

/** Builds an item from stored metadata; `sourceOf` names the feed (title, URL) the article came from. */
export function toFeedOutItem(article: ArticleMeta, sourceOf: (feedId: string) => { title: string; url: string | null }, categoryOf: (kind: 'topic' | 'actor', id: string) => string): FeedOutItem {
  const source = sourceOf(article.feedId);
  return {
    id: article.id,
    title: article.title,
    url: article.url,
    summary: article.summary,
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    authors: article.authors,
    categories: [...article.topics.map((t) => categoryOf('topic', t.id)), ...article.actors.map((a) => categoryOf('actor', a.id))],
    language: article.language,
    sourceTitle: source.title,
    sourceUrl: source.url,
  };
}

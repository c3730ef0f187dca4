/**
 * The vocabulary of the conformance run: what one file gave through the ingestion path (an
 * Outcome), what an oracle expected of it (Checks), and how files are described (FileCase).
 * Oracles are pure: they read expectation files and compare, they never parse feeds themselves.
 */
import type { Article } from '../../src/model/article.ts';
import type { ParsedFeed, RawItem } from '../../src/model/raw-feed.ts';

/** One item as it came out: the parse stage's RawItem and the Article normalize made of it (null if none). */
export interface ObservedItem {
  readonly raw: RawItem;
  readonly article: Article | null;
}

/** What the ingestion path gave for one file. */
export type Outcome =
  | { readonly ok: true; readonly parsed: ParsedFeed; readonly items: readonly ObservedItem[]; readonly warnings: readonly string[]; readonly encoding: string }
  | { readonly ok: false; readonly code: string; readonly message: string };

/** One expected value compared with what came out. */
export interface Check {
  /** What is compared, e.g. `items[0].title`. */
  readonly field: string;
  /** Category for the summary: title, link, id, date, author, category, text, count, feed, error. */
  readonly kind: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly ok: boolean;
}

/** One corpus file and what its oracle expects of it. */
export interface FileCase {
  /** Source folder of the corpus (`gofeed`, `rss-parser`, `node-feedparser`, `miniflux`). */
  readonly folder: string;
  /** Path relative to the corpus root. */
  readonly file: string;
  /** The URL the document is taken to come from (base of relative links). */
  readonly url: string;
  /** The HTTP Content-Type it is taken to be served with, if the oracle says so. */
  readonly contentType?: string;
  /** True when the oracle serves it with `Content-Encoding: gzip` (the fetch stage would gunzip it). */
  readonly gzip?: boolean;
  /** True when the file must be rejected (not a feed); it then does not count as a file to parse. */
  readonly mustFail?: boolean;
  /** The expected values, given what came out. */
  readonly expect: (outcome: Outcome) => Check[];
}

/** Turns a corpus directory into file cases; returns [] when its folder is absent. */
export type Oracle = (root: string) => FileCase[];

/**
 * The syntax tree of newsgate's query language (the `query: String` argument), before and after
 * resolution. Parsing (parse-query.ts) yields a {@link QueryNode} that still holds the ids and
 * dates as typed; resolving (resolve-query.ts) checks the ids against the dictionaries, widens
 * affiliates and topics, and fixes relative dates against "now", yielding a
 * {@link ResolvedQuery} that the brute-force evaluator and the SQL compiler both read — so the
 * two cannot disagree about what a query means.
 */

/** Fields a term can name. `published`/`fetched` take dates; the others ids or words. */
export type QueryField = 'actor' | 'affiliates' | 'region' | 'topic' | 'source' | 'lang' | 'title' | 'published' | 'fetched';

/** Comparison of a date term; `=` (no operator) means "within that day/period". */
export type DateOp = '>' | '>=' | '<' | '<=' | '=';

/** A date as typed: an absolute instant or day, or `now` minus an amount. */
export type DateSpec =
  | { readonly kind: 'absolute'; readonly text: string; readonly start: string; readonly end: string }
  | { readonly kind: 'relative'; readonly amount: number; readonly unit: 'h' | 'd' | 'w' | 'y' };

/** Where a node was typed: 1-based position of its first character in the query. */
interface Located {
  readonly position: number;
}

/** Which text a word or phrase is looked for in: all of title, summary and body, or the title. */
export type TextScope = 'all' | 'title';

export type QueryNode =
  | ({ readonly kind: 'and' | 'or'; readonly children: readonly QueryNode[] } & Located)
  | ({ readonly kind: 'not'; readonly child: QueryNode } & Located)
  /** A word (`drone`, `drone*` for a prefix) or a phrase (`"drone strike"`, or a hyphenated word). */
  | ({ readonly kind: 'text'; readonly text: string; readonly phrase: boolean; readonly prefix: boolean; readonly scope: TextScope } & Located)
  | ({ readonly kind: 'entity'; readonly field: 'actor' | 'affiliates' | 'region' | 'topic' | 'source' | 'lang'; readonly id: string } & Located)
  | ({ readonly kind: 'date'; readonly field: 'published' | 'fetched'; readonly op: DateOp; readonly date: DateSpec } & Located);

/** The article column a resolved entity term tests. */
export type EntityColumn = 'actors' | 'regions' | 'topics' | 'sources' | 'languages';

/**
 * A query ready to run. Text terms carry their folded tokens (the store's folding); a phrase
 * is its tokens in a row; entity terms carry every id they stand for (any one matches); date
 * terms are half-open or closed bounds on an ISO instant.
 */
export type ResolvedQuery =
  | { readonly kind: 'and' | 'or'; readonly children: readonly ResolvedQuery[] }
  | { readonly kind: 'not'; readonly child: ResolvedQuery }
  | { readonly kind: 'text'; readonly tokens: readonly string[]; readonly prefix: boolean; readonly scope: TextScope }
  | { readonly kind: 'entity'; readonly column: EntityColumn; readonly ids: readonly string[] }
  | { readonly kind: 'date'; readonly column: 'publishedAt' | 'fetchedAt'; readonly op: '>' | '>=' | '<' | '<='; readonly at: string }
  /** Matches everything (e.g. an empty AND) or nothing (an empty OR). */
  | { readonly kind: 'all' | 'none' };

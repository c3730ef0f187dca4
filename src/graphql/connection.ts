/**
 * Relay connections, built the same way for every field that pages: `articles`,
 * `Actor.articles`, `actors`, `regions`. `first` is bounded here, once, so that no client can
 * ask the store for an unbounded page.
 */
import type { ArticleMeta } from '../model/article.ts';
import type { ArticleCount, ArticleFilter, ArticleStoreApi } from '../store/article-store.types.ts';
import { decodeArticleCursor, decodeListCursor, encodeArticleCursor, encodeListCursor } from './cursor.ts';
import { badUserInput } from './errors.ts';

/** The most items one page may hold. */
export const MAX_FIRST = 100;
/** `first` when the client gives none. */
export const DEFAULT_FIRST = 20;

export interface EdgeView<T> {
  readonly cursor: string;
  readonly node: T;
}

export interface PageInfoView {
  readonly hasNextPage: boolean;
  /** True when the page was asked `after` a cursor (there is at least that item before it). */
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

export interface ConnectionView<T> {
  readonly edges: readonly EdgeView<T>[];
  readonly pageInfo: PageInfoView;
  /** A promise when counting costs a query: resolved only if the client selects it. */
  readonly totalCount: number | Promise<number>;
  readonly totalCountExact: boolean | Promise<boolean>;
}

/** Checks `first` (1..100); BAD_USER_INPUT saying how to page otherwise. */
export function checkFirst(first: number | null | undefined, field: string): number {
  const value = first ?? DEFAULT_FIRST;
  if (!Number.isInteger(value) || value < 1 || value > MAX_FIRST) {
    throw badUserInput(
      `\`first\` on \`${field}\` must be between 1 and ${MAX_FIRST}; got ${value}. ` +
        `Ask for at most ${MAX_FIRST} and fetch the next page with \`after: pageInfo.endCursor\`.`,
      { argument: 'first', field, max: MAX_FIRST },
    );
  }
  return value;
}

function pageInfo<T>(edges: readonly EdgeView<T>[], hasNextPage: boolean, hasPreviousPage: boolean): PageInfoView {
  return {
    hasNextPage,
    hasPreviousPage,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
}

/** One page of articles matching an already-resolved store filter, newest first. */
export async function articleConnection(
  store: ArticleStoreApi,
  filter: ArticleFilter,
  first: number | null | undefined,
  after: string | null | undefined,
  field = 'articles',
): Promise<ConnectionView<ArticleMeta>> {
  const size = checkFirst(first, field);
  const position = after == null ? undefined : decodeArticleCursor(after, field);
  const page = await store.query(filter, { first: size, ...(position ? { after: position } : {}), order: 'PUBLISHED_DESC' });
  const edges = page.items.map((node) => ({
    cursor: encodeArticleCursor({ at: node.publishedAt, id: node.id }),
    node,
  }));
  // Counted only when a client selects totalCount or totalCountExact (one query for both):
  // counting walks every match, the page does not.
  let counted: Promise<ArticleCount> | undefined;
  const count = () => (counted ??= store.countMatches(filter));
  return {
    edges,
    pageInfo: pageInfo(edges, page.hasNextPage, position !== undefined),
    get totalCount() {
      return count().then((c) => c.count);
    },
    get totalCountExact() {
      return count().then((c) => c.exact);
    },
  };
}

/**
 * One page of an in-memory list (dictionary entries) in the given order; the cursor is the id
 * of the last entity seen, so a page stays put if entities are added before it.
 */
export function listConnection<T>(
  list: string,
  items: readonly T[],
  idOf: (item: T) => string,
  first: number | null | undefined,
  after: string | null | undefined,
): ConnectionView<T> {
  const size = checkFirst(first, list);
  let start = 0;
  if (after != null) {
    const afterId = decodeListCursor(after, list);
    const index = items.findIndex((item) => idOf(item) === afterId);
    if (index < 0) {
      throw badUserInput(
        `The cursor in \`after\` points at ${JSON.stringify(afterId)}, which is no longer in \`${list}\` with these arguments. ` +
          `Start again without \`after\`.`,
        { argument: 'after', field: list },
      );
    }
    start = index + 1;
  }
  const edges = items.slice(start, start + size).map((node) => ({ cursor: encodeListCursor(list, idOf(node)), node }));
  return { edges, pageInfo: pageInfo(edges, start + size < items.length, start > 0), totalCount: items.length, totalCountExact: true };
}

/**
 * `articles` with the analyst arguments: `query`, `orderBy` (PUBLISHED_DESC, FETCHED_DESC,
 * RELEVANCE) and `collapse: STORY`, as a Relay connection over the SQL search. Cursors carry
 * the order they were made in (a FETCHED_DESC cursor is refused by PUBLISHED_DESC), and
 * totalCount is exact (of articles, or of stories when collapsed).
 */
import type { ArticleMeta } from '../model/article.ts';
import { hasTextTerms } from '../query/resolve-query.ts';
import { countArticles, countStories, searchArticles, type SearchOrder } from '../query/sql/search-articles.ts';
import { checkFirst, type ConnectionView } from './connection.ts';
import type { Context } from './context.ts';
import { decodeArticleCursor, decodeFetchedCursor, decodeRelevanceCursor, encodeArticleCursor, encodeFetchedCursor, encodeRelevanceCursor } from './cursor.ts';
import { badUserInput } from './errors.ts';
import { sqlOf, type AnalystInput } from './analyst-input.ts';

export interface SearchPageArgs {
  readonly first: number | null | undefined;
  readonly after: string | null | undefined;
  readonly order: SearchOrder;
  readonly collapseStories: boolean;
}

/** One page of `input`'s matches in the requested order. */
export async function searchConnection(ctx: Context, input: AnalystInput, args: SearchPageArgs, field = 'articles'): Promise<ConnectionView<ArticleMeta>> {
  const database = sqlOf(ctx);
  const size = checkFirst(args.first, field);
  if (args.order === 'RELEVANCE' && !hasTextTerms(input.query)) {
    throw badUserInput('`orderBy: RELEVANCE` ranks by the words of `query`; send a `query` with words (outside NOT), or order by PUBLISHED_DESC or FETCHED_DESC.', { argument: 'orderBy' });
  }
  const after = args.after ?? undefined;
  const offset = args.order === 'RELEVANCE' && after !== undefined ? decodeRelevanceCursor(after, field) : 0;
  const position =
    after === undefined || args.order === 'RELEVANCE' ? undefined : args.order === 'FETCHED_DESC' ? decodeFetchedCursor(after, field) : decodeArticleCursor(after, field);
  const page = await searchArticles(database, {
    filter: input.filter,
    query: input.query,
    first: size,
    order: args.order,
    after: position,
    offset,
    collapseStories: args.collapseStories,
  });
  const edges = page.items.map((node, i) => ({
    cursor:
      args.order === 'RELEVANCE'
        ? encodeRelevanceCursor(offset + i + 1)
        : args.order === 'FETCHED_DESC'
          ? encodeFetchedCursor({ at: node.fetchedAt, id: node.id })
          : encodeArticleCursor({ at: node.publishedAt, id: node.id }),
    node,
  }));
  let counted: Promise<number> | undefined;
  const count = () => (counted ??= args.collapseStories ? countStories(database, input.filter, input.query) : countArticles(database, input.filter, input.query));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      return count();
    },
    totalCountExact: true,
  };
}

/**
 * `articleAdded(filter)`: new and updated articles pushed as they are stored, filtered with the
 * same filter resolution and the same matching predicate as `articles`.
 */
import { Arg, Resolver, Root, Subscription } from 'type-graphql';
import type { ArticleMeta } from '../../model/article.ts';
import { articleMatches } from '../article-matches.ts';
import type { Context } from '../context.ts';
import { resolveFilter, type ArticleFilterArgs } from '../resolve-filter.ts';
import { filteredEventStream } from '../subscription-stream.ts';
import { ArticleFilterInput } from '../types/article-filter.input.ts';
import { Article } from '../types/article.type.ts';

/** The stream of one subscription; the filter is checked (and may fail) before anything is sent. */
export async function articleAddedStream(context: Context, args: { filter?: ArticleFilterArgs | null }): Promise<AsyncIterableIterator<ArticleMeta>> {
  const { services, loaders } = context;
  const filter = await resolveFilter(args.filter, services);
  return filteredEventStream<ArticleMeta>(
    services.events,
    (article) => articleMatches(article, filter, (id) => services.catalog.regionAncestors(id)),
    () => {
      // Each event is answered like a fresh request: no body or state cached from an earlier one.
      loaders.clearAll();
    },
  );
}

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => Article, {
    description: 'New or updated articles matching `filter` (same rules as `articles`), as they are stored.',
    subscribe: ({ args, context }) => articleAddedStream(context as Context, args as { filter?: ArticleFilterArgs | null }),
  })
  articleAdded(
    @Root() article: ArticleMeta,
    @Arg('filter', () => ArticleFilterInput, { nullable: true }) _filter?: ArticleFilterInput,
  ): ArticleMeta {
    return article;
  }
}

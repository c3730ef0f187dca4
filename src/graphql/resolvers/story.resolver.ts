/**
 * Stories: near-duplicate reports of one event across feeds (src/stories/). `story(id)`,
 * `Article.story` (batched per request: a page of articles is one query), and a story's
 * articles as a connection over `filter.stories`.
 */
import DataLoader from 'dataloader';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { ArticleMeta } from '../../model/article.ts';
import { storySummaries, type StorySummary } from '../../stories/story-sql.ts';
import { sqlOf } from '../analyst-input.ts';
import { articleConnection, type ConnectionView } from '../connection.ts';
import type { Context } from '../context.ts';
import { Article, ArticleConnection } from '../types/article.type.ts';
import { DateTimeScalar } from '../types/date-time.scalar.ts';
import { Feed, type FeedRoot } from '../types/feed.type.ts';
import { PageArgs } from './args.ts';
import { feedRoot } from './article.resolver.ts';

@ObjectType({ description: 'Reports of one event across feeds, clustered by wording, entities and time.' })
export class Story {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The title of its first report.' })
  title!: string;

  @Field(() => DateTimeScalar)
  firstSeenAt!: Date;

  @Field(() => DateTimeScalar)
  lastSeenAt!: Date;

  @Field(() => Int)
  articleCount!: number;

  @Field(() => Int, { description: 'Feeds that reported it.' })
  sourceCount!: number;
}

/** Per-request batching of story look-ups. */
const loaders = new WeakMap<Context, DataLoader<string, StorySummary | undefined>>();
function storyLoader(ctx: Context): DataLoader<string, StorySummary | undefined> {
  let loader = loaders.get(ctx);
  if (loader === undefined) {
    loader = new DataLoader((ids: readonly string[]) => storySummaries(sqlOf(ctx), ids));
    loaders.set(ctx, loader);
  }
  return loader;
}

function view(summary: StorySummary | undefined): (Story & { sources: readonly string[] }) | null {
  if (summary === undefined) return null;
  return { ...summary, firstSeenAt: new Date(summary.firstSeenAt), lastSeenAt: new Date(summary.lastSeenAt) };
}

@Resolver(() => Story)
export class StoryResolver {
  @Query(() => Story, { nullable: true, description: 'One story by id (Article.story.id); null when no article carries it.' })
  async story(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Story | null> {
    return view(await storyLoader(ctx).load(id));
  }

  @FieldResolver(() => [Feed], { description: 'The feeds that reported it.' })
  sources(@Root() story: Story & { sources: readonly string[] }, @Ctx() ctx: Context): FeedRoot[] {
    return story.sources.map((id) => feedRoot(ctx, id));
  }

  @FieldResolver(() => ArticleConnection, { description: 'Its articles, newest first.' })
  articles(@Root() story: Story, @Args(() => PageArgs) { first, after }: PageArgs, @Ctx() ctx: Context): Promise<ConnectionView<ArticleMeta>> {
    return articleConnection(ctx.services.store, { stories: [story.id] }, first, after, 'Story.articles');
  }
}

@Resolver(() => Article)
export class ArticleStoryResolver {
  @FieldResolver(() => Story, { description: 'The story this article belongs to, with the other reports of the same event.' })
  async story(@Root() article: ArticleMeta, @Ctx() ctx: Context): Promise<Story | null> {
    return view(await storyLoader(ctx).load(article.storyId));
  }
}

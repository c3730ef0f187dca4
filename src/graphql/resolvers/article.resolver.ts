/**
 * `articles` and `article`, and the Article fields that are not plain metadata: the body
 * (through the per-request body loader, so a page is one store batch and nothing is loaded
 * unless asked), the source feed and the tagged entities.
 */
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ArticleBody, ArticleMeta, EntityRef } from '../../model/article.ts';
import { articleConnection, type ConnectionView } from '../connection.ts';
import type { Context } from '../context.ts';
import { resolveFilter } from '../resolve-filter.ts';
import { ArticleFilterInput } from '../types/article-filter.input.ts';
import { Article, ArticleConnection } from '../types/article.type.ts';
import { ArticleActor, ArticleRegion, ArticleTopic, type EntityOnArticle } from '../types/entity-on-article.type.ts';
import { Feed, type FeedRoot } from '../types/feed.type.ts';
import { Region } from '../types/region.type.ts';
import { Claim, Figure, Quote } from '../types/statement.type.ts';
import type { Actor as ActorModel, Region as RegionModel } from '../../model/entities.ts';
import { PageArgs } from './args.ts';
import { analystInput } from '../analyst-input.ts';
import { searchConnection } from '../analyst-connection.ts';
import { ArticleOrderEnum, CollapseEnum } from '../types/analyst.types.ts';

@ArgsType()
class ArticlesArgs extends PageArgs {
  @Field(() => ArticleFilterInput, { nullable: true })
  filter?: ArticleFilterInput;

  @Field(() => String, { nullable: true, description: 'A query in the query language (words, "phrases", AND/OR/NOT, -word, field terms such as actor:ID or published:>now-7d), AND-ed with `filter`.' })
  query?: string;

  @Field(() => ArticleOrderEnum, { defaultValue: ArticleOrderEnum.PUBLISHED_DESC })
  orderBy!: ArticleOrderEnum;

  @Field(() => CollapseEnum, { nullable: true, description: 'STORY: one article per story (the newest match of each); totalCount then counts stories.' })
  collapse?: CollapseEnum;
}

/** The Feed root for a feed id, whether or not it is still configured. */
export function feedRoot(ctx: Context, id: string): FeedRoot {
  return { id, config: ctx.services.feeds().find((feed) => feed.id === id) };
}

/** Entity refs of `article` whose entity still exists in the catalog (dictionaries change). */
function onArticle(article: ArticleMeta, refs: readonly EntityRef[], exists: (id: string) => boolean): EntityOnArticle[] {
  return refs.filter((ref) => exists(ref.id)).map((ref) => ({ ...ref, articleId: article.id }));
}

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => ArticleConnection, { description: 'Articles matching `filter` AND `query`, newest first unless `orderBy` says otherwise.' })
  async articles(@Args(() => ArticlesArgs) { filter, first, after, query, orderBy, collapse }: ArticlesArgs, @Ctx() ctx: Context): Promise<ConnectionView<ArticleMeta>> {
    if (query != null || (orderBy ?? ArticleOrderEnum.PUBLISHED_DESC) !== ArticleOrderEnum.PUBLISHED_DESC || collapse != null) {
      const input = await analystInput(ctx, filter, query);
      return searchConnection(ctx, input, { first, after, order: orderBy ?? ArticleOrderEnum.PUBLISHED_DESC, collapseStories: collapse === CollapseEnum.STORY });
    }
    return articleConnection(ctx.services.store, await resolveFilter(filter, ctx.services), first, after);
  }

  @Query(() => Article, { nullable: true, description: 'One article by id; null when there is none.' })
  async article(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ArticleMeta | null> {
    return (await ctx.loaders.articles.load(id)) ?? null;
  }

  private body(article: ArticleMeta, ctx: Context): Promise<ArticleBody> {
    return ctx.loaders.bodies.load(article.id);
  }

  @FieldResolver(() => String, { description: 'Plain text of the body, without page chrome, translator notes or comments.' })
  async content(@Root() article: ArticleMeta, @Ctx() ctx: Context): Promise<string> {
    return (await this.body(article, ctx)).content;
  }

  @FieldResolver(() => String, { description: 'The body as sanitised HTML.' })
  async contentHtml(@Root() article: ArticleMeta, @Ctx() ctx: Context): Promise<string> {
    return (await this.body(article, ctx)).contentHtml;
  }

  @FieldResolver(() => [String], { description: 'Translator notes ([TN: …]) set aside from the text.' })
  async translatorNotes(@Root() article: ArticleMeta, @Ctx() ctx: Context): Promise<readonly string[]> {
    return (await this.body(article, ctx)).translatorNotes;
  }

  @FieldResolver(() => [String], { description: 'Reader comments set aside from the text.' })
  async comments(@Root() article: ArticleMeta, @Ctx() ctx: Context): Promise<readonly string[]> {
    return (await this.body(article, ctx)).comments;
  }

  @FieldResolver(() => Region, { nullable: true, description: 'Where the copy was filed ("DUBAI (Reuters) -"): a place, not a region of the article unless events happen there too.' })
  async dateline(@Root() article: ArticleMeta, @Ctx() ctx: Context): Promise<RegionModel | null> {
    const id = (await this.body(article, ctx)).dateline;
    return id == null ? null : ctx.services.catalog.region(id) ?? null;
  }

  @FieldResolver(() => [Claim], { description: 'Claims of responsibility, denials and blame, read from the article\'s own text.' })
  async claims(@Root() article: ArticleMeta, @Ctx() ctx: Context): Promise<Claim[]> {
    const actor = (id: string | null): ActorModel | null => (id === null ? null : ctx.services.catalog.actor(id) ?? null);
    return ((await this.body(article, ctx)).claims ?? []).map((c) => ({ kind: c.kind, actor: actor(c.actor) as Claim['actor'], by: actor(c.by) as Claim['by'], evidence: c.evidence }));
  }

  @FieldResolver(() => [Quote], { description: 'Direct quotations and who said them.' })
  async quotes(@Root() article: ArticleMeta, @Ctx() ctx: Context): Promise<Quote[]> {
    return ((await this.body(article, ctx)).quotes ?? []).map((q) => ({
      speaker: (q.speaker === null ? null : ctx.services.catalog.actor(q.speaker) ?? null) as Quote['speaker'],
      speakerName: q.speakerName,
      text: q.text,
      evidence: q.evidence,
    }));
  }

  @FieldResolver(() => [Figure], { description: 'Casualty and event counts (killed, wounded, …, attacks).' })
  async figures(@Root() article: ArticleMeta, @Ctx() ctx: Context): Promise<Figure[]> {
    return ((await this.body(article, ctx)).figures ?? []).map((f) => ({ ...f }));
  }

  @FieldResolver(() => Feed, { description: 'The feed the article came from.' })
  source(@Root() article: ArticleMeta, @Ctx() ctx: Context): FeedRoot {
    return feedRoot(ctx, article.feedId);
  }

  @FieldResolver(() => [ArticleActor])
  actors(@Root() article: ArticleMeta, @Ctx() ctx: Context): EntityOnArticle[] {
    return onArticle(article, article.actors, (id) => ctx.services.catalog.actor(id) !== undefined);
  }

  @FieldResolver(() => [ArticleRegion])
  regions(@Root() article: ArticleMeta, @Ctx() ctx: Context): EntityOnArticle[] {
    return onArticle(article, article.regions, (id) => ctx.services.catalog.region(id) !== undefined);
  }

  @FieldResolver(() => [ArticleTopic])
  topics(@Root() article: ArticleMeta, @Ctx() ctx: Context): EntityOnArticle[] {
    return onArticle(article, article.topics, (id) => ctx.services.catalog.topic(id) !== undefined);
  }
}

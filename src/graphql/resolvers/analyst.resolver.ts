/**
 * The analyst queries: `facets`, `timeline`, `actorNetwork`, `Actor.cooccurring` and
 * `Article.highlights`. Thin: inputs are resolved by analyst-input.ts, the counting is SQL in
 * src/analytics/, the highlighting pure in src/query/. Every list is bounded by `first`
 * (checked), so a cost limit can price each field as `first` entries.
 */
import { Arg, Args, ArgsType, Ctx, Directive, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { DEFAULT_MAX_AGE } from '../cache-hints.ts';
import type { ArticleMeta } from '../../model/article.ts';
import type { Actor as ActorModel, Region as RegionModel, Topic as TopicModel } from '../../model/entities.ts';
import { actorNetwork, cooccurring, MAX_NETWORK_SIZE } from '../../analytics/actor-network.ts';
import { facets, MAX_FACET_VALUES } from '../../analytics/facets.ts';
import { timeline } from '../../analytics/timeline.ts';
import { highlightsOf, type Highlight as HighlightView } from '../../query/highlights.ts';
import { compileQuery } from '../../query/resolve-query.ts';
import { analystInput, checkLimit, sqlOf } from '../analyst-input.ts';
import type { Context } from '../context.ts';
import { Actor } from '../types/actor.type.ts';
import {
  ActorCount,
  ActorFacet,
  ActorPair,
  Facets,
  Highlight,
  IntervalEnum,
  RegionFacet,
  SourceFacet,
  Timeline,
  TopicFacet,
  type ActorCountRoot,
  type ActorPairRoot,
  type FacetRoot,
} from '../types/analyst.types.ts';
import { Article } from '../types/article.type.ts';
import { ArticleFilterInput } from '../types/article-filter.input.ts';
import { Feed, type FeedRoot } from '../types/feed.type.ts';
import { Region } from '../types/region.type.ts';
import { Topic } from '../types/topic.type.ts';
import { feedRoot } from './article.resolver.ts';

@ArgsType()
class MatchArgs {
  @Field(() => ArticleFilterInput, { nullable: true })
  filter?: ArticleFilterInput;

  @Field(() => String, { nullable: true, description: 'A query in the query language, AND-ed with `filter`.' })
  query?: string;
}

@ArgsType()
class FacetsArgs extends MatchArgs {
  @Field(() => Int, { defaultValue: 10, description: `Values per facet, 1 to ${MAX_FACET_VALUES}.` })
  first!: number;
}

@ArgsType()
class TimelineArgs extends MatchArgs {
  @Field(() => IntervalEnum, { defaultValue: IntervalEnum.DAY })
  interval!: IntervalEnum;

  @Field(() => String, { defaultValue: 'UTC', description: 'IANA time zone the buckets are calendar hours/days/weeks/months of, e.g. "Asia/Baghdad".' })
  timezone!: string;
}

@ArgsType()
class NetworkArgs extends MatchArgs {
  @Field(() => Int, { defaultValue: 50, description: `Pairs, 1 to ${MAX_NETWORK_SIZE}.` })
  first!: number;

  @Field(() => Int, { defaultValue: 2, description: 'Least number of articles a pair must share (a pair seen once scores 1 by accident).' })
  minCount!: number;
}

@ArgsType()
class CooccurringArgs {
  @Field(() => ArticleFilterInput, { nullable: true })
  filter?: ArticleFilterInput;

  @Field(() => Int, { defaultValue: 10, description: `Actors, 1 to ${MAX_NETWORK_SIZE}.` })
  first!: number;
}

@Resolver()
export class AnalystResolver {
  @Query(() => Facets, { description: 'Counts of the matches per actor, region, topic, source and language, largest first.' })
  async facets(@Args(() => FacetsArgs) { filter, query, first }: FacetsArgs, @Ctx() ctx: Context): Promise<Facets> {
    const size = checkLimit(first, 10, MAX_FACET_VALUES, 'facets');
    const input = await analystInput(ctx, filter, query);
    const result = await facets(sqlOf(ctx), input.filter, input.query, size);
    const { catalog } = ctx.services;
    return {
      // Entities dropped from the dictionaries since the articles were tagged are left out.
      actors: result.actors.filter((f) => catalog.actor(f.value) !== undefined),
      regions: result.regions.filter((f) => catalog.region(f.value) !== undefined),
      topics: result.topics.filter((f) => catalog.topic(f.value) !== undefined),
      sources: [...result.sources],
      languages: result.languages.map((f) => ({ language: f.value, count: f.count })),
    };
  }

  @Query(() => Timeline, { description: 'Matches per hour/day/week/month: every bucket of the range (filter.from..to, or first..last match), with its share of all articles.' })
  async timeline(@Args(() => TimelineArgs) { filter, query, interval, timezone }: TimelineArgs, @Ctx() ctx: Context): Promise<Timeline> {
    const input = await analystInput(ctx, filter, query);
    const result = await timeline(sqlOf(ctx), input.filter, input.query, interval, timezone);
    return { buckets: result.buckets.map((b) => ({ ...b, start: new Date(b.start) })), totalCount: result.totalCount };
  }

  @Query(() => [ActorPair], { description: 'Pairs of actors named in the same matches, by association (normalised PMI), then by count.' })
  async actorNetwork(@Args(() => NetworkArgs) { filter, query, first, minCount }: NetworkArgs, @Ctx() ctx: Context): Promise<ActorPairRoot[]> {
    const size = checkLimit(first, 50, MAX_NETWORK_SIZE, 'actorNetwork');
    const input = await analystInput(ctx, filter, query);
    const pairs = await actorNetwork(sqlOf(ctx), input.filter, input.query, size, Math.max(1, minCount));
    return pairs.filter((p) => ctx.services.catalog.actor(p.a) !== undefined && ctx.services.catalog.actor(p.b) !== undefined);
  }
}

@Resolver(() => Actor)
export class ActorCooccurrenceResolver {
  // Actor is cached like the dictionaries; what it co-occurs with changes as articles arrive.
  @Directive(`@cacheControl(maxAge: ${DEFAULT_MAX_AGE})`)
  @FieldResolver(() => [ActorCount], { description: 'Actors named in the same articles as this one (within `filter`), most often first, with their association score.' })
  async cooccurring(@Root() actor: ActorModel, @Args(() => CooccurringArgs) { filter, first }: CooccurringArgs, @Ctx() ctx: Context): Promise<ActorCountRoot[]> {
    const size = checkLimit(first, 10, MAX_NETWORK_SIZE, 'cooccurring');
    const input = await analystInput(ctx, filter, undefined);
    const partners = await cooccurring(sqlOf(ctx), actor.id, input.filter, undefined, size);
    return partners.filter((p) => ctx.services.catalog.actor(p.actor) !== undefined);
  }
}

@Resolver(() => Article)
export class ArticleHighlightsResolver {
  @FieldResolver(() => [Highlight], { description: 'Where the words and phrases of `query` occur in the title, summary and body (offsets into each, and snippets).' })
  async highlights(@Root() article: ArticleMeta, @Arg('query', () => String) query: string, @Ctx() ctx: Context): Promise<HighlightView[]> {
    const resolved = await compileQuery(query, ctx.services);
    if (resolved === undefined) return [];
    const body = await ctx.loaders.bodies.load(article.id);
    return highlightsOf(resolved, { title: article.title, summary: article.summary, content: body.content });
  }
}

@Resolver(() => ActorFacet)
export class ActorFacetResolver {
  @FieldResolver(() => Actor)
  actor(@Root() root: FacetRoot, @Ctx() ctx: Context): ActorModel | undefined {
    return ctx.services.catalog.actor(root.value);
  }
}

@Resolver(() => RegionFacet)
export class RegionFacetResolver {
  @FieldResolver(() => Region)
  region(@Root() root: FacetRoot, @Ctx() ctx: Context): RegionModel | undefined {
    return ctx.services.catalog.region(root.value);
  }
}

@Resolver(() => TopicFacet)
export class TopicFacetResolver {
  @FieldResolver(() => Topic)
  topic(@Root() root: FacetRoot, @Ctx() ctx: Context): TopicModel | undefined {
    return ctx.services.catalog.topic(root.value);
  }
}

@Resolver(() => SourceFacet)
export class SourceFacetResolver {
  @FieldResolver(() => Feed)
  source(@Root() root: FacetRoot, @Ctx() ctx: Context): FeedRoot {
    return feedRoot(ctx, root.value);
  }
}

@Resolver(() => ActorPair)
export class ActorPairResolver {
  @FieldResolver(() => Actor)
  a(@Root() root: ActorPairRoot, @Ctx() ctx: Context): ActorModel | undefined {
    return ctx.services.catalog.actor(root.a);
  }

  @FieldResolver(() => Actor)
  b(@Root() root: ActorPairRoot, @Ctx() ctx: Context): ActorModel | undefined {
    return ctx.services.catalog.actor(root.b);
  }
}

@Resolver(() => ActorCount)
export class ActorCountResolver {
  @FieldResolver(() => Actor)
  actor(@Root() root: ActorCountRoot, @Ctx() ctx: Context): ActorModel | undefined {
    return ctx.services.catalog.actor(root.actor);
  }
}

/** `topics`, `topic(id)`, and the Topic tree fields. The taxonomy is small: a list, not pages. */
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Directive } from 'type-graphql';
import { DEFAULT_MAX_AGE } from '../cache-hints.ts';
import type { Topic as TopicModel } from '../../model/entities.ts';
import { catalogIndex } from '../catalog-index.ts';
import type { Context } from '../context.ts';
import { Topic } from '../types/topic.type.ts';

@Resolver(() => Topic)
export class TopicResolver {
  @Query(() => [Topic], { description: 'The topics of the taxonomy, in dictionary order.' })
  topics(@Ctx() ctx: Context): readonly TopicModel[] {
    return ctx.services.catalog.topics;
  }

  @Query(() => Topic, { nullable: true, description: 'One topic by id; null when there is none.' })
  topic(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): TopicModel | null {
    return ctx.services.catalog.topic(id) ?? null;
  }

  @FieldResolver(() => Topic, { nullable: true })
  parent(@Root() topic: TopicModel, @Ctx() ctx: Context): TopicModel | null {
    return topic.parent === undefined ? null : (ctx.services.catalog.topic(topic.parent) ?? null);
  }

  @FieldResolver(() => [Topic])
  children(@Root() topic: TopicModel, @Ctx() ctx: Context): TopicModel[] {
    const { catalog } = ctx.services;
    return (catalogIndex(catalog).topicChildren.get(topic.id) ?? []).flatMap((id) => catalog.topic(id) ?? []);
  }

  // Counts and lists change with every fetch, unlike the dictionary type around them.
  @Directive(`@cacheControl(maxAge: ${DEFAULT_MAX_AGE})`)
  @FieldResolver(() => Int, { description: 'Articles tagged with this topic or one of its sub-topics (what a filter on it finds).' })
  articleCount(@Root() topic: TopicModel, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.counts.topics.load(topic.id);
  }
}

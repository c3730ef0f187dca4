/**
 * The entity and the evidence of ArticleActor/ArticleRegion/ArticleTopic. Evidence lives in
 * the article body, so it comes through the same per-request body loader as `content`.
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ArticleEvidence, Evidence as EvidenceModel } from '../../model/article.ts';
import type { Actor as ActorModel, Region as RegionModel, Topic as TopicModel } from '../../model/entities.ts';
import type { Context } from '../context.ts';
import { Actor } from '../types/actor.type.ts';
import { ArticleActor, ArticleRegion, ArticleTopic, type EntityOnArticle } from '../types/entity-on-article.type.ts';
import { Evidence } from '../types/evidence.type.ts';
import { Region } from '../types/region.type.ts';
import { Topic } from '../types/topic.type.ts';

/** Evidence of one entity of one kind on an article, from its body. */
async function evidenceOf(ctx: Context, root: EntityOnArticle, kind: keyof ArticleEvidence): Promise<readonly EvidenceModel[]> {
  const body = await ctx.loaders.bodies.load(root.articleId);
  return body.evidence[kind][root.id] ?? [];
}

@Resolver(() => ArticleActor)
export class ArticleActorResolver {
  @FieldResolver(() => Actor)
  actor(@Root() root: EntityOnArticle, @Ctx() ctx: Context): ActorModel | undefined {
    return ctx.services.catalog.actor(root.id);
  }

  @FieldResolver(() => [Evidence], { description: 'Where the article names the actor (loads the article body).' })
  evidence(@Root() root: EntityOnArticle, @Ctx() ctx: Context): Promise<readonly EvidenceModel[]> {
    return evidenceOf(ctx, root, 'actors');
  }
}

@Resolver(() => ArticleRegion)
export class ArticleRegionResolver {
  @FieldResolver(() => Region)
  region(@Root() root: EntityOnArticle, @Ctx() ctx: Context): RegionModel | undefined {
    return ctx.services.catalog.region(root.id);
  }

  @FieldResolver(() => [Evidence], { description: 'Where the article names the region (loads the article body).' })
  evidence(@Root() root: EntityOnArticle, @Ctx() ctx: Context): Promise<readonly EvidenceModel[]> {
    return evidenceOf(ctx, root, 'regions');
  }
}

@Resolver(() => ArticleTopic)
export class ArticleTopicResolver {
  @FieldResolver(() => Topic)
  topic(@Root() root: EntityOnArticle, @Ctx() ctx: Context): TopicModel | undefined {
    return ctx.services.catalog.topic(root.id);
  }

  @FieldResolver(() => [Evidence], { description: 'What assigned the topic (loads the article body).' })
  evidence(@Root() root: EntityOnArticle, @Ctx() ctx: Context): Promise<readonly EvidenceModel[]> {
    return evidenceOf(ctx, root, 'topics');
  }
}

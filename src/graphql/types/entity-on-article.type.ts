/**
 * An actor, region or topic as tagged on one article: the entity, how often and how centrally
 * it is mentioned, and (from the article body, loaded only when asked) the evidence.
 */
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { EntityRef } from '../../model/article.ts';

/** Resolver root of ArticleActor/ArticleRegion/ArticleTopic. */
export interface EntityOnArticle extends EntityRef {
  readonly articleId: string;
}

/** Fields shared by the three kinds; never referenced itself, so not emitted in the schema. */
@ObjectType()
abstract class Mentioned {
  @Field(() => Int, { description: 'How many times the article mentions it.' })
  mentions!: number;

  @Field(() => Float, { description: '0..1: mentions in the title and lead count more.' })
  salience!: number;
}

@ObjectType({ description: 'An actor named in an article.' })
export class ArticleActor extends Mentioned {}

@ObjectType({ description: 'A region an article is about.' })
export class ArticleRegion extends Mentioned {}

@ObjectType({ description: 'A topic of an article.' })
export class ArticleTopic extends Mentioned {}

/**
 * `actors` (search by any alias, filter by kind), `actor(id)`, and the Actor fields that need
 * the catalog or the store: affiliations both ways, countries, counts and recent articles.
 */
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root, Directive } from 'type-graphql';
import { DEFAULT_MAX_AGE } from '../cache-hints.ts';
import type { ArticleMeta } from '../../model/article.ts';
import type { Actor as ActorModel, Region as RegionModel } from '../../model/entities.ts';
import { articleConnection, listConnection, type ConnectionView } from '../connection.ts';
import type { Context } from '../context.ts';
import { ArticleConnection } from '../types/article.type.ts';
import { Actor, ActorAffiliation, ActorConnection, type AffiliationRoot } from '../types/actor.type.ts';
import { ActorKindEnum, AffiliationDirection } from '../types/enums.ts';
import { Region } from '../types/region.type.ts';
import { PageArgs } from './args.ts';

@ArgsType()
class ActorsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Any name or alias, folded (case, diacritics, hyphens); best matches first.' })
  search?: string;

  @Field(() => ActorKindEnum, { nullable: true })
  kind?: string;
}

/** Sorts by name, for stable pages when no search orders the list. */
export function byName<T extends { name: string; id: string }>(a: T, b: T): number {
  return a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id);
}

@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => ActorConnection, { description: 'Actors of the dictionary: by name, or best match first when searching.' })
  actors(@Args(() => ActorsArgs) { search, kind, first, after }: ActorsArgs, @Ctx() ctx: Context): ConnectionView<ActorModel> {
    const { catalog } = ctx.services;
    const text = search?.trim() ?? '';
    const all = text === '' ? [...catalog.actors].sort(byName) : catalog.searchActors(text);
    const items = kind == null ? all : all.filter((actor) => actor.kind === kind);
    return listConnection('actors', items, (actor) => actor.id, first, after);
  }

  @Query(() => Actor, { nullable: true, description: 'One actor by id; null when there is none.' })
  actor(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): ActorModel | null {
    return ctx.services.catalog.actor(id) ?? null;
  }

  @FieldResolver(() => [ActorAffiliation], { description: 'Links this actor names (OUTGOING) and links naming it (INCOMING).' })
  affiliations(@Root() actor: ActorModel, @Ctx() ctx: Context): AffiliationRoot[] {
    const { catalog } = ctx.services;
    const outgoing = actor.affiliations.map((a) => ({ relation: a.relation, actorId: a.actor, direction: AffiliationDirection.OUTGOING }));
    const incoming = catalog
      .affiliatedFrom(actor.id)
      .map((a) => ({ relation: a.relation, actorId: a.actor, direction: AffiliationDirection.INCOMING }));
    return [...outgoing, ...incoming].filter((a) => catalog.actor(a.actorId) !== undefined);
  }

  @FieldResolver(() => [Region], { description: 'Countries it belongs to or operates from.' })
  countries(@Root() actor: ActorModel, @Ctx() ctx: Context): RegionModel[] {
    return actor.countries.flatMap((code) => ctx.services.catalog.region(code) ?? []);
  }

  // Counts and lists change with every fetch, unlike the dictionary type around them.
  @Directive(`@cacheControl(maxAge: ${DEFAULT_MAX_AGE})`)
  @FieldResolver(() => Int, { description: 'Articles that name it.' })
  articleCount(@Root() actor: ActorModel, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.counts.actors.load(actor.id);
  }

  // Counts and lists change with every fetch, unlike the dictionary type around them.
  @Directive(`@cacheControl(maxAge: ${DEFAULT_MAX_AGE})`)
  @FieldResolver(() => ArticleConnection, { description: 'Articles that name it, newest first.' })
  articles(@Root() actor: ActorModel, @Args(() => PageArgs) { first, after }: PageArgs, @Ctx() ctx: Context): Promise<ConnectionView<ArticleMeta>> {
    return articleConnection(ctx.services.store, { actors: [actor.id] }, first, after, 'Actor.articles');
  }
}

@Resolver(() => ActorAffiliation)
export class ActorAffiliationResolver {
  @FieldResolver(() => Actor, { description: 'The actor at the other end of the link.' })
  actor(@Root() root: AffiliationRoot, @Ctx() ctx: Context): ActorModel | undefined {
    return ctx.services.catalog.actor(root.actorId);
  }
}

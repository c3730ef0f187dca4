/** `regions`, `region(id)`, and the Region tree fields (parent, children, macro-regions). */
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root, Directive } from 'type-graphql';
import { DEFAULT_MAX_AGE } from '../cache-hints.ts';
import type { Region as RegionModel } from '../../model/entities.ts';
import { catalogIndex } from '../catalog-index.ts';
import { listConnection, type ConnectionView } from '../connection.ts';
import type { Context } from '../context.ts';
import { RegionKindEnum } from '../types/enums.ts';
import { Region, RegionConnection } from '../types/region.type.ts';
import { byName } from './actor.resolver.ts';
import { PageArgs } from './args.ts';

@ArgsType()
class RegionsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Any name or alias (English, Arabic, Persian, French, demonyms); best first.' })
  search?: string;

  @Field(() => RegionKindEnum, { nullable: true })
  kind?: string;
}

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => RegionConnection, { description: 'Regions: by name, or best match first when searching.' })
  regions(@Args(() => RegionsArgs) { search, kind, first, after }: RegionsArgs, @Ctx() ctx: Context): ConnectionView<RegionModel> {
    const { catalog } = ctx.services;
    const text = search?.trim() ?? '';
    const all = text === '' ? [...catalog.regions].sort(byName) : catalog.searchRegions(text);
    const items = kind == null ? all : all.filter((region) => region.kind === kind);
    return listConnection('regions', items, (region) => region.id, first, after);
  }

  @Query(() => Region, { nullable: true, description: 'One region by id; null when there is none.' })
  region(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): RegionModel | null {
    return ctx.services.catalog.region(id) ?? null;
  }

  @FieldResolver(() => Region, { nullable: true })
  parent(@Root() region: RegionModel, @Ctx() ctx: Context): RegionModel | null {
    return region.parent === undefined ? null : (ctx.services.catalog.region(region.parent) ?? null);
  }

  @FieldResolver(() => [Region], { description: 'Regions whose parent this is.' })
  children(@Root() region: RegionModel, @Ctx() ctx: Context): RegionModel[] {
    const { catalog } = ctx.services;
    return (catalogIndex(catalog).regionChildren.get(region.id) ?? []).flatMap((id) => catalog.region(id) ?? []);
  }

  @FieldResolver(() => [Region], { description: 'Macro-regions it belongs to besides its parent.' })
  memberOf(@Root() region: RegionModel, @Ctx() ctx: Context): RegionModel[] {
    return region.memberOf.flatMap((id) => ctx.services.catalog.region(id) ?? []);
  }

  // Counts and lists change with every fetch, unlike the dictionary type around them.
  @Directive(`@cacheControl(maxAge: ${DEFAULT_MAX_AGE})`)
  @FieldResolver(() => Int, { description: 'Articles about it or any region below it.' })
  articleCount(@Root() region: RegionModel, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.counts.regions.load(region.id);
  }
}

/** A region: a macro-region, country, subdivision, city or place, in one tree. */
import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { DICTIONARY_MAX_AGE } from '../cache-hints.ts';
import { RegionKindEnum } from './enums.ts';
import { connectionType } from './page-info.type.ts';

@Directive(`@cacheControl(maxAge: ${DICTIONARY_MAX_AGE})`)
@ObjectType({ description: 'A region; filtering by it includes everything below it.' })
export class Region {
  @Field(() => ID, { description: '`IQ`, `IQ-BG`, `IQ/jurf-al-sakhr`, `MIDDLE_EAST`.' })
  id!: string;

  @Field(() => RegionKindEnum)
  kind!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String])
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 of the country it is in (or is).' })
  countryCode?: string;

  @Field(() => Float, { nullable: true })
  lat?: number;

  @Field(() => Float, { nullable: true })
  lon?: number;
}

export const RegionConnection = connectionType('Region', Region);

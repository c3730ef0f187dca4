/** An actor of the dictionary: a state, force, group, party, person, organisation or outlet. */
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DICTIONARY_MAX_AGE } from '../cache-hints.ts';
import { AffiliationDirection, AffiliationRelationEnum, ActorKindEnum } from './enums.ts';
import { connectionType } from './page-info.type.ts';

@ObjectType({ description: 'An office a person held: title, the state or body (actor id), and the period (YYYY[-MM[-DD]]; no `to` while in office).' })
export class ActorOffice {
  @Field(() => String)
  title!: string;

  @Field(() => ID, { nullable: true, description: 'Actor id of the state or body.' })
  of?: string;

  @Field(() => String, { nullable: true })
  from?: string;

  @Field(() => String, { nullable: true })
  to?: string;
}

@Directive(`@cacheControl(maxAge: ${DICTIONARY_MAX_AGE})`)
@ObjectType({ description: 'An actor of the dictionary, under one canonical id however feeds spell it.' })
export class Actor {
  @Field(() => ID, { description: 'Slug, e.g. `kataib-hizbullah`.' })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ActorKindEnum)
  kind!: string;

  @Field(() => [String], { description: 'Spellings, transliterations, acronyms, Arabic/Persian script.' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'Wikidata id (Q…).' })
  wikidata?: string;

  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => [ActorOffice], { nullable: true, description: 'For people: the offices held, with their periods. A person keeps one id across roles.' })
  offices?: ActorOffice[];
}

/** Resolver root of ActorAffiliation. */
export interface AffiliationRoot {
  readonly relation: string;
  readonly actorId: string;
  readonly direction: AffiliationDirection;
}

@Directive(`@cacheControl(maxAge: ${DICTIONARY_MAX_AGE})`)
@ObjectType({ description: 'A link between two actors, seen from one of them.' })
export class ActorAffiliation {
  @Field(() => AffiliationRelationEnum)
  relation!: string;

  @Field(() => AffiliationDirection, {
    description: 'OUTGOING: this actor stands in `relation` to `actor`; INCOMING: `actor` stands in `relation` to this one.',
  })
  direction!: AffiliationDirection;
}

export const ActorConnection = connectionType('Actor', Actor);

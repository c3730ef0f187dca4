/** A topic of the taxonomy (security > armed attack > drone strike, diplomacy, sanctions, …). */
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DICTIONARY_MAX_AGE } from '../cache-hints.ts';

@ObjectType({ description: 'Where a topic sits in ACLED\'s event taxonomy (event type and sub-event type, as the ACLED codebook names them).' })
export class AcledMapping {
  @Field(() => String, { description: 'e.g. "Explosions/Remote violence", "Battles", "Protests".' })
  eventType!: string;

  @Field(() => String, { nullable: true, description: 'e.g. "Air/drone strike", "Shelling/artillery/missile attack".' })
  subEventType?: string;
}

@Directive(`@cacheControl(maxAge: ${DICTIONARY_MAX_AGE})`)
@ObjectType({ description: 'A topic; filtering by it includes its sub-topics.' })
export class Topic {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  label!: string;

  @Field(() => AcledMapping, { nullable: true, description: 'The ACLED event type this topic corresponds to, if any.' })
  acled?: AcledMapping;
}

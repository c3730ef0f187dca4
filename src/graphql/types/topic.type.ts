/** A topic of the taxonomy (security > armed attack > drone strike, diplomacy, sanctions, …). */
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DICTIONARY_MAX_AGE } from '../cache-hints.ts';

@Directive(`@cacheControl(maxAge: ${DICTIONARY_MAX_AGE})`)
@ObjectType({ description: 'A topic; filtering by it includes its sub-topics.' })
export class Topic {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  label!: string;
}

/** A topic of the taxonomy (security > armed attack > drone strike, diplomacy, sanctions, …). */
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A topic; filtering by it includes its sub-topics.' })
export class Topic {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  label!: string;
}

/** Where in an article an entity was found: what the analyst checks before trusting a tag. */
import { Field, Int, ObjectType } from 'type-graphql';
import { EvidenceFieldEnum } from './enums.ts';

@ObjectType({ description: 'One place an actor, region or topic was found in an article.' })
export class Evidence {
  @Field(() => EvidenceFieldEnum, { description: 'The text `start` and `end` index.' })
  field!: string;

  @Field(() => String, { description: 'The alias, category or configured value that matched.' })
  alias!: string;

  @Field(() => Int, { description: 'UTF-16 offset of the match in the field; -1 when not textual.' })
  start!: number;

  @Field(() => Int)
  end!: number;

  @Field(() => String, { description: 'Up to ~120 characters around the match.' })
  snippet!: string;
}

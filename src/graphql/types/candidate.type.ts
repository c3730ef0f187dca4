/** A name seen in articles that is in no dictionary: a candidate to promote into one. */
import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from './date-time.scalar.ts';

@ObjectType({ description: 'A name that looks like an actor but is in no dictionary.' })
export class Candidate {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'What the tagger took it for: PERSON, ORGANIZATION, PLACE, …' })
  kind!: string;

  @Field(() => Int)
  mentions!: number;

  @Field(() => Int)
  articleCount!: number;

  @Field(() => DateTimeScalar, { nullable: true })
  lastSeenAt?: string;
}

/** Argument classes shared by the paged queries (type-graphql `@ArgsType`, explicit types). */
import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_FIRST } from '../connection.ts';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_FIRST, description: 'Page size, 1 to 100.' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string;
}

/** `candidates`: names seen in articles that no dictionary knows, most mentioned first. */
import { Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { ArticleMeta } from '../../model/article.ts';
import { checkFirst } from '../connection.ts';
import type { CandidateView, Context } from '../context.ts';
import { Article } from '../types/article.type.ts';
import { Candidate } from '../types/candidate.type.ts';

@ArgsType()
class CandidatesArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: '1 to 100.' })
  first?: number;

  @Field(() => Int, { nullable: true, defaultValue: 2, description: 'Leave out names mentioned fewer times.' })
  minMentions?: number;
}

@Resolver(() => Candidate)
export class CandidateResolver {
  @Query(() => [Candidate], {
    description: 'Names that look like actors but are in no dictionary, most mentioned first; empty when discovery is off.',
  })
  async candidates(@Args(() => CandidatesArgs) { first, minMentions }: CandidatesArgs, @Ctx() ctx: Context): Promise<readonly CandidateView[]> {
    const size = checkFirst(first, 'candidates');
    return (await ctx.services.candidates?.top(size, minMentions ?? undefined)) ?? [];
  }

  @FieldResolver(() => [Article], { description: 'Some articles that mention it, newest first.' })
  async articles(@Root() candidate: CandidateView, @Ctx() ctx: Context): Promise<ArticleMeta[]> {
    const found = await ctx.loaders.articles.loadMany(candidate.articleIds);
    return found.filter((m): m is ArticleMeta => m !== undefined && !(m instanceof Error));
  }
}

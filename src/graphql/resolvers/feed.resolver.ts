/**
 * `feeds`, `feed(id)`, the health fields of Feed (from the stored FeedState, loaded once per
 * feed per request), and the `refreshFeed` mutation, which needs the admin token.
 */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FeedErrorRecord, FeedState, FeedStatus, RedirectRecord } from '../../model/feed.ts';
import { requireAdmin } from '../auth.ts';
import type { Context } from '../context.ts';
import { badUserInput } from '../errors.ts';
import { feedStatus } from '../feed-status.ts';
import { suggestIds } from '../suggest.ts';
import { DateTimeScalar } from '../types/date-time.scalar.ts';
import { FeedStatusEnum } from '../types/enums.ts';
import { Feed, FeedError, FeedRedirect, type FeedRoot } from '../types/feed.type.ts';
import { RefreshResult } from '../types/refresh-result.type.ts';
import { feedRoot } from './article.resolver.ts';

/** RefreshResult's resolver root. */
interface RefreshView {
  readonly feed: FeedRoot;
  readonly status: string;
  readonly added: number;
  readonly updated: number;
  readonly error?: string;
}

@Resolver(() => Feed)
export class FeedResolver {
  @Query(() => [Feed], { description: 'The configured feeds, in feeds.json order, with their health.' })
  feeds(@Ctx() ctx: Context): FeedRoot[] {
    return ctx.services.feeds().map((config) => ({ id: config.id, config }));
  }

  @Query(() => Feed, { nullable: true, description: 'One configured feed by id; null when there is none.' })
  feed(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): FeedRoot | null {
    const root = feedRoot(ctx, id);
    return root.config === undefined ? null : root;
  }

  @Mutation(() => RefreshResult, { description: 'Fetches one feed now. Needs `Authorization: Bearer <ADMIN_TOKEN>`.' })
  async refreshFeed(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<RefreshView> {
    requireAdmin(ctx, 'refreshFeed');
    const root = feedRoot(ctx, id);
    if (root.config === undefined) {
      const known = ctx.services.feeds().map((f) => ({ id: f.id, name: f.title ?? f.id }));
      const hint = suggestIds(id, known);
      throw badUserInput(
        `No configured feed has the id ${JSON.stringify(id)}` +
          (hint.length > 0 ? ` (did you mean ${hint.map((h) => JSON.stringify(h)).join(' or ')}?)` : '') +
          '. Send an id listed by `feeds { id }`.',
        { argument: 'id', suggestions: hint },
      );
    }
    const outcome = await ctx.services.refreshFeed(id);
    ctx.loaders.feedStates.clear(id); // the answer must show the state after the refresh
    return { feed: root, ...outcome };
  }

  private state(root: FeedRoot, ctx: Context): Promise<FeedState | undefined> {
    return ctx.loaders.feedStates.load(root.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Null only for a feed removed from feeds.json that still has articles.' })
  url(@Root() root: FeedRoot): string | null {
    return root.config?.url ?? null;
  }

  @FieldResolver(() => String, { description: 'The configured title, else the feed\'s own, else its id.' })
  async title(@Root() root: FeedRoot, @Ctx() ctx: Context): Promise<string> {
    return root.config?.title ?? (await this.state(root, ctx))?.title ?? root.id;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The site\'s home page, as the feed links it.' })
  async siteUrl(@Root() root: FeedRoot, @Ctx() ctx: Context): Promise<string | null> {
    return (await this.state(root, ctx))?.siteUrl ?? null;
  }

  @FieldResolver(() => [String])
  tags(@Root() root: FeedRoot): readonly string[] {
    return root.config?.tags ?? [];
  }

  @FieldResolver(() => [ID], { description: 'Region ids every article of the feed is about.' })
  regions(@Root() root: FeedRoot): readonly string[] {
    return root.config?.regions ?? [];
  }

  @FieldResolver(() => String, { nullable: true, description: 'Configured language, else the feed\'s own.' })
  async language(@Root() root: FeedRoot, @Ctx() ctx: Context): Promise<string | null> {
    return root.config?.language ?? (await this.state(root, ctx))?.language ?? null;
  }

  @FieldResolver(() => Int, { nullable: true })
  intervalMinutes(@Root() root: FeedRoot): number | null {
    return root.config?.intervalMinutes ?? null;
  }

  @FieldResolver(() => Boolean)
  enabled(@Root() root: FeedRoot): boolean {
    return root.config?.enabled ?? false;
  }

  @FieldResolver(() => FeedStatusEnum)
  async status(@Root() root: FeedRoot, @Ctx() ctx: Context): Promise<FeedStatus> {
    return feedStatus(root.config, await this.state(root, ctx));
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: 'Last attempt, successful or not.' })
  async lastFetchAt(@Root() root: FeedRoot, @Ctx() ctx: Context): Promise<string | null> {
    return (await this.state(root, ctx))?.lastFetchAt ?? null;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: 'Last 200 or 304.' })
  async lastSuccessAt(@Root() root: FeedRoot, @Ctx() ctx: Context): Promise<string | null> {
    return (await this.state(root, ctx))?.lastSuccessAt ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'HTTP status of the last fetch.' })
  async lastStatus(@Root() root: FeedRoot, @Ctx() ctx: Context): Promise<number | null> {
    return (await this.state(root, ctx))?.lastStatus ?? null;
  }

  @FieldResolver(() => FeedError, { nullable: true })
  async lastError(@Root() root: FeedRoot, @Ctx() ctx: Context): Promise<FeedErrorRecord | null> {
    return (await this.state(root, ctx))?.lastError ?? null;
  }

  @FieldResolver(() => Int)
  async consecutiveFailures(@Root() root: FeedRoot, @Ctx() ctx: Context): Promise<number> {
    return (await this.state(root, ctx))?.consecutiveFailures ?? 0;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true })
  async nextFetchAt(@Root() root: FeedRoot, @Ctx() ctx: Context): Promise<string | null> {
    return (await this.state(root, ctx))?.nextFetchAt ?? null;
  }

  @FieldResolver(() => [FeedRedirect], { description: 'Permanent redirects on the last fetch: update the URL in feeds.json.' })
  async redirects(@Root() root: FeedRoot, @Ctx() ctx: Context): Promise<readonly RedirectRecord[]> {
    return (await this.state(root, ctx))?.redirects ?? [];
  }

  @FieldResolver(() => [String], { description: 'What the last parse recovered from (ill-formed XML, bad dates, …).' })
  async warnings(@Root() root: FeedRoot, @Ctx() ctx: Context): Promise<readonly string[]> {
    return (await this.state(root, ctx))?.warnings ?? [];
  }

  @FieldResolver(() => String, { nullable: true, description: 'rss2.0, atom1.0, json1.1, …' })
  async format(@Root() root: FeedRoot, @Ctx() ctx: Context): Promise<string | null> {
    return (await this.state(root, ctx))?.format ?? null;
  }

  @FieldResolver(() => Int, { description: 'Articles stored from this feed.' })
  articleCount(@Root() root: FeedRoot, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.counts.sources.load(root.id);
  }
}

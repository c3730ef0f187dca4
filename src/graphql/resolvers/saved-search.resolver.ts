/**
 * `searches`, `search(id)`, `saveSearch`, `deleteSearch` and `SavedSearch.webhook` /
 * `.deliveries`. Changing state needs ADMIN_TOKEN, and so does reading a webhook URL (URLs
 * often carry a token of the receiver's).
 */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ErrorCode, NewsgateError } from '../../model/errors.ts';
import type { SavedSearch, SavedSearchFilter } from '../../model/saved-search.ts';
import type { SavedSearchApi } from '../../searches/search-services.ts';
import { requireAdmin } from '../auth.ts';
import type { Context } from '../context.ts';
import { DeliveryStatusEnum, SaveSearchInput, SavedSearchOriginEnum, SavedSearchType, WebhookDelivery, type SavedSearchFilterInput } from '../types/saved-search.type.ts';

/** A saved search as the type resolves it: the model, plus the webhook URL kept for admins. */
type SavedSearchRoot = Omit<SavedSearchType, never> & { readonly webhookUrl: string | null };

function view(s: SavedSearch): SavedSearchRoot {
  const path = `/searches/${encodeURIComponent(s.id)}`;
  return {
    id: s.id,
    name: s.name,
    query: s.query,
    filter: s.filter,
    origin: s.origin === 'config' ? SavedSearchOriginEnum.CONFIG : SavedSearchOriginEnum.API,
    readOnly: s.origin === 'config',
    hasWebhook: s.webhook !== null,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    feeds: { rss: `${path}.rss`, atom: `${path}.atom`, json: `${path}.json` },
    webhookUrl: s.webhook,
  };
}

function api(ctx: Context): SavedSearchApi {
  const searches = ctx.services.searches;
  if (searches === undefined) throw new NewsgateError(ErrorCode.INTERNAL, 'saved searches are not available in this process.');
  return searches;
}

function filterOf(input: SavedSearchFilterInput | undefined): SavedSearchFilter | undefined {
  if (input == null) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value == null) continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out as SavedSearchFilter;
}

@Resolver(() => SavedSearchType)
export class SavedSearchResolver {
  @Query(() => [SavedSearchType], { description: 'Every saved search: those of feeds.json (readOnly) first, then those saved with saveSearch.' })
  async searches(@Ctx() ctx: Context): Promise<SavedSearchRoot[]> {
    if (ctx.services.searches === undefined) return [];
    return (await api(ctx).list()).map(view);
  }

  @Query(() => SavedSearchType, { nullable: true, description: 'One saved search by id; null when there is none.' })
  async search(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<SavedSearchRoot | null> {
    if (ctx.services.searches === undefined) return null;
    const found = await api(ctx).get(id);
    return found === undefined ? null : view(found);
  }

  @Mutation(() => SavedSearchType, { description: 'Creates or replaces a saved search (not one of feeds.json). Needs `Authorization: Bearer <ADMIN_TOKEN>`.' })
  async saveSearch(@Arg('input', () => SaveSearchInput) input: SaveSearchInput, @Ctx() ctx: Context): Promise<SavedSearchRoot> {
    requireAdmin(ctx, 'saveSearch');
    const filter = filterOf(input.filter);
    return view(await api(ctx).save({ id: input.id, name: input.name, query: input.query ?? null, filter: filter ?? null, webhook: input.webhook ?? null }));
  }

  @Mutation(() => Boolean, { description: 'Deletes a search saved with saveSearch (and its pending deliveries); true when done. Needs `Authorization: Bearer <ADMIN_TOKEN>`.' })
  async deleteSearch(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    requireAdmin(ctx, 'deleteSearch');
    await api(ctx).delete(id);
    return true;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The webhook URL; needs `Authorization: Bearer <ADMIN_TOKEN>` (it may carry a secret of the receiver).' })
  webhook(@Root() root: SavedSearchRoot, @Ctx() ctx: Context): string | null {
    if (root.webhookUrl === null) return null;
    requireAdmin(ctx, 'SavedSearch.webhook');
    return root.webhookUrl;
  }

  @FieldResolver(() => [WebhookDelivery], { description: 'Recent webhook deliveries, newest first, with their attempts.' })
  async deliveries(@Root() root: SavedSearchRoot, @Arg('first', () => Int, { defaultValue: 20, description: 'At most 100.' }) first: number, @Ctx() ctx: Context): Promise<WebhookDelivery[]> {
    const rows = await api(ctx).deliveries(root.id, first);
    return rows.map((d) => ({
      id: d.id,
      at: d.at,
      status: d.status === 'pending' ? DeliveryStatusEnum.PENDING : d.status === 'delivered' ? DeliveryStatusEnum.DELIVERED : DeliveryStatusEnum.FAILED,
      attempts: d.attempts,
      articleCount: d.articleCount,
      httpStatus: d.httpStatus,
      error: d.error,
      lastAttemptAt: d.lastAttemptAt,
      nextAttemptAt: d.nextAttemptAt,
    }));
  }
}

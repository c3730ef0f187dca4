/**
 * Pushes each saved search's new matches to its webhook, at least once, surviving restarts.
 *
 * 1. Scan: for every search with a webhook, read the matches fetched since its high-water mark
 *    (less a safety window, for writes that commit late), skip those already queued
 *    (`search_queued`), and queue the rest as deliveries of up to 50 articles — the queued rows,
 *    the delivery (its exact JSON body) and, at the end, the new mark are written to the store,
 *    so a crash at any point rescans and queues only what is missing.
 * 2. Deliver: POST each due delivery, signed (webhook-signature.ts), to a receiver held to the
 *    address guard (post-webhook.ts: no internal address unless allowed, no redirect followed); 2xx marks it delivered,
 *    anything else schedules a retry with exponential backoff (webhook-backoff.ts) until it
 *    is given up as failed. A delivery is claimed before its POST (its due time moved past the
 *    timeout), so two replicas sharing a PostgreSQL store do not both send it.
 *
 * A new search starts from the moment it is first seen: its back catalogue is what its feeds
 * are for. Runs every `pollMs` and soon after the store reports new articles.
 */
import { randomUUID } from 'node:crypto';
import type { PreviewArticle } from '../cli/preview-json.ts';
import { toPreviewArticle } from '../cli/preview-json.ts';
import type { Article } from '../model/article.ts';
import type { Resolver } from '../ingest/fetch/address-guard.ts';
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import type { SavedSearch } from '../model/saved-search.ts';
import { postWebhook } from './post-webhook.ts';
import { DEFAULT_BACKOFF, nextDelay, type BackoffPolicy } from './webhook-backoff.ts';
import { DELIVERY_HEADER, SEARCH_HEADER, SIGNATURE_HEADER, signPayload } from './webhook-signature.ts';
import type { DeliveryStatus, SearchDatabase } from './search-tables.ts';
import { iterateMatches } from './search-matches.ts';
import type { SearchServices } from './search-services.ts';

/** Articles per POST. */
export const MAX_ARTICLES_PER_DELIVERY = 50;
/** Articles fetched this long before the mark are looked at again (a write may commit after its fetch time). */
export const RESCAN_WINDOW_MS = 5 * 60_000;
/** Queued ids and finished deliveries are kept this long (the API shows recent attempts). */
export const KEEP_MS = 7 * 24 * 3_600_000;

/** The JSON body of a delivery. */
export interface WebhookPayload {
  /** Stable across retries: receivers drop a delivery they already handled. */
  readonly delivery: string;
  readonly search: { readonly id: string; readonly name: string };
  readonly createdAt: string;
  /** As `newsgate preview --json` prints them. */
  readonly articles: readonly PreviewArticle[];
}

/** A delivery as the API shows it. */
export interface DeliveryView {
  readonly id: string;
  readonly searchId: string;
  /** When it was queued. */
  readonly at: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly articleCount: number;
  /** The HTTP status of the last attempt, if the receiver answered. */
  readonly httpStatus: number | null;
  /** Why the last attempt failed. */
  readonly error: string | null;
  readonly lastAttemptAt: string | null;
  /** When the next attempt is due (pending deliveries). */
  readonly nextAttemptAt: string | null;
}

interface WorkerLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface WebhookWorkerOptions {
  readonly db: SearchDatabase;
  readonly services: SearchServices;
  /** WEBHOOK_SECRET; without it nothing is sent (deliveries wait, and say why). */
  readonly secret: string | undefined;
  readonly logger: WorkerLogger;
  readonly now?: () => number;
  readonly pollMs?: number;
  readonly backoff?: BackoffPolicy;
  /** Per POST (connect to last byte). */
  readonly timeoutMs?: number;
  /**
   * `fetch.allowPrivateAddresses` of feeds.json, read at each delivery (the file may be reloaded):
   * every webhook may reach loopback, private and link-local addresses. Otherwise only a search
   * with its own `allowPrivateAddresses` (feeds.json) may. Default: none may.
   */
  readonly allowPrivateAddresses?: () => boolean;
  /** Host name resolver for the address guard (tests map names to chosen addresses). */
  readonly resolver?: Resolver;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class WebhookWorker {
  private readonly db: SearchDatabase;
  private readonly services: SearchServices;
  private readonly now: () => number;
  private readonly backoff: BackoffPolicy;
  private readonly timeoutMs: number;
  private readonly pollMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private warnedNoSecret = false;

  constructor(private readonly options: WebhookWorkerOptions) {
    this.db = options.db;
    this.services = options.services;
    this.now = options.now ?? Date.now;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.pollMs = options.pollMs ?? 5_000;
  }

  /** Runs now and then every `pollMs`. */
  start(): void {
    this.stopped = false;
    this.nudge();
    this.timer = setInterval(() => this.nudge(), this.pollMs);
    this.timer.unref();
  }

  /** Asks for a run soon (new articles arrived); runs never overlap. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runOnce()
      .catch((err: unknown) => this.options.logger.error({ err: String(err) }, 'webhook run failed; retrying at the next poll'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  /** Stops the timer and waits for the run under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One scan of every webhook search, then every due delivery. */
  async runOnce(): Promise<void> {
    const searches = (await this.services.registry.list()).filter((s) => s.webhook !== null);
    for (const search of searches) {
      try {
        await this.scan(search);
      } catch (err) {
        this.options.logger.warn({ search: search.id, err: err instanceof Error ? err.message : String(err) }, 'saved search could not be scanned for its webhook');
      }
    }
    await this.deliverDue();
    await this.prune();
  }

  /** Recent deliveries of a search, newest first. */
  async deliveries(searchId: string, first = 20): Promise<DeliveryView[]> {
    const rows = await this.db
      .selectFrom('search_deliveries')
      .select(['id', 'search_id', 'created_ms', 'status', 'attempts', 'article_count', 'http_status', 'error', 'last_ms', 'next_ms'])
      .where('search_id', '=', searchId)
      .orderBy('created_ms', 'desc')
      .orderBy('id', 'desc')
      .limit(Math.max(1, Math.min(100, first)))
      .execute();
    return rows.map((r) => ({
      id: r.id,
      searchId: r.search_id,
      at: iso(Number(r.created_ms)),
      status: r.status,
      attempts: Number(r.attempts),
      articleCount: Number(r.article_count),
      httpStatus: r.http_status === null ? null : Number(r.http_status),
      error: r.error,
      lastAttemptAt: r.last_ms === null ? null : iso(Number(r.last_ms)),
      nextAttemptAt: r.status === 'pending' ? iso(Number(r.next_ms)) : null,
    }));
  }

  private async scan(search: SavedSearch): Promise<void> {
    const started = this.now();
    const state = await this.db.selectFrom('search_webhook_state').select(['started_ms', 'watermark_ms']).where('search_id', '=', search.id).executeTakeFirst();
    if (state === undefined) {
      await this.db.insertInto('search_webhook_state').values({ search_id: search.id, started_ms: started, watermark_ms: started }).onConflict((oc) => oc.column('search_id').doNothing()).execute();
      return;
    }
    const resolved = await this.services.resolve(search);
    // From the first sight on (fetchedAfter is strict, hence the 1 ms), overlapping the last scan by the window.
    const since = iso(Math.max(Number(state.started_ms) - 1, Number(state.watermark_ms) - RESCAN_WINDOW_MS));
    let pending: Article[] = [];
    for await (const batch of iterateMatches(this.services.source, resolved, { fetchedAfter: since })) {
      const queued = new Set(
        (await this.db.selectFrom('search_queued').select('article_id').where('search_id', '=', search.id).where('article_id', 'in', batch.map((a) => a.id)).execute()).map((r) => r.article_id),
      );
      for (const article of batch) {
        if (queued.has(article.id)) continue;
        pending.push(article);
        if (pending.length >= MAX_ARTICLES_PER_DELIVERY) {
          await this.queue(search, pending);
          pending = [];
        }
      }
    }
    if (pending.length > 0) await this.queue(search, pending);
    await this.db.updateTable('search_webhook_state').set({ watermark_ms: started }).where('search_id', '=', search.id).execute();
  }

  /** Queues one delivery of `articles` (and marks them queued) in one transaction. */
  private async queue(search: SavedSearch, articles: readonly Article[]): Promise<void> {
    const ms = this.now();
    const id = randomUUID();
    const sources = await this.services.sources(articles.map((a) => a.feedId));
    const payload: WebhookPayload = {
      delivery: id,
      search: { id: search.id, name: search.name },
      createdAt: iso(ms),
      articles: articles.map((a) => toPreviewArticle(a, this.services.catalog, sources.get(a.feedId) ?? { id: a.feedId, title: null, siteUrl: null })),
    };
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('search_queued')
        .values(articles.map((a) => ({ search_id: search.id, article_id: a.id, queued_ms: ms })))
        .execute();
      await trx
        .insertInto('search_deliveries')
        .values({
          id,
          search_id: search.id,
          url: search.webhook as string,
          payload: JSON.stringify(payload),
          article_count: articles.length,
          created_ms: ms,
          attempts: 0,
          next_ms: ms,
          status: 'pending',
          http_status: null,
          error: null,
          last_ms: null,
        })
        .execute();
    });
  }

  private async deliverDue(): Promise<void> {
    const secret = this.options.secret;
    if (secret === undefined || secret === '') {
      const waiting = await this.db.selectFrom('search_deliveries').select('id').where('status', '=', 'pending').limit(1).execute();
      if (waiting.length > 0) {
        await this.db.updateTable('search_deliveries').set({ error: 'not sent: WEBHOOK_SECRET is not set; set it and restart newsgate' }).where('status', '=', 'pending').execute();
        if (!this.warnedNoSecret) this.options.logger.warn({}, 'saved-search webhooks are waiting: set WEBHOOK_SECRET (the key their HMAC signature is made with) and restart');
        this.warnedNoSecret = true;
      }
      return;
    }
    for (;;) {
      if (this.stopped) return;
      const now = this.now();
      const due = await this.db
        .selectFrom('search_deliveries')
        .select(['id', 'search_id', 'url', 'payload', 'attempts', 'next_ms'])
        .where('status', '=', 'pending')
        .where('next_ms', '<=', now)
        .orderBy('next_ms')
        .limit(20)
        .execute();
      if (due.length === 0) return;
      const searches = new Map((await this.services.registry.list()).map((search) => [search.id, search]));
      for (const d of due) {
        // Claim it: whoever moves its due time first sends it.
        const claimed = await this.db
          .updateTable('search_deliveries')
          .set({ next_ms: now + this.timeoutMs * 2 })
          .where('id', '=', d.id)
          .where('status', '=', 'pending')
          .where('next_ms', '=', Number(d.next_ms))
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) continue;
        const allowPrivate = this.options.allowPrivateAddresses?.() === true || searches.get(d.search_id)?.allowPrivateAddresses === true;
        await this.attempt(d.id, d.search_id, d.url, d.payload, Number(d.attempts), secret, allowPrivate);
      }
    }
  }

  private async attempt(id: string, searchId: string, url: string, payload: string, attemptsBefore: number, secret: string, allowPrivate: boolean): Promise<void> {
    let httpStatus: number | null = null;
    let error: string | null = null;
    try {
      httpStatus = await postWebhook(url, payload, {
        headers: {
          'content-type': 'application/json',
          'user-agent': 'newsgate-webhook',
          [SIGNATURE_HEADER]: signPayload(secret, payload),
          [DELIVERY_HEADER]: id,
          [SEARCH_HEADER]: searchId,
        },
        policy: { allowPrivateAddresses: allowPrivate, trustedOrigins: [] },
        ...(this.options.resolver ? { resolver: this.options.resolver } : {}),
        timeoutMs: this.timeoutMs,
      });
      if (httpStatus < 200 || httpStatus > 299) error = `the receiver answered HTTP ${httpStatus}`;
    } catch (err) {
      error = postFailure(err, this.timeoutMs);
    }
    const attempts = attemptsBefore + 1;
    const at = this.now();
    if (error === null) {
      await this.db.updateTable('search_deliveries').set({ status: 'delivered', attempts, http_status: httpStatus, error: null, last_ms: at }).where('id', '=', id).execute();
      return;
    }
    const delay = nextDelay(this.backoff, attempts);
    await this.db
      .updateTable('search_deliveries')
      .set({ status: delay === undefined ? 'failed' : 'pending', attempts, http_status: httpStatus, error, last_ms: at, next_ms: at + (delay ?? 0) })
      .where('id', '=', id)
      .execute();
    if (delay === undefined) this.options.logger.warn({ search: searchId, delivery: id, attempts, error }, 'webhook delivery given up');
  }

  private async prune(): Promise<void> {
    const before = this.now() - KEEP_MS;
    await this.db.deleteFrom('search_queued').where('queued_ms', '<', before).execute();
    await this.db.deleteFrom('search_deliveries').where('status', '!=', 'pending').where('created_ms', '<', before).execute();
  }
}

/** Why a POST failed, in the words a delivery shows. */
function postFailure(err: unknown, timeoutMs: number): string {
  if (err instanceof NewsgateError && err.code === ErrorCode.FETCH_FORBIDDEN_ADDRESS) {
    return `refused (${ErrorCode.FETCH_FORBIDDEN_ADDRESS}): ${String(err.details.url ?? '')} is at ${String(err.details.address ?? '')}, a loopback, private or link-local address. ` +
      'If the receiver really is inside your network, set "allowPrivateAddresses": true on this search in feeds.json, or "fetch": { "allowPrivateAddresses": true } for every feed and webhook.';
  }
  const e = err as { name?: string; code?: string; message?: string };
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return `could not POST: no answer within ${timeoutMs / 1000} s`;
  return `could not POST: ${e.code ?? e.message ?? String(err)}`;
}

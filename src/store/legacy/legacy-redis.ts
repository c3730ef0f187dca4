/**
 * Reads the Redis store newsgate 0.1 wrote: one string key per record, named
 * `[prefix:]namespace::id` (keyv's Redis adapter puts `::` between namespace and key; the
 * prefix is the `?prefix=` of 0.1's STORE_URL), each holding keyv's JSON envelope (see
 * legacy-records.ts). Walks a namespace with SCAN (1,000 keys a step) and reads each step's
 * values, and its articles' bodies, with one MGET each. Never writes.
 */
import { createClient } from '@keyv/redis';
import type { Article } from '../../model/article.ts';
import type { FeedState } from '../../model/feed.ts';
import { ErrorCode, NewsgateError } from '../../model/errors.ts';
import {
  isLegacyFeedState,
  isLegacyMeta,
  LEGACY_BATCH,
  LEGACY_NAMESPACES,
  mergeLegacyArticle,
  toLegacyCandidate,
  unwrapKeyvValue,
  type LegacyCandidate,
  type LegacyCounts,
  type LegacyNamespace,
  type LegacyStoreReader,
} from './legacy-records.ts';

type Client = ReturnType<typeof createClient>;

/** A 0.1 Redis STORE_URL split into what the client needs and the key prefix. */
export interface LegacyRedisLocation {
  readonly url: string;
  readonly prefix: string;
}

/** `redis://host:6379[/db][?prefix=name]` (or rediss://) as 0.1 accepted it. */
export function parseLegacyRedisUrl(storeUrl: string): LegacyRedisLocation {
  let parsed: URL;
  try {
    parsed = new URL(storeUrl.trim());
  } catch (cause) {
    throw new NewsgateError(ErrorCode.CONFIG_INVALID, `"${redactRedisUrl(storeUrl)}" is not a valid Redis URL (redis://host:6379[/db][?prefix=name]).`, { cause });
  }
  if (!/^rediss?:$/.test(parsed.protocol) || parsed.hostname === '') {
    throw new NewsgateError(ErrorCode.CONFIG_INVALID, `"${redactRedisUrl(storeUrl)}" is not a Redis URL (redis://host:6379[/db][?prefix=name]).`);
  }
  const prefix = parsed.searchParams.get('prefix') ?? '';
  parsed.searchParams.delete('prefix');
  return { url: parsed.toString().replace(/\?$/, ''), prefix };
}

/** The URL with its password hidden. */
export function redactRedisUrl(url: string): string {
  return url.replace(/^(rediss?:\/\/)([^@/]*)@/i, (_m, scheme: string, auth: string) => (auth.includes(':') ? `${scheme}${auth.split(':')[0]}:***@` : `${scheme}***@`));
}

/** Keys asked of each SCAN step. */
const SCAN_COUNT = 1000;

export class LegacyRedisReader implements LegacyStoreReader {
  readonly label: string;
  private readonly client: Client;
  private readonly prefix: string;

  private constructor(client: Client, location: LegacyRedisLocation, storeUrl: string) {
    this.client = client;
    this.prefix = location.prefix ? `${location.prefix}:` : '';
    this.label = redactRedisUrl(storeUrl);
  }

  /** Connects (3 s timeout, no retries: a copy is run by hand); STORE_UNAVAILABLE naming the URL. */
  static async open(storeUrl: string): Promise<LegacyRedisReader> {
    const location = parseLegacyRedisUrl(storeUrl);
    const client = createClient({ url: location.url, socket: { connectTimeout: 3000, reconnectStrategy: false } }) as Client;
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (cause) {
      throw new NewsgateError(ErrorCode.STORE_UNAVAILABLE, `Cannot reach the newsgate 0.1 Redis store at ${redactRedisUrl(storeUrl)}: ${(cause as Error).message || String(cause)}.`, { cause });
    }
    return new LegacyRedisReader(client, location, storeUrl);
  }

  private key(ns: LegacyNamespace, id: string): string {
    return `${this.prefix}${ns}::${id}`;
  }

  /** [id, raw value] pairs of one namespace, a SCAN step at a time (Redis may repeat a key; callers upsert). */
  private async *pages(ns: LegacyNamespace): AsyncGenerator<Array<[string, string]>> {
    const head = this.key(ns, '');
    let cursor = '0';
    do {
      const step = await this.client.scan(cursor, { MATCH: `${escapeGlob(head)}*`, COUNT: SCAN_COUNT, TYPE: 'string' });
      cursor = String(step.cursor);
      if (step.keys.length === 0) continue;
      const values = await this.client.mGet(step.keys);
      const page: Array<[string, string]> = [];
      step.keys.forEach((key, i) => {
        const value = values[i];
        if (typeof value === 'string') page.push([key.slice(head.length), value]);
      });
      yield page;
    } while (cursor !== '0');
  }

  async *articles(batchSize: number = LEGACY_BATCH): AsyncGenerator<Article[]> {
    let pending: Article[] = [];
    for await (const page of this.pages('articles')) {
      const now = Date.now();
      const metas = page.map(([, raw]) => unwrapKeyvValue(raw, now)).filter(isLegacyMeta);
      if (metas.length === 0) continue;
      const bodies = await this.client.mGet(metas.map((m) => this.key('bodies', m.id)));
      metas.forEach((m, i) => pending.push(mergeLegacyArticle(m, unwrapKeyvValue(bodies[i], now))));
      while (pending.length >= batchSize) {
        yield pending.slice(0, batchSize);
        pending = pending.slice(batchSize);
      }
    }
    if (pending.length > 0) yield pending;
  }

  async *feedStates(): AsyncGenerator<FeedState[]> {
    for await (const page of this.pages('feeds')) {
      const states = page.map(([, raw]) => unwrapKeyvValue(raw)).filter(isLegacyFeedState);
      if (states.length > 0) yield states;
    }
  }

  async *candidates(): AsyncGenerator<LegacyCandidate[]> {
    for await (const page of this.pages('candidates')) {
      const list = page.flatMap(([key, raw]) => toLegacyCandidate(key, unwrapKeyvValue(raw)) ?? []);
      if (list.length > 0) yield list;
    }
  }

  async counts(): Promise<LegacyCounts> {
    const out = {} as LegacyCounts;
    for (const ns of LEGACY_NAMESPACES) {
      let n = 0;
      for await (const page of this.pages(ns)) n += page.length;
      out[ns] = n;
    }
    return out;
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close();
  }
}

/** A literal key head inside a SCAN MATCH pattern. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

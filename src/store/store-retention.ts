/**
 * Retention as indexed queries inside the caller's transaction: which articles are past the
 * maximum age or beyond the maximum per feed, and deleting articles with everything they own
 * (full text, postings, bodies). ArticleStore runs them on each write and on `prune()`.
 */
import type { Transaction } from 'kysely';
import { chunks, ID_CHUNK } from './sql/chunks.ts';
import type { SqlDialect } from './sql/dialect.ts';
import type { Database } from './sql/schema.ts';

const DAY_MS = 86_400_000;

export interface RetentionLimits {
  /** 0: no age limit. */
  readonly maxAgeDays: number;
  /** 0: no per-feed limit. */
  readonly maxPerFeed: number;
  readonly now: number;
}

/** The publishedAt (epoch ms) before which articles are too old, or undefined without an age limit. */
export function ageCutoff(limits: Pick<RetentionLimits, 'maxAgeDays' | 'now'>): number | undefined {
  return limits.maxAgeDays > 0 ? limits.now - limits.maxAgeDays * DAY_MS : undefined;
}

/** Ids retention removes: older than max age; beyond max per feed (for `feedIds`, or every feed). */
export async function retentionVictims(trx: Transaction<Database>, limits: RetentionLimits, feedIds?: ReadonlySet<string>): Promise<string[]> {
  const victims = new Set<string>();
  const cutoff = ageCutoff(limits);
  if (cutoff !== undefined) {
    const rows = await trx.selectFrom('articles').select('id').where('published_ms', '<', cutoff).execute();
    for (const r of rows) victims.add(r.id);
  }
  if (limits.maxPerFeed > 0) {
    const feeds = feedIds ?? new Set((await trx.selectFrom('articles').select('feed_id').distinct().execute()).map((r) => r.feed_id));
    for (const feedId of feeds) {
      const rows = await trx
        .selectFrom('articles')
        .select('id')
        .where('feed_id', '=', feedId)
        .orderBy('published_ms', 'desc')
        .orderBy('id', 'desc')
        .limit(1_000_000_000)
        .offset(limits.maxPerFeed)
        .execute();
      for (const r of rows) victims.add(r.id);
    }
  }
  return [...victims];
}

/** Deletes articles with their postings, bodies and full text. */
export async function deleteArticles(trx: Transaction<Database>, dialect: SqlDialect, ids: readonly string[]): Promise<void> {
  for (const chunk of chunks(ids, ID_CHUNK)) {
    await dialect.deleteSearch(trx, chunk);
    await trx.deleteFrom('article_entities').where('article_id', 'in', chunk).execute();
    await trx.deleteFrom('article_bodies').where('id', 'in', chunk).execute();
    await trx.deleteFrom('articles').where('id', 'in', chunk).execute();
  }
}

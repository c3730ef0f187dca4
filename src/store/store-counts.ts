/**
 * The store's counts, as queries over an open database: matches of a filter (exact up to a
 * limit, then "at least"), articles per entity or feed, all articles. ArticleStore runs them.
 */
import { sql, type Kysely } from 'kysely';
import type { ArticleCount, ArticleFilter, CountKind } from './article-store.types.ts';
import { chunks, ID_CHUNK, unique } from './sql/chunks.ts';
import type { SqlDialect } from './sql/dialect.ts';
import { filterCondition } from './sql/filter-sql.ts';
import type { Database } from './sql/schema.ts';

const ENTITY_KIND = { actors: 'actor', regions: 'region', topics: 'topic' } as const;

/** Matches of a non-empty `filter`, counted no further than `limit` + 1. */
export async function countMatching(db: Kysely<Database>, dialect: SqlDialect, filter: ArticleFilter, limit: number): Promise<ArticleCount> {
  const row = await db
    .selectFrom((q) =>
      q
        .selectFrom('articles')
        .select(sql<number>`1`.as('one'))
        .where((eb) => filterCondition(eb, filter, dialect))
        .limit(limit + 1)
        .as('matches'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return n > limit ? { count: limit, exact: false } : { count: n, exact: true };
}

/** Articles per id of one kind (feeds, or entities through their postings), in chunks. */
export async function countPerId(db: Kysely<Database>, kind: CountKind, ids: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const chunk of chunks(unique(ids), ID_CHUNK)) {
    const rows =
      kind === 'sources'
        ? await db
            .selectFrom('articles')
            .select((eb) => ['feed_id as id', eb.fn.countAll<number>().as('n')])
            .where('feed_id', 'in', chunk)
            .groupBy('feed_id')
            .execute()
        : await db
            .selectFrom('article_entities')
            .select((eb) => ['entity_id as id', eb.fn.countAll<number>().as('n')])
            .where('kind', '=', ENTITY_KIND[kind])
            .where('entity_id', 'in', chunk)
            .groupBy('entity_id')
            .execute();
    for (const r of rows) counts.set(r.id, Number(r.n));
  }
  return counts;
}

/** Every article. */
export async function countAll(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

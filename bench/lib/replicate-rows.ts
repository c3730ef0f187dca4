/**
 * Grows a filled store to N articles in SQL, the way a bulk load (COPY) would: each copy of the
 * base rows gets new ids (`id~n`) and dates moved n × 3 days back, with its bodies, entity
 * postings and full-text rows, in one transaction per copy, reading the base from tables set
 * apart at the start (not the whole growing store). PostgreSQL copies the tsvectors;
 * SQLite's FTS5 table is contentless (its terms cannot be read back), so the caller hands in
 * the base articles' terms (`sqliteTerms`, id → space-joined terms) and each copy indexes them
 * again under the copy's rowid.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/store/sql/schema.ts';

const SHIFT_MS = 3 * 86_400_000;

/** Makes copies `first`..`last` of the rows whose id has no `~` (the base): copy n shifts dates by n × 3 days. */
export async function replicateRows(
  db: Kysely<Database>,
  engine: 'sqlite' | 'postgres',
  first: number,
  last: number,
  options: { onCopy?: (n: number) => void; sqliteTerms?: ReadonlyMap<string, string> } = {},
): Promise<void> {
  // The base rows, set apart once: each copy reads 10k rows, not the whole growing store.
  const base = engine === 'sqlite' ? sql`instr(id, '~') = 0` : sql`strpos(id, '~') = 0`;
  await sql`CREATE TABLE bench_base_articles AS SELECT * FROM articles WHERE ${base}`.execute(db);
  await sql`CREATE TABLE bench_base_bodies AS SELECT * FROM article_bodies WHERE ${base}`.execute(db);
  await sql`CREATE TABLE bench_base_entities AS SELECT * FROM article_entities WHERE article_id IN (SELECT id FROM bench_base_articles)`.execute(db);
  if (engine === 'postgres') await sql`CREATE TABLE bench_base_search AS SELECT * FROM article_search WHERE ${base}`.execute(db);
  if (engine === 'sqlite' && options.sqliteTerms) {
    await sql`CREATE TABLE bench_base_terms (id TEXT PRIMARY KEY, terms TEXT NOT NULL)`.execute(db);
    const rows = [...options.sqliteTerms];
    for (let i = 0; i < rows.length; i += 500) {
      await sql`INSERT INTO bench_base_terms (id, terms) VALUES ${sql.join(rows.slice(i, i + 500).map(([id, terms]) => sql`(${id}, ${terms})`))}`.execute(db);
    }
  }
  try {
    for (let n = first; n <= last; n++) {
      const shift = n * SHIFT_MS;
      const suffix = `~${n}`;
      await db.transaction().execute(async (trx) => {
        if (engine === 'sqlite') {
          await sql`INSERT INTO articles (id, feed_id, published_ms, fetched_ms, language, story_id, content_hash, meta)
            SELECT id || ${suffix}, feed_id, published_ms - ${shift}, fetched_ms, language, story_id, content_hash,
              json_set(meta, '$.id', id || ${suffix}, '$.publishedAt', strftime('%Y-%m-%dT%H:%M:%fZ', (published_ms - ${shift}) / 1000.0, 'unixepoch'))
            FROM bench_base_articles`.execute(trx);
          await sql`INSERT INTO article_bodies (id, body) SELECT id || ${suffix}, body FROM bench_base_bodies`.execute(trx);
          await sql`INSERT INTO article_entities (kind, entity_id, published_ms, article_id)
            SELECT kind, entity_id, published_ms - ${shift}, article_id || ${suffix} FROM bench_base_entities`.execute(trx);
          if (options.sqliteTerms) {
            await sql`INSERT INTO article_fts (rowid, terms) SELECT a.rowid, t.terms FROM bench_base_terms t JOIN articles a ON a.id = t.id || ${suffix}`.execute(trx);
          }
        } else {
          await sql`INSERT INTO articles (id, feed_id, published_ms, fetched_ms, language, story_id, content_hash, meta)
            SELECT id || ${suffix}, feed_id, published_ms - ${shift}, fetched_ms, language, story_id, content_hash,
              jsonb_set(jsonb_set(meta::jsonb, '{id}', to_jsonb(id || ${suffix})), '{publishedAt}',
                to_jsonb(to_char(to_timestamp((published_ms - ${shift}) / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))::text
            FROM bench_base_articles`.execute(trx);
          await sql`INSERT INTO article_bodies (id, body) SELECT id || ${suffix}, body FROM bench_base_bodies`.execute(trx);
          await sql`INSERT INTO article_entities (kind, entity_id, published_ms, article_id)
            SELECT kind, entity_id, published_ms - ${shift}, article_id || ${suffix} FROM bench_base_entities`.execute(trx);
          await sql`INSERT INTO article_search (id, search) SELECT id || ${suffix}, search FROM bench_base_search`.execute(trx);
        }
      });
      options.onCopy?.(n);
    }
  } finally {
    for (const table of ['bench_base_articles', 'bench_base_bodies', 'bench_base_entities', 'bench_base_search', 'bench_base_terms']) {
      await sql`DROP TABLE IF EXISTS ${sql.raw(table)}`.execute(db);
    }
  }
  await sql`ANALYZE`.execute(db);
  // As a store that has been running a while: its write-ahead log checkpointed into the file.
  if (engine === 'sqlite') await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
}

/**
 * Grows a filled store to N articles in SQL, the way a bulk load (COPY) would: each copy of the
 * base rows gets new ids (`id~n`) and dates moved n × 3 days back, with its bodies, entity
 * postings and full-text rows, in one transaction per copy. PostgreSQL copies the tsvectors;
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
  if (engine === 'sqlite' && options.sqliteTerms) {
    await sql`CREATE TEMP TABLE IF NOT EXISTS bench_terms (id TEXT PRIMARY KEY, terms TEXT NOT NULL)`.execute(db);
    await sql`DELETE FROM bench_terms`.execute(db);
    const rows = [...options.sqliteTerms];
    for (let i = 0; i < rows.length; i += 500) {
      await sql`INSERT INTO bench_terms (id, terms) VALUES ${sql.join(rows.slice(i, i + 500).map(([id, terms]) => sql`(${id}, ${terms})`))}`.execute(db);
    }
  }
  for (let n = first; n <= last; n++) {
    const shift = n * SHIFT_MS;
    const suffix = `~${n}`;
    await db.transaction().execute(async (trx) => {
      if (engine === 'sqlite') {
        await sql`INSERT INTO articles (id, feed_id, published_ms, fetched_ms, language, story_id, content_hash, meta)
          SELECT id || ${suffix}, feed_id, published_ms - ${shift}, fetched_ms, language, story_id, content_hash,
            json_set(meta, '$.id', id || ${suffix}, '$.publishedAt', strftime('%Y-%m-%dT%H:%M:%fZ', (published_ms - ${shift}) / 1000.0, 'unixepoch'))
          FROM articles WHERE instr(id, '~') = 0`.execute(trx);
        await sql`INSERT INTO article_bodies (id, body) SELECT id || ${suffix}, body FROM article_bodies WHERE instr(id, '~') = 0`.execute(trx);
        await sql`INSERT INTO article_entities (kind, entity_id, published_ms, article_id)
          SELECT kind, entity_id, published_ms - ${shift}, article_id || ${suffix} FROM article_entities WHERE instr(article_id, '~') = 0`.execute(trx);
        if (options.sqliteTerms) {
          await sql`INSERT INTO article_fts (rowid, terms) SELECT a.rowid, t.terms FROM bench_terms t JOIN articles a ON a.id = t.id || ${suffix}`.execute(trx);
        }
      } else {
        await sql`INSERT INTO articles (id, feed_id, published_ms, fetched_ms, language, story_id, content_hash, meta)
          SELECT id || ${suffix}, feed_id, published_ms - ${shift}, fetched_ms, language, story_id, content_hash,
            jsonb_set(jsonb_set(meta::jsonb, '{id}', to_jsonb(id || ${suffix})), '{publishedAt}',
              to_jsonb(to_char(to_timestamp((published_ms - ${shift}) / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))::text
          FROM articles WHERE strpos(id, '~') = 0`.execute(trx);
        await sql`INSERT INTO article_bodies (id, body) SELECT id || ${suffix}, body FROM article_bodies WHERE strpos(id, '~') = 0`.execute(trx);
        await sql`INSERT INTO article_entities (kind, entity_id, published_ms, article_id)
          SELECT kind, entity_id, published_ms - ${shift}, article_id || ${suffix} FROM article_entities WHERE strpos(article_id, '~') = 0`.execute(trx);
        await sql`INSERT INTO article_search (id, search) SELECT id || ${suffix}, search FROM article_search WHERE strpos(id, '~') = 0`.execute(trx);
      }
    });
    options.onCopy?.(n);
  }
  await sql`ANALYZE`.execute(db);
}

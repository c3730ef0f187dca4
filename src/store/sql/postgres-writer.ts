/**
 * PostgreSQL's bulk writer: one `INSERT … SELECT FROM unnest($1::text[], …)` per table per batch,
 * so a batch of 1,000 articles is four statements with a handful of array parameters each,
 * whatever its size (no per-row placeholders, no 65,535-parameter limit).
 */
import { sql } from 'kysely';
import type { ArticleWriter } from './article-writer.ts';

export const postgresWriter: ArticleWriter = {
  async hashes(q, ids) {
    const out = new Map<string, string>();
    if (ids.length === 0) return out;
    const { rows } = await sql<{ id: string; content_hash: string }>`SELECT id, content_hash FROM articles WHERE id = ANY(${[...new Set(ids)]}::text[])`.execute(q);
    for (const r of rows) out.set(r.id, r.content_hash);
    return out;
  },
  async write(trx, rows, replaced) {
    const col = <T>(pick: (r: (typeof rows)[number]) => T): T[] => rows.map(pick);
    await sql`INSERT INTO articles (id, feed_id, published_ms, fetched_ms, language, story_id, content_hash, meta)
      SELECT * FROM unnest(${col((r) => r.article.id)}::text[], ${col((r) => r.article.feed_id)}::text[], ${col((r) => r.article.published_ms)}::bigint[],
        ${col((r) => r.article.fetched_ms)}::bigint[], ${col((r) => r.article.language)}::text[], ${col((r) => r.article.story_id)}::text[],
        ${col((r) => r.article.content_hash)}::text[], ${col((r) => r.article.meta)}::text[])
      ON CONFLICT (id) DO UPDATE SET feed_id = excluded.feed_id, published_ms = excluded.published_ms, fetched_ms = excluded.fetched_ms,
        language = excluded.language, story_id = excluded.story_id, content_hash = excluded.content_hash, meta = excluded.meta`.execute(trx);
    await sql`INSERT INTO article_bodies (id, body) SELECT * FROM unnest(${col((r) => r.article.id)}::text[], ${col((r) => r.body)}::text[])
      ON CONFLICT (id) DO UPDATE SET body = excluded.body`.execute(trx);
    if (replaced.size > 0) await sql`DELETE FROM article_entities WHERE article_id = ANY(${[...replaced]}::text[])`.execute(trx);
    const postings = rows.flatMap((r) => r.postings);
    if (postings.length > 0) {
      await sql`INSERT INTO article_entities (kind, entity_id, published_ms, article_id)
        SELECT * FROM unnest(${postings.map((p) => p.kind)}::text[], ${postings.map((p) => p.entity_id)}::text[],
          ${postings.map((p) => p.published_ms)}::bigint[], ${postings.map((p) => p.article_id)}::text[])
        ON CONFLICT DO NOTHING`.execute(trx);
    }
    // Terms hold no spaces (folded words, `ǂ`-joined pairs): one text per article, split in SQL.
    await sql`INSERT INTO article_search (id, search)
      SELECT id, array_to_tsvector(string_to_array(terms, ' ')) FROM unnest(${col((r) => r.article.id)}::text[], ${col((r) => r.terms.join(' '))}::text[]) AS u(id, terms)
      ON CONFLICT (id) DO UPDATE SET search = excluded.search`.execute(trx);
  },
};

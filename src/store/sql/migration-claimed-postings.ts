/**
 * Migration 3 (issue 14, `filter.claimedBy`): postings of kind `claimed`, one per actor that
 * claims an act in an article (its CLAIMED claims; entity-postings.ts writes them with every
 * article from now on). Stores written before have the claims in each article's metadata JSON
 * only: this backfills their postings from it, in SQL, so a store keeps working without a
 * re-import. No table changes: `article_entities` takes the new kind as it is.
 */
import type { Migration } from './migrations.ts';

export const CLAIMED_POSTINGS_MIGRATION: Migration = {
  version: 4,
  name: 'claimed-by postings (actors claiming an act), backfilled from the stored claims',
  sqlite: [
    `INSERT OR IGNORE INTO article_entities (kind, entity_id, published_ms, article_id)
      SELECT 'claimed', json_extract(c.value, '$.actor'), a.published_ms, a.id
      FROM articles a, json_each(a.meta, '$.claims') c
      WHERE json_type(a.meta, '$.claims') = 'array'
        AND json_extract(c.value, '$.kind') = 'CLAIMED'
        AND json_type(c.value, '$.actor') = 'text' AND json_extract(c.value, '$.actor') <> ''`,
  ],
  postgres: [
    `INSERT INTO article_entities (kind, entity_id, published_ms, article_id)
      SELECT DISTINCT 'claimed', c->>'actor', a.published_ms, a.id
      FROM articles a
      CROSS JOIN LATERAL jsonb_array_elements(
        CASE WHEN jsonb_typeof(a.meta::jsonb -> 'claims') = 'array' THEN a.meta::jsonb -> 'claims' ELSE '[]'::jsonb END) c
      WHERE c->>'kind' = 'CLAIMED' AND jsonb_typeof(c -> 'actor') = 'string' AND c->>'actor' <> ''
      ON CONFLICT DO NOTHING`,
  ],
};

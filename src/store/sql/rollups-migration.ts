/**
 * Migration 3 (issue 10): the rollup tables (rollups-tables.ts) and the triggers that mark an
 * article for recounting whenever its row is inserted, updated or deleted — by any writer
 * (upsert, retention, `store import`, a bulk copy), so no write path can leave the counters
 * stale. The backfill marks every stored article: the counters of an existing store are built
 * by the first recount (rollups-sync.ts), at the next write or analyst query.
 */
import type { Migration } from './migrations.ts';

const WITHOUT_ROWID = ' WITHOUT ROWID';

const tables = (text: string, ms: string, suffix: string): string[] => [
  `CREATE TABLE rollup_hours (kind ${text} NOT NULL, value ${text} NOT NULL, hour INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (kind, value, hour))${suffix}`,
  `CREATE TABLE rollup_days (kind ${text} NOT NULL, value ${text} NOT NULL, day INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (kind, value, day))${suffix}`,
  `CREATE TABLE rollup_pair_days (
    kind ${text} NOT NULL, value ${text} NOT NULL, day INTEGER NOT NULL, other_kind ${text} NOT NULL, other ${text} NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (kind, value, day, other_kind, other)
  )${suffix}`,
  `CREATE TABLE rollup_triple_days (
    kind ${text} NOT NULL, value ${text} NOT NULL, day INTEGER NOT NULL, a ${text} NOT NULL, b ${text} NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (kind, value, day, a, b)
  )${suffix}`,
  // The actor network reads actor–actor pairs of every actor: by kinds first.
  'CREATE INDEX rollup_pair_days_kinds ON rollup_pair_days (kind, other_kind, day)',
  `CREATE TABLE rollup_articles (article_id ${text} PRIMARY KEY NOT NULL, published_ms ${ms} NOT NULL, feed_id ${text} NOT NULL, language ${text}, entities TEXT NOT NULL)`,
  `CREATE TABLE rollup_dirty (article_id ${text} PRIMARY KEY NOT NULL)${suffix}`,
];

/** SQLite: marks the row's article once. */
const mark = (row: 'NEW' | 'OLD'): string =>
  `INSERT INTO rollup_dirty (article_id) SELECT ${row}.id WHERE NOT EXISTS (SELECT 1 FROM rollup_dirty WHERE article_id = ${row}.id);`;

export const ROLLUPS_MIGRATION: Migration = {
  version: 3,
  name: 'rollups: counts per value and hour/day, pairs and actor pairs per value per day, recount triggers',
  sqlite: [
    ...tables('TEXT', 'INTEGER', WITHOUT_ROWID),
    // Not INSERT OR IGNORE: an outer statement's conflict clause (the store's upsert) overrides a trigger's.
    `CREATE TRIGGER rollup_dirty_insert AFTER INSERT ON articles BEGIN ${mark('NEW')} END`,
    `CREATE TRIGGER rollup_dirty_update AFTER UPDATE ON articles BEGIN ${mark('OLD')} ${mark('NEW')} END`,
    `CREATE TRIGGER rollup_dirty_delete AFTER DELETE ON articles BEGIN ${mark('OLD')} END`,
    'INSERT INTO rollup_dirty (article_id) SELECT id FROM articles',
  ],
  postgres: [
    ...tables('TEXT COLLATE "C"', 'BIGINT', ''),
    `CREATE FUNCTION rollup_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN INSERT INTO rollup_dirty (article_id) VALUES (OLD.id) ON CONFLICT DO NOTHING; END IF;
      IF TG_OP <> 'DELETE' THEN INSERT INTO rollup_dirty (article_id) VALUES (NEW.id) ON CONFLICT DO NOTHING; END IF;
      RETURN NULL;
    END $$`,
    'CREATE TRIGGER rollup_dirty AFTER INSERT OR UPDATE OR DELETE ON articles FOR EACH ROW EXECUTE FUNCTION rollup_mark_dirty()',
    'INSERT INTO rollup_dirty (article_id) SELECT id FROM articles',
  ],
};

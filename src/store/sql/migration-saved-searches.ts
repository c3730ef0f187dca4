/**
 * Migration 2 (issue 10, saved searches): the searches saved through the API, and the webhook
 * state that makes delivery at-least-once across restarts — each search's high-water mark of
 * what was already queued, the articles queued per search (so overlapping scans never queue one
 * twice), and the deliveries with their attempts. Appended to MIGRATIONS in migrations.ts.
 */
import type { Migration } from './migrations.ts';

const tables = (id: string, ms: string): string[] => [
  `CREATE TABLE saved_searches (
    id ${id} PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    query TEXT NOT NULL,
    filter TEXT NOT NULL,
    webhook TEXT,
    created_ms ${ms} NOT NULL,
    updated_ms ${ms} NOT NULL
  )`,
  `CREATE TABLE search_webhook_state (search_id ${id} PRIMARY KEY NOT NULL, started_ms ${ms} NOT NULL, watermark_ms ${ms} NOT NULL)`,
  `CREATE TABLE search_queued (
    search_id ${id} NOT NULL,
    article_id ${id} NOT NULL,
    queued_ms ${ms} NOT NULL,
    PRIMARY KEY (search_id, article_id)
  )`,
  'CREATE INDEX search_queued_age ON search_queued (queued_ms)',
  `CREATE TABLE search_deliveries (
    id ${id} PRIMARY KEY NOT NULL,
    search_id ${id} NOT NULL,
    url TEXT NOT NULL,
    payload TEXT NOT NULL,
    article_count INTEGER NOT NULL,
    created_ms ${ms} NOT NULL,
    attempts INTEGER NOT NULL,
    next_ms ${ms} NOT NULL,
    status TEXT NOT NULL,
    http_status INTEGER,
    error TEXT,
    last_ms ${ms}
  )`,
  'CREATE INDEX search_deliveries_due ON search_deliveries (status, next_ms)',
  'CREATE INDEX search_deliveries_search ON search_deliveries (search_id, created_ms)',
];

export const SAVED_SEARCHES_MIGRATION: Migration = {
  version: 2,
  name: 'saved searches and webhook deliveries',
  sqlite: tables('TEXT', 'INTEGER'),
  postgres: tables('TEXT COLLATE "C"', 'BIGINT'),
};

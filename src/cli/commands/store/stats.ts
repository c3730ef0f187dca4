/**
 * `newsgate store stats [--store URL] [--json]`: what the store holds and what it costs on disk:
 * articles (in all, per feed, per language), entity links per kind, feed states, candidates, the
 * schema version, and sizes (the SQLite file with its WAL; PostgreSQL's
 * pg_total_relation_size per table and the database in all). A 0.1 store is counted too, with
 * the command that upgrades it.
 */
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { ArticleStore } from '../../../store/article-store.ts';
import { isLegacyStoreUrl, openLegacyStore } from '../../../store/legacy/open-legacy-store.ts';
import { parseStoreUrl, redactStoreUrl } from '../../../store/store-url.ts';
import { EXIT, type CliIo } from '../../cli-io.ts';
import type { StoreSubcommand } from './subcommand.ts';
import { loadCatalog } from '../../transfer/load-catalog.ts';
import { absoluteSqlite, failure, n, openStoreFor } from './store-target.ts';
import { storeUrlOf } from './subcommand.ts';

export const STATS_USAGE = 'usage: newsgate store stats [--store URL] [--json]';

/** What `stats` reports, also as `--json`. */
export interface StoreStats {
  readonly store: string;
  readonly engine: string;
  readonly schemaVersion: number;
  readonly articles: number;
  readonly perFeed: Record<string, number>;
  readonly perLanguage: Record<string, number>;
  readonly entityLinks: Record<string, number>;
  readonly feedStates: number;
  readonly candidates: number;
  /** Bytes, by what they hold (`total` is the whole file or database). */
  readonly bytes: Record<string, number>;
}

export async function runStoreStats(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: false, options: { store: { type: 'string' }, json: { type: 'boolean', default: false } } });
  } catch (err) {
    io.stderr(`${(err as Error).message}\n${STATS_USAGE}\n`);
    return EXIT.USAGE;
  }
  let url: string;
  try {
    url = absoluteSqlite(storeUrlOf(parsed.values.store, io), io.cwd);
    if (isLegacyStoreUrl(url, io.cwd)) return await legacyStats(url, io, parsed.values.json);
    const location = parseStoreUrl(url, io.cwd);
    if (location.kind === 'sqlite' && !existsSync(location.path)) {
      io.stderr(`newsgate store stats: there is no store at ${location.path} yet (it is created when the gateway or an import first opens it)\n`);
      return EXIT.PROBLEM;
    }
  } catch (err) {
    return failure(io, 'stats', err);
  }
  let store: ArticleStore | undefined;
  try {
    store = await openStoreFor(url, await loadCatalog(io), io);
    const stats = await collect(store, url, io.cwd);
    io.stdout(parsed.values.json ? `${JSON.stringify(stats, null, 2)}\n` : render(stats));
    return EXIT.OK;
  } catch (err) {
    return failure(io, 'stats', err);
  } finally {
    await store?.close().catch(() => undefined);
  }
}

async function collect(store: ArticleStore, url: string, cwd: string): Promise<StoreStats> {
  const db = store.db;
  const count = (rows: { key: string | null; n: number | string | bigint }[]) =>
    Object.fromEntries(rows.map((r) => [r.key ?? '(none)', Number(r.n)]));
  const perFeed = await db.selectFrom('articles').select(['feed_id as key', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('feed_id').orderBy('n', 'desc').execute();
  const perLanguage = await db.selectFrom('articles').select(['language as key', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('language').orderBy('n', 'desc').execute();
  const links = await db.selectFrom('article_entities').select(['kind as key', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('kind').orderBy('kind').execute();
  const one = async (table: 'feed_state' | 'candidates') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const version = Number((await db.selectFrom('newsgate_migrations').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst())?.v ?? 0);
  const engine = store.database.engine;
  const bytes: Record<string, number> = {};
  if (engine === 'postgres') {
    const tables = ['articles', 'article_bodies', 'article_entities', 'article_search', 'feed_state', 'candidates'];
    const rows = await sql<{ t: string; b: string | number }>`SELECT t, pg_total_relation_size(to_regclass(t)) AS b FROM unnest(${tables}::text[]) AS t WHERE to_regclass(t) IS NOT NULL`.execute(db);
    for (const r of rows.rows) bytes[r.t] = Number(r.b);
    const total = await sql<{ b: string | number }>`SELECT pg_database_size(current_database()) AS b`.execute(db);
    bytes.total = Number(total.rows[0]?.b ?? 0);
  } else {
    const location = parseStoreUrl(url, cwd);
    if (location.kind === 'sqlite') {
      const size = (p: string) => (existsSync(p) ? statSync(p).size : 0);
      bytes.file = size(location.path);
      bytes.wal = size(`${location.path}-wal`);
      bytes.total = bytes.file + bytes.wal + size(`${location.path}-shm`);
    }
  }
  return {
    store: redactStoreUrl(url),
    engine,
    schemaVersion: version,
    articles: await store.size(),
    perFeed: count(perFeed),
    perLanguage: count(perLanguage),
    entityLinks: count(links),
    feedStates: await one('feed_state'),
    candidates: await one('candidates'),
    bytes,
  };
}

function render(s: StoreStats): string {
  const mib = (b: number) => `${(b / 1048576).toFixed(1)} MiB`;
  const list = (r: Record<string, number>, max = 20) => {
    const entries = Object.entries(r);
    const lines = entries.slice(0, max).map(([k, v]) => `    ${k.padEnd(24)} ${n(v).padStart(12)}`);
    if (entries.length > max) lines.push(`    … ${entries.length - max} more`);
    return lines.join('\n');
  };
  return [
    `store         ${s.store} (${s.engine}, schema version ${s.schemaVersion})`,
    `articles      ${n(s.articles)}`,
    `  per feed`,
    list(s.perFeed),
    `  per language`,
    list(s.perLanguage),
    `entity links  ${n(Object.values(s.entityLinks).reduce((a, b) => a + b, 0))}`,
    list(s.entityLinks),
    `feed states   ${n(s.feedStates)}`,
    `candidates    ${n(s.candidates)}`,
    `size          ${mib(s.bytes.total ?? 0)}`,
    ...Object.entries(s.bytes).filter(([k]) => k !== 'total').map(([k, v]) => `    ${k.padEnd(24)} ${mib(v).padStart(12)}`),
    '',
  ].join('\n');
}

async function legacyStats(url: string, io: CliIo, json: boolean | undefined): Promise<number> {
  const reader = await openLegacyStore(url, io.cwd);
  try {
    const counts = await reader.counts();
    if (json) io.stdout(`${JSON.stringify({ store: reader.label, engine: 'keyv (newsgate 0.1)', ...counts }, null, 2)}\n`);
    else {
      io.stdout(
        `store         ${reader.label} (keyv, written by newsgate 0.1)\n` +
          Object.entries(counts).map(([k, v]) => `${k.padEnd(13)} ${n(v)}`).join('\n') +
          `\nupgrade with: newsgate store copy ${reader.label} sqlite://data/newsgate.sqlite (or a postgres:// URL)\n`,
      );
    }
    return EXIT.OK;
  } finally {
    await reader.close();
  }
}

/** `newsgate store stats`, as the store dispatcher (commands/store.ts) registers it. */
export const statsCommand: StoreSubcommand = {
  name: 'stats',
  usage: 'stats [--store URL] [--json]   counts and sizes',
  run: runStoreStats,
};

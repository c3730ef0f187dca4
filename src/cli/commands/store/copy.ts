/**
 * `newsgate store copy FROM_URL TO_URL [--batch N]`: everything a store holds (articles whole,
 * feed states, discovery candidates) into another store, between any two of SQLite, PostgreSQL
 * and memory, and out of the keyv stores newsgate 0.1 wrote (`sqlite://` files with keyv tables,
 * `redis://`): an existing user upgrades without refetching. The source is only read. Articles
 * are upserted by id (one transaction per batch), so a copy that stopped can be run again: what
 * is already there is left unchanged.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Article } from '../../../model/article.ts';
import type { FeedState } from '../../../model/feed.ts';
import { ErrorCode, NewsgateError } from '../../../model/errors.ts';
import type { ArticleStore } from '../../../store/article-store.ts';
import type { LegacyCandidate } from '../../../store/legacy/legacy-records.ts';
import { isLegacyStoreUrl, openLegacyStore } from '../../../store/legacy/open-legacy-store.ts';
import { parseStoreUrl, redactStoreUrl } from '../../../store/store-url.ts';
import { EXIT, type CliIo } from '../../cli-io.ts';
import type { StoreSubcommand } from './subcommand.ts';
import { loadCatalog } from '../../transfer/load-catalog.ts';
import { absoluteSqlite, failure, n, openStoreFor } from './store-target.ts';
export const COPY_USAGE = 'usage: newsgate store copy FROM_URL TO_URL [--batch N]';


/** What a copy reads from, whatever kind of store it is. */
interface CopySource {
  articles(batchSize: number): AsyncIterable<Article[]>;
  feedStates(): AsyncIterable<FeedState[]>;
  candidates(): AsyncIterable<LegacyCandidate[]>;
  close(): Promise<void>;
}

export async function runStoreCopy(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { batch: { type: 'string' } } });
  } catch (err) {
    io.stderr(`${(err as Error).message}\n${COPY_USAGE}\n`);
    return EXIT.USAGE;
  }
  const [fromArg, toArg, ...extra] = parsed.positionals;
  if (!fromArg || !toArg || extra.length > 0) {
    io.stderr(`${COPY_USAGE}\n`);
    return EXIT.USAGE;
  }
  const batchSize = parsed.values.batch === undefined ? 1000 : Number(parsed.values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000) {
    io.stderr(`--batch must be a whole number from 1 to 5000, got "${parsed.values.batch}"\n${COPY_USAGE}\n`);
    return EXIT.USAGE;
  }
  const from = absoluteSqlite(fromArg, io.cwd);
  const to = absoluteSqlite(toArg, io.cwd);
  let source: CopySource | undefined;
  let target: ArticleStore | undefined;
  try {
    if (sameStore(from, to, io.cwd)) {
      throw new NewsgateError(ErrorCode.CONFIG_INVALID, `FROM and TO name the same store (${redactStoreUrl(from)}); copy into another one.`);
    }
    const catalog = await loadCatalog(io);
    source = await openSource(from, io, catalog);
    target = await openStoreFor(to, catalog, io, { bulk: true });
    const started = Date.now();
    let articles = 0;
    let added = 0;
    let last = 0;
    for await (const batch of source.articles(batchSize)) {
      const result = await target.upsert(batch);
      articles += batch.length;
      added += result.added.length;
      if (Date.now() - last >= 1000) {
        last = Date.now();
        io.stderr(`store copy: ${n(articles)} articles copied\n`);
      }
    }
    let feeds = 0;
    for await (const states of source.feedStates()) {
      for (const state of states) await target.putFeedState(state);
      feeds += states.length;
    }
    let candidates = 0;
    for await (const list of source.candidates()) {
      await writeCandidates(target, list);
      candidates += list.length;
    }
    const total = await target.size();
    io.stderr(
      `store copy: ${n(articles)} articles (${n(added)} new there), ${n(feeds)} feed states and ${n(candidates)} candidates ` +
        `from ${redactStoreUrl(fromArg)} to ${redactStoreUrl(toArg)} in ${((Date.now() - started) / 1000).toFixed(1)} s; it now holds ${n(total)} articles\n`,
    );
    return EXIT.OK;
  } catch (err) {
    return failure(io, 'copy', err);
  } finally {
    await source?.close().catch(() => undefined);
    await target?.close().catch(() => undefined);
  }
}

/** A 0.1 keyv store (read with the legacy reader), or a 0.2 SQL store. */
async function openSource(url: string, io: CliIo, catalog: Awaited<ReturnType<typeof loadCatalog>>): Promise<CopySource> {
  if (isLegacyStoreUrl(url, io.cwd)) return openLegacyStore(url, io.cwd);
  const location = parseStoreUrl(url, io.cwd);
  if (location.kind === 'sqlite' && !existsSync(location.path)) {
    throw new NewsgateError(ErrorCode.CONFIG_INVALID, `There is no store at ${location.path} to copy from; check FROM_URL.`);
  }
  const store = await openStoreFor(url, catalog, io);
  return {
    articles: (batchSize) => store.iterate({}, batchSize),
    async *feedStates() {
      const rows = await store.db.selectFrom('feed_state').select(['state']).orderBy('feed_id').execute();
      if (rows.length > 0) yield rows.map((r) => JSON.parse(r.state) as FeedState);
    },
    async *candidates() {
      const rows = await store.db.selectFrom('candidates').selectAll().orderBy('key').execute();
      if (rows.length > 0) {
        yield rows.map((r) => ({
          key: r.key, name: r.name, kind: r.kind, mentions: Number(r.mentions), articles: Number(r.articles),
          firstSeen: r.first_seen, lastSeen: r.last_seen, sampleArticleIds: JSON.parse(r.sample_ids) as string[],
        }));
      }
    },
    close: () => store.close(),
  };
}

/** Candidates into the target's table, replacing one of the same key (the copy is the truth). */
async function writeCandidates(target: ArticleStore, list: readonly LegacyCandidate[]): Promise<void> {
  for (let i = 0; i < list.length; i += 200) {
    const rows = list.slice(i, i + 200).map((c) => ({
      key: c.key, name: c.name, kind: c.kind, mentions: c.mentions, articles: c.articles,
      first_seen: c.firstSeen, last_seen: c.lastSeen, sample_ids: JSON.stringify(c.sampleArticleIds),
    }));
    await target.db
      .insertInto('candidates')
      .values(rows)
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'), kind: eb.ref('excluded.kind'), mentions: eb.ref('excluded.mentions'), articles: eb.ref('excluded.articles'),
          first_seen: eb.ref('excluded.first_seen'), last_seen: eb.ref('excluded.last_seen'), sample_ids: eb.ref('excluded.sample_ids'),
        })),
      )
      .execute();
  }
}

function sameStore(a: string, b: string, cwd: string): boolean {
  try {
    const x = parseStoreUrl(a, cwd);
    const y = parseStoreUrl(b, cwd);
    if (x.kind === 'sqlite' && y.kind === 'sqlite') return x.path === y.path;
    if (x.kind === 'memory' || y.kind === 'memory') return false;
  } catch {
    return false;
  }
  return a.trim() === b.trim();
}

/** `newsgate store copy`, as the store dispatcher (commands/store.ts) registers it. */
export const copyCommand: StoreSubcommand = {
  name: 'copy',
  usage: 'copy FROM_URL TO_URL [--batch N]   everything into another store (0.1 stores too)',
  run: runStoreCopy,
};

/**
 * Keeps the rollup counters (rollups-tables.ts) equal to what the articles say. Triggers mark
 * every article whose row changed (rollups-migration.ts); a recount reads each marked article's
 * current row and postings and what it contributed when last counted (`rollup_articles`),
 * adds the difference to the counters in a few multi-row upserts, and clears the marks. So an
 * insert, an update (new date, source, entities) and a delete are all one rule, and a recount
 * of the same article twice changes nothing.
 *
 * The store calls {@link syncRollups} with the ids it has just written, inside its write
 * transaction; analyst reads call {@link drainRollups} first, which recounts whatever is still
 * marked (articles written by other paths, the backfill of an upgraded store). On PostgreSQL the
 * marks are claimed with FOR UPDATE SKIP LOCKED, so replicas never count one change twice.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { SqlEngine } from './dialect.ts';
import type { Database } from './schema.ts';
import { dayOf, hourOf, isRollupEntityKind, rollupDb, type RollupDatabase, type RollupKind } from './rollups-tables.ts';

/** Articles recounted per round (their postings are read at once). */
const CHUNK = 2000;
/** Counter rows per upsert statement (6 parameters a row at most). */
const ROWS_PER_STATEMENT = 2000;

/** What one article adds to the counters. */
interface Contribution {
  readonly publishedMs: number;
  readonly feedId: string;
  readonly language: string | null;
  readonly entities: ReadonlyArray<readonly [RollupKind, string]>;
}

/** Counter deltas, keyed by their primary key joined with NUL. */
class Deltas {
  readonly hours = new Map<string, number>();
  readonly days = new Map<string, number>();
  readonly pairs = new Map<string, number>();
  readonly triples = new Map<string, number>();

  add(c: Contribution, sign: 1 | -1): void {
    const hour = hourOf(c.publishedMs);
    const day = dayOf(c.publishedMs);
    const values: Array<readonly [RollupKind, string]> = [['*', ''], ['source', c.feedId], ...(c.language !== null ? [['language', c.language] as const] : []), ...c.entities];
    for (const [kind, value] of values) {
      bump(this.hours, `${kind}\0${value}\0${hour}`, sign);
      bump(this.days, `${kind}\0${value}\0${day}`, sign);
    }
    for (const [kind, value] of c.entities) {
      for (const [otherKind, other] of values) {
        if (otherKind === '*' || (otherKind === kind && other === value)) continue;
        bump(this.pairs, `${kind}\0${value}\0${day}\0${otherKind}\0${other}`, sign);
      }
    }
    const actors = c.entities.filter(([kind]) => kind === 'actor').map(([, id]) => id).sort();
    for (let i = 0; i < actors.length; i++) {
      for (let j = i + 1; j < actors.length; j++) {
        for (const [kind, value] of c.entities) bump(this.triples, `${kind}\0${value}\0${day}\0${actors[i]}\0${actors[j]}`, sign);
      }
    }
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Non-zero deltas as rows of `columns` (the key's parts in order, numbers where `numeric`). */
function rows(map: Map<string, number>, columns: readonly string[], numeric: ReadonlySet<string>): Record<string, string | number>[] {
  const out: Record<string, string | number>[] = [];
  for (const [key, n] of map) {
    if (n === 0) continue;
    const parts = key.split('\0');
    const row: Record<string, string | number> = { n };
    columns.forEach((c, i) => (row[c] = numeric.has(c) ? Number(parts[i]) : (parts[i] as string)));
    out.push(row);
  }
  return out;
}

async function applyDeltas(trx: Transaction<RollupDatabase>, deltas: Deltas): Promise<void> {
  const upsert = async (table: 'rollup_hours' | 'rollup_days' | 'rollup_pair_days' | 'rollup_triple_days', keys: readonly string[], values: Record<string, string | number>[]) => {
    for (let i = 0; i < values.length; i += ROWS_PER_STATEMENT) {
      await trx
        .insertInto(table)
        .values(values.slice(i, i + ROWS_PER_STATEMENT) as never)
        .onConflict((oc) => oc.columns(keys as never).doUpdateSet({ n: sql`${sql.ref(`${table}.n`)} + excluded.n` } as never))
        .execute();
    }
  };
  await upsert('rollup_hours', ['kind', 'value', 'hour'], rows(deltas.hours, ['kind', 'value', 'hour'], new Set(['hour'])));
  await upsert('rollup_days', ['kind', 'value', 'day'], rows(deltas.days, ['kind', 'value', 'day'], new Set(['day'])));
  await upsert('rollup_pair_days', ['kind', 'value', 'day', 'other_kind', 'other'], rows(deltas.pairs, ['kind', 'value', 'day', 'other_kind', 'other'], new Set(['day'])));
  await upsert('rollup_triple_days', ['kind', 'value', 'day', 'a', 'b'], rows(deltas.triples, ['kind', 'value', 'day', 'a', 'b'], new Set(['day'])));
}

/** Recounts the marked articles among `ids` (all given ids must be claimed by the caller). */
async function recount(trx: Transaction<RollupDatabase>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const [old, current, postings] = [
    await trx.selectFrom('rollup_articles').selectAll().where('article_id', 'in', ids).execute(),
    await trx.selectFrom('articles').select(['id', 'published_ms', 'feed_id', 'language']).where('id', 'in', ids).execute(),
    await trx.selectFrom('article_entities').select(['article_id', 'kind', 'entity_id']).where('article_id', 'in', ids).execute(),
  ];
  const entitiesOf = new Map<string, Array<readonly [RollupKind, string]>>();
  for (const p of postings) {
    const kind = p.kind;
    if (!isRollupEntityKind(kind)) continue;
    let list = entitiesOf.get(p.article_id);
    if (list === undefined) entitiesOf.set(p.article_id, (list = []));
    list.push([kind, p.entity_id]);
  }
  const deltas = new Deltas();
  for (const r of old) {
    deltas.add({ publishedMs: Number(r.published_ms), feedId: r.feed_id, language: r.language, entities: JSON.parse(r.entities) as Array<[RollupKind, string]> }, -1);
  }
  const records = current.map((a) => {
    const entities = (entitiesOf.get(a.id) ?? []).sort((x, y) => (x[0] + x[1] < y[0] + y[1] ? -1 : 1));
    deltas.add({ publishedMs: Number(a.published_ms), feedId: a.feed_id, language: a.language, entities }, 1);
    return { article_id: a.id, published_ms: Number(a.published_ms), feed_id: a.feed_id, language: a.language, entities: JSON.stringify(entities) };
  });
  await applyDeltas(trx, deltas);
  await trx.deleteFrom('rollup_articles').where('article_id', 'in', ids).execute();
  for (let i = 0; i < records.length; i += ROWS_PER_STATEMENT / 2) await trx.insertInto('rollup_articles').values(records.slice(i, i + ROWS_PER_STATEMENT / 2)).execute();
  await trx.deleteFrom('rollup_dirty').where('article_id', 'in', ids).execute();
}

/** Claims marked articles: among `ids`, or any `limit` of them; PostgreSQL skips those another transaction holds. */
async function claim(trx: Transaction<RollupDatabase>, engine: SqlEngine, ids: readonly string[] | undefined, limit: number): Promise<string[]> {
  let q = trx.selectFrom('rollup_dirty').select('article_id');
  if (ids !== undefined) q = q.where('article_id', 'in', ids);
  else q = q.limit(limit);
  if (engine === 'postgres') q = q.forUpdate().skipLocked();
  return (await q.execute()).map((r) => r.article_id);
}

/**
 * Recounts the articles `ids` the caller has just written or deleted (those still marked),
 * inside the caller's transaction: the store's one call in its write path.
 */
export async function syncRollups(trx: Transaction<Database>, engine: SqlEngine, ids: Iterable<string>): Promise<void> {
  const t = rollupDb(trx);
  const all = [...new Set(ids)];
  for (let i = 0; i < all.length; i += CHUNK) await recount(t, await claim(t, engine, all.slice(i, i + CHUNK), CHUNK));
}

/**
 * Recounts every marked article, a chunk per transaction, before an analyst query reads the
 * counters. Cheap when nothing is marked (one indexed probe); after an upgrade or a bulk load
 * it builds the counters (measured in notes/analyst.md).
 */
export async function drainRollups(db: Kysely<Database>, engine: SqlEngine): Promise<void> {
  const r = rollupDb(db);
  for (;;) {
    const pending = await r.selectFrom('rollup_dirty').select('article_id').limit(1).executeTakeFirst();
    if (pending === undefined) return;
    const claimed = await r.transaction().execute(async (trx) => {
      const ids = await claim(trx, engine, undefined, CHUNK);
      await recount(trx, ids);
      return ids.length;
    });
    // Everything left is held by another replica's recount: it commits soon; do not spin.
    if (claimed === 0) return;
  }
}

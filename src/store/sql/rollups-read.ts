/**
 * Reads of the rollup counters (rollups-tables.ts) for the analyst aggregations, and the rule
 * for when they may answer: a question with no query-language text and a filter of at most one
 * value (one actor, region, topic, source or language) plus `from`/`to`. Anything else (two
 * values, `search`, `fetchedAfter`, `stories`, `ids`, a query) is answered exactly from the
 * articles, because counters of single values and pairs cannot say how many articles match a
 * combination. A list of values in which one contains all the others (a topic widened to its
 * sub-topics: every article of a sub-topic is posted under its parent too) counts as that one.
 */
import type { Kysely } from 'kysely';
import type { ArticleFilter } from '../article-store.types.ts';
import type { Database } from './schema.ts';
import type { IndexRange } from './rollups-range.ts';
import { DAY_MS, HOUR_MS, rollupDb, type RollupKind } from './rollups-tables.ts';

/** A question the counters can answer: every article, or those of one value. */
export interface RollupShape {
  readonly entity?: { readonly kind: RollupKind; readonly values: readonly string[] };
}

const FILTER_KINDS: ReadonlyArray<readonly [keyof ArticleFilter, RollupKind]> = [
  ['actors', 'actor'],
  ['regions', 'region'],
  ['topics', 'topic'],
  ['sources', 'source'],
  ['languages', 'language'],
];

/** Whether `filter` (with `hasQuery`) fits the counters, and on which value list. */
export function rollupShape(filter: ArticleFilter, hasQuery: boolean): RollupShape | undefined {
  if (hasQuery) return undefined;
  if (filter.search !== undefined || filter.fetchedAfter !== undefined || (filter.ids?.length ?? 0) > 0 || (filter.stories?.length ?? 0) > 0) return undefined;
  const used = FILTER_KINDS.filter(([field]) => ((filter[field] as readonly string[] | undefined)?.length ?? 0) > 0);
  if (used.length === 0) return {};
  if (used.length > 1) return undefined;
  const [field, kind] = used[0] as readonly [keyof ArticleFilter, RollupKind];
  return { entity: { kind, values: [...new Set(filter[field] as readonly string[])] } };
}

type Db = Kysely<Database>;

const inRange = <Q extends { where: (...args: never[]) => Q }>(q: Q, column: 'day' | 'hour', range: IndexRange): Q => {
  let out = q;
  if (range.lo !== undefined) out = (out.where as (c: string, op: string, v: number) => Q)(column, '>=', range.lo);
  if (range.hi !== undefined) out = (out.where as (c: string, op: string, v: number) => Q)(column, '<', range.hi);
  return out;
};

/**
 * The one value of `values` that stands for all of them (every article of another is one of
 * its articles), from the counters over all time; undefined when there is none.
 */
export async function singleValue(db: Db, kind: RollupKind, values: readonly string[]): Promise<string | undefined> {
  if (values.length === 1) return values[0];
  if (kind === 'source' || kind === 'language') return undefined;
  const r = rollupDb(db);
  const singles = await r.selectFrom('rollup_days').select(['value', (eb) => eb.fn.sum<number>('n').as('n')]).where('kind', '=', kind).where('value', 'in', values).groupBy('value').execute();
  const count = new Map(singles.map((s) => [s.value, Number(s.n)]));
  const root = [...values].sort((a, b) => (count.get(b) ?? 0) - (count.get(a) ?? 0))[0] as string;
  const pairs = await r
    .selectFrom('rollup_pair_days')
    .select(['other', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('kind', '=', kind)
    .where('value', '=', root)
    .where('other_kind', '=', kind)
    .where('other', 'in', values)
    .groupBy('other')
    .execute();
  const together = new Map(pairs.map((p) => [p.other, Number(p.n)]));
  return values.every((v) => v === root || (together.get(v) ?? 0) === (count.get(v) ?? 0)) ? root : undefined;
}

/** Per value counts of `kinds` over whole days and whole hours (not the exact ends). */
export async function sumValues(db: Db, kinds: readonly RollupKind[], days: IndexRange | undefined, hours: readonly IndexRange[], value?: string): Promise<Map<RollupKind, Map<string, number>>> {
  const r = rollupDb(db);
  const out = new Map<RollupKind, Map<string, number>>(kinds.map((k) => [k, new Map()]));
  const add = (rows: readonly { kind: RollupKind; value: string; n: number | string | bigint }[]) => {
    for (const row of rows) {
      const m = out.get(row.kind) as Map<string, number>;
      m.set(row.value, (m.get(row.value) ?? 0) + Number(row.n));
    }
  };
  if (days !== undefined) {
    let q = r.selectFrom('rollup_days').select(['kind', 'value', (eb) => eb.fn.sum<number>('n').as('n')]).where('kind', 'in', kinds);
    if (value !== undefined) q = q.where('value', '=', value);
    add(await inRange(q, 'day', days).groupBy(['kind', 'value']).execute());
  }
  for (const h of hours) {
    let q = r.selectFrom('rollup_hours').select(['kind', 'value', (eb) => eb.fn.sum<number>('n').as('n')]).where('kind', 'in', kinds);
    if (value !== undefined) q = q.where('value', '=', value);
    add(await inRange(q, 'hour', h).groupBy(['kind', 'value']).execute());
  }
  return out;
}

/** Articles naming (kind, value) and each other value, per other kind, over whole days. */
export async function sumPairs(db: Db, kind: RollupKind, value: string, days: IndexRange, otherKinds?: readonly RollupKind[], others?: readonly string[]): Promise<Map<RollupKind, Map<string, number>>> {
  let q = rollupDb(db)
    .selectFrom('rollup_pair_days')
    .select(['other_kind', 'other', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('kind', '=', kind)
    .where('value', '=', value);
  if (otherKinds !== undefined) q = q.where('other_kind', 'in', otherKinds);
  if (others !== undefined) q = q.where('other', 'in', others);
  const rows = await inRange(q, 'day', days).groupBy(['other_kind', 'other']).execute();
  const out = new Map<RollupKind, Map<string, number>>();
  for (const row of rows) {
    let m = out.get(row.other_kind);
    if (m === undefined) out.set(row.other_kind, (m = new Map()));
    m.set(row.other, Number(row.n));
  }
  return out;
}

/** Every pair of actors (a < b) with the articles naming both, over whole days. */
export async function sumActorPairs(db: Db, days: IndexRange): Promise<Map<string, number>> {
  const q = rollupDb(db)
    .selectFrom('rollup_pair_days')
    .select(['value', 'other', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('kind', '=', 'actor')
    .where('other_kind', '=', 'actor')
    .whereRef('value', '<', 'other');
  const rows = await inRange(q, 'day', days).groupBy(['value', 'other']).execute();
  return new Map(rows.map((r) => [`${r.value}\0${r.other}`, Number(r.n)]));
}

/** Articles of one value (or every article: kind `*`) per UTC hour in `range`, keyed by the hour's start (ms), non-zero only. */
export async function hourCounts(db: Db, kind: RollupKind, value: string, range: IndexRange): Promise<Map<number, number>> {
  const q = rollupDb(db).selectFrom('rollup_hours').select(['hour', 'n']).where('kind', '=', kind).where('value', '=', value).where('n', '>', 0);
  const rows = await inRange(q, 'hour', range).execute();
  return new Map(rows.map((r) => [Number(r.hour) * HOUR_MS, Number(r.n)]));
}

/** The same per UTC day, keyed by the day's start (ms). */
export async function dayCounts(db: Db, kind: RollupKind, value: string, range: IndexRange): Promise<Map<number, number>> {
  const q = rollupDb(db).selectFrom('rollup_days').select(['day', 'n']).where('kind', '=', kind).where('value', '=', value).where('n', '>', 0);
  const rows = await inRange(q, 'day', range).execute();
  return new Map(rows.map((r) => [Number(r.day) * DAY_MS, Number(r.n)]));
}

/** The first and last `few` hours with articles of one value within `hours`, ascending / descending. */
export async function hourEnds(db: Db, kind: RollupKind, value: string, hours: IndexRange, few: number): Promise<{ first: number[]; last: number[] }> {
  const base = () => inRange(rollupDb(db).selectFrom('rollup_hours').select('hour').where('kind', '=', kind).where('value', '=', value).where('n', '>', 0), 'hour', hours);
  const [first, last] = [await base().orderBy('hour', 'asc').limit(few).execute(), await base().orderBy('hour', 'desc').limit(few).execute()];
  return { first: first.map((r) => Number(r.hour)), last: last.map((r) => Number(r.hour)) };
}

/** Actor pairs (a < b) among the articles of one entity, over whole days, keyed `a\0b`; with `actor`, only pairs holding it. */
export async function sumActorPairsWithin(db: Db, kind: RollupKind, value: string, days: IndexRange, actor?: string): Promise<Map<string, number>> {
  let q = rollupDb(db)
    .selectFrom('rollup_triple_days')
    .select(['a', 'b', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('kind', '=', kind)
    .where('value', '=', value);
  if (actor !== undefined) q = q.where((eb) => eb.or([eb('a', '=', actor), eb('b', '=', actor)]));
  const rows = await inRange(q, 'day', days).groupBy(['a', 'b']).execute();
  return new Map(rows.map((r) => [`${r.a}\0${r.b}`, Number(r.n)]));
}

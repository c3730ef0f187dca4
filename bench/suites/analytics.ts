/**
 * The `analytics` suite (issue 10 item 9): facets, timeline, actorNetwork and Actor.cooccurring
 * on SQLite as the store grows (100k, 300k, 1M; `--quick`: 5k and 20k), in process (no HTTP:
 * the GraphQL layer adds the same small cost at every size). The store is filled with the bench
 * corpus through `ArticleStore.upsert` in batches of 5,000 (the real write path, so anything
 * the write path maintains is there), lean bodies (no query here reads a body).
 *
 * Six questions, as an analyst dashboard asks them: no filter, a region (IQ, with what lies
 * inside it), the most named actor, the most common topic, a query-language search, and the
 * last 30 whole UTC days. The first four and the last are answered from the rollup counters
 * (src/store/sql/rollups-*.ts); the search always counts its matches. Each operation's figure is the slowest question's median of a few runs (the
 * note lists them all); the target (< 200 ms) applies at 1M. A size whose fill would exceed the
 * budget (ANALYTICS_FILL_BUDGET_S, default 1,500 s; `--full-scale` ignores it) is skipped, and
 * the table says so: then the growth between the sizes measured is the finding.
 *
 * ANALYTICS_STORE=/path/file.sqlite keeps the filled store between runs (a file holding more
 * articles than a size is reused as it is).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { actorNetwork, cooccurring } from '../../src/analytics/actor-network.ts';
import { facets } from '../../src/analytics/facets.ts';
import { timeline } from '../../src/analytics/timeline.ts';
import { compileQuery } from '../../src/query/resolve-query.ts';
import type { ResolvedQuery } from '../../src/query/query-ast.ts';
import { ArticleStore } from '../../src/store/article-store.ts';
import type { ArticleFilter } from '../../src/store/article-store.types.ts';
import { articleBatches } from '../corpus/build-articles.ts';
import { idMapFromCatalog, loadTagger } from '../lib/newsgate.ts';
import type { Suite, SuiteContext } from '../lib/context.ts';
import { figure, ratio, skipped, type Figure } from '../lib/figures.ts';
import { now } from '../lib/timing.ts';

const SUITE = 'analytics';
const BATCH = 5000;
const TARGET_MS = 200;
const DAY_MS = 86_400_000;
const label = (n: number): string => (n >= 1e6 ? `${+(n / 1e6).toFixed(2)}M` : `${Math.round(n / 1e3)}k`);

/** One analyst question: a filter, and a query-language string or none. */
interface Question {
  readonly name: string;
  readonly filter: ArticleFilter;
  readonly query?: ResolvedQuery;
}

type Operation = 'facets' | 'timeline' | 'actorNetwork' | 'cooccurring';
const OPERATIONS: readonly Operation[] = ['facets', 'timeline', 'actorNetwork', 'cooccurring'];

/** Median ms per operation and question at one size. */
type SizeTimes = Map<Operation, Map<string, number>>;

/** The most named entity of a kind (for the actor, topic and co-occurrence questions). */
async function topEntity(store: ArticleStore, kind: 'actor' | 'topic'): Promise<string> {
  const row = await store.db
    .selectFrom('article_entities')
    .select('entity_id')
    .where('kind', '=', kind)
    .groupBy('entity_id')
    .orderBy(sql`count(*)`, 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.entity_id;
}

async function questionsOf(store: ArticleStore, compile: (q: string) => Promise<ResolvedQuery | undefined>): Promise<{ questions: Question[]; actor: string }> {
  const [actor, topic] = [await topEntity(store, 'actor'), await topEntity(store, 'topic')];
  const newest = Number((await store.db.selectFrom('articles').select((eb) => eb.fn.max('published_ms').as('m')).executeTakeFirstOrThrow()).m);
  const query = await compile('(drone OR rocket) -intercepted');
  const lastDay = Math.floor(newest / DAY_MS) * DAY_MS;
  return {
    actor,
    questions: [
      { name: 'no filter', filter: {} },
      { name: 'region IQ', filter: { regions: ['IQ'] } },
      { name: `actor ${actor}`, filter: { actors: [actor] } },
      { name: `topic ${topic}`, filter: { topics: [topic] } },
      { name: 'query "(drone OR rocket) -intercepted"', filter: {}, ...(query ? { query } : {}) },
      // Whole UTC days, as a dashboard asks ("the last 30 days"): a range that cuts days counts its partial days from the articles.
      { name: 'last 30 whole days', filter: { from: new Date(lastDay - 29 * DAY_MS).toISOString(), to: new Date(lastDay + DAY_MS - 1).toISOString() } },
    ],
  };
}

/** Median of `runs` timed calls after one untimed call (the first warms SQLite's page cache). */
async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    await fn();
    times.push(now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

async function measure(store: ArticleStore, questions: readonly Question[], actor: string, runs: number, exact = false): Promise<SizeTimes> {
  const database = { db: store.db, dialect: store.database.dialect, exact };
  const calls: Record<Operation, (q: Question) => Promise<unknown>> = {
    facets: (q) => facets(database, q.filter, q.query, 10),
    timeline: (q) => timeline(database, q.filter, q.query, 'DAY', 'UTC'),
    actorNetwork: (q) => actorNetwork(database, q.filter, q.query, 50),
    cooccurring: (q) => cooccurring(database, actor, q.filter, q.query, 10),
  };
  const out: SizeTimes = new Map();
  for (const op of OPERATIONS) {
    const times = new Map<string, number>();
    for (const q of questions) times.set(q.name, await median(runs, () => calls[op](q)));
    out.set(op, times);
  }
  return out;
}

/** Fills the store up to `size` through upsert; returns articles per second of this step. */
async function fillTo(store: ArticleStore, batches: Iterator<import('../../src/model/article.ts').Article[]>, held: number, size: number, log: SuiteContext['log']): Promise<number> {
  const t = now();
  let n = held;
  while (n < size) {
    const next = batches.next();
    if (next.done) break;
    await store.upsert(next.value);
    n += next.value.length;
    if (n % 50_000 === 0) log(`   filled ${label(n)} (${Math.round(((n - held) / (now() - t)) * 1000)}/s)`);
  }
  return ((n - held) / (now() - t)) * 1000;
}

export const analyticsSuite: Suite = {
  name: 'analytics',
  description: 'facets, timeline, actorNetwork, cooccurring on SQLite at 100k, 300k, 1M (fill through upsert); target < 200 ms at 1M',
  async run(ctx) {
    const sizes = ctx.quick ? [5_000, 20_000] : [100_000, 300_000, 1_000_000];
    const runs = ctx.quick ? 3 : 3;
    const budgetMs = Number(process.env.ANALYTICS_FILL_BUDGET_S ?? 1500) * 1000;
    const { catalog } = await loadTagger();
    const { ids } = idMapFromCatalog(catalog);
    const file = process.env.ANALYTICS_STORE ?? join(ctx.tmpDir, 'analytics.sqlite');
    const reused = existsSync(file);
    const store = await ArticleStore.open({
      url: `sqlite://${file}`,
      regionAncestors: (id) => catalog.regionAncestors(id),
      topicAncestors: (id) => catalog.topicAncestors(id),
    });
    const services = { catalog, feeds: () => [], store };
    const compile = (q: string) => compileQuery(q, services, new Date('2026-01-15T00:00:00Z'));
    const batches = articleBatches({ seed: ctx.seed + 30, count: sizes[sizes.length - 1] as number, bodies: 'lean', batchSize: BATCH, ids })[Symbol.iterator]();
    let held = await store.size();
    if (reused) ctx.log(`   reusing ${file}: ${held} articles`);
    // A reused file's articles are the generator's first `held` ones: skip them.
    for (let skip = 0; skip < held; skip += BATCH) batches.next();
    const figures: Figure[] = [];
    const measured: Array<[number, SizeTimes]> = [];
    let rate: number | undefined;
    try {
      for (const size of sizes) {
        if (held < size) {
          const projected = rate === undefined ? 0 : ((size - held) / rate) * 1000;
          if (!ctx.fullScale && projected > budgetMs) {
            figures.push(skipped(SUITE, `${label(size)}`, `filling ${label(size - held)} more through upsert would take ~${Math.round(projected / 1000)} s at ${Math.round(rate ?? 0)}/s (budget ${budgetMs / 1000} s; --full-scale insists)`));
            break;
          }
          rate = await fillTo(store, batches, held, size, ctx.log);
          held = await store.size();
          ctx.log(`   filled to ${label(held)} at ${Math.round(rate)} articles/s`);
          figures.push(figure({ suite: SUITE, name: `fill to ${label(held)} through upsert (batches of ${BATCH})`, value: Math.round(rate), unit: 'articles/s', note: 'context, not a target' }));
          await sql`ANALYZE`.execute(store.db);
        }
        const { questions, actor } = await questionsOf(store, compile);
        const times = await measure(store, questions, actor, runs);
        // Baseline of the same run: the same operations counted from the articles (no rollups), on the widest question.
        const exactTimes = await measure(store, questions.slice(0, 1), actor, 1, true);
        measured.push([held, times]);
        for (const op of OPERATIONS) {
          const byQuestion = times.get(op) as Map<string, number>;
          const [worstName, worst] = [...byQuestion].reduce((a, b) => (b[1] > a[1] ? b : a));
          ctx.log(`   ${label(held)} ${op}: ${[...byQuestion].map(([q, ms]) => `${q} ${ms.toFixed(0)}`).join(', ')} ms`);
          figures.push(
            figure({
              suite: SUITE,
              name: `${op} at ${label(held)}, slowest question (median of ${runs})`,
              value: Number(worst.toFixed(1)),
              unit: 'ms',
              ...(held >= 1_000_000 ? { target: { on: 'value' as const, op: '<=' as const, limit: TARGET_MS } } : {}),
              baseline: { name: `no filter, counted from the articles`, value: Number(((exactTimes.get(op) as Map<string, number>).get('no filter') as number).toFixed(1)), unit: 'ms' },
              ratio: ratio(worst, (exactTimes.get(op) as Map<string, number>).get('no filter') as number),
              note: `slowest: ${worstName}; ${[...byQuestion].map(([q, ms]) => `${q} ${ms.toFixed(1)}`).join('; ')} ms${op === 'cooccurring' ? ` (actor ${actor})` : ''}`,
            }),
          );
        }
      }
    } finally {
      await store.close();
    }
    const [first, last] = [measured[0], measured[measured.length - 1]];
    if (first && last && last[0] > first[0]) {
      for (const op of OPERATIONS) {
        const worst = (t: SizeTimes) => Math.max(...(t.get(op) as Map<string, number>).values());
        figures.push(
          figure({
            suite: SUITE,
            name: `${op}: growth ${label(last[0])} / ${label(first[0])} (slowest question)`,
            value: Number(worst(last[1]).toFixed(1)),
            unit: 'ms',
            baseline: { name: `at ${label(first[0])}`, value: Number(worst(first[1]).toFixed(1)), unit: 'ms' },
            ratio: ratio(worst(last[1]), worst(first[1])),
            note: `articles ×${(last[0] / first[0]).toFixed(1)}`,
          }),
        );
      }
    }
    return figures;
  },
};

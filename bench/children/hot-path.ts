/**
 * Child process of bench/profile.ts: sets up one hot path (corpus, store, tagger), then runs it
 * in a loop for a few seconds under V8's CPU profiler (the one `node --cpu-prof` uses, started
 * through node:inspector so the set-up stays out of the profile), and writes the
 * `.cpuprofile` into <profDir>.
 *
 * argv: <ingest|tagging|query|restore|upsert> <tmpDir> <seconds> <profDir>
 *   query, restore and upsert run on a store of 100k articles.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import type { Article } from '../../src/model/article.ts';
import { articleBatches } from '../corpus/build-articles.ts';
import { corpusIds } from '../lib/catalog-ids.ts';
import type { SuiteContext } from '../lib/context.ts';
import { writeArticlesDirect } from '../lib/fill-store.ts';
import { benchFilters } from '../lib/filters.ts';
import { loadTagger, openStore } from '../lib/newsgate.ts';
import { now } from '../lib/timing.ts';
import { createIngestPipeline, ingestCorpus } from '../suites/ingest.ts';
import { taggingTexts } from '../suites/tagging.ts';

const [path, tmpDir, secondsArg, profDir] = process.argv.slice(2);
const seconds = Number(secondsArg ?? 10);
if (!path || !tmpDir || !profDir) {
  process.stderr.write('usage: hot-path.ts <ingest|tagging|query|restore|upsert> <tmpDir> <seconds> <profDir>\n');
  process.exit(2);
}
const ctx: SuiteContext = { quick: false, fullScale: false, seed: 1, tmpDir, shared: new Map(), log: (m) => process.stderr.write(`${m}\n`) };
const session = new Session();
session.connect();
const post = (method: string, params?: object): Promise<unknown> =>
  new Promise((resolve, reject) => session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))));
let until = 0;
/** Starts the profiler and the clock: everything before is set-up. */
async function begin(): Promise<void> {
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  until = now() + seconds * 1000;
}
let loops = 0;
if (path === 'ingest') {
  const pipeline = await createIngestPipeline(ingestCorpus(false, ctx.seed).feeds);
  await begin();
  while (now() < until) await pipeline.ingestInto(`sqlite://${join(tmpDir, `profile-${loops++}.sqlite`)}`);
} else if (path === 'tagging') {
  const { tagger } = await loadTagger();
  const texts = taggingTexts(false, ctx.seed);
  await begin();
  while (now() < until) {
    for (const t of texts) tagger.tag({ ...t, tags: [] }, { regions: [], tags: [] });
    loops++;
  }
} else if (path === 'query') {
  const { ids, regionAncestors } = await corpusIds(ctx);
  await writeArticlesDirect('memory://profile', articleBatches({ seed: 3, count: 100_000, bodies: 'lean', ids, batchSize: 5000 }), { bodies: false });
  const store = await openStore({ url: 'memory://profile', regionAncestors });
  const filters = benchFilters(ids);
  await begin();
  const start = now();
  while (now() < until || loops < 1000) await store.query(filters[loops++ % filters.length]!, { first: 20 });
  process.stderr.write(`query loop: ${loops} queries in ${(now() - start).toFixed(0)} ms\n`);
} else if (path === 'restore' || path === 'upsert') {
  const { ids, regionAncestors } = await corpusIds(ctx);
  const url = `sqlite://${join(tmpDir, 'restore.sqlite')}`;
  await writeArticlesDirect(url, articleBatches({ seed: 3, count: 100_000, bodies: 'lean', ids, batchSize: 5000 }), { bodies: false });
  if (path === 'restore') {
    await begin();
    while (now() < until) {
      await (await openStore({ url, regionAncestors })).close();
      loops++;
    }
  } else {
    const store = await openStore({ url, regionAncestors });
    const fresh = articleBatches({ seed: 30, count: 1_000_000, bodies: 'lean', ids, batchSize: 100, firstIndex: 50_000_000 });
    await begin();
    while (now() < until) {
      await store.upsert(fresh.next().value as Article[]);
      loops++;
    }
    await store.close();
  }
} else {
  process.stderr.write(`unknown hot path "${path}"; use ingest, tagging, query, restore or upsert\n`);
  process.exit(2);
}
const { profile } = (await post('Profiler.stop')) as { profile: unknown };
session.disconnect();
writeFileSync(join(profDir, `${path}.cpuprofile`), JSON.stringify(profile));
process.stdout.write(`${JSON.stringify({ path, loops })}\n`);

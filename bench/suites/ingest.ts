/**
 * Ingest (issue 6 item 1): articles/s and MB/s of the full pipeline (decode, parse, normalize
 * with tagging, index, persist to the default SQLite store) against rss-parser's parseString of
 * the same feeds, and a bare saxes tokenizer pass as the floor. All run in this process on the
 * same documents, interleaved round by round.
 */
import { join } from 'node:path';
import Parser from 'rss-parser';
import { SaxesParser } from 'saxes';
import { generateFeeds, type SyntheticFeed } from '../corpus/generate.ts';
import type { Suite } from '../lib/context.ts';
import { figure, ratio, skipped, type Figure } from '../lib/figures.ts';
import { benchFeedConfig, loadProcessDocument, loadTagger, openStore } from '../lib/newsgate.ts';
import type { ProcessedDocument } from '../../src/pipeline/process-document.ts';
import { median } from '../lib/stats.ts';
import { now, timeOnce } from '../lib/timing.ts';

const MB = 1e6;

/** A tokenizer pass and nothing else: the least any XML feed reader must do. */
function saxesPass(text: string): number {
  let events = 0;
  const parser = new SaxesParser();
  parser.on('opentag', () => events++);
  parser.on('text', () => events++);
  parser.on('cdata', () => events++);
  parser.write(text).close();
  return events;
}

/** The full ingest path over a set of documents, for this suite and for bench/profile.ts. */
export interface IngestPipeline {
  /** decode → parse → normalize (with tagging) of every document. */
  processAll(): Promise<ProcessedDocument[]>;
  /** processAll + upsert into a fresh store at `storeUrl` (opened and closed untimed); returns the timed ms. */
  ingestInto(storeUrl: string): Promise<number>;
}

export async function createIngestPipeline(feeds: readonly SyntheticFeed[]): Promise<IngestPipeline> {
  const processDocument = await loadProcessDocument();
  const { tagger, catalog } = await loadTagger();
  const fetchedAt = new Date('2026-01-15T00:05:00Z');
  const configs = feeds.map((f) => benchFeedConfig(f.meta.id, `${f.meta.site}/feed`));
  const processAll = async (): Promise<ProcessedDocument[]> => {
    const out: ProcessedDocument[] = [];
    for (const [i, f] of feeds.entries()) {
      const contentType = f.format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8';
      out.push(await processDocument({ bytes: f.bytes, contentType, url: `${f.meta.site}/feed`, feed: configs[i]!, fetchedAt, tagger }));
    }
    return out;
  };
  return {
    processAll,
    async ingestInto(storeUrl) {
      // A fresh store per run, so every upsert is an insert (as on a first fetch).
      const store = await openStore({ url: storeUrl, regionAncestors: (id) => catalog.regionAncestors(id) });
      const start = now();
      for (const doc of await processAll()) await store.upsert(doc.articles);
      const ms = now() - start;
      await store.close();
      return ms;
    },
  };
}

/** The ingest corpus for a size preset (shared with bench/profile.ts). */
export function ingestCorpus(quick: boolean, seed: number): { feeds: SyntheticFeed[]; runs: number; items: number } {
  const sizes = quick ? { feeds: 6, items: 40, runs: 2 } : { feeds: 24, items: 50, runs: 3 };
  return { feeds: generateFeeds({ seed, feeds: sizes.feeds, itemsPerFeed: sizes.items }), runs: sizes.runs, items: sizes.feeds * sizes.items };
}

export const ingestSuite: Suite = {
  name: 'ingest',
  description: 'pipeline (decode, parse, normalize, tag, persist) vs rss-parser vs saxes, articles/s and MB/s',
  async run(ctx) {
    const { feeds, runs, items: articles } = ingestCorpus(ctx.quick, ctx.seed);
    const bytes = feeds.reduce((n, f) => n + f.bytes.byteLength, 0);
    const mb = bytes / MB;
    ctx.log(`ingest: ${feeds.length} feeds (RSS 2.0, Atom, RSS 1.0), ${articles} items, ${mb.toFixed(1)} MB`);
    const decoder = new TextDecoder();
    const rssParser = new Parser();
    const floor = async () => {
      for (const f of feeds) saxesPass(decoder.decode(f.bytes));
    };
    const raw = async () => {
      for (const f of feeds) await rssParser.parseString(decoder.decode(f.bytes));
    };
    let pipeline: IngestPipeline | undefined;
    let missing: string | undefined;
    try {
      pipeline = await createIngestPipeline(feeds);
    } catch (err) {
      missing = (err as Error).message;
    }
    let produced = articles;
    if (pipeline) {
      const sample = await pipeline.processAll();
      produced = sample.reduce((n, d) => n + d.articles.length, 0);
      if (produced !== articles) ctx.log(`  note: the pipeline produced ${produced} articles from ${articles} items`);
    }
    // Rounds interleave the four measurements, so drift (JIT, GC, a busy neighbour on a shared
    // machine) falls on all of them alike; round 0 is the warm-up.
    const samples = { floor: [] as number[], raw: [] as number[], normalize: [] as number[], store: [] as number[] };
    let fileNo = 0;
    for (let round = 0; round <= runs; round++) {
      const keep = <T extends number>(list: number[], ms: T) => round > 0 && list.push(ms);
      keep(samples.floor, (await timeOnce(floor)).ms);
      keep(samples.raw, (await timeOnce(raw)).ms);
      if (!pipeline) continue;
      keep(samples.normalize, (await timeOnce(pipeline.processAll)).ms);
      try {
        // A fresh SQLite file per run, so every upsert is an insert (as on a first fetch).
        keep(samples.store, await pipeline.ingestInto(`sqlite://${join(ctx.tmpDir, `ingest-${fileNo++}.sqlite`)}`));
      } catch (err) {
        missing = `pipeline + store: ${(err as Error).message}`;
        pipeline = undefined;
      }
    }
    const ms = (list: number[]) => median(list);
    ctx.log(`  medians of ${runs} interleaved rounds: saxes ${ms(samples.floor).toFixed(0)} ms, rss-parser ${ms(samples.raw).toFixed(0)} ms, pipeline ${ms(samples.normalize).toFixed(0)} ms, pipeline + store ${ms(samples.store).toFixed(0)} ms`);
    const floorMBs = mb / (ms(samples.floor) / 1000);
    const rawMBs = mb / (ms(samples.raw) / 1000);
    const rows: Figure[] = [
      figure({ suite: 'ingest', name: 'rss-parser parseString', value: rawMBs, unit: 'MB/s', baseline: { name: 'saxes floor', value: floorMBs, unit: 'MB/s' }, ratio: ratio(rawMBs, floorMBs) }),
    ];
    if (!pipeline || samples.store.length === 0) return [...rows, skipped('ingest', 'pipeline', missing ?? 'not measured')];
    const normMBs = mb / (ms(samples.normalize) / 1000);
    const pipeMBs = mb / (ms(samples.store) / 1000);
    const rawItems = articles / (ms(samples.raw) / 1000);
    const pipeArticles = produced / (ms(samples.store) / 1000);
    return [
      ...rows,
      figure({ suite: 'ingest', name: 'pipeline, no store', value: normMBs, unit: 'MB/s', baseline: { name: 'rss-parser', value: rawMBs, unit: 'MB/s' }, ratio: ratio(normMBs, rawMBs) }),
      figure({
        suite: 'ingest',
        name: 'pipeline + sqlite store',
        value: pipeMBs,
        unit: 'MB/s',
        baseline: { name: 'rss-parser', value: rawMBs, unit: 'MB/s' },
        ratio: ratio(pipeMBs, rawMBs),
        target: { on: 'ratio', op: '>=', limit: 0.5 },
        note: `${articles} items in ${feeds.length} feeds, ${mb.toFixed(1)} MB; medians of ${runs} interleaved rounds after a warm-up round`,
      }),
      figure({ suite: 'ingest', name: 'pipeline + sqlite store', value: pipeArticles, unit: 'articles/s', baseline: { name: 'rss-parser', value: rawItems, unit: 'items/s' }, ratio: ratio(pipeArticles, rawItems) }),
    ];
  },
};

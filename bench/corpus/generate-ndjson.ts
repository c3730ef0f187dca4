/**
 * N synthetic articles as NDJSON in the shape `newsgate preview --json` prints them (one
 * Article per line, what `newsgate store import` reads), from the seeded corpus
 * (build-articles.ts) with the catalog's entity ids, so imported articles are found by the
 * same filters as real ones. About 25-40k lines a second on one core.
 *
 *   node --import tsx bench/corpus/generate-ndjson.ts --count 200000 --out /tmp/200k.ndjson [--seed 1] [--bodies lean]
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { EntityCatalog } from '../../src/model/catalog.ts';
import { articleToLine } from '../../src/cli/transfer/article-line.ts';
import { createCatalog } from '../../src/normalize/gazetteer/catalog.ts';
import { DEFAULT_DATA_DIR } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import { loadDictionaries } from '../../src/normalize/gazetteer/load-dictionaries.ts';
import { idMapFromCatalog } from '../lib/newsgate.ts';
import { articleBatches } from './build-articles.ts';

export interface NdjsonOptions {
  readonly count: number;
  readonly seed?: number;
  readonly bodies?: 'full' | 'lean';
  /** Index of the first story: another range gives other articles. */
  readonly firstIndex?: number;
  readonly catalog?: EntityCatalog;
}

/** The catalog of data/ (no tagger). */
export async function defaultCatalog(): Promise<EntityCatalog> {
  return createCatalog(await loadDictionaries({ dataDir: DEFAULT_DATA_DIR, extraFiles: [] }));
}

/** Chunks of NDJSON text (1,000 lines each), deterministic for the seed. */
export async function* ndjsonChunks(options: NdjsonOptions): AsyncGenerator<string> {
  const catalog = options.catalog ?? (await defaultCatalog());
  const { ids } = idMapFromCatalog(catalog);
  for (const batch of articleBatches({ seed: options.seed ?? 1, count: options.count, ids, bodies: options.bodies ?? 'full', firstIndex: options.firstIndex ?? 0 })) {
    let text = '';
    for (const a of batch) text += `${articleToLine(a, catalog, { id: a.feedId, title: `Desk ${a.feedId}`, siteUrl: `https://${a.feedId}.example.org/` })}\n`;
    yield text;
  }
}

/** Writes `count` lines to `file`; resolves with the bytes written. */
export async function writeNdjson(file: string, options: NdjsonOptions): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  for await (const chunk of ndjsonChunks(options)) {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return bytes;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' }, bodies: { type: 'string', default: 'full' } } });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || !values.out || (values.bodies !== 'full' && values.bodies !== 'lean')) {
    console.error('usage: node --import tsx bench/corpus/generate-ndjson.ts --count N --out FILE [--seed 1] [--bodies full|lean]');
    process.exit(2);
  }
  const started = Date.now();
  const bytes = await writeNdjson(values.out, { count, seed: Number(values.seed), bodies: values.bodies });
  console.error(`wrote ${count} articles (${(bytes / 1048576).toFixed(1)} MiB) to ${values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

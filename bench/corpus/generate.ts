/**
 * The seeded synthetic corpus of the benchmarks (issue 6): realistic security-news stories
 * rendered as RSS 2.0, Atom and RSS 1.0 feeds and as plain texts, and Article objects built
 * directly for the store runs. Everything is a function of the seed, so two runs (or two
 * machines) measure the same bytes.
 *
 * Run `node --import tsx bench/corpus/generate.ts [--seed N] [--out DIR]` to write a sample
 * corpus to disk for inspection (default DIR: <tmpdir>/newsgate-corpus).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRng } from '../lib/prng.ts';
import { renderFeed, type FeedMeta, type SyntheticFormat } from './render-feed.ts';
import { DEFAULT_WINDOW, generateStory, storyPlainText, type Story, type TimeWindow } from './story.ts';

export { articleBatches, articleFromStory, IDENTITY_IDS, type IdMap, type BuildOptions } from './build-articles.ts';
export { generateStory, storyHtml, storyPlainText, type Story } from './story.ts';
export { renderFeed, type SyntheticFormat } from './render-feed.ts';

/** One generated feed document. */
export interface SyntheticFeed {
  readonly meta: FeedMeta;
  readonly format: SyntheticFormat;
  readonly stories: readonly Story[];
  readonly xml: string;
  /** UTF-8 bytes of `xml`, what the pipeline receives from fetch. */
  readonly bytes: Uint8Array;
}

export interface FeedCorpusOptions {
  readonly seed: number;
  readonly feeds: number;
  readonly itemsPerFeed: number;
  readonly window?: TimeWindow;
}

const FORMATS: readonly SyntheticFormat[] = ['rss2', 'atom', 'rss1'];

/** `feeds` documents of `itemsPerFeed` items each, cycling through RSS 2.0, Atom and RSS 1.0. */
export function generateFeeds(options: FeedCorpusOptions): SyntheticFeed[] {
  const rng = createRng(options.seed);
  const window = options.window ?? DEFAULT_WINDOW;
  const out: SyntheticFeed[] = [];
  let index = 0;
  for (let f = 0; f < options.feeds; f++) {
    const format = FORMATS[f % FORMATS.length] as SyntheticFormat;
    const meta: FeedMeta = { id: `bench-${f}`, title: `Bench Wire ${f}`, site: `https://bench-${f}.example.org` };
    const stories: Story[] = [];
    for (let i = 0; i < options.itemsPerFeed; i++) stories.push(generateStory(rng, index++, window));
    const xml = renderFeed(format, meta, stories);
    out.push({ meta, format, stories, xml, bytes: Buffer.from(xml, 'utf8') });
  }
  return out;
}

/** `count` stories as the plain texts a tagger sees (title, summary, content). */
export function generateTexts(seed: number, count: number): { title: string; summary: string; content: string }[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => storyPlainText(generateStory(rng, i)));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const seed = Number(args[args.indexOf('--seed') + 1] ?? 1) || 1;
  const fallback = join(tmpdir(), 'newsgate-corpus');
  const out = args.includes('--out') ? (args[args.indexOf('--out') + 1] ?? fallback) : fallback;
  mkdirSync(out, { recursive: true });
  for (const feed of generateFeeds({ seed, feeds: 3, itemsPerFeed: 10 })) {
    writeFileSync(join(out, `${feed.meta.id}.${feed.format}.xml`), feed.xml);
  }
  writeFileSync(join(out, 'texts.json'), JSON.stringify(generateTexts(seed, 5), null, 2));
  console.log(`wrote a sample corpus (seed ${seed}) to ${out}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

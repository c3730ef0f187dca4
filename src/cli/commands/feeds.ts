/**
 * `newsgate feeds check|add|import|export|refetch-text`: the operator's tools for feeds.json. `check` prints
 * the same messages start-up would; `add` fetches the feed once and shows what it would ingest
 * before writing the entry; `import`/`export` speak OPML.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readEnv } from '../../config/env.ts';
import { appendFeeds, type FeedEntry, freeId } from '../../config/edit-feeds-file.ts';
import { readFeedsFile } from '../../config/feeds-file.ts';
import { assertFeedReferences } from '../../config/check-references.ts';
import { type OpmlEntry, type OpmlFeed, parseOpml, slugForFeed, toOpml } from '../../config/opml.ts';
import { asNewsgateError, ErrorCode, NewsgateError } from '../../model/errors.ts';
import { EXIT, type CliIo } from '../cli-io.ts';
import { findFeedLinks } from '../../ingest/discover/feed-links.ts';
import { loadDocument } from '../load-document.ts';
import { loadTagger, processLoaded } from '../preview-feed.ts';
import { FEEDS_USAGE } from '../usage.ts';
import { runRefetchText } from './refetch-text.ts';

const list = (v: string | undefined): string[] | undefined => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

/** Runs a `feeds` subcommand; returns the exit code. */
export async function runFeeds(argv: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  let file: string;
  try {
    file = path.resolve(io.cwd, readEnv(io.env).feedsFile);
  } catch (err) {
    io.stderr(`${(err as Error).message}\n`);
    return EXIT.USAGE;
  }
  try {
    switch (sub) {
      case 'check':
        return await check(file, io);
      case 'add':
        return await add(file, rest, io);
      case 'import':
        return importOpml(file, rest, io);
      case 'export':
        return exportOpml(file, rest, io);
      case 'refetch-text':
        return await runRefetchText(file, rest, io);
      default:
        io.stderr(`${FEEDS_USAGE}\n`);
        return EXIT.USAGE;
    }
  } catch (err) {
    const error = asNewsgateError(err);
    io.stderr(`newsgate feeds ${sub}: ${error.message}\n`);
    return err instanceof NewsgateError && error.code === 'CONFIG_INVALID' ? EXIT.USAGE : EXIT.PROBLEM;
  }
}

async function check(file: string, io: CliIo): Promise<number> {
  const settings = readFeedsFile(file);
  assertFeedReferences(settings, (await loadTagger(io)).catalog);
  const enabled = settings.feeds.filter((f) => f.enabled).length;
  io.stdout(`${file}: ok, ${settings.feeds.length} feeds (${enabled} enabled)\n`);
  return EXIT.OK;
}

async function add(file: string, argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      title: { type: 'string' },
      tags: { type: 'string' },
      regions: { type: 'string' },
      language: { type: 'string' },
      interval: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const url = positionals[0];
  if (!url) {
    io.stderr(`${FEEDS_USAGE}\n`);
    return EXIT.USAGE;
  }
  const settings = readFeedsFile(file);
  const existing = settings.feeds.find((f) => f.url === url);
  if (existing) {
    io.stderr(`${url} is already in ${file} as "${existing.id}"\n`);
    return EXIT.PROBLEM;
  }
  const { tagger } = await loadTagger(io);
  const id = values.id ?? 'new-feed';
  const feed = { id, url, tags: list(values.tags) ?? [], regions: list(values.regions) ?? [], intervalMinutes: 15, enabled: true, headers: {}, allowFile: false };
  const document = await loadDocument(url, { cwd: io.cwd });
  let result: Awaited<ReturnType<typeof processLoaded>>;
  try {
    result = await processLoaded(document, feed, tagger);
  } catch (err) {
    if (!(err instanceof NewsgateError && err.code === ErrorCode.PARSE_NOT_A_FEED)) throw err;
    // A web page, not a feed: offer the feeds it announces.
    const links = findFeedLinks(new TextDecoder().decode(document.bytes), document.url);
    if (links.length === 0) {
      io.stderr(`${url} is a web page, not a feed, and it announces no feed (no <link rel="alternate" type="application/rss+xml|atom+xml|feed+json">). Find the feed's own URL on the site and run: newsgate feeds add <feed URL>\n`);
      return EXIT.PROBLEM;
    }
    if (links.length > 1 || settings.feeds.some((f) => f.url === links[0]!.url)) {
      io.stdout(`${url} is a web page; it announces ${links.length} feed${links.length === 1 ? '' : 's'}:\n`);
      for (const link of links) io.stdout(`  ${link.url}  (${link.format}${link.title ? `, "${link.title}"` : ''})\n`);
      io.stdout(`add one with: newsgate feeds add <one of these URLs>\n`);
      return EXIT.PROBLEM;
    }
    io.stdout(`${url} is a web page; using the feed it announces: ${links[0]!.url}\n`);
    return add(file, [links[0]!.url, ...argv.filter((a) => a !== url)], io);
  }
  const { processed, notes, finalUrl } = result;
  const loaded = { notes, url: finalUrl };
  const title = values.title ?? processed.parsed.title ?? undefined;
  const entry: FeedEntry = {
    id: values.id ?? freeId(slugForFeed(title, url), new Set(settings.feeds.map((f) => f.id))),
    url: loaded.notes.length > 0 ? loaded.url : url,
    ...(title ? { title } : {}),
    ...(list(values.tags) ? { tags: list(values.tags)! } : {}),
    ...(list(values.regions) ? { regions: list(values.regions)! } : {}),
    ...(values.language ?? processed.parsed.language?.slice(0, 2).toLowerCase()
      ? { language: (values.language ?? processed.parsed.language!.slice(0, 2)).toLowerCase() }
      : {}),
    ...(values.interval ? { intervalMinutes: Number(values.interval) } : {}),
  };
  io.stdout(`${processed.parsed.title ?? url} [${processed.parsed.format}, ${processed.encoding}]: ${processed.articles.length} articles\n`);
  for (const a of processed.articles.slice(0, 5)) io.stdout(`  - ${a.publishedAt.slice(0, 10)}  ${a.title}\n`);
  for (const w of [...loaded.notes, ...processed.warnings].slice(0, 10)) io.stdout(`  warning: ${w}\n`);
  io.stdout(`entry: ${JSON.stringify(entry)}\n`);
  if (values['dry-run']) {
    io.stdout('dry run: feeds.json not changed\n');
    return EXIT.OK;
  }
  appendFeeds(file, [entry]);
  io.stdout(`added "${entry.id}" to ${file}\n`);
  return EXIT.OK;
}

function importOpml(file: string, argv: readonly string[], io: CliIo): number {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false } } });
  const source = positionals[0];
  if (!source) {
    io.stderr(`${FEEDS_USAGE}\n`);
    return EXIT.USAGE;
  }
  const outlines = parseOpml(readFileSync(path.resolve(io.cwd, source), 'utf8'));
  const settings = readFeedsFile(file);
  const urls = new Set(settings.feeds.map((f) => f.url));
  const ids = new Set(settings.feeds.map((f) => f.id));
  const entries: FeedEntry[] = [];
  let skipped = 0;
  for (const o of outlines) {
    if (urls.has(o.xmlUrl)) {
      skipped++;
      continue;
    }
    if (o.entryError) io.stdout(`  warning: ${o.xmlUrl}: ${o.entryError}; imported from its standard attributes only\n`);
    const entry = entryFromOutline(o, ids);
    if (o.entry && o.entry.id !== entry.id) io.stdout(`  warning: id "${String(o.entry.id)}" is taken in ${file}; imported as "${entry.id}" (article ids of this feed change)\n`);
    ids.add(entry.id);
    urls.add(o.xmlUrl);
    entries.push(entry);
  }
  for (const e of entries) io.stdout(`  + ${e.id}  ${e.url}\n`);
  io.stdout(`${entries.length} new feeds, ${skipped} already present\n`);
  if (!values['dry-run'] && entries.length > 0) {
    appendFeeds(file, entries);
    io.stdout(`written to ${file}\n`);
  }
  return EXIT.OK;
}

/**
 * The feeds.json entry an outline stands for: the entry newsgate exported (`newsgate:entry`)
 * when there is one, so ids, language, regions and interval come back as they were; otherwise
 * one built from the standard attributes (tags from `category` and the enclosing folders).
 */
function entryFromOutline(o: OpmlFeed, ids: ReadonlySet<string>): FeedEntry {
  if (o.entry && typeof o.entry.id === 'string') {
    const id = ids.has(o.entry.id) ? freeId(o.entry.id, ids) : o.entry.id;
    return { ...(o.entry as Partial<FeedEntry>), id, url: o.xmlUrl } as FeedEntry;
  }
  const id = freeId(slugForFeed(o.title, o.xmlUrl), ids);
  const tags = [...new Set([...o.categories, ...o.folders.map((f) => f.toLowerCase())])];
  return { id, url: o.xmlUrl, ...(o.title ? { title: o.title } : {}), ...(tags.length ? { tags } : {}) };
}

function exportOpml(file: string, argv: readonly string[], io: CliIo): number {
  const { values } = parseArgs({ args: [...argv], options: { out: { type: 'string' } } });
  const settings = readFeedsFile(file);
  // The entries as written (defaults not baked in), so an import gives back the same file entries.
  const written = (JSON.parse(readFileSync(file, 'utf8')) as { feeds: OpmlEntry[] }).feeds;
  const opml = toOpml(written);
  if (values.out) {
    writeFileSync(path.resolve(io.cwd, values.out), opml);
    io.stdout(`${settings.feeds.length} feeds written to ${values.out}\n`);
  } else io.stdout(opml);
  return EXIT.OK;
}

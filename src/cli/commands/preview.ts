/**
 * `newsgate preview <url|file> [--content-type "text/xml; charset=…"] [--json] [--id ID]
 * [--language xx] [--regions IQ,SY] [--tags a,b]`: prints what a feed becomes, through the same
 * code as ingestion (processDocument) and without a store, so an operator can see a feed before
 * adding it.
 */
import { parseArgs } from 'node:util';
import type { Article } from '../../model/article.ts';
import { asNewsgateError, ErrorCode } from '../../model/errors.ts';
import type { FeedConfig } from '../../model/feed.ts';
import { EXIT, type CliIo } from '../cli-io.ts';
import { PREVIEW_USAGE } from '../usage.ts';
import { loadTagger, previewFeed } from '../preview-feed.ts';
import { type PreviewDocument, toPreviewArticle } from '../preview-json.ts';


const list = (v: string | undefined): string[] => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

/** Runs the command; returns the exit code (0 ok, 1 the feed could not be read, 2 bad usage). */
export async function runPreview(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'content-type': { type: 'string' },
        json: { type: 'boolean', default: false },
        id: { type: 'string', default: 'preview' },
        language: { type: 'string' },
        regions: { type: 'string' },
        tags: { type: 'string' },
        limit: { type: 'string' },
      },
    });
  } catch (err) {
    io.stderr(`${(err as Error).message}\n${PREVIEW_USAGE}\n`);
    return EXIT.USAGE;
  }
  const target = parsed.positionals[0];
  if (!target || parsed.positionals.length > 1) {
    io.stderr(`${PREVIEW_USAGE}\n`);
    return EXIT.USAGE;
  }
  const { values } = parsed;
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  if (!Number.isInteger(limit) && limit !== Infinity || limit < 0) {
    io.stderr(`--limit must be a whole number, got "${values.limit}"\n${PREVIEW_USAGE}\n`);
    return EXIT.USAGE;
  }
  const feed: FeedConfig = {
    id: values.id,
    url: target,
    tags: list(values.tags),
    regions: list(values.regions),
    ...(values.language ? { language: values.language } : {}),
    intervalMinutes: 15,
    enabled: true,
    headers: {},
    allowFile: true,
  };
  const document: PreviewDocument = {
    feed: { title: null, link: null, language: null, format: null, encoding: null, warnings: [] },
    articles: [],
  };
  let articles: Article[] = [];
  let failed = false;
  const { tagger, catalog } = await loadTagger(io);
  try {
    const { processed, notes } = await previewFeed(target, feed, tagger, { cwd: io.cwd, ...(values['content-type'] ? { contentType: values['content-type'] } : {}) });
    document.feed.warnings.push(...notes);
    Object.assign(document.feed, {
      title: processed.parsed.title,
      link: processed.parsed.link,
      language: processed.parsed.language,
      format: processed.parsed.format,
      encoding: processed.encoding,
    });
    document.feed.warnings.push(...processed.warnings);
    articles = processed.articles;
  } catch (err) {
    const error = asNewsgateError(err, ErrorCode.PARSE_MALFORMED);
    document.feed.warnings.push(`${error.code}: ${error.message}`);
    failed = true;
  }
  const source = { id: feed.id, title: document.feed.title, siteUrl: document.feed.link };
  document.articles = articles.slice(0, limit).map((a) => toPreviewArticle(a, catalog, source));
  if (values.json) io.stdout(`${JSON.stringify(document, null, 2)}\n`);
  else io.stdout(renderText(document));
  if (failed && !values.json) io.stderr(`newsgate: could not read ${target}\n`);
  return failed ? EXIT.PROBLEM : EXIT.OK;
}

/** The human-readable listing. */
function renderText(doc: PreviewDocument): string {
  const f = doc.feed;
  const lines = [
    `${f.title ?? '(no title)'}  [${f.format ?? 'unknown format'}, ${f.encoding ?? '?'}${f.language ? `, ${f.language}` : ''}]`,
    f.link ? `  ${f.link}` : '',
    `  ${doc.articles.length} article${doc.articles.length === 1 ? '' : 's'}`,
    ...f.warnings.map((w) => `  warning: ${w}`),
    '',
  ];
  for (const a of doc.articles) {
    lines.push(`- ${a.publishedAt}${a.dateSource === 'feed' ? '' : ` (${a.dateSource})`}  ${a.title}`);
    if (a.url) lines.push(`    ${a.url}`);
    const names = (xs: { name: string; mentions: number }[]) => xs.map((x) => `${x.name} ×${x.mentions}`).join(', ');
    if (a.actors.length) lines.push(`    actors:  ${names(a.actors)}`);
    if (a.regions.length) lines.push(`    regions: ${names(a.regions)}`);
    if (a.topics.length) lines.push(`    topics:  ${a.topics.map((t) => t.name).join(', ')}`);
    if (a.translatorNotes.length) lines.push(`    translator notes: ${a.translatorNotes.length}`);
    if (a.comments.length) lines.push(`    reader comments set aside: ${a.comments.length}`);
  }
  return `${lines.filter((l, i) => l !== '' || i === lines.length - 1).join('\n')}\n`;
}

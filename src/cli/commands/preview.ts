/**
 * `newsgate preview <url|file|feed-id> [--content-type "text/xml; charset=…"] [--json] [--id ID]
 * [--language xx] [--regions IQ,SY] [--tags a,b] [--full-text [--selector CSS] [--remove CSS]…]`:
 * prints what a feed becomes, through the same code as ingestion (processDocument, and the
 * full-text stages for `--full-text`) and without a store, so an operator can see a feed, or a
 * full-text rule, before saving it. A feed id of feeds.json previews that feed with its config.
 */
import { parseArgs } from 'node:util';
import type { Article } from '../../model/article.ts';
import { asNewsgateError, ErrorCode } from '../../model/errors.ts';
import type { FeedConfig, FullTextRule } from '../../model/feed.ts';
import { selectorProblem } from '../../fulltext/extract/check-selector.ts';
import { previewFullText, type PreviewFullText } from '../preview-full-text.ts';
import { EXIT, type CliIo } from '../cli-io.ts';
import { configuredFeed, configuredFetch, loadTagger, previewFeed } from '../preview-feed.ts';
import { type PreviewDocument, toPreviewArticle } from '../preview-json.ts';
import { PREVIEW_USAGE } from '../usage.ts';

/** Pages fetched by \`--full-text\` when no --limit is given: a preview, not a crawl. */
export const FULL_TEXT_PREVIEW_LIMIT = 5;

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
        'full-text': { type: 'boolean', default: false },
        selector: { type: 'string' },
        remove: { type: 'string', multiple: true },
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
  const wantsFullText = values['full-text'] || values.selector !== undefined || values.remove !== undefined;
  for (const selector of [values.selector, ...(values.remove ?? [])]) {
    const problem = selector === undefined ? undefined : selectorProblem(selector);
    if (problem) {
      io.stderr(`"${selector}" is not a valid CSS selector: ${problem}\n${PREVIEW_USAGE}\n`);
      return EXIT.USAGE;
    }
  }
  const configured = configuredFeed(io, target);
  const feed: FeedConfig = configured
    ? { ...configured, allowFile: true }
    : {
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
  // The command line's rule, else the feed's own (feeds.json), else automatic extraction.
  const rule: FullTextRule | undefined = !wantsFullText
    ? undefined
    : values.selector !== undefined || values.remove !== undefined
      ? { ...(values.selector !== undefined ? { selector: values.selector } : {}), remove: values.remove ?? [] }
      : (feed.fullText ?? { remove: [] });
  const document: PreviewDocument = {
    feed: { title: null, link: null, language: null, format: null, encoding: null, warnings: [] },
    articles: [],
  };
  let articles: Article[] = [];
  let failed = false;
  const { tagger, catalog } = await loadTagger(io);
  try {
    const { processed, notes } = await previewFeed(feed.url, feed, tagger, { cwd: io.cwd, ...(values['content-type'] ? { contentType: values['content-type'] } : {}) });
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
  articles = articles.slice(0, rule && values.limit === undefined ? FULL_TEXT_PREVIEW_LIMIT : limit);
  let reports: PreviewFullText[] = [];
  if (rule && articles.length > 0) {
    ({ articles, reports } = await previewFullText(articles, feed, rule, { fetch: configuredFetch(io), tagger }));
  }
  document.articles = articles.map((a, i) => ({ ...toPreviewArticle(a, catalog, source), ...(reports[i] ? { fullText: reports[i] } : {}) }));
  if (values.json) io.stdout(`${JSON.stringify(document, null, 2)}\n`);
  else io.stdout(renderText(document));
  if (failed && !values.json) io.stderr(`newsgate: could not read ${target}\n`);
  return failed ? EXIT.PROBLEM : EXIT.OK;
}

/** The first lines of a text, cut to a few hundred characters, for the listing. */
function excerpt(text: string, max = 400): string[] {
  const cut = text.length > max ? `${text.slice(0, max).trimEnd()}…` : text;
  return cut.split(/\n+/).filter((l) => l.trim() !== '');
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
    if (a.fullText?.status === 'page') {
      lines.push(`    full text: ${a.fullText.pageChars} characters from the page (the feed had ${a.fullText.feedChars}; ${a.fullText.encoding})`);
      lines.push(...excerpt(a.content).map((l) => `      | ${l}`));
    } else if (a.fullText) {
      lines.push(`    full text: kept the feed's text (${a.fullText.reason}): ${a.fullText.message}`);
    }
  }
  return `${lines.filter((l, i) => l !== '' || i === lines.length - 1).join('\n')}\n`;
}

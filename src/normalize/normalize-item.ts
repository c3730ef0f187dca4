/**
 * One raw feed item → one Article (the contract of normalize.types.ts). Composes the cleaning
 * steps, dates, language, ids and the tagger. Pure: no I/O and no clock (`ctx.fetchedAt` is
 * "now"), so the same item and context always give the same Article, and re-fetching an
 * unchanged item yields the same id and content hash.
 *
 * The tagger sees only the cleaned title, summary, content and tags: translator notes, page
 * chrome and reader comments are taken out before it is called, and kept in
 * `translatorNotes`/`comments` for the analyst.
 */
import { extractStatements } from './statements/extract-statements.ts';
import type { Article } from '../model/article.ts';
import { articleId, contentHash, foldText, storyKey } from '../model/ids.ts';
import type { RawItem } from '../model/raw-feed.ts';
import { canonicalUrl } from '../model/url.ts';
import { cleanAuthors } from './clean/clean-authors.ts';
import { cleanBody, type CleanedBody } from './clean/clean-body.ts';
import { cleanTags } from './clean/clean-tags.ts';
import { sanitizeBody } from './clean/sanitize-html.ts';
import { plainText, truncateWords } from './clean/text.ts';
import { extractTranslatorNotes } from './clean/translator-notes.ts';
import { parseFeedDate, type ParsedDate } from './dates/parse-date.ts';
import { resolveLanguage } from './language.ts';
import type { IsUnchanged, NormalizeContext, NormalizedItem, UnchangedItem } from './normalize.types.ts';
import { pickImage } from './pick-image.ts';

/** A summary made from the content when the feed gives none is cut to this many characters. */
export const DERIVED_SUMMARY_LENGTH = 300;
/** A title made from the text when the feed gives none is cut to this many characters. */
export const DERIVED_TITLE_LENGTH = 100;

/** Normalises one item. Throws only on a programming error; every data problem is a warning. */
export function normalizeItem(raw: RawItem, ctx: NormalizeContext): NormalizedItem {
  return normalizeIfChanged(raw, ctx, () => false) as NormalizedItem;
}

/**
 * Like {@link normalizeItem}, but stops before tagging and HTML sanitising when `isUnchanged`
 * says the store already holds the article with the same content hash (ingestion's path).
 */
export function normalizeIfChanged(raw: RawItem, ctx: NormalizeContext, isUnchanged: IsUnchanged): NormalizedItem | UnchangedItem {
  const warnings: string[] = [];
  const label = itemLabel(raw);
  const warn = (message: string): void => {
    warnings.push(`item ${label}: ${message}`);
  };

  // Link: the item's own, else a guid that is a URL.
  let url = canonicalUrl(raw.link, ctx.documentUrl);
  if (raw.link && url === null) warn(`link "${raw.link}" is not an http(s) URL; ignored`);
  if (url === null && raw.guid && /^https?:\/\//i.test(raw.guid)) {
    url = canonicalUrl(raw.guid);
    if (url) warn('no link; used the guid, which is a URL');
  }
  const base = url ?? ctx.documentUrl;

  // Title, with its translator notes taken out.
  const titleNotes = extractTranslatorNotes(plainText(raw.title));
  let title = titleNotes.text;

  // Summary and content, cleaned.
  const summaryBody = raw.summaryHtml ? cleanBody(raw.summaryHtml, { title }) : null;
  const contentSource = raw.contentHtml?.trim() ? raw.contentHtml : (raw.summaryHtml ?? '');
  const contentBody = contentSource === raw.summaryHtml && summaryBody ? summaryBody : cleanBody(contentSource, { title });
  const content = contentBody.paragraphs.join('\n\n');
  let summary = summaryBody ? summaryBody.paragraphs.join(' ') : '';
  if (summary === '' && content !== '') summary = truncateWords(content.replace(/\s+/g, ' '), DERIVED_SUMMARY_LENGTH);
  if (title === '') {
    title = truncateWords(summary || content.replace(/\s+/g, ' '), DERIVED_TITLE_LENGTH);
    warn(title === '' ? 'no title and no text' : 'no title; made one from the text');
  }

  const translatorNotes = unique([...titleNotes.notes, ...(summaryBody?.translatorNotes ?? []), ...contentBody.translatorNotes]);
  const comments = unique([...(summaryBody?.comments ?? []), ...contentBody.comments]);

  // Dates.
  const dateOptions = { now: ctx.fetchedAt, ...(ctx.feed.timezone ? { timezone: ctx.feed.timezone } : {}) };
  const published = parseFeedDate(raw.published, dateOptions);
  const updated = parseFeedDate(raw.updated, dateOptions);
  if (raw.published && published === null) warn(`unreadable published date "${raw.published}"`);
  if (raw.updated && updated === null) warn(`unreadable updated date "${raw.updated}"`);
  const chosen: ParsedDate | null = published ?? updated;
  if (published === null && updated !== null) warn('no usable published date; used the updated date');
  if (chosen === null) warn('no usable date; used the fetch time');
  if (chosen?.source === 'clamped') warn('date in the future; clamped to the fetch time');
  const publishedAt = (chosen?.date ?? ctx.fetchedAt).toISOString();
  const updatedAt = updated ? updated.date.toISOString() : null;

  // Language, authors, tags, image.
  const language = resolveLanguage({
    item: raw.language,
    feed: ctx.feedLanguage,
    config: ctx.feed.language,
    text: [title, summary, content].join('\n'),
  });
  if (language.warning) warn(language.warning);
  const authors = cleanAuthors(raw.authors);
  const tags = cleanTags(raw.categories, ctx.feed.tags);
  const imageUrl = pickImage(raw.enclosures, contentBody.images, base);

  const id = articleId(ctx.feed.id, { guid: raw.guid, url, title: plainText(raw.title) || title, published: raw.published });
  // The tagger's version is part of the hash: new dictionaries make every article "changed".
  const hash = contentHash({ title, summary, content, url, authors, tags, imageUrl, updatedAt, tagger: ctx.tagger.version ?? '' });
  if (isUnchanged(id, hash)) return { unchanged: true, id, warnings };
  const contentHtml = renderHtml(contentSource, contentBody, base);

  // Entities, from the cleaned text only.
  const taggedSummary = summaryForTagger(summary, content);
  const tagged = ctx.tagger.tag({ title, summary: taggedSummary, content, tags }, { regions: ctx.feed.regions, tags: ctx.feed.tags });
  // Claims, quotes and figures read the same cleaned text and the tagger's actor mentions (issue 14).
  const statements = extractStatements({ title, summary: taggedSummary, content }, tagged.evidence, (actorId) => ctx.tagger.describeActor?.(actorId), tagged.stateMentions);

  const article: Article = {
    id,
    feedId: ctx.feed.id,
    guid: raw.guid?.trim() || null,
    url,
    title,
    summary,
    authors,
    publishedAt,
    updatedAt,
    fetchedAt: ctx.fetchedAt.toISOString(),
    dateSource: chosen === null ? 'fetched' : chosen.source,
    language: language.language,
    tags,
    topics: tagged.topics,
    actors: tagged.actors,
    regions: tagged.regions,
    imageUrl,
    storyId: storyKey(title, url),
    contentHash: hash,
    content,
    contentHtml,
    translatorNotes,
    comments,
    evidence: tagged.evidence,
    dateline: tagged.dateline ?? null,
    claims: statements.claims,
    quotes: statements.quotes,
    figures: statements.figures,
  };
  return { article, candidates: tagged.candidates, warnings };
}

/**
 * The summary as the tagger should see it: empty when it only repeats the start of the content
 * (the usual RSS description), so a lead is not counted twice; the article keeps it either way.
 */
export function summaryForTagger(summary: string, content: string): string {
  const folded = foldText(summary);
  if (folded === '') return '';
  return foldText(content).includes(folded) ? '' : summary;
}

/** The sanitised HTML of the body; plain-text bodies become escaped paragraphs. */
function renderHtml(source: string, body: CleanedBody, base: string): string {
  if (source.trim() === '') return '';
  if (/<[a-z!/]/i.test(source)) return sanitizeBody(source, { base, removed: body.removed, tailStart: body.tailStart });
  return body.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`).join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}

/** How warnings name an item: its title, else link, else guid, cut short. */
function itemLabel(raw: RawItem): string {
  const name = plainText(raw.title) || raw.link || raw.guid || '(no title, link or guid)';
  return `"${truncateWords(name, 60)}"`;
}

/**
 * One Article as one NDJSON line, both ways: what `store export` writes and `store import`
 * reads, in the shape `newsgate preview --json` prints (preview-json.ts). Pure: no I/O.
 *
 * Writing puts the fields in one fixed order (the Article's, then any field a later newsgate
 * added, sorted), so the same article is the same bytes whichever store it came from: an
 * export, imported into an empty store and exported again, gives the same file.
 * Reading checks the whole line against the schema before anything is kept: a line that is not
 * an Article as preview prints it is rejected with the reason, never stored in part.
 */
import { Ajv, type ErrorObject } from 'ajv';
import type { Article, ArticleEvidence, EntityRef, Evidence } from '../../model/article.ts';
import type { EntityCatalog } from '../../model/catalog.ts';
import { toPreviewArticle, type PreviewArticle, type PreviewEntity, type PreviewSource } from '../preview-json.ts';
import { ARTICLE_LINE_SCHEMA } from './article-line-schema.ts';

/** The Article's own fields, in the order lines print them. */
const ARTICLE_FIELDS = [
  'id', 'feedId', 'guid', 'url', 'title', 'summary', 'authors', 'publishedAt', 'updatedAt', 'fetchedAt',
  'dateSource', 'language', 'tags', 'topics', 'actors', 'regions', 'imageUrl', 'storyId', 'contentHash',
  'content', 'contentHtml', 'translatorNotes', 'comments', 'evidence',
  'dateline', 'claims', 'quotes', 'figures',
] as const;
const KNOWN = new Set<string>([...ARTICLE_FIELDS, 'source']);

/** The article with its fields in the fixed order (extra fields last, sorted by name). */
function canonical(article: Article): Article {
  const out: Record<string, unknown> = {};
  for (const key of ARTICLE_FIELDS) out[key] = article[key];
  const record = article as unknown as Record<string, unknown>;
  for (const key of Object.keys(record).filter((k) => !KNOWN.has(k)).sort()) out[key] = record[key];
  return out as unknown as Article;
}

/** The line for one article (without the newline). */
export function articleToLine(article: Article, catalog: EntityCatalog, source: PreviewSource): string {
  return JSON.stringify(toPreviewArticle(canonical(article), catalog, source));
}

const validate = new Ajv({ allErrors: true, strict: false }).compile(ARTICLE_LINE_SCHEMA);

export type LineResult = { readonly ok: true; readonly article: Article } | { readonly ok: false; readonly reason: string };

/**
 * Reads one line. `ok: false` carries what is wrong, in words that say where in the object
 * (`actors[0].mentions must be an integer`) and, for lines of another shape, what to do.
 */
export function parseArticleLine(text: string): LineResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `not JSON (${(err as Error).message}); each line must be one Article object` };
  }
  if (Array.isArray(data)) return { ok: false, reason: 'a JSON array; each line must be one Article object (NDJSON), not a list' };
  if (typeof data !== 'object' || data === null) return { ok: false, reason: `a JSON ${data === null ? 'null' : typeof data}; each line must be one Article object` };
  const record = data as Record<string, unknown>;
  if ('feed' in record && 'articles' in record && !('id' in record)) {
    return { ok: false, reason: "a whole `preview --json` document; import reads one article per line: `newsgate preview --json URL | jq -c '.articles[]' | newsgate store import -`" };
  }
  if (!validate(data)) return { ok: false, reason: describe(validate.errors ?? []) };
  const line = data as unknown as PreviewArticle & Record<string, unknown>;
  if (line.source.id !== line.feedId) {
    return { ok: false, reason: `source.id "${line.source.id}" differs from feedId "${line.feedId}"; they name the same feed` };
  }
  for (const field of ['publishedAt', 'updatedAt', 'fetchedAt'] as const) {
    const value = line[field];
    if (typeof value === 'string' && Number.isNaN(Date.parse(value))) return { ok: false, reason: `${field} "${value}" is not a real date` };
  }
  return { ok: true, article: fromLine(line) };
}

/** The Article a valid line holds: entities back to refs and evidence, dates in UTC. */
function fromLine(line: PreviewArticle & Record<string, unknown>): Article {
  const refs = (list: readonly PreviewEntity[]): EntityRef[] => list.map((e) => ({ id: e.id, mentions: e.mentions, salience: e.salience }));
  const evidenceOf = (list: readonly PreviewEntity[]): Record<string, readonly Evidence[]> => {
    const out: Record<string, readonly Evidence[]> = {};
    for (const e of list) if (e.evidence && e.evidence.length > 0) out[e.id] = e.evidence;
    return out;
  };
  const evidence: ArticleEvidence = { actors: evidenceOf(line.actors), regions: evidenceOf(line.regions), topics: evidenceOf(line.topics) };
  const utc = (iso: string): string => new Date(iso).toISOString();
  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(line)) if (!KNOWN.has(key)) extra[key] = line[key];
  return canonical({
    ...extra,
    id: line.id,
    feedId: line.feedId,
    guid: line.guid,
    url: line.url,
    title: line.title,
    summary: line.summary,
    authors: line.authors,
    publishedAt: utc(line.publishedAt),
    updatedAt: line.updatedAt === null ? null : utc(line.updatedAt),
    fetchedAt: utc(line.fetchedAt),
    dateSource: line.dateSource,
    language: line.language,
    tags: line.tags,
    topics: refs(line.topics),
    actors: refs(line.actors),
    regions: refs(line.regions),
    imageUrl: line.imageUrl,
    storyId: line.storyId,
    contentHash: line.contentHash,
    content: line.content,
    contentHtml: line.contentHtml,
    translatorNotes: line.translatorNotes,
    comments: line.comments,
    evidence,
    // Entities v2: objects in the line, ids in the Article (absent in lines of older newsgates).
    ...(line.dateline === undefined ? {} : { dateline: line.dateline === null ? null : idOf(line.dateline) }),
    ...(line.claims === undefined
      ? {}
      : { claims: line.claims.map((c) => ({ kind: c.kind, actor: idOf(c.actor), by: idOf(c.by), evidence: c.evidence })) }),
    ...(line.quotes === undefined
      ? {}
      : { quotes: line.quotes.map((q) => ({ speaker: idOf(q.speaker), speakerName: q.speakerName, text: q.text, evidence: q.evidence })) }),
    ...(line.figures === undefined ? {} : { figures: line.figures }),
  } as Article);
}

/** The id of an entity object of a line (`{ id, name, kind }`), or of a bare id. */
function idOf(value: { id: string } | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : value.id;
}

/** The first three schema errors, as `where what` in the article's own terms. */
function describe(errors: readonly ErrorObject[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const e of errors) {
    // anyOf/enum noise: report the most specific message once per place.
    if (e.keyword === 'anyOf') continue;
    const at = fieldPath(e.instancePath);
    let text: string;
    if (e.keyword === 'required') text = `missing field "${at ? `${at}.` : ''}${(e.params as { missingProperty: string }).missingProperty}"`;
    else if (e.keyword === 'enum') text = `${at} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    else if (e.keyword === 'pattern' && /At$/.test(at)) text = `${at} must be an ISO 8601 date-time with a zone (e.g. 2026-01-15T08:30:00.000Z)`;
    else text = `${at || 'the line'} ${e.message ?? 'is invalid'}`;
    if (seen.has(text)) continue;
    seen.add(text);
    parts.push(text);
    if (parts.length === 3) break;
  }
  return parts.join('; ') || 'not an Article';
}

/** `/actors/0/mentions` → `actors[0].mentions`. */
function fieldPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

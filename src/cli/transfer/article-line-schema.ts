/**
 * The JSON schema of one line of `newsgate store import`/`export`: an Article exactly as
 * `newsgate preview --json` prints it (src/cli/preview-json.ts `PreviewArticle`): every field of
 * the Article, `source` for the feed, and actors, regions and topics as objects with their
 * evidence. Names and kinds of entities are printed for people and ignored on import (the
 * dictionaries say what an id is). Fields a later newsgate adds are kept as they are.
 */
const nullableString = { type: ['string', 'null'] } as const;
const strings = { type: 'array', items: { type: 'string' } } as const;
/** ISO 8601 with a time and a zone (what `toISOString()` prints, or an offset). */
const instant = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})$' } as const;

const evidence = {
  type: 'object',
  required: ['field', 'alias', 'start', 'end', 'snippet'],
  properties: {
    field: { enum: ['title', 'summary', 'content', 'tags', 'feed'] },
    alias: { type: 'string' },
    start: { type: 'integer', minimum: -1 },
    end: { type: 'integer', minimum: -1 },
    snippet: { type: 'string' },
  },
} as const;

const entity = {
  type: 'object',
  required: ['id', 'mentions', 'salience'],
  properties: {
    id: { type: 'string', minLength: 1 },
    name: { type: 'string' },
    kind: { type: 'string' },
    mentions: { type: 'integer', minimum: 0 },
    salience: { type: 'number', minimum: 0, maximum: 1 },
    evidence: { type: 'array', items: evidence },
  },
} as const;

/** Fields every line must have (the Article's, as preview prints them). */
export const ARTICLE_LINE_REQUIRED = [
  'id', 'feedId', 'guid', 'url', 'title', 'summary', 'authors', 'publishedAt', 'updatedAt', 'fetchedAt',
  'dateSource', 'language', 'tags', 'imageUrl', 'storyId', 'contentHash', 'content', 'contentHtml',
  'translatorNotes', 'comments', 'source', 'actors', 'regions', 'topics',
] as const;

export const ARTICLE_LINE_SCHEMA = {
  type: 'object',
  required: ARTICLE_LINE_REQUIRED,
  properties: {
    id: { type: 'string', minLength: 1 },
    feedId: { type: 'string', minLength: 1 },
    guid: nullableString,
    url: nullableString,
    title: { type: 'string' },
    summary: { type: 'string' },
    authors: strings,
    publishedAt: instant,
    updatedAt: { anyOf: [instant, { type: 'null' }] },
    fetchedAt: instant,
    dateSource: { enum: ['feed', 'fetched', 'clamped'] },
    language: nullableString,
    tags: strings,
    imageUrl: nullableString,
    storyId: { type: 'string' },
    contentHash: { type: 'string', minLength: 1 },
    content: { type: 'string' },
    contentHtml: { type: 'string' },
    translatorNotes: strings,
    comments: strings,
    source: {
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'string', minLength: 1 }, title: nullableString, siteUrl: nullableString },
    },
    actors: { type: 'array', items: entity },
    regions: { type: 'array', items: entity },
    topics: { type: 'array', items: entity },
  },
} as const;

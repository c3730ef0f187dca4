/**
 * Builds Article objects straight from synthetic stories, without decode/parse/normalize, so
 * the store can be filled with a million articles in seconds: the scale, restore and HTTP
 * benchmarks measure the store and the API, not the pipeline (the ingest benchmark does that).
 * Entities come from the story itself, mapped onto the ids the running catalog uses.
 */
import type { Article, Evidence, EntityRef } from '../../src/model/article.ts';
import { articleId, shortHash } from '../../src/model/ids.ts';
import { createRng } from '../lib/prng.ts';
import { DEFAULT_WINDOW, generateStory, storyHtml, type Story, type TimeWindow } from './story.ts';

/** Maps the generator's actor/region/topic ids onto the catalog's (identity when absent). */
export interface IdMap {
  actor(id: string): string | undefined;
  region(id: string): string | undefined;
  topic(id: string): string | undefined;
}

export const IDENTITY_IDS: IdMap = { actor: (id) => id, region: (id) => id, topic: (id) => id };

export interface BuildOptions {
  readonly seed: number;
  readonly count: number;
  /** Articles per yielded batch (the store's upsert takes arrays). */
  readonly batchSize?: number;
  /** Number of distinct feeds the articles are spread over. */
  readonly feeds?: number;
  readonly ids?: IdMap;
  /** `full`: content and HTML of the whole story; `lean`: the lead only (keeps 1M articles in memory). */
  readonly bodies?: 'full' | 'lean';
  readonly window?: TimeWindow;
  /** Index of the first story (guids and ids derive from it): another range gives new articles, not updates. */
  readonly firstIndex?: number;
}

const FETCHED_AT = '2026-01-15T00:05:00.000Z';

function refs(ids: readonly (string | undefined)[]): EntityRef[] {
  const seen = new Set<string>();
  const out: EntityRef[] = [];
  ids.forEach((id, i) => {
    if (id === undefined || seen.has(id)) return;
    seen.add(id);
    out.push({ id, mentions: 1 + (i === 0 ? 1 : 0), salience: i === 0 ? 0.9 : Math.max(0.2, 0.6 - i * 0.1) });
  });
  return out;
}

function evidenceFor(entities: readonly EntityRef[], story: Story): Record<string, Evidence[]> {
  const snippet = story.lead.slice(0, 120);
  return Object.fromEntries(entities.map((e) => [e.id, [{ field: 'summary' as const, alias: e.id, start: 0, end: 0, snippet }]]));
}

/** One Article from one story; `feedId` decides its source and (with the guid) its id. */
export function articleFromStory(story: Story, feedId: string, ids: IdMap, bodies: 'full' | 'lean'): Article {
  const guid = `${feedId}-${story.index}`;
  const actors = refs(story.actorIds.map((id) => ids.actor(id)));
  const regions = refs(story.regionIds.map((id) => ids.region(id)));
  const topics = refs(story.topicIds.map((id) => ids.topic(id)));
  const content = bodies === 'full' ? [story.lead, ...story.paragraphs].join('\n\n') : story.lead;
  return {
    id: articleId(feedId, { guid, url: null, title: null, published: null }),
    feedId,
    guid,
    url: `https://${feedId}.example.org/news/${story.index}`,
    title: story.title,
    summary: story.lead,
    authors: [story.author],
    publishedAt: story.publishedAt,
    updatedAt: null,
    fetchedAt: FETCHED_AT,
    dateSource: 'feed',
    language: story.language,
    tags: story.categories,
    topics,
    actors,
    regions,
    imageUrl: null,
    storyId: `t${shortHash(story.title)}`,
    contentHash: shortHash(content),
    content,
    contentHtml: bodies === 'full' ? storyHtml(story) : `<p>${story.lead}</p>`,
    translatorNotes: story.notes,
    comments: story.comments.map((c) => `${c.author}: ${c.text}`),
    evidence: { actors: evidenceFor(actors, story), regions: evidenceFor(regions, story), topics: {} },
  };
}

/**
 * Yields `count` articles in batches, deterministically for `seed`. A generator, so the caller
 * (the store) is the only holder of a million articles, not this module as well.
 */
export function* articleBatches(options: BuildOptions): Generator<Article[]> {
  const rng = createRng(options.seed);
  const batchSize = options.batchSize ?? 1000;
  const feeds = options.feeds ?? 40;
  const ids = options.ids ?? IDENTITY_IDS;
  const bodies = options.bodies ?? 'full';
  const window = options.window ?? DEFAULT_WINDOW;
  const firstIndex = options.firstIndex ?? 0;
  let batch: Article[] = [];
  for (let i = firstIndex; i < firstIndex + options.count; i++) {
    const story = generateStory(rng, i, window);
    batch.push(articleFromStory(story, `feed-${i % feeds}`, ids, bodies));
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

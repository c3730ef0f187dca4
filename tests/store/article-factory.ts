/**
 * Builds Articles for the store tests: realistic regional security wire copy, with the fields
 * the store indexes (topics, actors, regions, feed, language, date) set by the test.
 */
import { createHash } from 'node:crypto';
import type { Article, EntityRef } from '../../src/model/article.ts';

export interface ArticleSpec {
  id: string;
  feedId?: string;
  publishedAt?: string;
  title?: string;
  summary?: string;
  content?: string;
  language?: string | null;
  tags?: string[];
  topics?: string[];
  actors?: string[];
  regions?: string[];
}

const ref = (id: string): EntityRef => ({ id, mentions: 1, salience: 0.5 });

/** A whole Article; `contentHash` follows title, summary and content, as normalize's does. */
export function makeArticle(spec: ArticleSpec): Article {
  const title = spec.title ?? 'Drone strike hits vehicle near Jurf al-Sakhr, security source says';
  const summary =
    spec.summary ??
    'A drone targeted a vehicle belonging to Kataib Hezbollah (كتائب حزب الله) south of Baghdad, a security source told reporters.';
  const content =
    spec.content ??
    `${summary} The Popular Mobilisation Forces (الحشد الشعبي) said two members were killed. [TN: the source asked not to be named.]`;
  const publishedAt = spec.publishedAt ?? '2026-11-20T08:30:00.000Z';
  return {
    id: spec.id,
    feedId: spec.feedId ?? 'shafaq-en',
    guid: `https://example.org/news/${spec.id}`,
    url: `https://example.org/news/${spec.id}`,
    title,
    summary,
    authors: ['Ahmed al-Rubaie'],
    publishedAt,
    updatedAt: null,
    fetchedAt: '2026-11-24T12:00:00.000Z',
    dateSource: 'feed',
    language: spec.language === undefined ? 'en' : spec.language,
    tags: spec.tags ?? ['Security', 'Iraq'],
    topics: (spec.topics ?? []).map(ref),
    actors: (spec.actors ?? []).map(ref),
    regions: (spec.regions ?? []).map(ref),
    imageUrl: null,
    storyId: `story-${spec.id}`,
    contentHash: createHash('sha1').update(`${title}\n${summary}\n${content}`).digest('hex'),
    content,
    contentHtml: `<p>${content}</p>`,
    translatorNotes: ['the source asked not to be named.'],
    comments: [],
    evidence: { actors: {}, regions: {}, topics: {} },
  };
}

/** A small region tree: city → subdivision → country → macro-regions. */
const PARENTS: Record<string, string[]> = {
  'IQ/baghdad': ['IQ-BG'],
  'IQ/jurf-al-sakhr': ['IQ-BB'],
  'IQ-BG': ['IQ'],
  'IQ-BB': ['IQ'],
  'SY/deir-ez-zor': ['SY'],
  'LB/beirut': ['LB'],
  IQ: ['MIDDLE_EAST'],
  SY: ['LEVANT', 'MIDDLE_EAST'],
  LB: ['LEVANT', 'MIDDLE_EAST'],
  LEVANT: ['MIDDLE_EAST'],
};

/** `regionAncestors` for the tree above: the id, then every ancestor. */
export function regionAncestors(id: string): string[] {
  const out: string[] = [];
  const visit = (r: string) => {
    if (out.includes(r)) return;
    out.push(r);
    for (const p of PARENTS[r] ?? []) visit(p);
  };
  visit(id);
  return out;
}

/** A small topic tree: sub-topic → parent. */
const TOPIC_PARENTS: Record<string, string[]> = { 'drone-strike': ['armed-attack'], airstrike: ['armed-attack'] };

/** `topicAncestors` for the tree above: the id, then its parents. */
export function topicAncestors(id: string): string[] {
  return [id, ...(TOPIC_PARENTS[id] ?? [])];
}

/** ISO instant `hours` after 2026-11-01T00:00Z (distinct, ordered test dates). */
export function hoursAfterEpoch(hours: number): string {
  return new Date(Date.UTC(2026, 10, 1) + hours * 3_600_000).toISOString();
}

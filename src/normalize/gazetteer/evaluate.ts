/**
 * Evaluation of the tagger against hand-annotated articles (tests/fixtures/annotated/*.json):
 * each fixture goes through the REAL normalize stage (cleaning removes translator notes, chrome
 * and comments) and the tagger, and the id sets are compared with the annotation. Shared by
 * `npm run eval` (scripts/eval.ts) and the floor test (tests/entities/eval-floor.test.ts), so
 * the number a developer sees is the number the test holds.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../../model/article.ts';
import type { FeedConfig } from '../../model/feed.ts';
import type { RawItem } from '../../model/raw-feed.ts';
import { normalizeItem } from '../normalize-item.ts';
import type { Tagger } from './tagger.types.ts';

export const ENTITY_TYPES = ['actors', 'regions', 'topics'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** One annotated article, as H4b writes them. */
export interface AnnotatedFixture {
  readonly id: string;
  readonly style?: string;
  readonly title: string;
  readonly summary?: string;
  readonly contentHtml?: string;
  readonly tags?: readonly string[];
  readonly feed?: { readonly regions?: readonly string[]; readonly tags?: readonly string[] };
  readonly expected: Readonly<Record<EntityType, readonly string[]>>;
  readonly notes?: string;
}

/** Precision/recall/F1 of one entity type, micro-averaged over fixtures. */
export interface Score {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface FixtureOutcome {
  readonly id: string;
  readonly style: string;
  readonly missing: Readonly<Record<EntityType, string[]>>;
  readonly extra: Readonly<Record<EntityType, string[]>>;
  /** Entities the article got that appear only in its translator notes or comments (must be empty). */
  readonly leaked: Readonly<Record<EntityType, string[]>>;
  readonly article: Article;
}

export interface EvaluationReport {
  readonly fixtures: number;
  readonly scores: Readonly<Record<EntityType, Score>>;
  readonly outcomes: readonly FixtureOutcome[];
}

const FETCHED_AT = new Date('2026-01-01T00:00:00Z');

/** The RawItem and FeedConfig a feed would have given for this fixture. */
export function fixtureInput(f: AnnotatedFixture): { raw: RawItem; feed: FeedConfig } {
  return {
    raw: {
      guid: f.id,
      link: `https://example.test/annotated/${encodeURIComponent(f.id)}`,
      title: f.title,
      summaryHtml: f.summary ?? null,
      contentHtml: f.contentHtml ?? null,
      authors: [],
      categories: f.tags ?? [],
      published: '2026-01-01T00:00:00Z',
      updated: null,
      enclosures: [],
      language: null,
    },
    feed: {
      id: 'annotated',
      url: 'https://example.test/feed.xml',
      tags: f.feed?.tags ?? [],
      regions: f.feed?.regions ?? [],
      intervalMinutes: 15,
      enabled: true,
      headers: {},
      allowFile: false,
    },
  };
}

function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

const emptyByType = (): Record<EntityType, string[]> => ({ actors: [], regions: [], topics: [] });

/** Runs every fixture through normalize + tagger and scores the id sets. */
export function evaluate(fixtures: readonly AnnotatedFixture[], tagger: Tagger): EvaluationReport {
  const totals = { actors: [0, 0, 0], regions: [0, 0, 0], topics: [0, 0, 0] } as Record<EntityType, [number, number, number]>;
  const outcomes: FixtureOutcome[] = [];
  for (const f of fixtures) {
    const { raw, feed } = fixtureInput(f);
    const { article } = normalizeItem(raw, { feed, feedTitle: null, feedLink: null, feedLanguage: null, documentUrl: feed.url, fetchedAt: FETCHED_AT, tagger });
    // What the set-aside text alone would tag: an entity found there but neither expected nor
    // named in the article's own text must not be on the article.
    const asideText = [...article.translatorNotes, ...article.comments].join('\n');
    const aside = asideText === '' ? null : tagger.tag({ title: '', summary: '', content: asideText, tags: [] }, { regions: [], tags: [] });
    const missing = emptyByType();
    const extra = emptyByType();
    const leaked = emptyByType();
    for (const type of ENTITY_TYPES) {
      const expected = new Set(f.expected[type] ?? []);
      const got = new Set(article[type].map((r) => r.id));
      for (const id of got) if (!expected.has(id)) extra[type].push(id);
      for (const id of expected) if (!got.has(id)) missing[type].push(id);
      const t = totals[type];
      t[0] += got.size - extra[type].length;
      t[1] += extra[type].length;
      t[2] += missing[type].length;
      for (const ref of aside?.[type] ?? []) if (got.has(ref.id) && !expected.has(ref.id)) leaked[type].push(ref.id);
    }
    outcomes.push({ id: f.id, style: f.style ?? '', missing, extra, leaked, article });
  }
  const scores = Object.fromEntries(ENTITY_TYPES.map((t) => [t, score(...totals[t])])) as Record<EntityType, Score>;
  return { fixtures: fixtures.length, scores, outcomes };
}

/** Reads `*.json` fixtures of `dir`, sorted by file name; a malformed file throws with its name. */
export async function loadAnnotatedFixtures(dir: string): Promise<AnnotatedFixture[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  const out: AnnotatedFixture[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let doc: AnnotatedFixture;
    try {
      doc = JSON.parse(await readFile(file, 'utf8')) as AnnotatedFixture;
    } catch (err) {
      throw new Error(`annotated fixture ${file} is not valid JSON: ${(err as Error).message}`, { cause: err });
    }
    if (typeof doc.title !== 'string' || typeof doc.expected !== 'object' || doc.expected === null) {
      throw new Error(`annotated fixture ${file} needs "title" and "expected": { "actors": [], "regions": [], "topics": [] }`);
    }
    out.push({ ...doc, id: doc.id ?? name.replace(/\.json$/, '') });
  }
  return out;
}

const pct = (n: number): string => `${(n * 100).toFixed(1)}%`.padStart(6);

/** The report as text: one line per entity type, then (verbose) per-fixture misses and extras. */
export function formatReport(report: EvaluationReport, verbose: boolean): string {
  const lines = [`${report.fixtures} annotated articles`, 'type      precision  recall     F1   (tp/fp/fn)'];
  for (const type of ENTITY_TYPES) {
    const s = report.scores[type];
    lines.push(`${type.padEnd(9)} ${pct(s.precision)}    ${pct(s.recall)}  ${pct(s.f1)}   (${s.tp}/${s.fp}/${s.fn})`);
  }
  const leaks = report.outcomes.filter((o) => ENTITY_TYPES.some((t) => o.leaked[t].length > 0));
  lines.push(leaks.length === 0 ? 'no entity taken from translator notes or comments' : `LEAKS from translator notes/comments in ${leaks.length} articles`);
  if (verbose) {
    for (const o of report.outcomes) {
      const parts: string[] = [];
      for (const t of ENTITY_TYPES) {
        if (o.missing[t].length > 0) parts.push(`missing ${t}: ${o.missing[t].join(', ')}`);
        if (o.extra[t].length > 0) parts.push(`extra ${t}: ${o.extra[t].join(', ')}`);
        if (o.leaked[t].length > 0) parts.push(`LEAKED ${t}: ${o.leaked[t].join(', ')}`);
      }
      if (parts.length > 0) lines.push(`- ${o.id}${o.style ? ` [${o.style}]` : ''}\n    ${parts.join('\n    ')}`);
    }
  }
  return lines.join('\n');
}

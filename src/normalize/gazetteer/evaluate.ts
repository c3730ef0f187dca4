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
import type { EntityCatalog } from '../../model/catalog.ts';
import { fold } from './fold.ts';
import type { Tagger } from './tagger.types.ts';

export const ENTITY_TYPES = ['actors', 'regions', 'topics'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
/** Id-set types scored: the three entity types, and regions split into countries and places (issue 14). */
export const SET_TYPES = ['actors', 'countries', 'places', 'regions', 'topics'] as const;
export type SetType = (typeof SET_TYPES)[number];
/** Statement types scored on fixtures whose annotation has them (annotation format v2). */
export const STATEMENT_TYPES = ['claims', 'quotes', 'figures', 'datelines'] as const;
export type StatementType = (typeof STATEMENT_TYPES)[number];
export type ScoreType = SetType | StatementType;
export const SCORE_TYPES: readonly ScoreType[] = [...SET_TYPES, ...STATEMENT_TYPES];

/** An annotated claim: refs are dictionary ids or `new:<Name>` (annotation-format.md). */
export interface ExpectedClaim {
  readonly kind: string;
  readonly actor: string | null;
  readonly by?: string | null;
}
export interface ExpectedQuote {
  readonly speaker: string | null;
  readonly speakerName?: string | null;
  readonly text: string;
}
export interface ExpectedFigure {
  readonly kind: string;
  readonly min: number;
  readonly max?: number | null;
}

/** What an annotator expects of one article (v1: the three id sets; v2 adds the rest). */
export interface Expected {
  readonly actors: readonly string[];
  readonly regions: readonly string[];
  readonly topics: readonly string[];
  readonly dateline?: string | null;
  readonly claims?: readonly ExpectedClaim[];
  readonly quotes?: readonly ExpectedQuote[];
  readonly figures?: readonly ExpectedFigure[];
}

/** One annotated article (tests/fixtures/annotated, annotated-heldout, annotated-dev-v2, …). */
export interface AnnotatedFixture {
  readonly id: string;
  readonly style?: string;
  readonly title: string;
  readonly summary?: string;
  readonly contentHtml?: string;
  readonly tags?: readonly string[];
  readonly feed?: { readonly regions?: readonly string[]; readonly tags?: readonly string[] };
  readonly expected: Expected;
  readonly notes?: string;
}

/** Precision/recall/F1 of one type, micro-averaged over fixtures. */
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
  /** Per type: what was expected and not found (ids, or a short description of a claim/quote/figure). */
  readonly missing: Readonly<Record<ScoreType, string[]>>;
  readonly extra: Readonly<Record<ScoreType, string[]>>;
  /** Entities the article got that appear only in its translator notes or comments (must be empty). */
  readonly leaked: Readonly<Record<EntityType, string[]>>;
  /** Quotes or figures whose words are in the translator notes or comments but not in the article's own text (must be empty). */
  readonly leakedStatements: readonly string[];
  readonly article: Article;
}

export interface EvaluationReport {
  readonly fixtures: number;
  readonly scores: Readonly<Record<ScoreType, Score>>;
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

const emptyBy = <K extends string>(keys: readonly K[]): Record<K, string[]> => Object.fromEntries(keys.map((k) => [k, []])) as unknown as Record<K, string[]>;

/** Resolves annotation refs: ids stay ids; `new:<Name>` is looked up (folded) among names and aliases. */
export interface RefResolver {
  actor(ref: string | null | undefined): string | null;
  region(ref: string | null | undefined): string | null;
  /** True for a COUNTRY region id. */
  isCountry(id: string): boolean;
}

/** A resolver over a catalog; without one, `new:` refs stay unresolved and countries are two-letter ids. */
export function refResolver(catalog?: EntityCatalog): RefResolver {
  const actorNames = new Map<string, string>();
  const regionNames = new Map<string, string>();
  for (const a of catalog?.actors ?? []) for (const n of [a.name, ...a.aliases]) if (!actorNames.has(fold(n))) actorNames.set(fold(n), a.id);
  for (const r of catalog?.regions ?? []) for (const n of [r.name, ...r.aliases]) if (!regionNames.has(fold(n))) regionNames.set(fold(n), r.id);
  const resolve = (names: Map<string, string>) => (ref: string | null | undefined): string | null => {
    if (ref === null || ref === undefined) return null;
    if (!ref.startsWith('new:')) return ref;
    return names.get(fold(ref.slice(4))) ?? ref; // unresolved: kept as written, so it counts as a miss
  };
  return {
    actor: resolve(actorNames),
    region: resolve(regionNames),
    isCountry: (id) => (catalog?.region(id)?.kind ?? (/^[A-Z]{2}$/.test(id) ? 'COUNTRY' : 'PLACE')) === 'COUNTRY',
  };
}

/** Tokens of a quotation, folded, for the ≥ 60% overlap rule of annotation-format.md. */
function tokens(text: string): string[] {
  return fold(text).split(/\s+/).filter((t) => t !== '');
}

/** True when the two quotation texts share at least 60% of the tokens of each. */
export function quoteTextsMatch(a: string, b: string): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length === 0 || tb.length === 0) return false;
  const bag = new Map<string, number>();
  for (const t of tb) bag.set(t, (bag.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of ta) {
    const n = bag.get(t) ?? 0;
    if (n > 0) {
      shared++;
      bag.set(t, n - 1);
    }
  }
  return shared >= 0.6 * ta.length && shared >= 0.6 * tb.length;
}

/** Greedy one-to-one matching of expected and found items; returns the unmatched of each side. */
function matchBags<E, F>(expected: readonly E[], found: readonly F[], same: (e: E, f: F) => boolean): { missing: E[]; extra: F[]; tp: number } {
  const left = [...found];
  const missing: E[] = [];
  for (const e of expected) {
    const i = left.findIndex((f) => same(e, f));
    if (i < 0) missing.push(e);
    else left.splice(i, 1);
  }
  return { missing, extra: left, tp: expected.length - missing.length };
}

const overlaps = (aMin: number, aMax: number | null | undefined, bMin: number, bMax: number | null | undefined): boolean =>
  aMin <= (bMax ?? Infinity) && bMin <= (aMax ?? Infinity);

/**
 * Runs every fixture through normalize + tagger and scores: id sets (actors, countries, places,
 * regions, topics) and, where the annotation has them, claims (kind + actor + by), quotes (same
 * speaker and ≥ 60% shared tokens), figures (kind and overlapping min..max) and datelines.
 * `catalog` resolves `new:` refs; without it they count as misses.
 */
export function evaluate(fixtures: readonly AnnotatedFixture[], tagger: Tagger, catalog?: EntityCatalog): EvaluationReport {
  const refs = refResolver(catalog);
  const totals = Object.fromEntries(SCORE_TYPES.map((t) => [t, [0, 0, 0]])) as unknown as Record<ScoreType, [number, number, number]>;
  const outcomes: FixtureOutcome[] = [];
  for (const f of fixtures) {
    const { raw, feed } = fixtureInput(f);
    const { article } = normalizeItem(raw, { feed, feedTitle: null, feedLink: null, feedLanguage: null, documentUrl: feed.url, fetchedAt: FETCHED_AT, tagger });
    // What the set-aside text alone would tag: an entity found there but neither expected nor
    // named in the article's own text must not be on the article.
    const asideText = [...article.translatorNotes, ...article.comments].join('\n');
    const aside = asideText === '' ? null : tagger.tag({ title: '', summary: '', content: asideText, tags: [] }, { regions: [], tags: [] });
    const missing = emptyBy(SCORE_TYPES);
    const extra = emptyBy(SCORE_TYPES);
    const leaked = emptyBy(ENTITY_TYPES);
    const expectedRegions = (f.expected.regions ?? []).map((r) => refs.region(r)!);
    const gotRegions = article.regions.map((r) => r.id);
    const sets: Record<SetType, { expected: string[]; got: string[] }> = {
      actors: { expected: (f.expected.actors ?? []).map((a) => refs.actor(a)!), got: article.actors.map((r) => r.id) },
      regions: { expected: expectedRegions, got: gotRegions },
      countries: { expected: expectedRegions.filter((id) => refs.isCountry(id)), got: gotRegions.filter((id) => refs.isCountry(id)) },
      places: { expected: expectedRegions.filter((id) => !refs.isCountry(id)), got: gotRegions.filter((id) => !refs.isCountry(id)) },
      topics: { expected: [...(f.expected.topics ?? [])], got: article.topics.map((r) => r.id) },
    };
    for (const type of SET_TYPES) {
      const expected = new Set(sets[type].expected);
      const got = new Set(sets[type].got);
      for (const id of got) if (!expected.has(id)) extra[type].push(id);
      for (const id of expected) if (!got.has(id)) missing[type].push(id);
      const t = totals[type];
      t[0] += got.size - extra[type].length;
      t[1] += extra[type].length;
      t[2] += missing[type].length;
    }
    for (const type of ENTITY_TYPES) {
      const expected = new Set(sets[type].expected);
      const got = new Set(sets[type].got);
      // Named in the article's own text (evidence in title, summary, content or tags): a
      // precision question for `extra`, not text that leaked through cleaning.
      const ownText = (id: string) => (article.evidence[type][id] ?? []).some((e) => e.field !== 'feed');
      for (const ref of aside?.[type] ?? []) if (got.has(ref.id) && !expected.has(ref.id) && !ownText(ref.id)) leaked[type].push(ref.id);
    }
    const count = (type: StatementType, tp: number, fp: string[], fn: string[]) => {
      totals[type][0] += tp;
      totals[type][1] += fp.length;
      totals[type][2] += fn.length;
      extra[type].push(...fp);
      missing[type].push(...fn);
    };
    const e = f.expected;
    if (e.claims !== undefined) {
      const m = matchBags(e.claims, article.claims ?? [], (x, y) => x.kind === y.kind && refs.actor(x.actor) === y.actor && (refs.actor(x.by ?? null) ?? null) === y.by);
      count('claims', m.tp, m.extra.map((c) => `${c.kind} ${c.actor} by ${c.by}`), m.missing.map((c) => `${c.kind} ${c.actor} by ${c.by ?? null}`));
    }
    if (e.quotes !== undefined) {
      const m = matchBags(e.quotes, article.quotes ?? [], (x, y) => (refs.actor(x.speaker) ?? null) === y.speaker && quoteTextsMatch(x.text, y.text));
      count('quotes', m.tp, m.extra.map((q) => `${q.speaker}: ${q.text.slice(0, 50)}`), m.missing.map((q) => `${q.speaker}: ${q.text.slice(0, 50)}`));
    }
    if (e.figures !== undefined) {
      const m = matchBags(e.figures, article.figures ?? [], (x, y) => x.kind === y.kind && overlaps(x.min, x.max, y.min, y.max));
      count('figures', m.tp, m.extra.map((g) => `${g.kind} ${g.min}..${g.max ?? ''} "${g.text}"`), m.missing.map((g) => `${g.kind} ${g.min}..${g.max ?? ''}`));
    }
    if (e.dateline !== undefined) {
      const want = refs.region(e.dateline);
      const got = article.dateline ?? null;
      if (want !== null && got === want) count('datelines', 1, [], []);
      else count('datelines', 0, got === null ? [] : [got], want === null ? [] : [want]);
    }
    // Statements must come from the article's own text: a quote or figure whose words are only
    // in the notes or comments leaked through cleaning.
    const own = fold([article.title, article.summary, article.content].join('\n'));
    const asideFolded = fold(asideText);
    const leakedStatements = [...(article.quotes ?? []).map((q) => q.text), ...(article.figures ?? []).map((g) => g.text)].filter((t) => {
      const k = fold(t);
      return k !== '' && asideFolded.includes(k) && !own.includes(k);
    });
    outcomes.push({ id: f.id, style: f.style ?? '', missing, extra, leaked, leakedStatements, article });
  }
  const scores = Object.fromEntries(SCORE_TYPES.map((t) => [t, score(...totals[t])])) as Record<ScoreType, Score>;
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

/** True when a type was scored at all (statement types only on v2 annotations). */
export const isScored = (s: Score): boolean => s.tp + s.fp + s.fn > 0;

/** The report as text: one line per scored type, then (verbose) per-fixture misses and extras. */
export function formatReport(report: EvaluationReport, verbose: boolean): string {
  const lines = [`${report.fixtures} annotated articles`, 'type       precision  recall     F1   (tp/fp/fn)'];
  for (const type of SCORE_TYPES) {
    const s = report.scores[type];
    if (!isScored(s) && STATEMENT_TYPES.includes(type as StatementType)) continue;
    lines.push(`${type.padEnd(10)} ${pct(s.precision)}    ${pct(s.recall)}  ${pct(s.f1)}   (${s.tp}/${s.fp}/${s.fn})`);
  }
  const leaks = report.outcomes.filter((o) => ENTITY_TYPES.some((t) => o.leaked[t].length > 0) || o.leakedStatements.length > 0);
  lines.push(leaks.length === 0 ? 'no entity, quote or figure taken from translator notes or comments' : `LEAKS from translator notes/comments in ${leaks.length} articles`);
  if (verbose) {
    for (const o of report.outcomes) {
      const parts: string[] = [];
      for (const t of SCORE_TYPES) {
        if (t === 'countries' || t === 'places') continue; // shown under regions
        if (o.missing[t].length > 0) parts.push(`missing ${t}: ${o.missing[t].join(', ')}`);
        if (o.extra[t].length > 0) parts.push(`extra ${t}: ${o.extra[t].join(', ')}`);
      }
      for (const t of ENTITY_TYPES) if (o.leaked[t].length > 0) parts.push(`LEAKED ${t}: ${o.leaked[t].join(', ')}`);
      if (o.leakedStatements.length > 0) parts.push(`LEAKED statements: ${o.leakedStatements.join(' | ')}`);
      if (parts.length > 0) lines.push(`- ${o.id}${o.style ? ` [${o.style}]` : ''}\n    ${parts.join('\n    ')}`);
    }
  }
  return lines.join('\n');
}

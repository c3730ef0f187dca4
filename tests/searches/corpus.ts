/**
 * A generated corpus with known properties, so each test states its expected matches as a plain
 * predicate over the specs, independent of the code under test.
 */
import type { Article } from '../../src/model/article.ts';
import { makeArticle, type ArticleSpec } from '../store/article-factory.ts';

export interface CorpusEntry {
  readonly spec: Required<Pick<ArticleSpec, 'id' | 'feedId' | 'publishedAt' | 'title' | 'language' | 'actors' | 'regions' | 'topics'>>;
  readonly article: Article;
}

const FEED_IDS = ['shafaq-en', 'rudaw-en', 'alsumaria-ar'];
const WEAPONS = ['Drone', 'Rocket', 'Mortar'];
const PLACES = [
  { region: 'IQ', name: 'Baghdad' },
  { region: 'SY', name: 'Deir ez-Zor' },
  { region: 'YE', name: 'Sanaa' },
];
const ACTORS = [['kataib-hizbullah'], ['irgc'], ['ansar-allah'], []];

/** `n` articles, one minute apart, newest last in the list. */
export function makeCorpus(n: number): CorpusEntry[] {
  const start = Date.parse('2026-10-01T00:00:00Z');
  return Array.from({ length: n }, (_, i) => {
    const weapon = WEAPONS[i % 3] as string;
    const place = PLACES[Math.floor(i / 3) % 3] as { region: string; name: string };
    const spec = {
      id: `art-${String(i).padStart(5, '0')}`,
      feedId: FEED_IDS[i % 3 === 0 ? 0 : i % 5 === 0 ? 2 : 1] as string,
      publishedAt: new Date(start + i * 60_000).toISOString(),
      title: `${weapon} attack reported near ${place.name}, report ${i}`,
      language: FEED_IDS[i % 3 === 0 ? 0 : i % 5 === 0 ? 2 : 1] === 'alsumaria-ar' ? 'ar' : 'en',
      actors: ACTORS[i % 4] as string[],
      regions: [place.region],
      topics: weapon === 'Drone' ? ['drone-strike'] : [],
    };
    return { spec, article: makeArticle({ ...spec, summary: `${weapon} incident in ${place.name}.`, content: `Officials said the ${weapon.toLowerCase()} hit a target in ${place.name}.` }) };
  });
}

/** Newest first, as every search answers. */
export function newestFirst(entries: readonly CorpusEntry[]): CorpusEntry[] {
  return [...entries].sort((a, b) => (a.spec.publishedAt < b.spec.publishedAt ? 1 : a.spec.publishedAt > b.spec.publishedAt ? -1 : a.spec.id < b.spec.id ? 1 : -1));
}

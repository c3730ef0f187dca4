/**
 * A generated corpus of wire copy for the SQL tests (English and Arabic with proclitics,
 * random actors, regions, topics, feeds, languages, dates, ingestion delays and stories),
 * deterministic so that a failure replays.
 */
import type { Article } from '../../src/model/article.ts';
import { makeArticle } from '../graphql/fakes.ts';

/** A deterministic generator (a failure must replay). */
export function generator(seed: number) {
  return (n: number) => {
    // xorshift32: the low bits of a plain LCG repeat with short periods.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
}

const EN = ['drone', 'drones', 'strike', 'attack', 'rocket', 'convoy', 'base', 'militia', 'talks', 'ceasefire', 'Baghdad', 'Red', 'Sea', 'ship', 'claims', 'killed'];
const AR = ['بطائرة', 'مسيرة', 'طائرة', 'الحوثي', 'والحوثيون', 'هجوم', 'قاعدة', 'العراق', 'بغداد'];
const ACTOR_IDS = ['kataib-hizbullah', 'islamic-resistance-in-iraq', 'harakat-al-nujaba', 'us-centcom', 'houthis', 'irgc-quds-force'];
const REGION_IDS = ['IQ', 'IQ/baghdad', 'IQ/jurf-al-sakhr', 'SY', 'YE', 'IR'];
const TOPIC_IDS = ['security', 'armed-attack', 'drone-strike', 'diplomacy'];
const FEED_IDS = ['wire', 'shafaq-ar', 'yemen-monitor'];

export function corpus(size: number): Article[] {
  const r = generator(7);
  const words = (pool: string[], n: number) => Array.from({ length: n }, () => pool[r(pool.length)]).join(' ');
  const some = (pool: string[]) => [...new Set(Array.from({ length: r(3) }, () => pool[r(pool.length)] as string))];
  const ref = (id: string) => ({ id, mentions: 1, salience: 0.5 });
  return Array.from({ length: size }, (_, i) => {
    const arabic = r(4) === 0;
    const pool = arabic ? AR : EN;
    const published = Date.parse('2024-05-01T00:00:00Z') + r(10 * 24) * 3_600_000;
    const article = makeArticle({
      id: `g${String(i).padStart(3, '0')}`,
      feedId: FEED_IDS[r(FEED_IDS.length)] as string,
      title: words(pool, 3 + r(4)),
      summary: words(pool, r(6)),
      content: words(pool, 5 + r(10)),
      publishedAt: new Date(published).toISOString(),
      language: arabic ? 'ar' : 'en',
      actors: some(ACTOR_IDS).map(ref),
      regions: some(REGION_IDS).map(ref),
      topics: some(TOPIC_IDS).map(ref),
    });
    return {
      ...article,
      language: r(10) === 0 ? null : article.language,
      fetchedAt: new Date(published + r(200) * 3_600_000).toISOString(),
      storyId: `s${r(size / 3)}`,
    };
  });
}


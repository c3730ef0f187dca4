/**
 * Quick store figures for the notes (the formal benchmarks live in bench/): upsert rate into
 * SQLite, page query p50/p99 and countMatches at N articles, on SQLite and (with POSTGRES_URL)
 * PostgreSQL. Usage: [SKIP_SQLITE=1] [POSTGRES_URL=…] node --import tsx scripts/store-measure.ts [N=100000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ArticleStore } from '../src/store/article-store.ts';
import type { ArticleFilter } from '../src/store/article-store.types.ts';
import { makeArticle, regionAncestors, topicAncestors } from '../tests/store/article-factory.ts';

const N = Number(process.argv[2] ?? 100_000);
const REGIONS = ['IQ/baghdad', 'IQ/jurf-al-sakhr', 'IQ-BG', 'IQ', 'SY/deir-ez-zor', 'SY', 'LB/beirut', 'LB'];
const ACTORS = Array.from({ length: 200 }, (_, i) => `actor-${i}`);
const TOPICS = ['drone-strike', 'airstrike', 'statement', 'protest', 'border', 'diplomacy'];
const WORDS = 'drone strike Baghdad border militia statement convoy ministry قصف بطائرة مسيرة الحوثيون بغداد الكويت attack talks election oil'.split(' ');
let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(l: readonly T[]) => l[Math.floor(rnd() * l.length)]!;
const text = (k: number) => Array.from({ length: k }, () => pick(WORDS)).join(' ');

function* batches(size: number) {
  for (let i = 0; i < N; i += size) {
    yield Array.from({ length: Math.min(size, N - i) }, (_, j) => {
      const n = i + j;
      return makeArticle({
        id: `feed-${n % 50}:${n.toString(36).padStart(8, '0')}`,
        feedId: `feed-${n % 50}`,
        publishedAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
        regions: [pick(REGIONS)],
        actors: [pick(ACTORS), pick(ACTORS)],
        topics: [pick(TOPICS)],
        language: pick(['en', 'ar']),
        title: text(8),
        summary: text(25),
        content: text(150),
      });
    });
  }
}

const FILTERS: ArticleFilter[] = [
  {},
  { actors: ['actor-7'] },
  { regions: ['IQ'] },
  { actors: ['actor-3'], regions: ['IQ'], from: '2026-01-20T00:00:00Z' },
  { topics: ['armed-attack'], languages: ['ar'] },
  { sources: ['feed-3'] },
  { search: 'مسيرة' },
  { search: 'convoy ministry', regions: ['SY'] },
];

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function measure(label: string, url: string): Promise<void> {
  const store = await ArticleStore.open({ url, regionAncestors, topicAncestors });
  let t = performance.now();
  for (const b of batches(1000)) await store.upsert(b);
  const upsertS = (performance.now() - t) / 1000;
  console.log(`${label}: upsert ${N} in ${upsertS.toFixed(1)} s = ${Math.round(N / upsertS)} articles/s (batches of 1000)`);
  for (const f of FILTERS) {
    const lat: number[] = [];
    for (let i = 0; i < 60; i++) {
      const s = performance.now();
      await store.query(f, { first: 20 });
      lat.push(performance.now() - s);
    }
    t = performance.now();
    const c = await store.countMatches(f);
    const countMs = performance.now() - t;
    console.log(`  ${JSON.stringify(f)}: page p50 ${pct(lat, 50).toFixed(2)} ms p99 ${pct(lat, 99).toFixed(2)} ms; countMatches ${c.count}${c.exact ? '' : '+'} in ${countMs.toFixed(0)} ms`);
  }
  const mem = process.memoryUsage();
  console.log(`  rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
  await store.close();
}

const dir = mkdtempSync(join(tmpdir(), 'newsgate-measure-'));
try {
  if (process.env.SKIP_SQLITE !== '1') await measure('sqlite', `sqlite://${join(dir, 'm.sqlite')}`);
  if (process.env.POSTGRES_URL) {
    const name = `newsgate_measure_store_${Date.now()}`;
    const admin = new pg.Client({ connectionString: process.env.POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(process.env.POSTGRES_URL);
    u.pathname = `/${name}`;
    try {
      await measure('postgres', u.toString());
    } finally {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

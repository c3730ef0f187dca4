/**
 * Times and profiles the write path of `newsgate store import` in its parts, on one NDJSON file:
 * parse + validate alone, then upsert of the parsed articles in batches into a fresh store.
 * Run under `node --cpu-prof` to see where the upsert's time goes (lib/cpu-profile.ts).
 *
 *   node --import tsx bench/profile-import.ts FILE STORE_URL [--batch 1000] [--profile DIR]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { parseArticleLine } from '../src/cli/transfer/article-line.ts';
import type { Article } from '../src/model/article.ts';
import { ArticleStore } from '../src/store/article-store.ts';
import { formatHottest, hottestFunctions } from './lib/cpu-profile.ts';
import { defaultCatalog } from './corpus/generate-ndjson.ts';

const [file, url] = process.argv.slice(2);
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const batch = Number(arg('--batch') ?? 1000);
const profileDir = arg('--profile');
if (!file || !url) {
  console.error('usage: node --import tsx bench/profile-import.ts FILE STORE_URL [--batch N] [--profile DIR]');
  process.exit(2);
}
if (url.startsWith('sqlite://')) for (const ext of ['', '-wal', '-shm']) rmSync(url.slice('sqlite://'.length) + ext, { force: true });
const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
let t = performance.now();
let c = process.cpuUsage();
const articles: Article[] = [];
for (const l of lines) {
  const r = parseArticleLine(l);
  if (r.ok) articles.push(r.article);
}
const parseMs = performance.now() - t;
const parseCpu = cpuMs(process.cpuUsage(c));
console.log(`parse + validate: ${articles.length} in ${parseMs.toFixed(0)} ms (${Math.round((articles.length / parseMs) * 1000)}/s); CPU ${parseCpu.toFixed(0)} ms (${Math.round((articles.length / parseCpu) * 1000)}/CPU-s)`);
const catalog = await defaultCatalog();
const store = await ArticleStore.open({ url, regionAncestors: (id) => catalog.regionAncestors(id), topicAncestors: (id) => catalog.topicAncestors(id) });
const session = new Session();
if (profileDir) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
t = performance.now();
c = process.cpuUsage();
for (let i = 0; i < articles.length; i += batch) await store.upsert(articles.slice(i, i + batch));
const upsertMs = performance.now() - t;
const upsertCpu = cpuMs(process.cpuUsage(c));
console.log(`upsert: ${articles.length} in ${upsertMs.toFixed(0)} ms (${Math.round((articles.length / upsertMs) * 1000)}/s); CPU ${upsertCpu.toFixed(0)} ms (${Math.round((articles.length / upsertCpu) * 1000)}/CPU-s), batches of ${batch}`);
if (profileDir) {
  const { profile } = await session.post('Profiler.stop');
  mkdirSync(profileDir, { recursive: true });
  const out = join(profileDir, `upsert-${process.pid}.cpuprofile`);
  writeFileSync(out, JSON.stringify(profile));
  console.log(formatHottest(hottestFunctions(out, 25)));
}
await store.close();

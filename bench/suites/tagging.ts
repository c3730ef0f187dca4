/**
 * Tagging (issue 6 item 2, issue 3 item 7): MB/s per core of the tagger alone (actors, regions,
 * topics, candidates) on cleaned article text, against a plain lower-casing scan of the same
 * text. Single-threaded, so the figure is per core.
 */
import { generateTexts } from '../corpus/generate.ts';
import type { Suite } from '../lib/context.ts';
import { figure, ratio, skipped } from '../lib/figures.ts';
import { loadTagger } from '../lib/newsgate.ts';
import { median } from '../lib/stats.ts';
import { timeOnce } from '../lib/timing.ts';

/** The baseline: fold case and walk every character once, counting word starts. */
function lowerCaseScan(text: string): number {
  const lower = text.toLowerCase();
  let words = 0;
  let inWord = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || c > 127;
    if (letter && !inWord) words++;
    inWord = letter;
  }
  return words;
}

/** The tagging texts for a size preset (shared with bench/profile.ts). */
export function taggingTexts(quick: boolean, seed: number): ReturnType<typeof generateTexts> {
  return generateTexts(seed + 1, quick ? 300 : 1500);
}

export const taggingSuite: Suite = {
  name: 'tagging',
  description: 'tagger MB/s per core vs a lower-casing scan of the same text',
  async run(ctx) {
    const texts = taggingTexts(ctx.quick, ctx.seed);
    const count = texts.length;
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t.title) + Buffer.byteLength(t.summary) + Buffer.byteLength(t.content), 0);
    const mb = bytes / 1e6;
    ctx.log(`tagging: ${count} articles, ${mb.toFixed(2)} MB of cleaned text`);
    const runs = ctx.quick ? 3 : 5;
    let sink = 0;
    const scan = () => {
      for (const t of texts) sink += lowerCaseScan(t.title) + lowerCaseScan(t.summary) + lowerCaseScan(t.content);
    };
    let tagger;
    try {
      ({ tagger } = await loadTagger());
    } catch (err) {
      return [skipped('tagging', 'tagger', (err as Error).message)];
    }
    const hints = { regions: [], tags: [] };
    const tagAll = () => {
      for (const t of texts) sink += tagger.tag({ ...t, tags: [] }, hints).actors.length;
    };
    // Interleaved rounds (round 0 warms up), so drift falls on both alike.
    const scanTimes: number[] = [];
    const tagTimes: number[] = [];
    for (let round = 0; round <= runs; round++) {
      const s1 = (await timeOnce(scan)).ms;
      const t1 = (await timeOnce(tagAll)).ms;
      if (round === 0) continue;
      scanTimes.push(s1);
      tagTimes.push(t1);
    }
    const scanMs = median(scanTimes);
    const tagMs = median(tagTimes);
    ctx.log(`  tagger ${tagMs.toFixed(0)} ms, scan ${scanMs.toFixed(1)} ms (checksum ${sink})`);
    const tagMBs = mb / (tagMs / 1000);
    const scanMBs = mb / (scanMs / 1000);
    return [
      figure({
        suite: 'tagging',
        name: 'tagger, 1 core',
        value: tagMBs,
        unit: 'MB/s',
        baseline: { name: 'lower-case scan', value: scanMBs, unit: 'MB/s' },
        ratio: ratio(tagMBs, scanMBs),
        target: { on: 'value', op: '>=', limit: 10 },
        note: `${count} articles, ${mb.toFixed(2)} MB; medians of ${runs} interleaved rounds after a warm-up round`,
      }),
    ];
  },
};

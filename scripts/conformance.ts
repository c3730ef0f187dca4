/**
 * `npm run conformance -- [dir] [--verbose]`: runs every file of the feed corpus (default
 * ../shared/feed-corpus) through processDocument, the same code path as ingestion, and prints
 * per source folder how many files parse and how many expected values (titles, links, ids,
 * dates, authors, categories, decoded text) come out right. The README records these figures.
 * Exit status 0 even when values are missed: it measures, the vitest floor guards regressions.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createPipelineProcessor } from './conformance/pipeline-processor.ts';
import { formatTable, runConformance } from './conformance/run-conformance.ts';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const dir = resolve(args.find((a) => !a.startsWith('-')) ?? '../shared/feed-corpus');

if (!existsSync(dir)) {
  console.error(`conformance: ${dir} does not exist; pass the corpus directory: npm run conformance -- <dir>`);
  process.exit(2);
}

const started = Date.now();
const results = await runConformance(dir, await createPipelineProcessor());
console.log(`Feed conformance over ${dir} (through processDocument)\n`);
console.log(formatTable(results));
console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s. Kinds: values compared per kind, right/total. Use --verbose to list the misses.`);
if (verbose) {
  for (const r of results) {
    for (const { file, check } of r.misses) {
      const show = (v: unknown): string => {
        const s = JSON.stringify(v) ?? 'undefined';
        return s.length > 160 ? `${s.slice(0, 157)}…` : s;
      };
      console.log(`MISS ${file} ${check.field} [${check.kind}]\n  expected ${show(check.expected)}\n  actual   ${show(check.actual)}`);
    }
  }
}

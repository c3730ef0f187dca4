/**
 * Runs every corpus file through a document processor (the ingestion path, injected so the
 * test and the script share this code) and tallies, per source folder, how many files parsed
 * and how many expected values came out right, by kind of value.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { gofeedOracle } from './oracle-gofeed.ts';
import { minifluxOracle } from './oracle-miniflux.ts';
import { nodeFeedparserOracle } from './oracle-node-feedparser.ts';
import { rssParserOracle } from './oracle-rss-parser.ts';
import type { Check, FileCase, Oracle, Outcome } from './types.ts';

/** Turns one document's bytes into an Outcome, through the same code as ingestion. */
export type DocumentProcessor = (bytes: Uint8Array, source: { url: string; contentType?: string }) => Promise<Outcome>;

/** Every oracle, in the order the table prints them. */
export const ORACLES: readonly Oracle[] = [rssParserOracle, nodeFeedparserOracle, minifluxOracle, gofeedOracle];

/** Right/total for one kind of value. */
export interface Tally {
  right: number;
  total: number;
}

/** What one source folder scored. */
export interface FolderResult {
  readonly folder: string;
  /** Files that should parse, and how many did. */
  files: number;
  parsed: number;
  values: Tally;
  readonly byKind: Record<string, Tally>;
  /** The misses, for `--verbose` and for debugging a regression. */
  readonly misses: { file: string; check: Check }[];
}

/** All corpus cases under `root` (empty when the corpus is absent). */
export function corpusCases(root: string): FileCase[] {
  if (!existsSync(root)) return [];
  return ORACLES.flatMap((oracle) => oracle(root));
}

/** Runs one case, never throwing: a crash of the processor is a failed outcome. */
export async function runCase(root: string, c: FileCase, processor: DocumentProcessor): Promise<{ outcome: Outcome; checks: Check[] }> {
  let outcome: Outcome;
  try {
    let bytes: Uint8Array = readFileSync(join(root, c.file));
    if (c.gzip) bytes = gunzipSync(bytes);
    outcome = await processor(bytes, { url: c.url, ...(c.contentType !== undefined ? { contentType: c.contentType } : {}) });
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown };
    outcome = { ok: false, code: typeof e.code === 'string' ? e.code : 'CRASH', message: String(e.message ?? err) };
  }
  return { outcome, checks: c.expect(outcome) };
}

/** Options of {@link runConformance}. */
export interface RunOptions {
  /** Skip files larger than this (the vitest floor runs on the small files to stay fast). */
  readonly maxBytes?: number;
}

/** Runs every case and tallies per folder, in the order folders first appear. */
export async function runConformance(root: string, processor: DocumentProcessor, options: RunOptions = {}): Promise<FolderResult[]> {
  const results = new Map<string, FolderResult>();
  for (const c of corpusCases(root)) {
    if (options.maxBytes !== undefined && statSync(join(root, c.file)).size > options.maxBytes) continue;
    const r = results.get(c.folder) ?? { folder: c.folder, files: 0, parsed: 0, values: { right: 0, total: 0 }, byKind: {}, misses: [] };
    results.set(c.folder, r);
    const { outcome, checks } = await runCase(root, c, processor);
    if (!c.mustFail) {
      r.files++;
      if (outcome.ok) r.parsed++;
    }
    for (const check of checks) {
      const kind = (r.byKind[check.kind] ??= { right: 0, total: 0 });
      kind.total++;
      r.values.total++;
      if (check.ok) {
        kind.right++;
        r.values.right++;
      } else r.misses.push({ file: c.file, check });
    }
  }
  return [...results.values()];
}

function pct(t: Tally): string {
  return t.total === 0 ? '—' : `${t.right}/${t.total} (${((100 * t.right) / t.total).toFixed(1)}%)`;
}

/** The results as a plain-text table (the figures the README records). */
export function formatTable(results: readonly FolderResult[]): string {
  const kinds = [...new Set(results.flatMap((r) => Object.keys(r.byKind)))].sort();
  const total: FolderResult = { folder: 'total', files: 0, parsed: 0, values: { right: 0, total: 0 }, byKind: {}, misses: [] };
  for (const r of results) {
    total.files += r.files;
    total.parsed += r.parsed;
    total.values.right += r.values.right;
    total.values.total += r.values.total;
    for (const [k, t] of Object.entries(r.byKind)) {
      const into = (total.byKind[k] ??= { right: 0, total: 0 });
      into.right += t.right;
      into.total += t.total;
    }
  }
  const rows = [...results, total].map((r) => [r.folder, `${r.parsed}/${r.files}`, pct(r.values), ...kinds.map((k) => (r.byKind[k] ? `${r.byKind[k].right}/${r.byKind[k].total}` : '—'))]);
  const header = ['folder', 'files parsed', 'values right', ...kinds];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

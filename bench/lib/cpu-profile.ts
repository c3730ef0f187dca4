/**
 * Summarises a V8 CPU profile (`node --cpu-prof` writes one `.cpuprofile` per process) as the
 * functions with the most self time: what the note on a missed target quotes to say what
 * limits it.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { REPO_ROOT } from './load-module.ts';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly hitCount?: number;
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

export interface HotFunction {
  readonly name: string;
  /** file:line relative to the repo (node_modules paths shortened to the package). */
  readonly where: string;
  readonly selfMs: number;
  readonly percent: number;
}

function shorten(url: string): string {
  if (url === '') return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) return path.slice(nm + 'node_modules/'.length);
  return path.startsWith('/') ? relative(REPO_ROOT, path) : path;
}

/** What a profile summary holds: the top functions, and self time summed per package or source file. */
export interface ProfileSummary {
  readonly totalMs: number;
  readonly top: HotFunction[];
  /** Self time per npm package (`compromise`) or per file of ours (`src/store/index/article-index.ts`). */
  readonly modules: { readonly module: string; readonly selfMs: number; readonly percent: number }[];
}

/** The package of a node_modules path (`@scope/name` or `name`), else the path without its line. */
function moduleOf(where: string): string {
  const path = where.replace(/:\d+$/, '');
  if (path.startsWith('src/') || path.startsWith('bench/') || path.startsWith('node:') || path.startsWith('(')) return path;
  const parts = path.split('/');
  return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? path);
}

/** Top `n` functions by self time (samples × interval, idle excluded), merged by name and location. */
export function hottestFunctions(profilePath: string, n = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<string, { name: string; where: string; us: number }>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let totalUs = 0;
  samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const dt = deltas[i + 1] ?? deltas[i] ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    if (name === '(idle)') return; // waiting, not working: not part of the hot path
    totalUs += dt;
    // tsx-compiled files report lines of the compiled output, which mislead: name the file only.
    const where = `${shorten(url)}${url && !url.endsWith('.ts') ? `:${lineNumber + 1}` : ''}`;
    const key = `${name}@${where}`;
    const entry = selfUs.get(key) ?? { name, where, us: 0 };
    entry.us += dt;
    selfUs.set(key, entry);
  });
  const pct = (us: number) => (totalUs > 0 ? (100 * us) / totalUs : 0);
  const top = [...selfUs.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, n)
    .map((e) => ({ name: e.name, where: e.where, selfMs: e.us / 1000, percent: pct(e.us) }));
  const perModule = new Map<string, number>();
  for (const e of selfUs.values()) perModule.set(moduleOf(e.where), (perModule.get(moduleOf(e.where)) ?? 0) + e.us);
  const modules = [...perModule.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([module, us]) => ({ module, selfMs: us / 1000, percent: pct(us) }));
  return { totalMs: totalUs / 1000, top, modules };
}

/** The summary as text lines: per package/file first (where the time goes), then per function. */
export function formatHottest(summary: ProfileSummary): string {
  return [
    `  self ms    %   package or file — of ${summary.totalMs.toFixed(0)} ms sampled`,
    ...summary.modules.map((m) => `  ${m.selfMs.toFixed(0).padStart(7)} ${m.percent.toFixed(1).padStart(5)}%  ${m.module}`),
    '',
    `  self ms    %   function (location)`,
    ...summary.top.map((f) => `  ${f.selfMs.toFixed(0).padStart(7)} ${f.percent.toFixed(1).padStart(5)}%  ${f.name} (${f.where})`),
  ].join('\n');
}

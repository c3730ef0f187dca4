/**
 * Prints the one table `npm run bench` ends with: figure, value, baseline, ratio, target, met.
 * Plain monospaced text (and the same as Markdown for the README) so it pastes anywhere.
 */
import type { Figure } from './figures.ts';
import type { MachineInfo } from './machine.ts';

/** Three significant digits, thousands grouped; NaN as a dash. */
export function formatNumber(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '–';
  const abs = Math.abs(n);
  if (abs >= 1000) return Math.round(n).toLocaleString('en-US');
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  if (abs >= 1) return n.toFixed(2);
  return n.toPrecision(2);
}

function row(f: Figure): string[] {
  const target = f.target ? `${f.target.on === 'ratio' ? 'ratio ' : ''}${f.target.op} ${formatNumber(f.target.limit)}` : '';
  return [
    `${f.suite}: ${f.name}`,
    Number.isNaN(f.value) ? '–' : `${formatNumber(f.value)} ${f.unit}`.trim(),
    f.baseline ? `${formatNumber(f.baseline.value)} ${f.baseline.unit} (${f.baseline.name})` : '',
    f.ratio === undefined ? '' : `${formatNumber(f.ratio)}x`,
    target,
    f.met === undefined ? '' : f.met ? 'yes' : 'NO',
  ];
}

const HEADER = ['figure', 'value', 'baseline', 'ratio', 'target', 'met?'];

/** The table as Markdown (GitHub renders it; a terminal reads it fine), with notes under it. */
export function renderTable(figures: readonly Figure[], machine: MachineInfo): string {
  const rows = [HEADER, ...figures.map(row)];
  const widths = HEADER.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  const out = [line(HEADER), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)];
  const notes = figures.filter((f) => f.note).map((f) => `- ${f.suite}: ${f.name}: ${f.note}`);
  return [
    `newsgate bench, ${machine.date}, ${machine.cpuModel} (${machine.cores} cores, ${machine.memoryGiB} GiB), Node ${machine.node}`,
    '',
    ...out,
    ...(notes.length > 0 ? ['', ...notes] : []),
  ].join('\n');
}

/**
 * Writes `bench/results.json`: the machine, Node version, date, options and every figure of
 * the run, so runs can be compared by a program and the README table regenerated.
 */
import { writeFileSync } from 'node:fs';
import type { Figure } from './figures.ts';
import type { MachineInfo } from './machine.ts';

export interface BenchResults {
  readonly machine: MachineInfo;
  readonly options: Record<string, unknown>;
  readonly durationSeconds: number;
  readonly figures: readonly Figure[];
}

/** NaN is not JSON: it is written as null. */
export function writeResults(path: string, results: BenchResults): void {
  writeFileSync(path, `${JSON.stringify(results, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`);
}

/**
 * One row of the benchmark table: a measured figure, the baseline it is compared with (measured
 * in the same run), their ratio, and the target from issue 6 when there is one. Suites return
 * rows; the runner prints them and writes them to results.json.
 */

/** A target from issue 6, applied to the figure's value or to its ratio. */
export interface Target {
  readonly on: 'value' | 'ratio';
  readonly op: '>=' | '<=';
  readonly limit: number;
}

export interface Figure {
  readonly suite: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline?: { readonly name: string; readonly value: number; readonly unit: string };
  /** value / baseline.value (or as the suite defines it, said in `note`). */
  readonly ratio?: number;
  readonly target?: Target;
  /** Whether the target is met; undefined without a target. */
  readonly met?: boolean;
  /** Anything the reader must know to read the figure (sizes, a reduced scale and why). */
  readonly note?: string;
}

/** Builds a figure, computing `met` from the target. */
export function figure(f: Omit<Figure, 'met'>): Figure {
  if (!f.target) return f;
  const subject = f.target.on === 'ratio' ? f.ratio : f.value;
  const met =
    subject === undefined || Number.isNaN(subject) ? false : f.target.op === '>=' ? subject >= f.target.limit : subject <= f.target.limit;
  return { ...f, met };
}

/** A suite could not run (a module missing, Redis absent): shown in the table, never silent. */
export function skipped(suite: string, name: string, reason: string): Figure {
  return { suite, name, value: Number.NaN, unit: '', note: `SKIPPED: ${reason}` };
}

/** Ratio of two numbers, NaN when the denominator is 0 or missing. */
export const ratio = (a: number, b: number): number => (b > 0 ? a / b : Number.NaN);

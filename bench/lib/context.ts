/**
 * What every suite receives from the runner: the size preset, the seed, a scratch directory
 * removed at the end, and a logger for progress lines (stderr, so stdout keeps the table).
 */
import type { Figure } from './figures.ts';

export interface SuiteContext {
  /** `--quick`: smaller corpora and shorter runs, for trying the bench out (minutes, not ten). */
  readonly quick: boolean;
  readonly seed: number;
  /** `--full-scale`: the scale suite goes to 1M however long the restore takes. */
  readonly fullScale: boolean;
  /** A fresh temporary directory for stores and child-process files. */
  readonly tmpDir: string;
  /**
   * `--corpus-dir`: where the SQLite corpora are kept between runs (written once per seed and
   * size, reused after); absent: they are written into `tmpDir` and removed with it.
   */
  readonly corpusDir?: string;
  /** Progress to stderr. */
  log(message: string): void;
  /** Values suites share within one run (a filled SQLite file the http suite reuses, …). */
  readonly shared: Map<string, unknown>;
}

export interface Suite {
  readonly name: string;
  /** One line for `--help` and the README. */
  readonly description: string;
  run(ctx: SuiteContext): Promise<Figure[]>;
}

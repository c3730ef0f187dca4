/**
 * The shape of one `newsgate store` subcommand, and the option every one shares: which store.
 */
import { readEnv } from '../../../config/env.ts';
import type { CliIo } from '../../cli-io.ts';

export interface StoreSubcommand {
  readonly name: string;
  /** One usage line without `newsgate store ` (e.g. `migrate [--store URL]`). */
  readonly usage: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** The store a command works on: `--store URL`, else STORE_URL (validated), else the default. */
export function storeUrlOf(option: string | undefined, io: CliIo): string {
  return option ?? readEnv(io.env).storeUrl;
}

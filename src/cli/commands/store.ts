/**
 * `newsgate store <sub>`: operator commands on the article store named by STORE_URL (or
 * `--store URL`). The dispatcher only routes: each subcommand lives in its own file under
 * commands/store/ and registers itself in {@link STORE_SUBCOMMANDS}, so more (import, export,
 * copy, stats) are added without touching the others.
 */
import { EXIT, type CliIo } from '../cli-io.ts';
import { copyCommand } from './store/copy.ts';
import { exportCommand } from './store/export.ts';
import { importCommand } from './store/import.ts';
import { migrateCommand } from './store/migrate.ts';
import { statsCommand } from './store/stats.ts';
import type { StoreSubcommand } from './store/subcommand.ts';

/** Every `store` subcommand, by name. Add new ones here. */
export const STORE_SUBCOMMANDS: readonly StoreSubcommand[] = [migrateCommand, importCommand, exportCommand, copyCommand, statsCommand];

export const STORE_USAGE = `usage: ${STORE_SUBCOMMANDS.map((c) => `newsgate store ${c.usage}`).join('\n       ')}
  (the store is STORE_URL, default sqlite://data/newsgate.sqlite, or --store URL)`;

/** Runs a `store` subcommand; returns the exit code. */
export async function runStore(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const command = STORE_SUBCOMMANDS.find((c) => c.name === name);
  if (!command) {
    if (name !== undefined && name !== 'help' && name !== '--help') io.stderr(`unknown store command "${name}"\n`);
    io.stderr(`${STORE_USAGE}\n`);
    return name === 'help' || name === '--help' ? EXIT.OK : EXIT.USAGE;
  }
  return command.run(rest, io);
}

/**
 * `newsgate store <import|export|copy|stats> …`: moving articles in and out of the store and
 * looking at it, and `migrate` (create or upgrade the schema). One module per subcommand.
 */
import { EXIT, type CliIo } from '../../cli-io.ts';
import { COPY_USAGE, runStoreCopy } from './copy.ts';
import { EXPORT_USAGE, runStoreExport } from './export.ts';
import { IMPORT_USAGE, runStoreImport } from './import.ts';
import { migrateCommand } from './migrate.ts';
import { STATS_USAGE, runStoreStats } from './stats.ts';

export const STORE_USAGE = [IMPORT_USAGE, EXPORT_USAGE, COPY_USAGE, STATS_USAGE, `usage: newsgate store ${migrateCommand.usage}`].join('\n       ');

export async function runStore(argv: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'import':
      return runStoreImport(rest, io);
    case 'export':
      return runStoreExport(rest, io);
    case 'copy':
      return runStoreCopy(rest, io);
    case 'stats':
      return runStoreStats(rest, io);
    case 'migrate':
      return migrateCommand.run(rest, io);
    default:
      io.stderr(`${sub ? `unknown store command "${sub}"\n` : ''}${STORE_USAGE}\n`);
      return EXIT.USAGE;
  }
}

/**
 * `newsgate store <import|export|copy|stats> …`: moving articles in and out of the store and
 * looking at it, and `migrate` (create or upgrade the schema). One module per subcommand.
 */
import { EXIT, type CliIo } from '../../cli-io.ts';
import { runStoreCopy } from './copy.ts';
import { runStoreExport } from './export.ts';
import { runStoreImport } from './import.ts';
import { migrateCommand } from './migrate.ts';
import { STORE_USAGE } from '../../usage.ts';
import { runStoreStats } from './stats.ts';


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

/**
 * `newsgate store migrate [--store URL]`: brings the store's schema to this newsgate's version
 * (what start-up does too), and says from which version to which. Refuses a store written by a
 * newer newsgate, or by 0.1 (with the `store copy` command that upgrades it).
 */
import { parseArgs } from 'node:util';
import { asNewsgateError } from '../../../model/errors.ts';
import { openDatabase } from '../../../store/sql/open-database.ts';
import { EXIT, type CliIo } from '../../cli-io.ts';
import { storeUrlOf, type StoreSubcommand } from './subcommand.ts';

export const migrateCommand: StoreSubcommand = {
  name: 'migrate',
  usage: 'migrate [--store URL]              create or upgrade the store\'s tables',
  async run(argv, io) {
    let store: string | undefined;
    try {
      ({ values: { store } } = parseArgs({ args: [...argv], options: { store: { type: 'string' } }, strict: true }));
    } catch (err) {
      io.stderr(`${(err as Error).message}\nusage: newsgate store ${migrateCommand.usage}\n`);
      return EXIT.USAGE;
    }
    try {
      const database = await openDatabase(storeUrlOf(store, io));
      const { from, to, applied } = database.migration;
      await database.close();
      if (applied.length === 0) io.stdout(`${database.where}: schema version ${to}, up to date\n`);
      else io.stdout(`${database.where}: schema version ${from} → ${to}\n${applied.map((a) => `  applied ${a}\n`).join('')}`);
      return EXIT.OK;
    } catch (err) {
      const e = asNewsgateError(err);
      io.stderr(`${e.code}: ${e.message}\n`);
      return e.code === 'CONFIG_INVALID' ? EXIT.USAGE : EXIT.PROBLEM;
    }
  },
};

/**
 * The `newsgate` command: dispatches to one module per command.
 */
import 'reflect-metadata';
import { EXIT, type CliIo } from './cli-io.ts';
import { DICTIONARIES_USAGE, runDictionaries } from './commands/dictionaries.ts';
import { FEEDS_USAGE, runFeeds } from './commands/feeds.ts';
import { PREVIEW_USAGE, runPreview } from './commands/preview.ts';

const USAGE = `newsgate: a GraphQL gateway over news feeds

usage: newsgate serve                      start the gateway (same as npm start)
       ${PREVIEW_USAGE.replace('usage: ', '')}
       ${FEEDS_USAGE.replace('usage: ', '')}
       ${DICTIONARIES_USAGE.replace('usage: ', '')}`;

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'preview':
      return runPreview(rest, io);
    case 'feeds':
      return runFeeds(rest, io);
    case 'dictionaries':
      return runDictionaries(rest, io);
    case 'serve': {
      await import('../server/main.ts');
      return new Promise<number>(() => {});
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout(`${USAGE}\n`);
      return command === undefined ? EXIT.USAGE : EXIT.OK;
    default:
      io.stderr(`unknown command "${command}"\n${USAGE}\n`);
      return EXIT.USAGE;
  }
}

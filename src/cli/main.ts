/**
 * The `newsgate` command: dispatches to one module per command. Commands are imported only when
 * they run, so `newsgate --help` loads nothing but this file and the usage texts.
 */
import { EXIT, type CliIo } from './cli-io.ts';
import { CLI_USAGE } from './usage.ts';

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'preview': {
      await import('reflect-metadata');
      const { runPreview } = await import('./commands/preview.ts');
      return runPreview(rest, io);
    }
    case 'feeds': {
      await import('reflect-metadata');
      const { runFeeds } = await import('./commands/feeds.ts');
      return runFeeds(rest, io);
    }
    case 'demo': {
      const { runDemo } = await import('./commands/demo.ts');
      return runDemo(rest, io);
    }
    case 'store': {
      await import('reflect-metadata');
      const { runStore } = await import('./commands/store.ts');
      return runStore(rest, io);
    }
    case 'dictionaries': {
      const { runDictionaries } = await import('./commands/dictionaries.ts');
      return runDictionaries(rest, io);
    }
    case 'serve': {
      await import('../server/main.ts');
      return new Promise<number>(() => {});
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout(`${CLI_USAGE}\n`);
      return command === undefined ? EXIT.USAGE : EXIT.OK;
    default:
      io.stderr(`unknown command "${command}"\n${CLI_USAGE}\n`);
      return EXIT.USAGE;
  }
}

/**
 * `newsgate store import FILE|- [--store URL] [--batch N]`: NDJSON of Articles (one per line, as
 * `newsgate preview --json` prints them and `store export` writes them) into the store, upserted
 * by id, one transaction per batch. On stderr: each rejected line with its number and reason,
 * and progress ("committed N articles through line L") printed only once the batch is committed,
 * so after a kill -9 every article a printed line counted is in the store.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT, type CliIo } from '../../cli-io.ts';
import type { StoreSubcommand } from './subcommand.ts';
import { importArticles, IMPORT_BATCH, type ImportProgress } from '../../transfer/import-articles.ts';
import { loadCatalog } from '../../transfer/load-catalog.ts';
import { readLines } from '../../transfer/read-lines.ts';
import { failure, n, openStoreFor } from './store-target.ts';
import { storeUrlOf } from './subcommand.ts';

export const IMPORT_USAGE = 'usage: newsgate store import FILE|- [--store URL] [--batch N]';

/** Rejected lines printed one by one before the rest are only counted. */
const MAX_REPORTED = 100;
/** Progress lines at most this often (the last one is always printed). */
const PROGRESS_EVERY_MS = 500;

export async function runStoreImport(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { store: { type: 'string' }, batch: { type: 'string' } } });
  } catch (err) {
    io.stderr(`${(err as Error).message}\n${IMPORT_USAGE}\n`);
    return EXIT.USAGE;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) {
    io.stderr(`${IMPORT_USAGE}\n`);
    return EXIT.USAGE;
  }
  const batchSize = parsed.values.batch === undefined ? IMPORT_BATCH : Number(parsed.values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) {
    io.stderr(`--batch must be a whole number from 1 to 50000, got "${parsed.values.batch}"\n${IMPORT_USAGE}\n`);
    return EXIT.USAGE;
  }
  let input: AsyncIterable<Buffer | string>;
  if (file === '-') {
    if (!io.stdin) {
      io.stderr('newsgate store import: no standard input here; give a FILE\n');
      return EXIT.USAGE;
    }
    input = io.stdin;
  } else {
    const stream = createReadStream(path.resolve(io.cwd, file));
    const opened = await new Promise<Error | undefined>((resolve) => {
      stream.once('open', () => resolve(undefined));
      stream.once('error', resolve);
    });
    if (opened) {
      io.stderr(`newsgate store import: cannot read ${file}: ${opened.message}\n`);
      return EXIT.USAGE;
    }
    input = stream;
  }

  let store;
  try {
    const url = storeUrlOf(parsed.values.store, io);
    store = await openStoreFor(url, await loadCatalog(io), io, { bulk: true });
  } catch (err) {
    return failure(io, 'import', err);
  }
  const started = Date.now();
  let lastPrinted = 0;
  let shownRejected = 0;
  const say = (p: ImportProgress, final = false) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(p.committed / seconds) : p.committed;
    io.stderr(
      `store import: committed ${n(p.committed)} articles through line ${n(p.committedThroughLine)}` +
        ` (${n(p.added)} new, ${n(p.updated)} updated, ${n(p.unchanged)} unchanged, ${n(p.rejected)} rejected; ${n(rate)}/s)${final ? ', done' : ''}\n`,
    );
  };
  let result: ImportProgress;
  try {
    result = await importArticles(readLines(input), store, {
      batchSize,
      onCommitted: (p) => {
        if (Date.now() - lastPrinted < PROGRESS_EVERY_MS) return;
        lastPrinted = Date.now();
        say(p);
      },
      onRejected: (line, reason) => {
        shownRejected += 1;
        if (shownRejected <= MAX_REPORTED) io.stderr(`${file === '-' ? 'stdin' : file}:${line}: skipped: ${reason}\n`);
        else if (shownRejected === MAX_REPORTED + 1) io.stderr(`… more rejected lines are counted, not shown\n`);
      },
    });
  } catch (err) {
    await store.close().catch(() => undefined);
    return failure(io, 'import', err);
  }
  say(result, true);
  await store.close();
  if (result.rejected > 0) {
    io.stderr(`store import: ${n(result.rejected)} line${result.rejected === 1 ? ' was' : 's were'} not articles and were skipped; every other line is stored.\n`);
    return EXIT.PROBLEM;
  }
  return EXIT.OK;
}

/** `newsgate store import`, as the store dispatcher (commands/store.ts) registers it. */
export const importCommand: StoreSubcommand = {
  name: 'import',
  usage: 'import FILE|- [--store URL] [--batch N]   NDJSON of Articles into the store',
  run: runStoreImport,
};

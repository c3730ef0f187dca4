/**
 * `newsgate store export [--filter JSON] [--out FILE] [--store URL]`: every article matching the
 * filter (all by default), newest first, as NDJSON in the shape `store import` reads. With
 * `--out`, written to FILE.partial and renamed when complete, so a FILE is never half an export.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT, type CliIo } from '../../cli-io.ts';
import type { StoreSubcommand } from './subcommand.ts';
import { exportArticles } from '../../transfer/export-articles.ts';
import { loadCatalog } from '../../transfer/load-catalog.ts';
import { parseExportFilter } from '../../transfer/parse-filter.ts';
import { failure, n, openStoreFor } from './store-target.ts';
import { storeUrlOf } from './subcommand.ts';

export const EXPORT_USAGE = 'usage: newsgate store export [--filter JSON] [--out FILE] [--store URL]';

export async function runStoreExport(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: false, options: { store: { type: 'string' }, filter: { type: 'string' }, out: { type: 'string' } } });
  } catch (err) {
    io.stderr(`${(err as Error).message}\n${EXPORT_USAGE}\n`);
    return EXIT.USAGE;
  }
  let filter;
  try {
    filter = parseExportFilter(parsed.values.filter);
  } catch (err) {
    return failure(io, 'export', err);
  }
  let store;
  let catalog;
  try {
    catalog = await loadCatalog(io);
    store = await openStoreFor(storeUrlOf(parsed.values.store, io), catalog, io);
  } catch (err) {
    return failure(io, 'export', err);
  }
  const target = parsed.values.out ? path.resolve(io.cwd, parsed.values.out) : undefined;
  const partial = target ? `${target}.partial` : undefined;
  const file = partial ? createWriteStream(partial) : undefined;
  const stream: NodeJS.WritableStream | undefined = file ?? io.stdoutStream;
  const write = async (text: string): Promise<void> => {
    if (!stream) return io.stdout(text);
    if (!stream.write(text)) await once(stream, 'drain');
  };
  const started = Date.now();
  let last = 0;
  try {
    const count = await exportArticles(store, filter, catalog, write, {
      onProgress: (done) => {
        if (Date.now() - last < 1000) return;
        last = Date.now();
        io.stderr(`store export: ${n(done)} articles\n`);
      },
    });
    if (file && partial && target) {
      await new Promise<void>((resolve, reject) => {
        file.once('error', reject);
        file.end(() => resolve());
      });
      await rename(partial, target);
    }
    io.stderr(`store export: ${n(count)} articles${target ? ` written to ${target}` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return EXIT.OK;
  } catch (err) {
    if (file && partial) {
      file.destroy();
      await rm(partial, { force: true });
    }
    return failure(io, 'export', err);
  } finally {
    await store.close().catch(() => undefined);
  }
}

/** `newsgate store export`, as the store dispatcher (commands/store.ts) registers it. */
export const exportCommand: StoreSubcommand = {
  name: 'export',
  usage: 'export [--filter JSON] [--out FILE] [--store URL]   the store as NDJSON',
  run: runStoreExport,
};

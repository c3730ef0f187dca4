/**
 * What every `newsgate store` subcommand shares: which store (`--store URL`, else STORE_URL, else
 * the default SQLite file), opened with the catalog's region and topic ancestors (the store
 * expands them when it writes), and how a failure is printed.
 */
import type { EntityCatalog } from '../../../model/catalog.ts';
import { asNewsgateError, ErrorCode } from '../../../model/errors.ts';
import { ArticleStore } from '../../../store/article-store.ts';
import { redactStoreUrl } from '../../../store/store-url.ts';
import { EXIT, type CliIo } from '../../cli-io.ts';

/** SQLite page cache of the commands that write in bulk (import, copy), in MiB. */
export const BULK_CACHE_MIB = 256;

/**
 * Opens the (0.2, SQL) store at `url` for a command. Relative sqlite:// paths resolve against
 * the command's working directory, as the gateway's do against its own. `bulk`: the command
 * writes many articles (a bigger SQLite page cache, see open-database.ts).
 */
export async function openStoreFor(url: string, catalog: EntityCatalog, io: CliIo, options: { bulk?: boolean } = {}): Promise<ArticleStore> {
  return ArticleStore.open({
    url: absoluteSqlite(url, io.cwd),
    regionAncestors: (id) => catalog.regionAncestors(id),
    topicAncestors: (id) => catalog.topicAncestors(id),
    ...(options.bulk ? { sqliteCacheMiB: BULK_CACHE_MIB } : {}),
  });
}

/** `sqlite://relative/path` → `sqlite:///cwd/relative/path`, so tests and the CLI may run from any folder. */
export function absoluteSqlite(url: string, cwd: string): string {
  const m = /^sqlite:\/\/(.+)$/i.exec(url.trim());
  if (!m || m[1]!.startsWith('/')) return url;
  return `sqlite://${cwd.replace(/\/$/, '')}/${m[1]}`;
}

/** Prints a failure as `newsgate store CMD: CODE: message` and returns the exit code for it. */
export function failure(io: CliIo, command: string, err: unknown): number {
  const error = asNewsgateError(err);
  io.stderr(`newsgate store ${command}: ${error.code}: ${redactMessage(error.message)}\n`);
  return error.code === ErrorCode.CONFIG_INVALID ? EXIT.USAGE : EXIT.PROBLEM;
}

function redactMessage(message: string): string {
  return message.replace(/\b(postgres(?:ql)?|rediss?):\/\/[^\s"'`]+/gi, (url) => redactStoreUrl(url));
}

/** 12345 → "12,345". */
export function n(value: number): string {
  return value.toLocaleString('en-US');
}

/**
 * Which store URLs name a newsgate 0.1 store, and the reader for each: a `redis://` URL always
 * does (0.2 keeps no articles in Redis); a `sqlite://` file does when it holds 0.1's keyv table
 * (a 0.2 file has the SQL schema instead).
 */
import { parseStoreUrl } from '../store-url.ts';
import { isLegacySqliteFile, LegacySqliteReader } from './legacy-sqlite.ts';
import { LegacyRedisReader } from './legacy-redis.ts';
import type { LegacyStoreReader } from './legacy-records.ts';

/** True for a Redis URL, or a sqlite:// URL whose file is in 0.1's format. */
export function isLegacyStoreUrl(storeUrl: string, cwd: string = process.cwd()): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(storeUrl.trim())?.[1]?.toLowerCase();
  if (scheme === 'redis' || scheme === 'rediss') return true;
  if (scheme !== 'sqlite') return false;
  const location = parseStoreUrl(storeUrl, cwd);
  return location.kind === 'sqlite' && isLegacySqliteFile(location.path);
}

/** Opens the reader for a URL that {@link isLegacyStoreUrl} accepts. */
export async function openLegacyStore(storeUrl: string, cwd: string = process.cwd()): Promise<LegacyStoreReader> {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(storeUrl.trim())?.[1]?.toLowerCase();
  if (scheme === 'redis' || scheme === 'rediss') return LegacyRedisReader.open(storeUrl);
  const location = parseStoreUrl(storeUrl, cwd);
  if (location.kind !== 'sqlite') throw new Error(`not a 0.1 store URL: ${storeUrl}`);
  return LegacySqliteReader.open(location.path);
}

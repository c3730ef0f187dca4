/**
 * Parses store URLs into the backend they name: `STORE_URL` (the article store: SQLite,
 * PostgreSQL, in-memory SQLite), `CACHE_URL` (the response cache: memory or Redis) and the
 * sources of `newsgate store copy` (also 0.1's keyv stores on SQLite and Redis). Pure: no I/O, so the accepted forms are
 * table-tested and the error message (which lists them) is the same everywhere.
 */
import { isAbsolute, resolve } from 'node:path';
import { ErrorCode, NewsgateError } from '../model/errors.ts';

/** The default store: an embedded SQLite file under the working directory. */
export const DEFAULT_STORE_URL = 'sqlite://data/newsgate.sqlite';

/** What a store URL resolves to. */
export type StoreLocation =
  | {
      readonly kind: 'sqlite';
      /** Absolute path of the database file (relative URLs resolve against the cwd). */
      readonly path: string;
    }
  | {
      readonly kind: 'redis';
      /** The URL handed to the Redis client, without newsgate's own `prefix` parameter. */
      readonly url: string;
      /**
       * Prepended to every namespace (`<prefix>:articles`), so several deployments or test runs
       * can share one Redis database without seeing each other's keys. Empty when not given.
       */
      readonly prefix: string;
    }
  | {
      readonly kind: 'postgres';
      /** The connection string as given (postgres:// or postgresql://). */
      readonly url: string;
    }
  | {
      readonly kind: 'memory';
      /** `memory://name`: stores with the same name share data within one process. */
      readonly name: string;
    };

const ACCEPTED = [
  'sqlite://data/newsgate.sqlite (relative to the working directory)',
  'sqlite:///var/lib/newsgate/newsgate.sqlite (absolute)',
  'postgres://user:password@host:5432/database (or postgresql://)',
  'redis://host:6379[/db][?prefix=name] or rediss://… (TLS; response cache and `store copy` source only)',
  'memory:// or memory://name (tests; lost on exit)',
].join('; ');

/**
 * Resolves a store URL. Why a parser of our own: `new URL('sqlite://data/x.sqlite')` would read
 * `data` as a host, and operators write relative paths.
 */
export function parseStoreUrl(storeUrl: string, cwd: string = process.cwd()): StoreLocation {
  const url = storeUrl.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'sqlite') {
    const rest = url.slice('sqlite://'.length);
    if (rest === '' || rest.endsWith('/')) throw invalid(storeUrl, 'the SQLite URL names no file');
    if (rest === ':memory:') throw invalid(storeUrl, 'use memory:// for an in-memory store');
    return { kind: 'sqlite', path: isAbsolute(rest) ? rest : resolve(cwd, rest) };
  }
  if (scheme === 'redis' || scheme === 'rediss') {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch (cause) {
      throw invalid(storeUrl, 'it is not a valid URL', cause);
    }
    if (parsed.hostname === '') throw invalid(storeUrl, 'the Redis URL names no host');
    const prefix = parsed.searchParams.get('prefix') ?? '';
    if (!/^[A-Za-z0-9_.-]*$/.test(prefix)) {
      throw invalid(storeUrl, `the prefix "${prefix}" may only hold letters, digits, "_", "." and "-"`);
    }
    parsed.searchParams.delete('prefix');
    return { kind: 'redis', url: parsed.toString().replace(/\?$/, ''), prefix };
  }
  if (scheme === 'postgres' || scheme === 'postgresql') {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch (cause) {
      throw invalid(storeUrl, 'it is not a valid URL', cause);
    }
    if (parsed.hostname === '' && !parsed.searchParams.has('host')) throw invalid(storeUrl, 'the PostgreSQL URL names no host');
    return { kind: 'postgres', url };
  }
  if (scheme === 'memory') {
    return { kind: 'memory', name: url.slice('memory://'.length) };
  }
  throw invalid(storeUrl, scheme ? `the scheme "${scheme}:" is not supported` : 'it has no scheme');
}

/** Where articles can live (STORE_URL): SQLite, PostgreSQL or in-memory SQLite. */
export type ArticleStoreLocation = Extract<StoreLocation, { kind: 'sqlite' | 'postgres' | 'memory' }>;

/**
 * Resolves STORE_URL for the article store. Redis held articles in newsgate 0.1 only: it is
 * refused with the command that moves such a store into SQL.
 */
export function parseArticleStoreUrl(storeUrl: string, cwd: string = process.cwd()): ArticleStoreLocation {
  const location = parseStoreUrl(storeUrl, cwd);
  if (location.kind === 'redis') {
    throw new NewsgateError(
      ErrorCode.CONFIG_INVALID,
      `STORE_URL "${redactStoreUrl(storeUrl)}" names Redis, which holds articles no more (since newsgate 0.2 they live in SQLite or PostgreSQL). ` +
        `Move the articles with \`newsgate store copy ${redactStoreUrl(storeUrl)} sqlite://data/newsgate.sqlite\` (or a postgres:// URL), ` +
        'then set STORE_URL to the new store; to share the response cache through Redis, set CACHE_URL instead.',
      { details: { path: 'STORE_URL', url: redactStoreUrl(storeUrl) } },
    );
  }
  return location;
}

/** Hides the password of a Redis or PostgreSQL URL when it is put in a message or a log line. */
export function redactStoreUrl(storeUrl: string): string {
  return storeUrl.replace(/^((?:rediss?|postgres(?:ql)?):\/\/)([^@/]*)@/i, (_m, scheme: string, auth: string) =>
    auth.includes(':') ? `${scheme}${auth.split(':')[0]}:***@` : /^redis/i.test(scheme) ? `${scheme}***@` : `${scheme}${auth}@`,
  ).replace(/([?&]password=)[^&]*/i, '$1***');
}

function invalid(storeUrl: string, what: string, cause?: unknown): NewsgateError {
  return new NewsgateError(
    ErrorCode.CONFIG_INVALID,
    `STORE_URL "${redactStoreUrl(storeUrl)}" is not usable: ${what}. Accepted forms: ${ACCEPTED}.`,
    { cause, details: { path: 'STORE_URL', url: redactStoreUrl(storeUrl) } },
  );
}

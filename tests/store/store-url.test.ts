/** parseStoreUrl / redactStoreUrl: every accepted form, and the errors for the rest. */
import { describe, expect, it } from 'vitest';
import { parseArticleStoreUrl, parseStoreUrl, redactStoreUrl, DEFAULT_STORE_URL } from '../../src/store/store-url.ts';

describe('parseStoreUrl', () => {
  const ok: Array<[string, unknown]> = [
    [DEFAULT_STORE_URL, { kind: 'sqlite', path: '/srv/newsgate/data/newsgate.sqlite' }],
    ['sqlite://./x.sqlite', { kind: 'sqlite', path: '/srv/newsgate/x.sqlite' }],
    ['sqlite:///var/lib/newsgate/db.sqlite', { kind: 'sqlite', path: '/var/lib/newsgate/db.sqlite' }],
    ['  sqlite://data/a.sqlite  ', { kind: 'sqlite', path: '/srv/newsgate/data/a.sqlite' }],
    ['redis://127.0.0.1:6379', { kind: 'redis', url: 'redis://127.0.0.1:6379', prefix: '' }],
    ['redis://cache.internal:6380/2', { kind: 'redis', url: 'redis://cache.internal:6380/2', prefix: '' }],
    ['redis://127.0.0.1:6379/1?prefix=staging', { kind: 'redis', url: 'redis://127.0.0.1:6379/1', prefix: 'staging' }],
    ['rediss://user:pw@redis.example:6380', { kind: 'redis', url: 'rediss://user:pw@redis.example:6380', prefix: '' }],
    ['postgres://newsgate:pw@db:5432/newsgate', { kind: 'postgres', url: 'postgres://newsgate:pw@db:5432/newsgate' }],
    ['postgresql://db/newsgate?sslmode=require', { kind: 'postgres', url: 'postgresql://db/newsgate?sslmode=require' }],
    ['memory://', { kind: 'memory', name: '' }],
    ['memory://tests-1', { kind: 'memory', name: 'tests-1' }],
  ];
  it.each(ok)('%s', (url, expected) => {
    expect(parseStoreUrl(url, '/srv/newsgate')).toEqual(expected);
  });

  const bad: Array<[string, RegExp]> = [
    ['mongodb://localhost/newsgate', /scheme "mongodb:" is not supported/],
    ['data/newsgate.sqlite', /has no scheme/],
    ['sqlite://', /names no file/],
    ['sqlite://data/', /names no file/],
    ['sqlite://:memory:', /use memory:\/\//],
    ['redis://127.0.0.1:6379?prefix=a b', /prefix "a b"/],
  ];
  it.each(bad)('%s is CONFIG_INVALID and lists the accepted forms', (url, message) => {
    let error: unknown;
    try {
      parseStoreUrl(url, '/srv');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringMatching(message) });
    expect((error as Error).message).toContain('Accepted forms: sqlite://data/newsgate.sqlite');
  });
});

describe('redactStoreUrl', () => {
  it.each([
    ['redis://:s3cret@redis:6379', 'redis://:***@redis:6379'],
    ['rediss://admin:s3cret@redis:6379/0', 'rediss://admin:***@redis:6379/0'],
    ['redis://token@redis:6379', 'redis://***@redis:6379'],
    ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
    ['sqlite://data/newsgate.sqlite', 'sqlite://data/newsgate.sqlite'],
    ['postgres://newsgate:s3cret@db:5432/newsgate', 'postgres://newsgate:***@db:5432/newsgate'],
    ['postgresql://newsgate@db/newsgate', 'postgresql://newsgate@db/newsgate'],
    ['postgres://db/newsgate?user=x&password=s3cret', 'postgres://db/newsgate?user=x&password=***'],
  ])('%s → %s', (url, expected) => {
    expect(redactStoreUrl(url)).toBe(expected);
  });
});

describe('parseArticleStoreUrl', () => {
  it('takes SQLite, PostgreSQL and memory', () => {
    expect(parseArticleStoreUrl('postgres://db/x', '/srv').kind).toBe('postgres');
    expect(parseArticleStoreUrl('sqlite://a.sqlite', '/srv')).toEqual({ kind: 'sqlite', path: '/srv/a.sqlite' });
  });
  it('refuses Redis with the store copy command (password hidden) and CACHE_URL', () => {
    expect(() => parseArticleStoreUrl('redis://:pw@cache:6379/0')).toThrowError(
      /names Redis.*newsgate store copy redis:\/\/:\*\*\*@cache:6379\/0 sqlite:\/\/data\/newsgate\.sqlite.*CACHE_URL/,
    );
  });
});

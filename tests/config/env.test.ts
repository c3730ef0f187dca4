import { describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.ts';

describe('readEnv', () => {
  it('gives the documented defaults on an empty environment', () => {
    expect(readEnv({})).toEqual({ port: 4000, host: '0.0.0.0', feedsFile: 'feeds.json', storeUrl: 'sqlite://data/newsgate.sqlite', logLevel: 'info', poll: true, responseCache: true, cacheUrl: 'memory://' });
  });
  it('reads every variable', () => {
    const env = readEnv({ PORT: '8080', HOST: '127.0.0.1', FEEDS_FILE: 'x.json', STORE_URL: 'postgres://newsgate:pw@db:5432/newsgate', LOG_LEVEL: 'DEBUG', ADMIN_TOKEN: ' s3cret ', POLL: 'false', RESPONSE_CACHE: 'off', CACHE_URL: 'redis://127.0.0.1:6379' });
    expect(env).toEqual({ port: 8080, host: '127.0.0.1', feedsFile: 'x.json', storeUrl: 'postgres://newsgate:pw@db:5432/newsgate', logLevel: 'debug', adminToken: 's3cret', poll: false, responseCache: false, cacheUrl: 'redis://127.0.0.1:6379' });
  });
  it.each([
    [{ PORT: 'eighty' }, ['PORT', 'port number', 'PORT=4000']],
    [{ LOG_LEVEL: 'loud' }, ['LOG_LEVEL', 'one of fatal', '"loud"']],
    [{ STORE_URL: 'mysql://x' }, ['STORE_URL', 'sqlite://', 'example: STORE_URL=sqlite://data/newsgate.sqlite']],
    [{ STORE_URL: 'redis://127.0.0.1:6379' }, ['STORE_URL', 'newsgate store copy redis://127.0.0.1:6379 sqlite://data/newsgate.sqlite', 'CACHE_URL']],
    [{ CACHE_URL: 'postgres://db/x' }, ['CACHE_URL', 'memory://', 'CACHE_URL=redis://127.0.0.1:6379']],
    [{ POLL: 'maybe' }, ['POLL', 'true or false']],
  ])('rejects %j with a message naming the variable and an example', (env, fragments) => {
    expect(() => readEnv(env)).toThrow();
    try {
      readEnv(env);
    } catch (err) {
      for (const f of fragments) expect((err as Error).message).toContain(f);
    }
  });
});

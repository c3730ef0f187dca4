import { describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.ts';

describe('readEnv', () => {
  it('gives the documented defaults on an empty environment', () => {
    expect(readEnv({})).toEqual({ port: 4000, host: '0.0.0.0', feedsFile: 'feeds.json', storeUrl: 'sqlite://data/newsgate.sqlite', logLevel: 'info', poll: true, responseCache: true });
  });
  it('reads every variable', () => {
    const env = readEnv({ PORT: '8080', HOST: '127.0.0.1', FEEDS_FILE: 'x.json', STORE_URL: 'redis://127.0.0.1:6379', LOG_LEVEL: 'DEBUG', ADMIN_TOKEN: ' s3cret ', POLL: 'false', RESPONSE_CACHE: 'off' });
    expect(env).toEqual({ port: 8080, host: '127.0.0.1', feedsFile: 'x.json', storeUrl: 'redis://127.0.0.1:6379', logLevel: 'debug', adminToken: 's3cret', poll: false, responseCache: false });
  });
  it.each([
    [{ PORT: 'eighty' }, ['PORT', 'port number', 'PORT=4000']],
    [{ LOG_LEVEL: 'loud' }, ['LOG_LEVEL', 'one of fatal', '"loud"']],
    [{ STORE_URL: 'postgres://x' }, ['STORE_URL', 'sqlite://', 'example: STORE_URL=sqlite://data/newsgate.sqlite']],
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

import { describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.ts';
import { DEFAULT_QUERY_LIMITS } from '../../src/config/production-env.ts';

describe('readEnv', () => {
  it('gives the documented defaults on an empty environment', () => {
    expect(readEnv({})).toEqual({ port: 4000, host: '0.0.0.0', feedsFile: 'feeds.json', storeUrl: 'sqlite://data/newsgate.sqlite', logLevel: 'info', poll: true, responseCache: true, cacheUrl: 'memory://', corsOrigins: [], queryLimits: DEFAULT_QUERY_LIMITS });
  });
  it('reads every variable', () => {
    const env = readEnv({ PORT: '8080', HOST: '127.0.0.1', FEEDS_FILE: 'x.json', STORE_URL: 'postgres://newsgate:pw@db:5432/newsgate', LOG_LEVEL: 'DEBUG', ADMIN_TOKEN: ' s3cret ', POLL: 'false', RESPONSE_CACHE: 'off', CACHE_URL: 'redis://127.0.0.1:6379', CORS_ORIGINS: 'https://a.example,http://localhost:5173', QUERY_MAX_DEPTH: '9', QUERY_MAX_ALIASES: '8', QUERY_MAX_TOKENS: '700', QUERY_MAX_DIRECTIVES: '6', QUERY_MAX_COST: '5000', QUERY_MAX_BATCH: '4', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SERVICE_NAME: 'news-eu' });
    expect(env).toEqual({
      port: 8080, host: '127.0.0.1', feedsFile: 'x.json', storeUrl: 'postgres://newsgate:pw@db:5432/newsgate', logLevel: 'debug', adminToken: 's3cret', poll: false, responseCache: false, cacheUrl: 'redis://127.0.0.1:6379',
      corsOrigins: ['https://a.example', 'http://localhost:5173'],
      queryLimits: { maxDepth: 9, maxAliases: 8, maxTokens: 700, maxDirectives: 6, maxCost: 5000, maxBatch: 4 },
      otelEndpoint: 'http://127.0.0.1:4318',
      otelServiceName: 'news-eu',
    });
  });
  it('names the traces newsgate unless OTEL_SERVICE_NAME says otherwise', () => {
    expect(readEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example:4318' })).toMatchObject({ otelEndpoint: 'https://otel.example:4318', otelServiceName: 'newsgate' });
  });
  it.each([
    [{ PORT: 'eighty' }, ['PORT', 'port number', 'PORT=4000']],
    [{ QUERY_MAX_COST: 'lots' }, ['QUERY_MAX_COST', 'whole number', 'QUERY_MAX_COST=25000']],
    [{ QUERY_MAX_DEPTH: '0' }, ['QUERY_MAX_DEPTH', 'at least 1', 'QUERY_MAX_DEPTH=16']],
    [{ LOG_LEVEL: 'loud' }, ['LOG_LEVEL', 'one of fatal', '"loud"']],
    [{ STORE_URL: 'mysql://x' }, ['STORE_URL', 'sqlite://', 'example: STORE_URL=sqlite://data/newsgate.sqlite']],
    [{ STORE_URL: 'redis://127.0.0.1:6379' }, ['STORE_URL', 'newsgate store copy redis://127.0.0.1:6379 sqlite://data/newsgate.sqlite', 'CACHE_URL']],
    [{ CACHE_URL: 'postgres://db/x' }, ['CACHE_URL', 'memory://', 'CACHE_URL=redis://127.0.0.1:6379']],
    [{ POLL: 'maybe' }, ['POLL', 'true or false']],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTLP/HTTP', 'OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:4318']],
  ])('rejects %j with a message naming the variable and an example', (env, fragments) => {
    expect(() => readEnv(env)).toThrow();
    try {
      readEnv(env);
    } catch (err) {
      for (const f of fragments) expect((err as Error).message).toContain(f);
    }
  });
});

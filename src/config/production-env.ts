/**
 * The production settings of the environment — CORS, query limits, tracing — parsed apart from
 * the core variables so each rule sits next to its documentation. Pure: {@link readEnv} passes
 * the environment in and merges the result (still the only reader of `process.env`).
 */
import type { ConfigProblem } from './feeds-file.ts';

/** Origins allowed to call the API from a browser: a list, every origin (`*`), or none. */
export type CorsOrigins = '*' | readonly string[];

/** Limits every GraphQL operation is checked against before it runs. */
export interface QueryLimits {
  /** Nesting depth of fields, introspection included (the standard introspection query is 15). */
  readonly maxDepth: number;
  /** Aliased fields in one operation. */
  readonly maxAliases: number;
  /** Lexical tokens in one document (checked while parsing). */
  readonly maxTokens: number;
  /** Directives in one operation. */
  readonly maxDirectives: number;
  /** Estimated cost: each field 1, lists multiplied by their `first` (see query-cost.ts). */
  readonly maxCost: number;
  /** Operations in one batched HTTP request (a JSON array body). */
  readonly maxBatch: number;
}

/** Optional in the type so configs built in code (tests, bench) may leave them to the defaults. */
export interface ProductionSettings {
  readonly corsOrigins?: CorsOrigins;
  readonly queryLimits?: QueryLimits;
  /** OTLP/HTTP endpoint for traces (OTEL_EXPORTER_OTLP_ENDPOINT); none means tracing is off. */
  readonly otelEndpoint?: string;
  /** OTEL_SERVICE_NAME, the traces' `service.name` (default newsgate); set with otelEndpoint only. */
  readonly otelServiceName?: string;
}

/** Defaults, as the README documents them. */
export const PRODUCTION_DEFAULTS = Object.freeze({
  CORS_ORIGINS: '',
  QUERY_MAX_DEPTH: 16,
  QUERY_MAX_ALIASES: 30,
  QUERY_MAX_TOKENS: 5000,
  QUERY_MAX_DIRECTIVES: 50,
  QUERY_MAX_COST: 25_000,
  QUERY_MAX_BATCH: 10,
});

const LIMIT_VARS = {
  maxDepth: 'QUERY_MAX_DEPTH',
  maxAliases: 'QUERY_MAX_ALIASES',
  maxTokens: 'QUERY_MAX_TOKENS',
  maxDirectives: 'QUERY_MAX_DIRECTIVES',
  maxCost: 'QUERY_MAX_COST',
  maxBatch: 'QUERY_MAX_BATCH',
} as const;

/** `CORS_ORIGINS`: empty (same-origin only), `*`, or a comma list of `scheme://host[:port]`. */
export function parseCorsOrigins(raw: string, problems: ConfigProblem[]): CorsOrigins {
  const value = raw.trim();
  if (value === '*') return '*';
  const origins: string[] = [];
  for (const item of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    let origin: string | undefined;
    try {
      const url = new URL(item);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === item.replace(/\/$/, '').toLowerCase()) origin = url.origin;
    } catch {
      origin = undefined;
    }
    if (origin === undefined) {
      problems.push({
        path: 'CORS_ORIGINS',
        message: `"${item}" is not an origin: write scheme://host[:port], lower case, without a path (or * for every origin).`,
        example: 'CORS_ORIGINS=https://app.example.org,http://localhost:5173',
      });
    } else origins.push(origin);
  }
  return Object.freeze(origins);
}

/** Reads the production variables, adding one problem per bad value to `problems`. */
export function readProductionEnv(env: NodeJS.ProcessEnv, problems: ConfigProblem[]): ProductionSettings {
  const text = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const limits: Record<string, number> = {};
  for (const [key, name] of Object.entries(LIMIT_VARS)) {
    const raw = text(name);
    const n = raw === undefined ? PRODUCTION_DEFAULTS[name] : Number(raw);
    if (!Number.isInteger(n) || n < 1) {
      problems.push({ path: name, message: `must be a whole number of at least 1, got "${raw}".`, example: `${name}=${PRODUCTION_DEFAULTS[name]}` });
    }
    limits[key] = n;
  }
  const otelEndpoint = text('OTEL_EXPORTER_OTLP_ENDPOINT');
  if (otelEndpoint !== undefined && !/^https?:\/\/[^/\s]+/i.test(otelEndpoint)) {
    problems.push({
      path: 'OTEL_EXPORTER_OTLP_ENDPOINT',
      message: `must be the http(s) base URL of an OTLP/HTTP collector (traces go to <it>/v1/traces), got "${otelEndpoint}".`,
      example: 'OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:4318',
    });
  }
  return Object.freeze({
    corsOrigins: parseCorsOrigins(text('CORS_ORIGINS') ?? PRODUCTION_DEFAULTS.CORS_ORIGINS, problems),
    queryLimits: Object.freeze(limits as unknown as QueryLimits),
    ...(otelEndpoint ? { otelEndpoint, otelServiceName: text('OTEL_SERVICE_NAME') ?? 'newsgate' } : {}),
  });
}

/** The limits when none are configured. */
export const DEFAULT_QUERY_LIMITS: QueryLimits = readProductionEnv({}, []).queryLimits!;

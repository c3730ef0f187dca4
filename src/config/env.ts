/**
 * Reads the environment: the only place newsgate looks at `process.env` (callers pass it in,
 * so tests and the CLI can give their own).
 */
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import type { EnvSettings, LogLevel } from './config.types.ts';
import type { ConfigProblem } from './feeds-file.ts';
import { parseArticleStoreUrl, redactStoreUrl } from '../store/store-url.ts';
import { readProductionEnv } from './production-env.ts';

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Defaults of every variable, as the README documents them. */
export const ENV_DEFAULTS = Object.freeze({
  PORT: '4000',
  HOST: '0.0.0.0',
  FEEDS_FILE: 'feeds.json',
  STORE_URL: 'sqlite://data/newsgate.sqlite',
  LOG_LEVEL: 'info',
  POLL: 'true',
  RESPONSE_CACHE: 'on',
  CACHE_URL: 'memory://',
});

/** A proxy URL without its password, for messages. */
function redactUserinfo(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

/** Validates and types the environment. Throws NewsgateError(CONFIG_INVALID) naming each bad variable. */
export function readEnv(env: NodeJS.ProcessEnv): EnvSettings {
  const get = (name: keyof typeof ENV_DEFAULTS): string => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? ENV_DEFAULTS[name] : v.trim();
  };
  const problems: ConfigProblem[] = [];
  const port = Number(get('PORT'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push({ path: 'PORT', message: `must be a port number 0-65535, got "${get('PORT')}".`, example: 'PORT=4000' });
  }
  const logLevel = get('LOG_LEVEL').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push({ path: 'LOG_LEVEL', message: `must be one of ${LOG_LEVELS.join(', ')}, got "${get('LOG_LEVEL')}".`, example: 'LOG_LEVEL=info' });
  }
  const storeUrl = get('STORE_URL');
  try {
    parseArticleStoreUrl(storeUrl);
  } catch (err) {
    problems.push({ path: 'STORE_URL', message: (err as Error).message, example: 'STORE_URL=sqlite://data/newsgate.sqlite or STORE_URL=postgres://newsgate@db:5432/newsgate' });
  }
  const cacheUrl = get('CACHE_URL');
  if (!/^(memory|redis|rediss):\/\//i.test(cacheUrl)) {
    problems.push({ path: 'CACHE_URL', message: `must start with memory:// (per process) or redis:// / rediss:// (shared by replicas), got "${redactStoreUrl(cacheUrl)}".`, example: 'CACHE_URL=redis://127.0.0.1:6379' });
  }
  const poll = get('POLL').toLowerCase();
  if (!['true', 'false', '1', '0', 'yes', 'no'].includes(poll)) {
    problems.push({ path: 'POLL', message: `must be true or false, got "${get('POLL')}".`, example: 'POLL=false' });
  }
  const responseCache = get('RESPONSE_CACHE').toLowerCase();
  if (!['on', 'off'].includes(responseCache)) {
    problems.push({ path: 'RESPONSE_CACHE', message: `must be on or off, got "${get('RESPONSE_CACHE')}".`, example: 'RESPONSE_CACHE=off' });
  }
  // Upper case first, as curl reads them; lower case is what many shells and containers set.
  const pick = (name: string): string | undefined => (env[name] ?? env[name.toLowerCase()])?.trim() || undefined;
  const httpProxy = pick('HTTP_PROXY');
  const httpsProxy = pick('HTTPS_PROXY');
  const noProxy = pick('NO_PROXY');
  for (const [name, value] of [['HTTP_PROXY', httpProxy], ['HTTPS_PROXY', httpsProxy]] as const) {
    if (value !== undefined && !/^https?:\/\/[^/]+\/?$|^[^/:]+(:\d+)?$/i.test(value)) {
      problems.push({ path: name, message: `must be a proxy URL like http://proxy.internal:3128, got "${redactUserinfo(value)}".`, example: `${name}=http://proxy.internal:3128` });
    }
  }
  const production = readProductionEnv(env, problems);
  if (problems.length > 0) {
    throw new NewsgateError(
      ErrorCode.CONFIG_INVALID,
      `environment: ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems
        .map((p) => `  - ${p.path}: ${p.message}${p.example ? `\n      example: ${p.example}` : ''}`)
        .join('\n')}`,
      { details: { problems } },
    );
  }
  const adminToken = env.ADMIN_TOKEN?.trim();
  const webhookSecret = env.WEBHOOK_SECRET?.trim();
  return Object.freeze({
    port,
    host: get('HOST'),
    feedsFile: get('FEEDS_FILE'),
    storeUrl,
    logLevel,
    poll: ['true', '1', 'yes'].includes(poll),
    responseCache: responseCache === 'on',
    cacheUrl,
    ...production,
    ...(httpProxy || httpsProxy || noProxy
      ? { proxy: Object.freeze({ ...(httpProxy ? { httpProxy } : {}), ...(httpsProxy ? { httpsProxy } : {}), ...(noProxy ? { noProxy } : {}) }) }
      : {}),
    ...(adminToken ? { adminToken } : {}),
    ...(webhookSecret ? { webhookSecret } : {}),
  });
}

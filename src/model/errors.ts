/**
 * One error type for the whole of newsgate, with one code enum (after Apollo Server's
 * `errors/`): every failure a user or operator can meet carries a stable `code`, a message
 * that says what, where and how to fix it, and the underlying `cause` when there is one.
 */
export enum ErrorCode {
  /** feeds.json or env is invalid; start-up stops. */
  CONFIG_INVALID = 'CONFIG_INVALID',
  /** A dictionary file under data/ (or a user extension) is invalid. */
  DICTIONARY_INVALID = 'DICTIONARY_INVALID',
  /** Connect, header or total timeout while fetching a feed. */
  FETCH_TIMEOUT = 'FETCH_TIMEOUT',
  /** The body exceeded the configured size cap. */
  FETCH_TOO_LARGE = 'FETCH_TOO_LARGE',
  /** More redirects than allowed, or a redirect loop. */
  FETCH_TOO_MANY_REDIRECTS = 'FETCH_TOO_MANY_REDIRECTS',
  /** A URL scheme that is not allowed (only http/https, or file: when a feed allows it). */
  FETCH_PROTOCOL = 'FETCH_PROTOCOL',
  /** A redirect or link the publisher chose leads to a loopback, private or link-local address (see fetch.allowPrivateAddresses). */
  FETCH_FORBIDDEN_ADDRESS = 'FETCH_FORBIDDEN_ADDRESS',
  /** The server answered with a status that is not 2xx/304. */
  FETCH_HTTP_STATUS = 'FETCH_HTTP_STATUS',
  /** DNS, connection refused/reset, TLS and other transport failures. */
  FETCH_NETWORK = 'FETCH_NETWORK',
  /** Bytes could not be decoded to text. */
  DECODE_FAILED = 'DECODE_FAILED',
  /** The document is not RSS, Atom or JSON Feed. */
  PARSE_NOT_A_FEED = 'PARSE_NOT_A_FEED',
  /** The document is a feed but so broken that no item could be read. */
  PARSE_MALFORMED = 'PARSE_MALFORMED',
  /** An article's page was fetched but is not the article (consent wall, paywall, too short…): the feed's text was kept. */
  FULL_TEXT_UNUSABLE = 'FULL_TEXT_UNUSABLE',
  /** The store (SQLite file, Redis) could not be reached or written. */
  STORE_UNAVAILABLE = 'STORE_UNAVAILABLE',
  /** The store's schema was written by a newer newsgate: refused, nothing changed. */
  STORE_TOO_NEW = 'STORE_TOO_NEW',
  /** The store was written by newsgate 0.1 (keyv tables): `newsgate store copy` upgrades it. */
  STORE_OLD_FORMAT = 'STORE_OLD_FORMAT',
  /** A GraphQL argument is invalid (bad cursor, date, id, filter). */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** A GraphQL request over a limit (cost, depth, aliases, tokens, directives, batch size); refused before it runs. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** A requested object does not exist. */
  NOT_FOUND = 'NOT_FOUND',
  /** A mutation needs ADMIN_TOKEN. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** Anything unexpected. */
  INTERNAL = 'INTERNAL',
}

/** Options of {@link NewsgateError}: a cause, and structured details for logs and `extensions`. */
export interface NewsgateErrorOptions {
  cause?: unknown;
  /** Machine-readable facts: file, JSON path, feed id, URL, HTTP status, … */
  details?: Record<string, unknown>;
}

/**
 * The error newsgate throws and keeps (e.g. as a feed's last error). `message` is written for
 * the person who must act on it; `code` is for programs.
 */
export class NewsgateError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: NewsgateErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'NewsgateError';
    this.code = code;
    this.details = options.details ?? {};
  }

  /** A plain, JSON-safe view for logs, the store and GraphQL. */
  toJSON(): { code: ErrorCode; message: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** Wraps anything thrown into a NewsgateError, keeping the original as `cause`. */
export function asNewsgateError(err: unknown, fallback: ErrorCode = ErrorCode.INTERNAL): NewsgateError {
  if (err instanceof NewsgateError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new NewsgateError(fallback, message, { cause: err });
}

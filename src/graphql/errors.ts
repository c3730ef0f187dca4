/**
 * How the GraphQL layer reports failures. Resolvers throw {@link NewsgateError} with the codes
 * of src/model/errors.ts; {@link createFormatError} turns them into `extensions.code` for the
 * client, and masks everything unexpected as INTERNAL_SERVER_ERROR after logging the original,
 * so no stack trace or internal message ever reaches a client.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import type { ExecutionResult, FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import { GraphQLError } from 'graphql';
import { tokenLimitDetails } from './use-query-limits.ts';


/** Codes a client may see and act on; any other NewsgateError is masked. */
const PUBLIC_CODES: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.STORE_UNAVAILABLE,
  ErrorCode.QUERY_TOO_COMPLEX,
]);

/** The code unexpected errors are reported with (Apollo's name, which clients know). */
export const INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR';

/** A BAD_USER_INPUT error: `message` must say what was wrong and what to send instead. */
export function badUserInput(message: string, details: Record<string, unknown> = {}): NewsgateError {
  return new NewsgateError(ErrorCode.BAD_USER_INPUT, message, { details });
}

/** The subset of a pino logger the GraphQL layer writes to. */
export interface ErrorLogger {
  error(obj: object, msg: string): void;
}

/** Finds a NewsgateError thrown by our code, however graphql-js or Apollo wrapped it. */
function findNewsgateError(error: unknown): NewsgateError | undefined {
  let current: unknown = unwrapResolverError(error);
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    if (current instanceof NewsgateError) return current;
    current = current instanceof GraphQLError ? current.originalError : undefined;
  }
  return undefined;
}

/** The 4xx status Apollo put on a request error raised before execution (no path), if any. */
function clientStatus(error: unknown): number | undefined {
  if (!(error instanceof GraphQLError) || error.path !== undefined) return undefined;
  const status = (error.extensions?.['http'] as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/**
 * Apollo's `formatError`: expected errors keep their message and get `extensions.code` (and
 * `extensions.details` when our error has some); Apollo's own request errors (parse,
 * validation, bad variables) pass through; anything else is logged and masked.
 */
export function createFormatError(logger: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const ours = findNewsgateError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (ours?.code === ErrorCode.STORE_UNAVAILABLE) {
      // The real message names the store URL and the driver's error: for the logs, not clients.
      logger.error({ err: ours.message, path: formatted.path }, 'store unavailable during a GraphQL request');
      return { ...base, message: 'The article store is unavailable right now; retry in a moment.', extensions: { code: ours.code } };
    }
    if (ours !== undefined && PUBLIC_CODES.has(ours.code)) {
      const details = Object.keys(ours.details).length > 0 ? { details: ours.details } : {};
      return { ...base, extensions: { code: ours.code, ...details } };
    }
    const tokens = ours === undefined ? tokenLimitDetails(formatted.message) : undefined;
    if (tokens !== undefined) {
      return { ...base, message: `${formatted.message} At most ${tokens.max} tokens are allowed (QUERY_MAX_TOKENS): send a shorter query, with variables instead of inlined data.`, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, details: tokens } };
    }
    const code = formatted.extensions?.['code'];
    if (ours === undefined && typeof code === 'string' && code !== INTERNAL_SERVER_ERROR) {
      // Apollo's own request errors (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED,
      // BAD_USER_INPUT for variables, …): meant for the client, without any stack trace.
      return { ...base, extensions: { code } };
    }
    if (ours === undefined && clientStatus(error) !== undefined) {
      // Apollo's request errors that carry only an HTTP status ("provided sha does not match
      // query" for a persisted query): the client's mistake, said as Apollo says it.
      return { ...base, extensions: { code: 'BAD_REQUEST' } };
    }
    logger.error({ err: unwrapResolverError(error), path: formatted.path }, 'unexpected error in a GraphQL request');
    return { ...base, message: 'Internal server error', extensions: { code: INTERNAL_SERVER_ERROR } };
  };
}

/**
 * The same formatting for results that do not go through Apollo: subscriptions over
 * graphql-ws (use it as `onNext: (_ctx, _id, _payload, result) => mask(result)`). An error
 * with no path and none of ours inside was raised by graphql-js before execution (variables
 * that do not fit their types): it is the client's, BAD_USER_INPUT; everything else is
 * formatted as Apollo would, unexpected errors masked.
 */
export function createResultMasker(logger: ErrorLogger) {
  const format = createFormatError(logger);
  return (result: ExecutionResult | FormattedExecutionResult): FormattedExecutionResult => {
    if (result.errors === undefined) return result as FormattedExecutionResult;
    const errors = result.errors.map((error) => {
      if (!(error instanceof GraphQLError)) return error;
      const formatted = error.toJSON();
      if (error.path === undefined && findNewsgateError(error) === undefined && formatted.extensions?.['code'] === undefined) {
        return { ...formatted, extensions: { code: ErrorCode.BAD_USER_INPUT } };
      }
      return format(formatted, error);
    });
    return { ...result, errors } as FormattedExecutionResult;
  };
}

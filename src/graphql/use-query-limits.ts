/**
 * Query limits, priced before anything runs: depth (introspection fields included), aliases
 * and directives as validation rules from graphql-armor; tokens while parsing (graphql-js's own
 * `maxTokens`); the estimated cost (query-cost.ts: lists priced by `first`) once the operation
 * and its variables are known, before execution. Every refusal says what was measured, the limit
 * and the code QUERY_TOO_COMPLEX. One factory, one feature: spread its fields into Apollo's config.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from '../config/production-env.ts';
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import { operationCost } from './query-cost.ts';

/** The error a refused request carries: the message for people, details for programs. */
export function queryTooComplex(message: string, details: { limit: string; max: number; found?: number }): NewsgateError {
  return new NewsgateError(ErrorCode.QUERY_TOO_COMPLEX, message, { details });
}

/** As a GraphQLError (what validation and Apollo's hooks report), answered with HTTP 400. */
function asGraphQLError(error: NewsgateError): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status: 400 } } });
}

const HINTS = {
  depth: 'Ask for fewer nested levels and fetch the rest with a second query (by id).',
  aliases: 'Ask for fewer aliased fields per request, or use one field with a wider filter.',
  directives: 'Use fewer directives.',
} as const;

/** An armor rule whose refusal is reported (not thrown) with our code and wording. */
function armorRule(kind: keyof typeof HINTS, max: number, make: (options: object) => ValidationRule): ValidationRule {
  return make({
    n: max,
    exposeLimits: true,
    propagateOnRejection: false,
    // Depth counts fields (a fragment spread is not a level) and introspection fields too.
    ...(kind === 'depth' ? { ignoreIntrospection: false, flattenFragments: true } : {}),
    onReject: [
      (context: ValidationContext | null, err: GraphQLError) => {
        const found = Number(/found (\d+)/.exec(err.message)?.[1]);
        const message = `The query has ${Number.isFinite(found) ? found : 'more than ' + max} ${kind === 'depth' ? 'levels of nesting' : kind}; at most ${max} are allowed (QUERY_MAX_${kind.toUpperCase()}). ${HINTS[kind]}`;
        context?.reportError(asGraphQLError(queryTooComplex(message, { limit: kind, max, ...(Number.isFinite(found) ? { found } : {}) })));
      },
    ],
  });
}

/**
 * graphql-js refuses a document over `maxTokens` while parsing, as GRAPHQL_PARSE_FAILED; this
 * gives that refusal the code and details of the other limits (used by formatError).
 */
export function tokenLimitDetails(message: string): { limit: 'tokens'; max: number } | undefined {
  const m = /^Syntax Error: Document contains more (?:than|that) (\d+) tokens/.exec(message);
  return m ? { limit: 'tokens', max: Number(m[1]) } : undefined;
}

export interface QueryLimitsConfig {
  /** For Apollo's `parseOptions`. */
  readonly parseOptions: ParseOptions;
  /** For Apollo's `validationRules`. */
  readonly validationRules: ValidationRule[];
  /** Prices the resolved operation with its variables and refuses it over the limit. */
  readonly plugin: ApolloServerPlugin<any>;
}

/** Apollo configuration enforcing `limits` (the configured QUERY_MAX_* or the defaults). */
export function useQueryLimits(limits: QueryLimits = DEFAULT_QUERY_LIMITS): QueryLimitsConfig {
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [
      armorRule('depth', limits.maxDepth, maxDepthRule as (o: object) => ValidationRule),
      armorRule('aliases', limits.maxAliases, maxAliasesRule as (o: object) => ValidationRule),
      armorRule('directives', limits.maxDirectives, maxDirectivesRule as (o: object) => ValidationRule),
    ],
    plugin: {
      async requestDidStart() {
        return {
          async didResolveOperation({ schema, document, operation, request }) {
            if (operation === undefined) return;
            const cost = operationCost(schema, document, operation, request.variables ?? {});
            if (cost > limits.maxCost) {
              throw asGraphQLError(
                queryTooComplex(
                  `The query would cost ${Math.round(cost)}; at most ${limits.maxCost} is allowed (QUERY_MAX_COST). Each field costs 1 and lists multiply what they select by their \`first\` (10 when they have none): ask for smaller pages or fewer nested lists.`,
                  { limit: 'cost', max: limits.maxCost, found: Math.round(cost) },
                ),
              );
            }
          },
        };
      },
    },
  };
}

/**
 * Builds the GraphQL schema from the type-graphql classes, and the Apollo Server over it.
 * The schema does not depend on the services (they come in each request's context), so it is
 * built once per process and `npm run schema` prints the same schema the server runs.
 */
import 'reflect-metadata';
import { ApolloServer, type ApolloServerPlugin, type GraphQLRequest } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { pino } from 'pino';
import { buildSchemaSync, type PubSub } from 'type-graphql';
import { ErrorCode, NewsgateError } from '../model/errors.ts';
import { createContext, type Context, type GatewayServices } from './context.ts';
import { cacheControlDirective, DEFAULT_MAX_AGE } from './cache-hints.ts';
import { createFormatError, type ErrorLogger } from './errors.ts';
import { useQueryLimits } from './use-query-limits.ts';
import { useOperationMetrics } from './use-operation-metrics.ts';
import { useStaticCacheHints } from './use-static-cache-hints.ts';
import { preferSimpleResolvers } from './simple-resolvers.ts';
import { jitGateway } from './jit-executor.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { QueryLimits } from '../config/production-env.ts';
import { ActorAffiliationResolver, ActorResolver } from './resolvers/actor.resolver.ts';
import { ArticleResolver } from './resolvers/article.resolver.ts';
import {
  ActorCooccurrenceResolver,
  ActorCountResolver,
  ActorFacetResolver,
  ActorPairResolver,
  AnalystResolver,
  ArticleHighlightsResolver,
  RegionFacetResolver,
  SourceFacetResolver,
  TopicFacetResolver,
} from './resolvers/analyst.resolver.ts';
import { ArticleStoryResolver, StoryResolver } from './resolvers/story.resolver.ts';
import { CandidateResolver } from './resolvers/candidate.resolver.ts';
import { ArticleActorResolver, ArticleRegionResolver, ArticleTopicResolver } from './resolvers/entity-on-article.resolver.ts';
import { FeedResolver } from './resolvers/feed.resolver.ts';
import { RegionResolver } from './resolvers/region.resolver.ts';
import { SavedSearchResolver } from './resolvers/saved-search.resolver.ts';
import { SubscriptionResolver } from './resolvers/subscription.resolver.ts';
import { TopicResolver } from './resolvers/topic.resolver.ts';

/**
 * type-graphql refuses to build a schema with subscriptions unless a PubSub is given, even when
 * every subscription brings its own `subscribe` (ours read `services.events` from the context,
 * so one schema serves any set of services). This PubSub is never used; if a future
 * `@Subscription({ topics })` reached it, it would fail loudly instead of staying silent.
 */
const TOPICS_UNSUPPORTED: PubSub = {
  publish(): void {
    throw new NewsgateError(ErrorCode.INTERNAL, 'newsgate subscriptions take events from GatewayServices.events; do not publish to type-graphql topics.');
  },
  subscribe(routingKey: string): AsyncIterable<unknown> {
    throw new NewsgateError(
      ErrorCode.INTERNAL,
      `A subscription asked for type-graphql topic "${routingKey}"; newsgate subscriptions must use \`subscribe\` over GatewayServices.events.`,
    );
  },
};

let schema: GraphQLSchema | undefined;

/**
 * The schema of the gateway, built once per process (synchronously, so the server, the
 * WebSocket server and `npm run schema` share one object without awaiting each other).
 */
export function buildGatewaySchema(): GraphQLSchema {
  if (schema) return schema;
  preferSimpleResolvers();
  schema = buildSchemaSync({
    resolvers: [
      ArticleResolver,
      AnalystResolver,
      ActorCooccurrenceResolver,
      ArticleHighlightsResolver,
      ActorFacetResolver,
      RegionFacetResolver,
      TopicFacetResolver,
      SourceFacetResolver,
      ActorPairResolver,
      ActorCountResolver,
      StoryResolver,
      ArticleStoryResolver,
      ArticleActorResolver,
      ArticleRegionResolver,
      ArticleTopicResolver,
      FeedResolver,
      ActorResolver,
      ActorAffiliationResolver,
      RegionResolver,
      TopicResolver,
      CandidateResolver,
      SubscriptionResolver,
      SavedSearchResolver,
    ],
    validate: false,
    directives: [cacheControlDirective],
    pubSub: TOPICS_UNSUPPORTED,
  });
  return schema;
}

/** Logger the gateway writes to: pino, or anything with the same methods. */
export interface GatewayLogger extends ErrorLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

export interface GatewayOptions {
  /** Where masked errors and Apollo's own messages go (default: pino at `info` on stdout). */
  readonly logger?: GatewayLogger;
  /** Cache-Control max-age, in seconds, of responses without a tighter hint (default 5). */
  readonly defaultMaxAge?: number;
  /**
   * Apollo's response cache over this store (the `cache` namespace). `generation` changes
   * whenever articles are added, updated or removed: it is part of every cache key, so no
   * cached answer outlives the articles it was computed from.
   */
  readonly responseCache?: { readonly cache: KeyValueCache<string>; generation(): string };
  /** Where operations are counted and timed (none: not measured). */
  readonly metrics?: Pick<Metrics, 'graphqlOperations' | 'graphqlSeconds'>;
  /** Depth, alias, token, directive and cost limits (default: the documented QUERY_MAX_* defaults). */
  readonly queryLimits?: QueryLimits;
  /**
   * What executes operations: graphql-jit (the default, see jit-executor.ts) or graphql-js's
   * `execute` (the bench compares them; Apollo's per-field plugin hooks need it).
   */
  readonly executor?: 'jit' | 'graphql-js';
  /** OpenTelemetry (src/observability/tracing.ts): a span per operation, active while it executes. */
  readonly tracing?: GraphQLTracing;
}

/** What the GraphQL layer needs of tracing, without importing OpenTelemetry itself. */
export interface GraphQLTracing {
  readonly graphqlPlugin: ApolloServerPlugin<object>;
  inOperation<T>(contextValue: object, fn: () => T): T;
}

/**
 * Apollo's cache-control plugin gives every response the default max-age, mutations included;
 * a mutation's answer (authenticated, and describing a change) must never be cached.
 */
const NO_CACHE_FOR_MUTATIONS: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async executionDidStart(requestContext) {
        if (requestContext.operation.operation !== 'query') requestContext.overallCachePolicy.restrict({ maxAge: 0 });
      },
    };
  },
};

/** Adapts our (obj, msg) logger to Apollo's (message) logger. */
function apolloLogger(logger: GatewayLogger) {
  return {
    debug: (message: string) => logger.debug({}, message),
    info: (message: string) => logger.info({}, message),
    warn: (message: string) => logger.warn({}, message),
    error: (message: string) => logger.error({}, message),
  };
}

/**
 * Apollo Server 5 over the gateway schema: introspection on (the playground and clients need
 * it), Apollo's landing page off (newsgate serves its own offline playground), errors
 * formatted and masked by {@link createFormatError}, cache hints with a short default max-age.
 * Requests get their context from {@link createContext} (the HTTP handler and the WebSocket
 * server build it), so `services` is only read here to tell the operator which optional
 * features are off. The caller starts it (`await apollo.start()`) and stops it on shutdown.
 */
export function createApolloServer(services: GatewayServices, options: GatewayOptions = {}): ApolloServer<Context> {
  const logger: GatewayLogger = options.logger ?? pino({ name: 'graphql' });
  if (services.adminToken === undefined || services.adminToken === '') {
    logger.info({}, 'no ADMIN_TOKEN: refreshFeed and other mutations are refused');
  }
  if (services.candidates === undefined) logger.info({}, 'no discovery service: `candidates` answers an empty list');
  const limits = useQueryLimits(options.queryLimits);
  const schema = buildGatewaySchema();
  return new ApolloServer<Context>({
    ...(options.executor === 'graphql-js' ? { schema } : { gateway: jitGateway(schema, options.tracing?.inOperation) }),
    introspection: true,
    // The process owns SIGTERM/SIGINT (src/server/shutdown-on-signals.ts); Apollo's handler would
    // re-raise the signal after stopping itself, cutting the gateway's own drain short.
    stopOnTerminationSignals: false,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    // Batches are capped at QUERY_MAX_BATCH operations by the HTTP handler; each is priced alone.
    allowBatchedHttpRequests: true,
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError(logger),
    logger: apolloLogger(logger),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ...(options.tracing ? [options.tracing.graphqlPlugin] : []),
      ...useStaticCacheHints(options.defaultMaxAge ?? DEFAULT_MAX_AGE),
      NO_CACHE_FOR_MUTATIONS,
      limits.plugin,
      ...(options.metrics ? [useOperationMetrics(options.metrics)] : []),
      ...(options.responseCache
        ? [
            responseCachePlugin({
              cache: options.responseCache.cache,
              // Everyone sees the same articles: one PUBLIC entry per query, per store generation.
              sessionId: async () => null,
              extraCacheKeyData: async () => options.responseCache!.generation(),
            }),
          ]
        : []),
    ],
  });
}

/** Runs one operation in-process with a fresh context, as an HTTP request would (tests, scripts). */
export function executeOperation(
  apollo: ApolloServer<Context>,
  services: GatewayServices,
  request: Omit<GraphQLRequest, 'query'> & { query: string },
  authorization?: string,
): ReturnType<ApolloServer<Context>['executeOperation']> {
  return apollo.executeOperation(request, { contextValue: createContext(services, authorization) });
}

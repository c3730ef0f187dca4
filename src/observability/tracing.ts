/**
 * OpenTelemetry traces, on only when OTEL_EXPORTER_OTLP_ENDPOINT is set: this module and the
 * OpenTelemetry SDK are imported by the gateway only then, so a default start loads none of it.
 *
 * Spans, exported over OTLP/HTTP (JSON) to `<endpoint>/v1/traces` in batches:
 *   - one SERVER span per HTTP request (@opentelemetry/instrumentation-http, which also traces
 *     outgoing requests made with node:http);
 *   - one span per GraphQL operation, a child of its request's span, named
 *     `query OperationName` (an Apollo plugin: Apollo parses, validates and executes, and
 *     graphql-jit replaces graphql-js's execute, which instrumentation-graphql would patch);
 *   - one CLIENT span per database call of the article store (its `run` wrapper: "read a page of
 *     articles", "read 20 articles", …), a child of the operation that made it.
 * Resolvers get no spans of their own: a page of articles resolves ~700 fields.
 */
import { createRequire } from 'node:module';
import type { ApolloServerPlugin } from '@apollo/server';
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';

export interface TracingSettings {
  /** OTEL_EXPORTER_OTLP_ENDPOINT: the collector's base URL (`/v1/traces` is appended). */
  readonly endpoint: string;
  /** OTEL_SERVICE_NAME (default newsgate). */
  readonly serviceName: string;
  readonly version: string;
  /** Which SQL engine the store runs on, for the database spans' `db.system.name`. */
  readonly dbSystem?: () => string | undefined;
}

/** What the gateway wires in when tracing is on. */
export interface Tracing {
  /** Apollo plugin: a span per GraphQL operation. */
  readonly graphqlPlugin: ApolloServerPlugin<object>;
  /** Runs `fn` (an operation's execution) with the operation's span active, so its database spans nest under it. */
  inOperation<T>(contextValue: object, fn: () => T): T;
  /** Wraps one database call in a span. */
  traceDatabase<T>(what: string, fn: () => Promise<T>): Promise<T>;
  /** Sends the spans still buffered and stops (on shutdown). */
  shutdown(): Promise<void>;
}

/** The OTLP/HTTP traces URL for a base endpoint, as the OTLP exporter specification builds it. */
export function tracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

/** Starts the SDK (provider, exporter, HTTP instrumentation); call before the HTTP server is created. */
export function startTracing(settings: TracingSettings): Tracing {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName, [ATTR_SERVICE_VERSION]: settings.version }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(settings.endpoint) }))],
  });
  // Registers the AsyncLocalStorage context manager: a request's spans find their parent.
  provider.register();
  const unregister = registerInstrumentations({ tracerProvider: provider, instrumentations: [new HttpInstrumentation()] });
  // node:http was imported (as an ES module) before this ran: requiring it lets the
  // instrumentation patch the shared module object, whose Server the gateway creates next.
  createRequire(import.meta.url)('node:http');
  const tracer = provider.getTracer('newsgate', settings.version);
  const operations = new WeakMap<object, Span>();

  const graphqlPlugin: ApolloServerPlugin<object> = {
    async requestDidStart(requestContext) {
      const span = tracer.startSpan('GraphQL Operation', { kind: SpanKind.INTERNAL }, context.active());
      operations.set(requestContext.contextValue, span);
      return {
        async didResolveOperation({ operation, operationName }) {
          const type = operation?.operation ?? 'query';
          span.updateName(operationName ? `${type} ${operationName}` : type);
          span.setAttribute('graphql.operation.type', type);
          if (operationName) span.setAttribute('graphql.operation.name', operationName);
        },
        async didEncounterErrors({ errors }) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: errors[0]?.message ?? 'GraphQL error' });
          const code = errors[0]?.extensions?.['code'];
          if (typeof code === 'string') span.setAttribute('error.type', code);
        },
        async willSendResponse() {
          span.end();
        },
      };
    },
  };

  return {
    graphqlPlugin,
    inOperation(contextValue, fn) {
      const span = operations.get(contextValue);
      return span ? context.with(trace.setSpan(context.active(), span), fn) : fn();
    },
    traceDatabase(what, fn) {
      const system = settings.dbSystem?.();
      return tracer.startActiveSpan(what, { kind: SpanKind.CLIENT, attributes: system ? { 'db.system.name': system } : {} }, async (span) => {
        try {
          return await fn();
        } catch (err) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
          throw err;
        } finally {
          span.end();
        }
      });
    },
    async shutdown() {
      unregister();
      await provider.shutdown();
    },
  };
}

/**
 * GraphQL subscriptions over WebSocket (graphql-ws protocol) on the same path as HTTP,
 * `/graphql`. Each connection gets its own context, built from the `Authorization` given in the
 * connection's init payload or the upgrade request's headers.
 */
import type http from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { createContext, type GatewayServices } from '../graphql/context.ts';
import { createResultMasker } from '../graphql/errors.ts';
import type { Logger } from '../observability/logger.ts';

export interface SubscriptionServer {
  close(): Promise<void>;
}

/** Serves graphql-ws on `path` of `server`. */
export function attachSubscriptions(
  server: http.Server,
  schema: GraphQLSchema,
  services: GatewayServices,
  logger: Logger,
  path = '/graphql',
): SubscriptionServer {
  const wss = new WebSocketServer({ server, path });
  // graphql-ws does not go through Apollo's formatError: mask unexpected errors here the same way.
  const mask = createResultMasker(logger);
  const cleanup = useServer(
    {
      schema,
      onNext: (_ctx, _id, _payload, _args, result) => mask(result),
      context: (ctx) => {
        const payload = (ctx.connectionParams ?? {}) as Record<string, unknown>;
        const fromPayload = typeof payload.Authorization === 'string' ? payload.Authorization : typeof payload.authorization === 'string' ? payload.authorization : undefined;
        return createContext(services, fromPayload ?? ctx.extra.request.headers.authorization ?? null);
      },
      onError: (_ctx, _id, _payload, errors) => {
        logger.warn({ errors: errors.map((e) => e.message) }, 'subscription error');
      },
    },
    wss,
  );
  return {
    async close() {
      for (const client of wss.clients) client.terminate();
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

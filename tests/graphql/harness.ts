/** Runs GraphQL operations through a real Apollo Server over the fakes, one context per call. */
import type { ApolloServer } from '@apollo/server';
import type { Context, GatewayServices } from '../../src/graphql/context.ts';
import { createApolloServer, executeOperation } from '../../src/graphql/schema.ts';
import { makeServices } from './fakes.ts';

/** A logger that keeps what it is given, so tests can check that masked errors were logged. */
export function captureLogger() {
  const errors: { obj: object; msg: string }[] = [];
  const noop = () => {};
  return { errors, logger: { error: (obj: object, msg: string) => errors.push({ obj, msg }), warn: noop, info: noop, debug: noop } };
}

export interface Result {
  data?: Record<string, any> | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, any> }[];
}

/** Starts one Apollo server for a test file; `run` executes with the given services. */
export async function startHarness() {
  const captured = captureLogger();
  // One server for the file; each `run` brings its own services in the request context.
  const apollo: ApolloServer<Context> = createApolloServer(makeServices().services, { logger: captured.logger });
  await apollo.start();
  async function run(services: GatewayServices, query: string, variables?: Record<string, unknown>, authorization?: string): Promise<Result> {
    const response = await executeOperation(apollo, services, { query, ...(variables ? { variables } : {}) }, authorization);
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as Result;
  }
  return { apollo, run, logged: captured.errors };
}

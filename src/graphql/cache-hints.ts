/**
 * Cache hints per type, read by Apollo's cache-control plugin (which sets the HTTP
 * Cache-Control header) and the response cache. Dictionary types change only on a restart;
 * feed health and articles change with every fetch, so they keep the short default.
 */
import { DirectiveLocation, GraphQLBoolean, GraphQLDirective, GraphQLInt } from 'graphql';

/** `@cacheControl(maxAge, inheritMaxAge)` as Apollo Server reads it from the schema. */
export const cacheControlDirective = new GraphQLDirective({
  name: 'cacheControl',
  description: 'How long (seconds) a response holding this type or field may be cached.',
  args: { maxAge: { type: GraphQLInt }, inheritMaxAge: { type: GraphQLBoolean } },
  locations: [DirectiveLocation.FIELD_DEFINITION, DirectiveLocation.OBJECT, DirectiveLocation.INTERFACE, DirectiveLocation.UNION],
});

/** Seconds: the dictionary (actors, regions, topics and their links). */
export const DICTIONARY_MAX_AGE = 300;
/** Seconds: anything that changes when feeds are fetched (the server's default). */
export const DEFAULT_MAX_AGE = 5;

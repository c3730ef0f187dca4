/**
 * Lets graphql-js read plain fields itself. By default type-graphql gives every `@Field` that
 * has no `@FieldResolver` a resolver of its own (an object allocated and a middleware chain
 * walked per field per row), which is a fifth of the work of a page of 20 articles; an
 * ObjectType declared `{ simpleResolvers: true }` leaves those fields to graphql-js's default
 * resolver (a property read, which graphql-jit inlines). newsgate uses no middleware and no
 * `@Authorized` (mutations check the admin token in their resolvers), so that is the same
 * answer for every plain field: this sets the option on every ObjectType instead of on 40
 * decorators. A field whose GraphQL name differs from its property keeps its resolver (the
 * default resolver reads the GraphQL name).
 *
 * One rule follows for the types: a plain field whose value on the root object may be a
 * promise (a count computed only when selected) or a function must be declared
 * `@Field(() => T, { simple: false })`: graphql-js awaits such a value, but graphql-jit reads
 * plain fields inline and would serialize the promise ("Int cannot represent non-integer value").
 */
import { getMetadataStorage } from 'type-graphql';

/** What of type-graphql's metadata this reads and sets (its storage, or a test's stand-in). */
export interface SimpleResolverMetadata {
  readonly objectTypes: { simpleResolvers?: boolean }[];
  readonly fields: { name: string; schemaName: string; simple?: boolean; middlewares?: unknown[]; roles?: unknown[] }[];
}

/**
 * Marks every ObjectType of `metadata` simple unless it says otherwise, and keeps a resolver
 * on fields that need one (renamed, with middleware or roles). Call before building the schema.
 */
export function preferSimpleResolvers(metadata: SimpleResolverMetadata = getMetadataStorage()): void {
  for (const type of metadata.objectTypes) type.simpleResolvers ??= true;
  for (const field of metadata.fields) {
    const needsResolver = field.name !== field.schemaName || (field.middlewares?.length ?? 0) > 0 || (field.roles?.length ?? 0) > 0;
    if (needsResolver) field.simple ??= false;
  }
}

/**
 * What an operation will cost before it runs, in linear time. Each field costs 1; a field with
 * a `first` argument multiplies what it selects by `first` (its value, its variable's, or its
 * default), other lists of objects by {@link DEFAULT_LIST_SIZE}; `edges` under a connection is
 * already counted by the connection's `first`. So
 * `articles(first: 100) { edges { node { actors { actor { articles(first: 100) { … } } } } } }`
 * costs about 100 × 10 × 100 × (what the inner articles select): the multiplication the store
 * would really do. Introspection is priced at 1 per field (its size is bounded by the schema;
 * depth and aliases limit it). graphql-armor's cost rule has no per-argument multipliers and
 * validation rules cannot see variables, hence this function, run after validation.
 *
 * A `first` on a field that returns one object (a connection, `facets`) sizes the lists directly
 * inside it: `articles(first: 100) { edges }` and `facets(first: 100) { actors regions … }` hold
 * at most 100 entries per list, so those lists are not multiplied again. A list bounded by
 * something other than `first` is priced at its bound (a timeline's
 * buckets, at most MAX_BUCKETS; {@link boundedListSize}).
 *
 * Linear: each fragment's cost is computed once and memoised (the cost of a fragment depends
 * only on its type condition and the request's variables), so 24 fragments each spreading the
 * next twice cost 24 visits, not 2^24.
 */
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type DocumentNode,
} from 'graphql';
import { MAX_BUCKETS } from '../analytics/zoned-buckets.ts';

/** How many items a list without a `first` argument is assumed to hold (actors of an article, …). */
export const DEFAULT_LIST_SIZE = 10;

/**
 * The most entries a list without `first` can hold when something else bounds it (`Type.field`),
 * else undefined. A function, not a constant table: zoned-buckets.ts and this module meet in an
 * import cycle (through graphql/errors.ts), so MAX_BUCKETS is read when pricing, not at load.
 */
export function boundedListSize(typeName: string, field: string): number | undefined {
  return typeName === 'Timeline' && field === 'buckets' ? MAX_BUCKETS : undefined;
}

/** The argument that sizes a page, in every paged field of the schema. */
const PAGE_ARGUMENT = 'first';

function pageSize(field: FieldNode, def: GraphQLField<unknown, unknown>, variables: Readonly<Record<string, unknown>>): number | undefined {
  const argDef = def.args.find((a) => a.name === PAGE_ARGUMENT);
  if (argDef === undefined) return undefined;
  const arg = field.arguments?.find((a) => a.name.value === PAGE_ARGUMENT);
  let value: unknown = argDef.defaultValue;
  if (arg?.value.kind === Kind.INT) value = Number(arg.value.value);
  else if (arg?.value.kind === Kind.VARIABLE) value = variables[arg.value.name.value] ?? argDef.defaultValue;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_LIST_SIZE;
}

/** The estimated cost of `operation` (see the module comment). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> = {},
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const memo = new Map<string, number>();

  // `sized`: the field that selected this set had a `first` and returns one object, so the
  // lists directly inside are already counted by it.
  const fieldCost = (field: FieldNode, parent: GraphQLNamedType | undefined, sized: boolean): number => {
    const name = field.name.value;
    if (name === '__typename') return 0;
    if (name.startsWith('__')) return 1;
    const def = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
    if (def === undefined || field.selectionSet === undefined) return 1;
    const list = isListType(getNullableType(def.type));
    const size = pageSize(field, def, variables);
    const inner = selectionCost(field.selectionSet, getNamedType(def.type), size !== undefined && !list);
    if (size !== undefined) return 1 + size * inner;
    if (!list || sized || parent!.name.endsWith('Connection')) return 1 + inner;
    return 1 + (boundedListSize(parent!.name, name) ?? DEFAULT_LIST_SIZE) * inner;
  };

  const selectionCost = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, sized: boolean): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) total += fieldCost(selection, parent, sized);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += selectionCost(selection.selectionSet, selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent, sized);
      } else {
        const name = selection.name.value;
        const key = `${name}${sized ? '/sized' : ''}`;
        let cost = memo.get(key);
        if (cost === undefined) {
          memo.set(key, 0); // a cycle (refused by validation anyway) adds nothing
          const fragment = fragments.get(name);
          cost = fragment ? selectionCost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), sized) : 0;
          memo.set(key, cost);
        }
        total += cost;
      }
    }
    return total;
  };

  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  return selectionCost(operation.selectionSet, root ?? undefined, false);
}

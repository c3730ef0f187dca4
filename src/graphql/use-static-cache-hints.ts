/**
 * Cache hints computed once per document instead of per resolved field. Apollo's cache-control
 * plugin calls `willResolveField` for every field of every response (~700 for a page of 20
 * articles with their actors and regions) — about a third of the CPU of the filtered query
 * (bench/query-cpu.ts). The hints in this schema are static (`@cacheControl` on types and
 * fields; no resolver sets one at run time), so the policy depends only on the document: it is
 * computed from the schema on the first request and kept with the parsed document, which Apollo
 * reuses for every request with the same query.
 *
 * The rules are Apollo's: a field's own hint, else its return type's; a root field or a field
 * returning an object without a hint gets the default max-age; scalar fields do not restrict;
 * for interfaces and unions every possible type's hint counts (the runtime type is not known
 * statically: the smallest wins). The response gets `Cache-Control: max-age=N, public` when
 * cacheable and without errors, `no-store` otherwise; the response cache reads the same policy.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

function hintOf(directives: readonly DirectiveNode[] | undefined): number | undefined {
  const directive = directives?.find((d) => d.name.value === 'cacheControl');
  const arg = directive?.arguments?.find((a) => a.name.value === 'maxAge');
  return arg?.value.kind === Kind.INT ? Number(arg.value.value) : undefined;
}

/** The smallest max-age over the type and, when abstract, each of its possible types. */
function typeHint(schema: GraphQLSchema, type: GraphQLNamedType): number | undefined {
  let min = hintOf(type.astNode?.directives);
  if (isAbstractType(type)) {
    for (const t of schema.getPossibleTypes(type)) {
      const h = hintOf(t.astNode?.directives);
      // A possible type without a hint gets the default: the policy must not outlive it.
      if (h === undefined) return undefined;
      min = min === undefined ? h : Math.min(min, h);
    }
  }
  return min;
}

/**
 * The max-age (seconds) of `operation`, from the schema's static hints (pure); undefined when
 * no field sets one (only `__typename`): not cacheable, as with Apollo's plugin.
 */
export function staticMaxAge(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, defaultMaxAge: number): number | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const seen = new Set<string>();
  let maxAge = Number.POSITIVE_INFINITY;
  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, root: boolean): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) continue;
        const def = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
        if (def === undefined) continue;
        const type = getNamedType(def.type);
        let hint = hintOf(def.astNode?.directives);
        if (hint === undefined && isCompositeType(type)) hint = typeHint(schema, type);
        if (hint === undefined && (root || isCompositeType(type))) hint = defaultMaxAge;
        if (hint !== undefined) maxAge = Math.min(maxAge, hint);
        if (selection.selectionSet) walk(selection.selectionSet, type, false);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent, root);
      } else if (!seen.has(selection.name.value)) {
        // A fragment's hints do not depend on where it is spread: one walk each.
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), root);
      }
    }
  };
  const rootType = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  walk(operation.selectionSet, rootType ?? undefined, true);
  return maxAge === Number.POSITIVE_INFINITY ? undefined : maxAge;
}

/** Apollo plugins: the per-field cache-control plugin off, the static policy on. */
export function useStaticCacheHints(defaultMaxAge: number): ApolloServerPlugin<any>[] {
  const policies = new WeakMap<OperationDefinitionNode, { maxAge: number | undefined }>();
  return [
    ApolloServerPluginCacheControlDisabled(),
    {
      async requestDidStart() {
        return {
          async didResolveOperation({ schema, document, operation, overallCachePolicy }) {
            if (operation === undefined) return;
            let policy = policies.get(operation);
            if (policy === undefined) {
              policy = { maxAge: staticMaxAge(schema, document, operation, defaultMaxAge) };
              policies.set(operation, policy);
            }
            if (policy.maxAge !== undefined) overallCachePolicy.restrict({ maxAge: policy.maxAge });
          },
          async willSendResponse({ response, overallCachePolicy }) {
            if (response.http.headers.has('cache-control')) return;
            const policy = overallCachePolicy.policyIfCacheable();
            const errors = response.body.kind === 'single' && response.body.singleResult.errors !== undefined;
            response.http.headers.set('cache-control', policy && !errors ? `max-age=${policy.maxAge}, ${(policy.scope ?? 'PUBLIC').toLowerCase()}` : 'no-store');
          },
        };
      },
    },
  ];
}

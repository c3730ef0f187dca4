/**
 * A validation rule that refuses queries nested deeper than a limit, before any resolver runs.
 * The schema has cycles (article → actor → articles → actor …); without a limit one request
 * could ask for an unbounded tree.
 */
import { GraphQLError, Kind, type ASTNode, type FragmentDefinitionNode, type ValidationContext, type ValidationRule } from 'graphql';
import { ErrorCode } from '../model/errors.ts';

/** Deep enough for every real query (the playground's example is 6), far from abuse. */
export const MAX_QUERY_DEPTH = 12;

/** Builds the rule for `maxDepth` (fragments are followed; introspection is exempt). */
export function depthLimit(maxDepth: number = MAX_QUERY_DEPTH): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    const depthOf = (node: ASTNode, depth: number, seen: Set<string>): number => {
      if (depth > maxDepth) return depth;
      switch (node.kind) {
        case Kind.FIELD: {
          if (node.name.value.startsWith('__')) return depth;
          if (!node.selectionSet) return depth;
          return Math.max(...node.selectionSet.selections.map((s) => depthOf(s, depth + 1, seen)));
        }
        case Kind.INLINE_FRAGMENT:
          return Math.max(depth, ...node.selectionSet.selections.map((s) => depthOf(s, depth, seen)));
        case Kind.FRAGMENT_SPREAD: {
          const name = node.name.value;
          const fragment = fragments.get(name);
          if (!fragment || seen.has(name)) return depth;
          return Math.max(depth, ...fragment.selectionSet.selections.map((s) => depthOf(s, depth, new Set([...seen, name]))));
        }
        default:
          return depth;
      }
    };
    return {
      OperationDefinition(operation) {
        const depth = Math.max(0, ...operation.selectionSet.selections.map((s) => depthOf(s, 1, new Set())));
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`The query is nested ${depth > maxDepth + 1 ? 'more than ' : ''}${depth - 1} levels deep; at most ${maxDepth - 1} are allowed. Ask for fewer nested levels and page through the rest.`, {
              nodes: [operation],
              extensions: { code: ErrorCode.BAD_USER_INPUT },
            }),
          );
        }
      },
    };
  };
}

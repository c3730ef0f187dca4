/**
 * Fills the defaults of input-object fields into the variables a client sent, as GraphQL's
 * CoerceInputValues does. graphql-jit 0.8.9 (the latest release) leaves them out when the input
 * object comes in a variable (zalando-incubator/graphql-jit#142, closed with the test skipped):
 * `articles(filter: $filter)` with `{"filter": {"actors": ["idf"]}}` would fail with
 * "Field value.includeAffiliates of required type Boolean! was not provided". Filling them in
 * before the compiled query runs gives resolvers what graphql-js would give them.
 *
 * Defaults are written in their external (JSON) form, the form the compiled query coerces:
 * an enum's name, a custom scalar's serialized value. Nothing is mutated: an object that needs
 * a default is copied. Pure; the per-type plans are cached in a WeakMap.
 */
import {
  astFromValue,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  valueFromASTUntyped,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
  type VariableDefinitionNode,
} from 'graphql';

/** One input object type's defaults (JSON form) and the fields that may hold more inside. */
interface InputPlan {
  readonly defaults: readonly (readonly [string, unknown])[];
  readonly nested: readonly (readonly [string, GraphQLInputType])[];
}

const plans = new WeakMap<GraphQLInputObjectType, InputPlan | null>();

/** True when values of `type` can hold an input object with a defaulted field somewhere. */
function hasDefaults(type: GraphQLInputType, seen = new Set<GraphQLInputObjectType>()): boolean {
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return false;
  if (seen.has(named)) return false;
  seen.add(named);
  return Object.values(named.getFields()).some((f) => f.defaultValue !== undefined || hasDefaults(f.type, seen));
}

/** The plan of `type`, or null when no value of it ever needs filling. */
function planOf(type: GraphQLInputObjectType): InputPlan | null {
  if (plans.has(type)) return plans.get(type) ?? null;
  plans.set(type, null); // recursive input types: a cycle reads "nothing more" while this one is computed
  if (!hasDefaults(type)) return null;
  const defaults: [string, unknown][] = [];
  const nested: [string, GraphQLInputType][] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.defaultValue !== undefined) {
      const ast = astFromValue(field.defaultValue, field.type);
      defaults.push([field.name, ast === null || ast === undefined ? null : valueFromASTUntyped(ast)]);
    }
    if (hasDefaults(field.type)) nested.push([field.name, field.type]);
  }
  const plan = { defaults, nested };
  plans.set(type, plan);
  return plan;
}

/** `value` of `type` with every missing defaulted input field filled in (the same object when none is missing). */
export function fillInputDefaults(type: GraphQLInputType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (!Array.isArray(value)) return fillInputDefaults(inner.ofType, value); // a single value stands for a list of one
    let out: unknown[] | undefined;
    value.forEach((item, i) => {
      const filled = fillInputDefaults(inner.ofType, item);
      if (filled !== item) (out ??= [...value])[i] = filled;
    });
    return out ?? value;
  }
  if (!isInputObjectType(inner) || typeof value !== 'object' || Array.isArray(value)) return value;
  const plan = planOf(inner);
  if (plan === null) return value;
  const input = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const [name, fallback] of plan.defaults) {
    if (!Object.prototype.hasOwnProperty.call(input, name)) (out ??= { ...input })[name] = fallback;
  }
  for (const [name, fieldType] of plan.nested) {
    const current = input[name];
    const filled = fillInputDefaults(fieldType, current);
    if (filled !== current) (out ??= { ...input })[name] = filled;
  }
  return out ?? input;
}

/**
 * A function filling the defaults into one operation's variables, or undefined when none of
 * its variables can need it (then the variables go to the compiled query untouched).
 */
export function variableDefaultsFiller(
  schema: GraphQLSchema,
  definitions: readonly VariableDefinitionNode[],
): ((variables: Record<string, unknown>) => Record<string, unknown>) | undefined {
  const typed = definitions
    .map((d) => [d.variable.name.value, typeFromAST(schema, d.type as never) as GraphQLInputType | undefined] as const)
    .filter((entry): entry is readonly [string, GraphQLInputType] => entry[1] !== undefined && hasDefaults(entry[1]));
  if (typed.length === 0) return undefined;
  return (variables) => {
    let out: Record<string, unknown> | undefined;
    for (const [name, type] of typed) {
      const current = variables[name];
      const filled = fillInputDefaults(type, current);
      if (filled !== current) (out ??= { ...variables })[name] = filled;
    }
    return out ?? variables;
  };
}

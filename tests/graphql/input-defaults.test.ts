/**
 * fillInputDefaults: the input-object field defaults graphql-jit 0.8.9 leaves out of variables
 * (zalando-incubator/graphql-jit#142) are filled in, in their JSON form, without mutating the
 * client's variables; and, end to end, a compiled operation given a filter without
 * `includeAffiliates` answers as graphql-js does instead of failing.
 */
import { buildSchema, parse, type GraphQLInputType, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { describe, expect, it } from 'vitest';
import { fillInputDefaults, variableDefaultsFiller } from '../../src/graphql/input-defaults.ts';

const schema = buildSchema(`
  enum Order { NEWEST OLDEST }
  scalar Stamp
  input Inner { order: Order = OLDEST, note: String }
  input Filter {
    actors: [ID!]
    affiliates: Boolean! = false
    limit: Int = 20
    inner: Inner
    inners: [Inner!]
    self: Filter
  }
  input Plain { a: String }
  type Query { echo(filter: Filter, plain: Plain): String }
`);
const filter = schema.getType('Filter') as GraphQLInputType;

describe('fillInputDefaults', () => {
  it.each([
    ['missing defaults are added', { actors: ['x'] }, { actors: ['x'], affiliates: false, limit: 20 }],
    ['values sent are kept, even null', { affiliates: true, limit: null }, { affiliates: true, limit: null }],
    ['nested objects get theirs (enum default as its name)', { inner: { note: 'n' } }, { inner: { note: 'n', order: 'OLDEST' }, affiliates: false, limit: 20 }],
    ['lists of objects, item by item', { inners: [{}, { order: 'NEWEST' }] }, { inners: [{ order: 'OLDEST' }, { order: 'NEWEST' }], affiliates: false, limit: 20 }],
    ['a single object where a list is expected', { inners: { note: 'n' } }, { inners: { note: 'n', order: 'OLDEST' }, affiliates: false, limit: 20 }],
    ['recursive input types', { self: { self: {} } }, { self: { self: { affiliates: false, limit: 20 }, affiliates: false, limit: 20 }, affiliates: false, limit: 20 }],
    ['null stays null', null, null],
  ])('%s', (_name, input, expected) => {
    expect(fillInputDefaults(filter, input)).toEqual(expected);
  });

  it('never mutates the input, and returns the same object when nothing is missing', () => {
    const input = { actors: ['x'], inner: { note: 'n' } };
    const copy = structuredClone(input);
    fillInputDefaults(filter, input);
    expect(input).toEqual(copy);
    const complete = { affiliates: true, limit: 5 };
    expect(fillInputDefaults(filter, complete)).toBe(complete);
  });

  it('leaves types without defaults alone', () => {
    const plain = { a: 'x' };
    expect(fillInputDefaults(schema.getType('Plain') as GraphQLInputType, plain)).toBe(plain);
    const operation = parse('query ($p: Plain, $s: String) { echo(plain: $p) }').definitions[0] as OperationDefinitionNode;
    expect(variableDefaultsFiller(schema, operation.variableDefinitions ?? [])).toBeUndefined();
  });
});

describe('a graphql-jit compiled query with input defaults in variables', () => {
  const echoSchema = buildSchema('input F { actors: [ID!], affiliates: Boolean! = false } type Query { echo(filter: F): String }');
  echoSchema.getQueryType()!.getFields()['echo']!.resolve = (_root, { filter }) => JSON.stringify(filter);
  const root = {};
  const document = parse('query ($f: F) { echo(filter: $f) }');
  const compiled = compileQuery(echoSchema, document);
  if (!isCompiledQuery(compiled)) throw new Error('did not compile');
  const operation = document.definitions[0] as OperationDefinitionNode;
  const fill = variableDefaultsFiller(echoSchema, operation.variableDefinitions ?? [])!;

  it('fails without the fill (the graphql-jit bug this works around)', async () => {
    const result = await compiled.query(root, {}, { f: { actors: ['x'] } });
    expect(result.errors?.[0]?.message).toMatch(/affiliates.*not provided/);
  });

  it('gets the default with it', async () => {
    const result = await compiled.query(root, {}, fill({ f: { actors: ['x'] } }));
    expect(result).toEqual({ data: { echo: '{"actors":["x"],"affiliates":false}' } });
  });
});

import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { depthLimit } from '../../src/graphql/depth-limit.ts';
import { buildGatewaySchema } from '../../src/graphql/schema.ts';

const schema = buildGatewaySchema();
const errorsOf = (query: string, max = 6) => validate(schema, parse(query), [depthLimit(max)]).map((e) => e.message);

describe('depthLimit', () => {
  it.each([
    ['a flat query', '{ feeds { id } }', 0],
    ['exactly at the limit', '{ articles { edges { node { actors { actor { id } } } } } }', 0],
    ['one level too deep', '{ articles { edges { node { actors { actor { articles { totalCount } } } } } } }', 1],
    ['too deep through a fragment', 'query { articles { edges { node { ...A } } } } fragment A on Article { actors { actor { articles { edges { node { id } } } } } }', 1],
    ['a self-referencing fragment does not loop', 'query { feeds { ...F } } fragment F on Feed { id ...F }', 0],
    ['introspection is exempt', '{ __schema { types { fields { type { ofType { ofType { name } } } } } } }', 0],
  ])('%s', (_name, query, count) => {
    const errors = errorsOf(query);
    expect(errors.filter((m) => m.includes('nested'))).toHaveLength(count);
  });

  it('says how deep the query went and what is allowed', () => {
    expect(errorsOf('{ articles { edges { node { actors { actor { articles { totalCount } } } } } } }')[0]).toMatch(/at most 5 are allowed/);
  });
});

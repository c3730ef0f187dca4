/**
 * The DateTime scalar: graphql-scalars' RFC 3339 validation, with an error that says what to
 * send and carries BAD_USER_INPUT, so `from: "yesterday"` gets a useful answer.
 */
import { GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { badUserInput } from '../errors.ts';

function explain(value: unknown): Error {
  return badUserInput(
    `${JSON.stringify(value)} is not a DateTime. Send an RFC 3339 date-time with a time zone, ` +
      `like "2024-05-01T00:00:00Z" or "2024-05-01T03:00:00+03:00".`,
    { expected: 'DateTime' },
  );
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: DateTimeResolver.description,
  specifiedByURL: DateTimeResolver.specifiedByURL,
  // A string, not a Date: in-process results (tests, subscriptions) then equal what goes on the wire.
  serialize: (value) => DateTimeResolver.serialize(value).toISOString(),
  parseValue(value) {
    try {
      return DateTimeResolver.parseValue(value);
    } catch {
      throw explain(value);
    }
  },
  parseLiteral(ast, variables) {
    try {
      return DateTimeResolver.parseLiteral(ast, variables);
    } catch {
      throw explain(ast.kind === Kind.STRING ? ast.value : ast.kind);
    }
  },
});

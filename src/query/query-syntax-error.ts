/**
 * The one way the query language reports a mistake: BAD_USER_INPUT (shown to the client as
 * `extensions.code`), with the 1-based position, what was expected there and what was found,
 * both in the message (for a person) and in `details` (for a program that underlines it).
 */
import { ErrorCode, NewsgateError } from '../model/errors.ts';

/** A syntax or meaning error at `position` (1-based) of the query text. */
export function querySyntaxError(position: number, expected: string, found: string, hint = ''): NewsgateError {
  const tail = hint === '' ? '' : ` ${hint}`;
  return new NewsgateError(ErrorCode.BAD_USER_INPUT, `Query error at position ${position}: expected ${expected}, found ${found}.${tail}`, {
    details: { argument: 'query', position, expected, found },
  });
}

/** How a piece of query text is named in an error message. */
export function quoted(text: string): string {
  return text === '' ? 'end of query' : JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

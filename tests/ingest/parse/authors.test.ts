/** Author strings become names, never e-mail addresses. */
import { describe, expect, it } from 'vitest';
import { authorName, authorNames } from '../../../src/ingest/parse/authors.ts';

describe('authorName', () => {
  it.each([
    ['Ahmed al-Rubaie', 'Ahmed al-Rubaie'],
    ['desk@wire.example (Mustafa Kareem)', 'Mustafa Kareem'],
    ['Mustafa Kareem <desk@wire.example>', 'Mustafa Kareem'],
    ['Mustafa Kareem (desk@wire.example)', 'Mustafa Kareem'],
    ['desk@wire.example', null],
    ['mailto:desk@wire.example', null],
    ['  علي   الساعدي ', 'علي الساعدي'],
    ['', null],
  ])('%j → %j', (input, name) => {
    expect(authorName(input)).toBe(name);
  });
});

describe('authorNames', () => {
  it('drops duplicates and e-mail-only entries, keeping order', () => {
    expect(authorNames(['Sara Haddad', 'x@y.example', 'sara haddad', 'Omar Khalil'])).toEqual(['Sara Haddad', 'Omar Khalil']);
  });
});

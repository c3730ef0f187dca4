/**
 * The default tagger (discovery off), built once per test file, and `tagIds(text, kinds)`: the
 * entity ids it gives a text placed in the body — the shape the rule tables of tests/entities
 * compare against.
 */
import { beforeAll } from 'vitest';
import { createDefaultTagger } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import type { GazetteerTagger } from '../../src/normalize/gazetteer/tagger.ts';

export type TaggedKind = 'actors' | 'regions' | 'topics';

/**
 * Registers the tagger's construction before the file's tests; returns `ids`, the function that
 * tags, and `tagger()` for tests that need the whole result.
 */
export function useTagIds(kinds: readonly TaggedKind[]): { ids(text: string): string[]; tagger(): GazetteerTagger } {
  let tagger: GazetteerTagger;
  beforeAll(async () => {
    ({ tagger } = await createDefaultTagger({ discovery: false }));
  }, 60_000);
  return {
    ids: (text) => {
      const r = tagger.tag({ title: '', summary: '', content: text, tags: [] }, { regions: [], tags: [] });
      return kinds.flatMap((k) => r[k]).map((e) => e.id);
    },
    tagger: () => tagger,
  };
}

/**
 * Golden fixture pairs: every feed in tests/fixtures/feeds/ (written for newsgate, in the style
 * of regional security news) must parse to exactly its `<name>.expected.json`. A change in
 * what the parse stage produces shows up here as a diff to review. After a deliberate change,
 * regenerate with `UPDATE_GOLDEN=1 npx vitest run tests/ingest/parse/golden.test.ts` and
 * review the diff before committing.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/ingest/parse/parse-feed.ts';

const DIR = join(import.meta.dirname, '../../fixtures/feeds');
const feeds = readdirSync(DIR).filter((f) => !f.endsWith('.expected.json')).sort();

describe('golden fixture feeds', () => {
  it('has the six fixture feeds', () => {
    expect(feeds.length).toBeGreaterThanOrEqual(6);
  });

  for (const name of feeds) {
    it(`${name} parses to ${name}.expected.json`, async () => {
      const text = readFileSync(join(DIR, name), 'utf8');
      const parsed = await parseFeed(text, { url: `https://feeds.example.org/${name}` });
      const expectedPath = join(DIR, `${name}.expected.json`);
      if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(expectedPath)) {
        writeFileSync(expectedPath, `${JSON.stringify(parsed, null, 2)}\n`);
        if (process.env['UPDATE_GOLDEN'] !== '1') throw new Error(`wrote missing ${expectedPath}: review it and run again`);
      }
      const expected: unknown = JSON.parse(readFileSync(expectedPath, 'utf8'));
      expect(JSON.parse(JSON.stringify(parsed))).toEqual(expected);
      expect(parsed.items.length).toBeGreaterThanOrEqual(3);
    });
  }
});

/** Config problems carry line and column, found from their JSON path in the file's text. */
import { describe, expect, it } from 'vitest';
import { locateJsonPath, parseJsonPath } from '../../src/config/locate-json.ts';
import { parseFeedsFile } from '../../src/config/feeds-file.ts';

const TEXT = '{\n  "feeds": [\n    { "id": "a", "url": "https://a.example/rss" },\n    {\n      "id": "b",\n      "url": "not a url",\n      "colour": "red"\n    }\n  ]\n}\n';

describe('parseJsonPath', () => {
  it.each([
    ['$', []],
    ['$.feeds[1].url', ['feeds', 1, 'url']],
    ['$.feeds[0]["odd key"].x', ['feeds', 0, 'odd key', 'x']],
  ])('%s', (p, segments) => expect(parseJsonPath(p)).toEqual(segments));
});

describe('locateJsonPath', () => {
  it.each([
    ['$.feeds[1].url', { line: 6, column: 7 }],
    ['$.feeds[1].colour', { line: 7, column: 7 }],
    ['$.feeds[0]', { line: 3, column: 5 }],
    // A key that is not there is reported where its object starts.
    ['$.feeds[1].title', { line: 4, column: 5 }],
  ])('%s', (p, at) => expect(locateJsonPath(TEXT, p)).toEqual(at));
});

describe('parseFeedsFile problems', () => {
  it('say line and column before the path', () => {
    let message = '';
    try {
      parseFeedsFile(TEXT, 'feeds.json');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/line 6, column 7: \$\.feeds\[1\]\.url: "not a url" is not an absolute URL/);
    expect(message).toMatch(/line 7, column 7: \$\.feeds\[1\]\.colour: unknown key "colour"/);
  });
});

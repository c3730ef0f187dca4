/**
 * `feeds add`/`feeds import` edit feeds.json in place: the new entries are appended to the
 * `feeds` array and every other byte — comments aside, key order, spacing, line endings, the
 * operator's one-line entries — stays as it was.
 */
import { describe, expect, it } from 'vitest';
import { appendFeedsText } from '../../src/config/edit-feeds-file.ts';

const entry = { id: 'new', url: 'https://n.example/rss', tags: ['x'] };

describe('appendFeedsText', () => {
  it.each([
    [
      'four-space indent, one-line entries, defaults before feeds',
      '{\n    "defaults": {"intervalMinutes": 30},\n    "feeds": [\n        {"id": "a", "url": "https://a.example/feed"}\n    ]\n}\n',
    ],
    ['tabs and CRLF', '{\r\n\t"feeds": [\r\n\t\t{\r\n\t\t\t"id": "a",\r\n\t\t\t"url": "https://a.example/feed"\r\n\t\t}\r\n\t],\r\n\t"retention": { "maxAgeDays": 90 }\r\n}\r\n'],
    ['an empty array', '{\n  "feeds": [],\n  "fetch": {"concurrency": 4}\n}'],
    ['everything on one line', '{"feeds":[{"id":"a","url":"https://a.example/feed"}]}'],
  ])('%s: the old text is a prefix+suffix of the new, and the new parses to old + entry', (_name, text) => {
    const out = appendFeedsText(text, [entry]);
    const before = JSON.parse(text) as { feeds: unknown[] };
    const after = JSON.parse(out) as { feeds: unknown[] };
    expect(after).toEqual({ ...before, feeds: [...before.feeds, entry] });
    // Only an insertion: removing the inserted span gives back the original bytes.
    let start = 0;
    while (start < text.length && text[start] === out[start]) start++;
    const tail = text.slice(start);
    expect(out.endsWith(tail)).toBe(true);
    expect(out.slice(0, start) + out.slice(out.length - tail.length)).toBe(text);
  });

  it('indents the new entry like the last one, with the file line ending', () => {
    const text = '{\r\n\t"feeds": [\r\n\t\t{ "id": "a", "url": "https://a.example/feed" }\r\n\t]\r\n}\r\n';
    const out = appendFeedsText(text, [{ id: 'b', url: 'https://b.example/rss' }]);
    expect(out).toContain('},\r\n\t\t{\r\n\t\t\t"id": "b",\r\n\t\t\t"url": "https://b.example/rss"\r\n\t\t}\r\n\t]');
  });

  it('appends several entries in order', () => {
    const out = appendFeedsText('{"feeds": []}', [entry, { ...entry, id: 'new-2' }]);
    expect((JSON.parse(out) as { feeds: { id: string }[] }).feeds.map((f) => f.id)).toEqual(['new', 'new-2']);
  });
});

/** Unknown region ids in feeds.json are config errors with a did-you-mean, line and column. */
import { describe, expect, it } from 'vitest';
import { regionProblems } from '../../src/config/check-references.ts';

const regions = ['IQ', 'IQ-BG', 'IQ/baghdad', 'SY', 'MIDDLE_EAST'].map((id) => ({ id }));
const catalog = { regions: regions as never, region: (id: string) => regions.find((r) => r.id === id) as never };

describe('regionProblems', () => {
  it('accepts known ids', () => {
    expect(regionProblems('{"defaults":{"regions":["MIDDLE_EAST"]},"feeds":[{"id":"a","url":"https://a/","regions":["IQ","IQ/baghdad"]}]}', catalog)).toEqual([]);
  });
  it('reports each unknown id with its path, position and a suggestion', () => {
    const text = '{\n  "defaults": { "regions": ["MIDLE_EAST"] },\n  "feeds": [\n    { "id": "a", "url": "https://a/", "regions": ["IQ", "iq/baghdad", "Atlantis"] }\n  ]\n}';
    const problems = regionProblems(text, catalog);
    expect(problems.map((p) => [p.path, p.line])).toEqual([
      ['$.defaults.regions[0]', 2],
      ['$.feeds[0].regions[1]', 4],
      ['$.feeds[0].regions[2]', 4],
    ]);
    expect(problems[0]!.message).toMatch(/unknown region "MIDLE_EAST"; did you mean "MIDDLE_EAST"\?/);
    expect(problems[1]!.message).toMatch(/did you mean "IQ\/baghdad"\?/);
    expect(problems[2]!.message).not.toMatch(/did you mean/);
  });
});

/** `preview --json` prints claim/quote actors as { id, name, kind } (or null) and the dateline as a region object. */
import { beforeAll, describe, expect, it } from 'vitest';
import { toPreviewArticle } from '../../src/cli/preview-json.ts';
import { createDefaultTagger } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import type { GazetteerCatalog } from '../../src/normalize/gazetteer/catalog.ts';
import type { GazetteerTagger } from '../../src/normalize/gazetteer/tagger.ts';
import { fixtureInput } from '../../src/normalize/gazetteer/evaluate.ts';
import { normalizeItem } from '../../src/normalize/normalize-item.ts';

let tagger: GazetteerTagger;
let catalog: GazetteerCatalog;
beforeAll(async () => {
  ({ tagger, catalog } = await createDefaultTagger({ discovery: false }));
}, 60_000);

describe('preview --json statements', () => {
  it('resolves actor, by and speaker to objects and evidence to field/start/end/snippet', () => {
    const { raw, feed } = fixtureInput({
      id: 'p1',
      title: 'Drone attack on US troops',
      contentHtml:
        '<p>WASHINGTON (Reuters) - The United States blamed Kataib Hezbollah for the drone attack that killed three US soldiers. "We will respond," said Maj. Gen. Pat Ryder.</p>',
      expected: { actors: [], regions: [], topics: [] },
    });
    const result = normalizeItem(raw, { feed, feedTitle: null, feedLink: null, feedLanguage: null, documentUrl: feed.url, fetchedAt: new Date('2026-01-01T00:00:00Z'), tagger });
    if (!('article' in result)) throw new Error('expected an article');
    const p = toPreviewArticle(result.article, catalog, { id: 'annotated', title: null, siteUrl: null });
    expect(p.dateline).toEqual({ id: 'US', name: 'United States', kind: 'COUNTRY' });
    expect(p.claims).toEqual([
      {
        kind: 'ATTRIBUTED',
        actor: { id: 'kataib-hizbullah', name: "Kata'ib Hizbullah", kind: 'ARMED_GROUP' },
        by: { id: 'united-states', name: 'Government of the United States', kind: 'STATE' },
        evidence: expect.objectContaining({ field: 'content', start: expect.any(Number), end: expect.any(Number), snippet: expect.stringContaining('blamed') }),
      },
    ]);
    expect(p.quotes).toEqual([{ speaker: { id: 'pat-ryder', name: 'Pat Ryder', kind: 'PERSON' }, speakerName: 'Pat Ryder', text: 'We will respond', evidence: expect.objectContaining({ field: 'content' }) }]);
    expect(p.figures.map((f) => [f.kind, f.min, f.max])).toEqual([['KILLED', 3, 3]]);
  });
});

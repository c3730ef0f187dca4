import { describe, expect, it } from 'vitest';
import { HASH_LENGTH, articleId, contentHash, foldText, storyKey, titleFingerprintTokens } from '../../src/model/ids.ts';

const base = { guid: null, url: null, title: null, published: null };

describe('articleId', () => {
  it('is a 22-character base64url string', () => {
    const id = articleId('feed', { ...base, guid: 'x' });
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(id).toHaveLength(HASH_LENGTH);
  });

  it('is stable and uses the guid first', () => {
    const a = articleId('feed', { guid: '123', url: 'https://e.org/a', title: 'T', published: 'x' });
    const b = articleId('feed', { guid: '123', url: 'https://e.org/other', title: 'Other', published: 'y' });
    expect(a).toBe(b);
  });

  it('differs between feeds for the same guid', () => {
    expect(articleId('a', { ...base, guid: '1' })).not.toBe(articleId('b', { ...base, guid: '1' }));
  });

  it('falls back to the canonical URL, so tracking parameters do not change the id', () => {
    const a = articleId('f', { ...base, url: 'https://e.org/a?utm_source=rss' });
    const b = articleId('f', { ...base, url: 'HTTPS://E.ORG/a#comments' });
    expect(a).toBe(b);
  });

  it('falls back to the folded title and raw date', () => {
    const a = articleId('f', { ...base, title: 'Drone strike  near Erbil', published: '2024-01-01' });
    expect(articleId('f', { ...base, title: 'drone strike near erbil', published: '2024-01-01' })).toBe(a);
    expect(articleId('f', { ...base, title: 'drone strike near erbil', published: '2024-01-02' })).not.toBe(a);
  });

  it('does not confuse a guid with a URL of the same text', () => {
    expect(articleId('f', { ...base, guid: 'https://e.org/a' })).not.toBe(articleId('f', { ...base, url: 'https://e.org/a' }));
  });
});

describe('contentHash', () => {
  const parts = { title: 'T', summary: 'S', content: 'C', url: 'https://e.org/a', authors: ['A'], tags: ['x'], imageUrl: null, updatedAt: null };
  it('changes when any field changes and not otherwise', () => {
    const hash = contentHash(parts);
    expect(contentHash({ ...parts })).toBe(hash);
    for (const change of [{ title: 'T2' }, { content: 'C2' }, { summary: 'S2' }, { authors: ['B'] }, { tags: [] }, { imageUrl: 'https://e.org/i.jpg' }, { updatedAt: '2024-01-01T00:00:00.000Z' }]) {
      expect(contentHash({ ...parts, ...change })).not.toBe(hash);
    }
  });
});

describe('storyKey', () => {
  it.each([
    ['wire slug and source suffix', 'UPDATE 2-Iraqi militia claims drone attack on Erbil base', 'Iraqi militia claims drone attack on Erbil base - Reuters'],
    ['word order and stopwords', 'Iraq: militia claims drone attack on base', 'Militia claims drone attack on base in Iraq'],
    ['case, accents and punctuation', 'Hezbollah fires rockets at Kiryat Shmona', 'HEZBOLLAH FIRES ROCKETS AT KIRYAT SHMONA!'],
    ['Arabic urgent marker and hamza forms', 'عاجل: انفجار في قاعدة عين الأسد', 'انفجار في قاعدة عين الاسد'],
  ])('groups near-identical titles: %s', (_label, a, b) => {
    expect(storyKey(a, 'https://one.example/x')).toBe(storyKey(b, 'https://two.example/y'));
  });

  it('separates different stories', () => {
    expect(storyKey('Militia claims drone attack on Erbil base', null)).not.toBe(storyKey('Militia denies drone attack on Erbil base', null));
  });

  it('uses the canonical URL when the title says too little', () => {
    expect(storyKey('Update', 'https://e.org/a?utm_source=x')).toBe(storyKey('News', 'https://e.org/a'));
    expect(storyKey('Update', 'https://e.org/a')).toMatch(/^u/);
    expect(storyKey('Iraqi militia claims drone attack', null)).toMatch(/^t/);
  });

  it('exposes the tokens it hashes', () => {
    expect(titleFingerprintTokens('The Iraqi militia says it attacked a base')).toEqual(['attacked', 'base', 'iraqi', 'militia']);
  });
});

describe('foldText', () => {
  it.each([
    ["Kata'ib Ḥizbullāh", 'kataib hizbullah'],
    ['  Al-Qaim,  Anbar ', 'al qaim anbar'],
    ['أبو مهدي المهندس', 'ابو مهدي المهندس'],
    ['كتائب حزب الله', 'كتايب حزب الله'], // hamza on its seat folds away: ئ → ي
  ])('%s → %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });
});

/** The phrase and title terms that let the word index answer phrases and title: terms. */
import { describe, expect, it } from 'vitest';
import { articleSearchTerms, pairTerm, phraseIndexTerms, phraseQueryTerms, titleTerm } from '../../src/normalize/gazetteer/phrase-terms.ts';
import { indexTerms } from '../../src/normalize/gazetteer/search-terms.ts';

const article = { title: 'Drone strike near Baghdad', summary: 'هجوم بطائرة مسيرة', content: 'The convoy was hit.', tags: ['Red Sea'] };

describe('phrase terms', () => {
  it.each([
    ['one word: its stem', ['drone'], false, false, [{ term: 'drone', prefix: false }]],
    ['one folded word with an Arabic proclitic (ئ folds to ي): its stem', ['بطايره'], false, false, [{ term: 'طاير', prefix: false }]],
    ['a prefix is not stemmed', ['الحو'], true, false, [{ term: 'الحو', prefix: true }]],
    ['two words: one pair', ['drone', 'strike'], false, false, [{ term: pairTerm('drone', 'strike'), prefix: false }]],
    ['three words: two pairs, the last a prefix', ['al', 'jurf', 'sakh'], true, false, [{ term: pairTerm('al', 'jurf'), prefix: false }, { term: pairTerm('jurf', 'sakh'), prefix: true }]],
    ['title marks every term', ['drone'], false, true, [{ term: titleTerm('drone'), prefix: false }]],
  ])('%s', (_name, words, prefix, title, expected) => {
    expect(phraseQueryTerms(words, prefix, title)).toEqual(expected);
  });

  it('indexes words, stems, pairs within a field only, and title terms', () => {
    const terms = new Set(articleSearchTerms(article));
    for (const t of ['drone', 'baghdad', 'بطايره', 'طاير', pairTerm('drone', 'strike'), pairTerm('طاير', 'مسير'), pairTerm('red', 'sea'), titleTerm('drone'), titleTerm(pairTerm('strike', 'near'))]) {
      expect(terms.has(t), t).toBe(true);
    }
    // No pair across fields (title's last word and summary's first), no title term for body words.
    expect(terms.has(pairTerm('baghdad', 'هجوم'))).toBe(false);
    expect(terms.has(titleTerm('convoy'))).toBe(false);
  });

  // articleSearchTerms folds each field once (the import's hot path); it must index exactly
  // what indexTerms over every field plus phraseIndexTerms give.
  it.each([
    ['the example', article],
    ['Arabic with proclitics, suffixes and stems of stems', { title: 'والحوثيون لكتائب', summary: 'فالطائرات وبالمسيرات', content: 'للمسيرة الكتائب.\n\nوزير', tags: ['البحر الأحمر', 'حزب الله'] }],
    ['Persian letters, apostrophes, dashes and digits', { title: "Kata'ib Ḥizbullah — ۲۰۲۶", summary: 'کشور یمن', content: 'Al-Jurf al-Sakhar; 3 drones', tags: [] }],
    ['empty fields', { title: '', summary: '', content: '', tags: ['', 'x'] }],
  ])('indexes the same terms as indexTerms + phraseIndexTerms: %s', (_name, a) => {
    const expected = new Set([...indexTerms(`${a.title}\n${a.summary}\n${a.content}\n${a.tags.join('\n')}`), ...phraseIndexTerms(a)]);
    const got = articleSearchTerms(a);
    expect(new Set(got)).toEqual(expected);
    expect(got.length).toBe(expected.size);
  });
});

import { describe, expect, it } from 'vitest';
import { extractTranslatorNotes, hasTranslatorNote } from '../../src/normalize/clean/translator-notes.ts';

describe('extractTranslatorNotes', () => {
  it.each([
    ['[TN: …] inline, space before the full stop removed', 'The ministry said in a statement [TN: alt: "a crossing"].', 'The ministry said in a statement.', ['alt: "a crossing"']],
    ['(TN: …)', 'A security source (TN: the original says "the channel") confirmed it.', 'A security source confirmed it.', ['the original says "the channel"']],
    ['T.N. with a dash', 'He left [T.N. - a euphemism for resigned] on Sunday.', 'He left on Sunday.', ['a euphemism for resigned']],
    ["[Translator's note: …]", "The Brigades [Translator's note: Kataib Hezbollah] said so.", 'The Brigades said so.', ['Kataib Hezbollah']],
    ['curly apostrophe, no colon', 'The Brigades [Translator’s note the group’s armed wing] said so.', 'The Brigades said so.', ['the group’s armed wing']],
    ['nested brackets', 'The committee [TN: the PMF (al-Hashd) [sic] leadership] met.', 'The committee met.', ['the PMF (al-Hashd) [sic] leadership']],
    ['two notes', 'A [TN: one] and B [TN: two].', 'A and B.', ['one', 'two']],
    ['unclosed note runs to the end', 'He said [TN: the sentence is cut off in the original', 'He said', ['the sentence is cut off in the original']],
    ['Arabic note', 'قال المتحدث [ملاحظة المترجم: يقصد الحشد الشعبي] إن القرار نهائي.', 'قال المتحدث إن القرار نهائي.', ['يقصد الحشد الشعبي']],
    ['Arabic note in parentheses', 'أكد البيان (ملاحظة من المترجم: ترجمة حرفية) ذلك.', 'أكد البيان ذلك.', ['ترجمة حرفية']],
    ['French NdT', "Le porte-parole [NdT : il s'agit du Hezbollah] a démenti.", 'Le porte-parole a démenti.', ["il s'agit du Hezbollah"]],
    ['whole paragraph note', "Translator's note: the Arabic original uses an honorific.", '', ['the Arabic original uses an honorific.']],
    ['whole paragraph TN', 'TN: This paragraph was summarised.', '', ['This paragraph was summarised.']],
    ['whole paragraph Arabic', 'ملاحظة المترجم: النص مختصر.', '', ['النص مختصر.']],
    ["editor's notes stay (the outlet's voice)", "The toll rose to 12. [Editor's note: updated at 14:00.]", "The toll rose to 12. [Editor's note: updated at 14:00.]", []],
    ['words that only look like TN stay', 'The TNT charge [TNT: trinitrotoluene-based] and (TN-3 missile) remain.', 'The TNT charge [TNT: trinitrotoluene-based] and (TN-3 missile) remain.', []],
    ['"Translators note" in prose stays', 'Translators note that the term is ambiguous.', 'Translators note that the term is ambiguous.', []],
  ])('%s', (_label, input, text, notes) => {
    const result = extractTranslatorNotes(input);
    expect(result.text).toBe(text);
    expect(result.notes).toEqual(notes);
  });

  it('hasTranslatorNote', () => {
    expect(hasTranslatorNote('x [TN: y] z')).toBe(true);
    expect(hasTranslatorNote('x [Ed: y] z')).toBe(false);
  });
});

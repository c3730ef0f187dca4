/**
 * Discovery: people and organisations named in an article that no dictionary alias covers,
 * kept as candidates so an analyst can promote them into data/actors.json. compromise is the
 * NLP pass; it costs ~20 ms per 1.5 KB, so it reads only the sentences (of the title, summary
 * and the first `maxChars` of the body) that hold a capitalised name the dictionaries do not
 * know: most wire copy about known actors never reaches it.
 */
import nlp from 'compromise';
import { fold } from './fold.ts';
import type { Candidate, TextSections } from './tagger.types.ts';

/** Titles and ranks stripped from the front of a person's name ("Maj. Gen. Pat Ryder" → "Pat Ryder"). */
const TITLES = new Set(
  `mr mrs ms dr prof sheikh shaykh sayyed sayyid imam president prime minister pm gen general maj major lt lieutenant col colonel brig brigadier
adm admiral capt captain sgt sergeant cmdr commander gov governor sen senator rep king prince emir crown secretary spokesman spokeswoman spokesperson
ayatollah grand hajj haji mullah cleric minister foreign defense defence interior deputy chief`.split(/\s+/),
);
/** A run of two or more capitalised words (or an "al-" name): something that may be a name. */
const NAME_RUN = /(?:\b(?:[A-Z][\p{L}'’-]+|al-[A-Z][\p{L}'’-]+)(?:\s+(?:al-|bin |ibn |abu |de |of the |of )?[A-Z][\p{L}'’-]+)+)/gu;

/** True when a word of `name` is a title or rank ("Jordan King Abdullah", "Iraq PM Sudani"). */
export function hasTitleWord(name: string): boolean {
  return name.split(/\s+/).some((w) => TITLES.has(fold(w).replace(/\./g, '')));
}

function cleanName(raw: string): string {
  const words = raw
    .replace(/[.,;:!?"“”()[\]]+$/g, '')
    .replace(/['’]s$/u, '')
    .trim()
    .split(/\s+/);
  while (words.length > 1 && TITLES.has(fold(words[0] ?? '').replace(/\./g, ''))) words.shift();
  return words.join(' ');
}

/** Sentences worth the NLP pass: those with a capitalised run no dictionary alias covers. */
function sentencesWithUnknownNames(text: string, isKnown: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    for (const run of sentence.matchAll(NAME_RUN)) {
      const name = cleanName(run[0]);
      if (name.includes(' ') && !isKnown(name)) {
        out.push(sentence);
        break;
      }
    }
  }
  return out;
}

/**
 * Names compromise recognises as people or organisations in the article's own text, minus
 * those a dictionary alias already covers, with how often each was seen.
 */
export function discoverCandidates(sections: TextSections, isKnown: (name: string) => boolean, maxChars = 3000): Candidate[] {
  const text = [sections.title, sections.summary, sections.content.slice(0, maxChars)].filter((t) => t !== '').join('\n');
  const sentences = sentencesWithUnknownNames(text, isKnown);
  if (sentences.length === 0) return [];
  const doc = nlp(sentences.join('\n'));
  const found = new Map<string, { name: string; kind: string; mentions: number }>();
  const collect = (names: string[], kind: string): void => {
    for (const raw of names) {
      const name = cleanName(raw);
      const key = fold(name);
      // One-word names are too often a surname of a known person or a common word.
      if (!name.includes(' ') || key.length < 4 || isKnown(name)) continue;
      const prev = found.get(key);
      if (prev === undefined) found.set(key, { name, kind, mentions: 1 });
      else prev.mentions++;
    }
  };
  collect(doc.people().out('array') as string[], 'PERSON');
  collect(doc.organizations().out('array') as string[], 'ORGANIZATION');
  return [...found.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/**
 * Discovery: people and organisations named in an article that no dictionary alias covers,
 * kept as candidates so an analyst can promote them into data/actors.json. compromise is the
 * NLP pass; it costs 0.2–0.8 ms per call, so it reads only a few words around each capitalised
 * name the dictionaries do not know (in the title, summary and the first `maxChars` of the
 * body), and remembers what it read: most wire copy about known actors never reaches it.
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

/** {@link cleanName} answers: the same runs come back in article after article. */
const cleaned = new Map<string, string>();

/** A name without trailing punctuation, possessive "'s" or leading titles ("Maj. Gen. Pat Ryder's" → "Pat Ryder"). */
function cleanName(raw: string): string {
  let name = cleaned.get(raw);
  if (name === undefined) {
    name = cleanNameOnce(raw);
    if (cleaned.size >= 50_000) cleaned.clear();
    cleaned.set(raw, name);
  }
  return name;
}

function cleanNameOnce(raw: string): string {
  const words = raw
    .replace(/[.,;:!?"“”()[\]]+$/g, '')
    .replace(/['’]s$/u, '')
    .trim()
    .split(/\s+/);
  while (words.length > 1 && TITLES.has(fold(words[0] ?? '').replace(/\./g, ''))) words.shift();
  return words.join(' ');
}

/** Words of the sentence kept on each side of a name when compromise reads it. */
export const CONTEXT_WORDS = 3;
/** Windows whose compromise reading is remembered (the oldest dropped first). */
const MEMO_LIMIT = 20_000;

/** What compromise found in one window: raw person and organisation names, in order. */
interface Reading {
  readonly people: readonly string[];
  readonly organizations: readonly string[];
}

/**
 * compromise's reading of a window, memoised. compromise costs 0.2–0.8 ms per call whatever
 * the text's length (it tries its whole pattern net on every sentence), far more than the
 * dictionary tagging of a whole article, and a window's reading depends on the window's text
 * alone: the same name in the same words ("spokesman Yahya Saree said") is read once.
 */
const memo = new Map<string, Reading>();

function readWindow(window: string): Reading {
  const hit = memo.get(window);
  if (hit !== undefined) return hit;
  const doc = nlp(window);
  const reading: Reading = { people: doc.people().out('array') as string[], organizations: doc.organizations().out('array') as string[] };
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as string); // oldest first
  memo.set(window, reading);
  return reading;
}

/** The last sentence end in a text (its punctuation and the spaces after it). */
const SENTENCE_END_BEFORE = /[.!?]\s+(?!.*[.!?]\s)/su;
/** The first sentence end in a text. */
const SENTENCE_END_AFTER = /[.!?](?=\s|$)/u;
const WORDS_BEFORE = new RegExp(`(?:\\S+\\s+){0,${CONTEXT_WORDS}}$`, 'u');
const WORDS_AFTER = new RegExp(`^(?:\\s+\\S+){0,${CONTEXT_WORDS}}`, 'u');

/**
 * Names compromise recognises as people or organisations in the article's own text, minus
 * those a dictionary alias already covers, with how often each was seen.
 *
 * compromise reads, for each capitalised run that no alias covers (in the title, summary and
 * the first `maxChars` of the body), a window of the run and {@link CONTEXT_WORDS} words of its
 * sentence on each side ("spokeswoman Sabrina Singh said on Monday"), and only the names it
 * finds inside the run count (once per run occurrence). Measured on the annotated articles and
 * the bench corpus against reading whole sentences: the same candidates, minus junk that
 * crossed the run's edge ("Iraqi bank", "Houthi media"), at a fraction of the cost, and the
 * readings can be memoised per window.
 */
export function discoverCandidates(sections: TextSections, isKnown: (name: string) => boolean, maxChars = 3000): Candidate[] {
  const text = [sections.title, sections.summary, sections.content.slice(0, maxChars)].filter((t) => t !== '').join('\n');
  const found = new Map<string, { name: string; kind: string; mentions: number }>();
  const collect = (names: readonly string[], kind: string, run: string): void => {
    for (const raw of names) {
      const name = cleanName(raw);
      const key = fold(name);
      // One-word names are too often a surname of a known person or a common word.
      if (!name.includes(' ') || key.length < 4 || !run.includes(name) || isKnown(name)) continue;
      const prev = found.get(key);
      if (prev === undefined) found.set(key, { name, kind, mentions: 1 });
      else prev.mentions++;
    }
  };
  for (const line of text.split('\n')) {
    for (const run of line.matchAll(NAME_RUN)) {
      const name = cleanName(run[0]);
      if (!name.includes(' ') || isKnown(name)) continue;
      // The window stays inside the run's sentence: a sentence ends at . ! ? and a space.
      const at = run.index ?? 0;
      const end = at + run[0].length;
      const head = line.slice(Math.max(0, at - 120), at);
      const stop = SENTENCE_END_BEFORE.exec(head);
      const before = WORDS_BEFORE.exec(stop === null ? head : head.slice(stop.index + stop[0].length))?.[0] ?? '';
      const tail = line.slice(end, end + 120);
      const next = SENTENCE_END_AFTER.exec(tail);
      const after = WORDS_AFTER.exec(next === null ? tail : tail.slice(0, next.index + 1))?.[0] ?? '';
      const reading = readWindow(`${before}${run[0]}${after}`.trim());
      collect(reading.people, 'PERSON', run[0]);
      collect(reading.organizations, 'ORGANIZATION', run[0]);
    }
  }
  return [...found.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

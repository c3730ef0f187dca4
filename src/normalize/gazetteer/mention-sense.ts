/**
 * Whether a name found in text is used AS that name (data/README.md, "States versus regions"):
 * general rules on the words around a match, instead of a stop list per alias.
 * - a country inside a longer proper name: "Jordan River", "Indian Ocean", "Lake Chad",
 *   "Georgia Avenue" ({@link insideLongerName});
 * - a common-word sense, written in lower case: "turkey", "niger seed", "chad" ({@link lowerCaseSense});
 * - a given name: "a woman named Amal", "Amal Khalil" ({@link personNameContext});
 * - an affiliation or origin descriptor: "Iran-backed", "Beirut-based", "pro-Iranian"
 *   ({@link isDescriptor}): it locates no event and is no state acting;
 * - a dateline: "DUBAI (Reuters) -", "KHARTOUM, Dec 2 (AFP) -" ({@link datelineSpan});
 * - a mention inside a quotation ({@link insideQuotes}) or after a locative preposition
 *   ({@link isLocative}), which the region salience rule of the tagger weighs.
 * All functions are pure and read the ORIGINAL (unfolded) text, where case and hyphens survive.
 */

/** Head nouns that make "<Name> <Head>" a different place or thing ("Jordan River", "Indian Ocean"). */
const GEO_HEADS = new Set(
  `river rivers ocean sea lake lakes valley basin mountains mountain range avenue street road boulevard square bay desert plateau
island islands canal delta rift highlands park bridge strait sound peninsula gorge falls springs county`.split(/\s+/),
);
/** Words before a name that make it part of a longer place name ("Lake Chad", "Gulf of Oman", "Mount Lebanon"). */
const GEO_BEFORE = /(?:^|[^\p{L}])(?:Lake|Mount|Mt\.?|Cape|Gulf of|Bay of|Sea of|Strait of|Isle of|Lac|Mont)\s+$/u;

/** True when the name at `[start, end)` continues into a capitalised geographic head noun or follows "Lake", "Gulf of"… */
export function insideLongerName(text: string, start: number, end: number): boolean {
  const after = /^\s+(\p{Lu}[\p{Ll}]+)/u.exec(text.slice(end, end + 24));
  if (after !== null && GEO_HEADS.has(after[1]!.toLowerCase())) return true;
  return GEO_BEFORE.test(text.slice(Math.max(0, start - 12), start));
}

/**
 * True when a dictionary name written with a capital ("Turkey", "Chad", "Niger") is matched in
 * lower case ("turkey", "chad", "niger seed") in text that does use capitals: a common noun.
 */
export function lowerCaseSense(text: string, start: number, end: number, dictionaryAlias: string): boolean {
  const first = dictionaryAlias.charAt(0);
  if (!/\p{Lu}/u.test(first) || !/\p{Script=Latin}/u.test(first)) return false;
  // Only when no letter of the match is a capital: "north-east Syria" and "al-Hol" are names.
  const span = text.slice(start, end);
  if (/\p{Lu}/u.test(span) || !/\p{Ll}/u.test(span)) return false;
  return /\p{Lu}/u.test(text); // all-lower-case text gives no signal
}

const NAME_INTRO = /(?:^|[^\p{L}])(?:named|called|Mrs?\.?|Ms\.?|Miss|Dr\.?|Umm|Abu|daughter|son|sister|brother|mother|wife|husband|niece|nephew)\s+$/u;
/** Capitalised words that may follow an organisation's name without being a surname. */
const NOT_SURNAMES = new Set(
  `movement party group militia leader leaders spokesman spokeswoman official officials members member fighters forces movement's
said says told and or but in on at of for the a an to with from by as is was has had will would could also`.split(/\s+/),
);

/**
 * True when a one-word name reads as a person's given name: after "named", "called", "Mrs",
 * "Umm", …; before a capitalised word that is not an organisation word ("Amal Khalil");
 * or before an age ("Amal, 34,", "Amal, a 34-year-old").
 */
export function personNameContext(text: string, start: number, end: number, isKnownNameAt: (offset: number) => boolean): boolean {
  if (NAME_INTRO.test(text.slice(Math.max(0, start - 12), start))) return true;
  const tail = text.slice(end, end + 40);
  if (/^,\s*(?:an?\s+)?\d{1,3}(?:-year-old)?\b/u.test(tail)) return true;
  const next = /^\s(\p{Lu}[\p{Ll}'’-]+)/u.exec(tail);
  if (next !== null && !NOT_SURNAMES.has(next[1]!.toLowerCase()) && !isKnownNameAt(end + 1)) return true;
  return false;
}

const DESCRIPTOR_SUFFIX = /^-(?:backed|aligned|based|funded|sponsored|supported|affiliated|linked|allied|made|born|flagged|owned|registered|headquartered|trained|armed|built)(?![\p{L}])/iu;
const DESCRIPTOR_ALIAS = /(?:^pro[- ]|-(?:backed|aligned|based|funded|sponsored|supported|affiliated|linked|allied|made|born|flagged)$)/iu;

/**
 * True for a name used as a descriptor: "Iran-backed militias", "a Beirut-based think tank",
 * "pro-Iranian factions", "a Liberian-flagged tanker". Such a name is an affiliation or origin
 * signal: neither a place where events happen nor the state acting.
 */
export function isDescriptor(text: string, start: number, end: number): boolean {
  if (DESCRIPTOR_ALIAS.test(text.slice(start, end))) return true;
  if (DESCRIPTOR_SUFFIX.test(text.slice(end, end + 16))) return true;
  return /(?:^|[^\p{L}])pro-$/iu.test(text.slice(Math.max(0, start - 5), start));
}

/**
 * The span of a dateline's place at the start of a text: "DUBAI (Reuters) -", "KHARTOUM, Dec 2
 * (AFP) -", "BEIRUT, Lebanon (AP) —", "Gaza City, March 3 (Reuters) -", "بيروت (رويترز) -",
 * "صنعاء — ". `null` when the text does not open with one. The place must be written in capitals,
 * or be followed by a date or an agency in brackets: an ordinary sentence opening is never taken.
 */
export function datelineSpan(text: string): { start: number; end: number } | null {
  const lead = /^\s*/u.exec(text)![0].length;
  const head = text.slice(lead, lead + 120);
  const m =
    /^((?:\p{Lu}[\p{L}'’.]*)(?:[ -](?:\p{Lu}[\p{L}'’.]*|al|el|de|of))*)(,\s*(?:\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+){0,2}))?(,?\s*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*))?\s*(\((?:[^()]{2,30})\))?\s*([-–—]|:)\s/u.exec(
      head,
    );
  if (m !== null) {
    const place = m[1]!;
    const capitals = place === place.toUpperCase() && /\p{Lu}{3}/u.test(place);
    // "Sanaa — The Yemeni Armed Forces…": one or two capitalised words and a spaced en/em dash also open as a dateline.
    const dashed = /^[–—]$/u.test(m[5]!) && !place.includes(' ', place.indexOf(' ') + 1) && m[2] === undefined;
    if (capitals || dashed || m[3] !== undefined || m[4] !== undefined) return { start: lead, end: lead + place.length + (m[2]?.length ?? 0) };
    return null;
  }
  // Arabic / Persian: one or two words, optional agency in brackets, then a dash.
  const ar = /^((?:[\u0600-\u06FF]+)(?: [\u0600-\u06FF]+)?)\s*(\([^()]{2,30}\))?\s*[-–—]\s/u.exec(head);
  if (ar !== null) return { start: lead, end: lead + ar[1]!.length };
  return null;
}

/** Opening and closing quotation marks, paired. */
const QUOTE_PAIRS: Readonly<Record<string, string>> = { '“': '”', '«': '»', '"': '"', '„': '“' };

/**
 * True when `offset` lies inside a quotation in `text` ("…," he said): counted from the start
 * of the paragraph, which quotations do not cross in wire copy.
 */
export function insideQuotes(text: string, offset: number): boolean {
  const paraStart = text.lastIndexOf('\n', offset) + 1;
  let open: string | null = null;
  for (let i = paraStart; i < offset; i++) {
    const ch = text[i]!;
    if (open === null) {
      if (ch in QUOTE_PAIRS) open = QUOTE_PAIRS[ch]!;
    } else if (ch === open) open = null;
  }
  return open !== null;
}

const LOCATIVES = new Set('in inside across throughout within into near over across around at from'.split(' '));
const AR_LOCATIVE = /(?:^|\s)(?:في|داخل|الى|إلى|عبر|قرب|بـ?|در)\s*$/u;

/** True when the word before `start` is a locative preposition ("in Iraq", "across Syria", "في العراق"). */
export function isLocative(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  const word = /([\p{L}]+)[\s,]*(?:the\s+)?$/iu.exec(before)?.[1]?.toLowerCase();
  if (word !== undefined && LOCATIVES.has(word)) return true;
  if (AR_LOCATIVE.test(before)) return true;
  // Arabic proclitic ب/ل/في joined to the name: "بالعراق", "فيالعراق" (the name match starts after it).
  return start > 0 && /[بف]$/u.test(before) && /[\u0600-\u06FF]/u.test(text.charAt(start));
}

const CARGO = /(?:smuggl|captagon|narcotic|drugs?\b|contraband|traffick|shipment|consignment|cargo|seiz|confiscat|carrying\s+(?:weapons|arms|drugs|narcotics|crystal meth|hashish)|تهريب|مهرب|مخدرات|كبتاغون|ضبط|شحنة)/iu;
/** A weapon on display or on watch, not used: drills, tests, parades, surveillance kit ("thermal cameras and drones"). */
const DISPLAY = /(?:\bdrills?\b|exercises?\b|manoeuvres|maneuvers|parade|showcase|unveil|test-fir|test launch|surveillance|reconnaissance|thermal cameras|cameras and|monitoring|تمرين|مناورة|مناورات|رزمایش|استعراض)/iu;
const ATTACK = /(?:\bstrikes?\b|\bstruck\b|\battack(?!\s+(?:boats?|helicopters?|craft|submarines?))|explo|\bbomb|killed|wounded|injured|targeted|\bhit\b|launched at|fired at|هجوم|استهدف|قصف|غارة|انفجار|مقتل|إصابة)/iu;

/**
 * True when a weapon named at `[start, end)` ("drones", "missiles") is cargo or kit, not an
 * attack: its sentence speaks of smuggling or seizure ("drones used to carry captagon", "drones
 * carrying weapons"), of drills, tests or surveillance ("showcase new boats and drones", "thermal
 * cameras and drones"), and of no strike, explosion or casualty near the weapon.
 */
export function weaponAsCargo(text: string, start: number, end: number): boolean {
  const from = Math.max(text.lastIndexOf('.', start - 1), text.lastIndexOf('\n', start - 1)) + 1;
  let to = text.slice(end).search(/[.\n]/u);
  to = to < 0 ? text.length : end + to;
  const sentence = text.slice(from, to);
  // Attack words count only near the weapon: "killed four smugglers …, seizing drones used to
  // carry captagon" is a clash and a seizure, not a drone strike.
  const near = text.slice(Math.max(from, start - 50), start) + ' ' + text.slice(end, Math.min(to, end + 50));
  return (CARGO.test(sentence) || DISPLAY.test(sentence)) && !ATTACK.test(near);
}

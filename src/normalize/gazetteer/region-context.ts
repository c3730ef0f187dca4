/**
 * Whether a place named in text is a SETTING of the article (data/README.md, "States versus
 * regions"): where events happen, not where something is merely measured from, located by,
 * addressed, supported or compared with. General rules on the words around a match, pure, on
 * the ORIGINAL (unfolded) text, where case and hyphens survive:
 * - a reference point: "57 nautical miles west of Hodeidah", "south of Baghdad", "off
 *   Hodeidah", "on the border with Syria", "على بعد 80 ميلاً بحرياً جنوب شرق عدن";
 * - the place of a statement or of a past visit: "said in Tehran", "had visited Moscow",
 *   "visited Moscow in July", "قد زار عمّان";
 * - a counterpart or a relation: "talks with Washington", "between Iran and the United States",
 *   "مع واشنطن";
 * - an affiliation: "militias tied to Iran", "groups close to Iran", "backed by the United
 *   States", "المرتبطة بتنظيم";
 * - rhetoric: "until the aggression on Gaza ends", "supporting Gaza", "solidarity with", "العدوان على";
 * - a compound modifier: "US-Iran talks", "the Egypt-Sudan border", "Damascus-Suwayda highway",
 *   "the Riyadh agreement", "the Yemen peace roadmap".
 * {@link isAttributive} and the demonyms say when a country name only qualifies a noun ("US
 * envoy", "Israeli strikes"): the tagger counts a country named only so as no setting.
 */

const DIRECTION = String.raw`(?:north|south|east|west)(?:ern)?(?:[- ]?(?:east|west)(?:ern)?)?`;
/** "57 nautical miles west of", "400 km southeast of Oman's port of", "said in" (a bare "east of Aleppo" still locates the event near it). */
const REFERENCE_BEFORE_EN = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:\d[\d,.]*\s*(?:nautical\s+)?(?:miles?|kilomet(?:re|er)s?|km|nm)\s*(?:\([^)]{0,30}\)\s*)?${DIRECTION}\s+of|(?:said|says|speaking|spoke|added|stated)\s+in)\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]+['’]s\s+)?(?:(?:port|city|town|village|capital|coast)\s+(?:city\s+)?of\s+(?:the\s+)?)?$`,
  'iu',
);
/** Arabic: a distance before the direction ("على بعد 80 ميلاً بحرياً جنوب شرق عدن"); Persian "مرز" (the border of). */
const REFERENCE_BEFORE_AR = /(?:ميل|ميلا|اميال|أميال|كيلومتر|كيلومترا|كلم|كم)[^.،\n]{0,20}(?:شمال|جنوب|شرق|غرب)[^.،\n]{0,12}$/u;
/** Arabic and Persian counterparts, affiliations and rhetoric: "مع واشنطن", "بين إيران", "العدوان على غزة", "المرتبطة بـ", "مرز پاکستان". */
const RELATION_BEFORE_AR = /(?:(?:^|\s)(?:مع|بين|مرز|عبر|متوعدا|متوعداً|محذرا|محذراً|مطالبا|مطالباً|داعيا|داعياً|متهما|متهماً)|(?:^|\s)قد زار|الضغط على|المرتبطة ب(?:تنظيم)?|الموالية ل|المدعومة من)\s*$/u;
/** The names of a list before the current one ("from the Philippines and "), stripped so that the list's head word is tested. */
const LIST_BEFORE = /(?:(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*\s*(?:,\s*and\s+|,\s*|\s+and\s+)|[\u0600-\u06FF]+(?:\s+[\u0600-\u06FF]+)?\s*(?:،\s*|\s+و\s*|\s+و))+$/u;

/** Words before a state's name that make it a counterpart, an affiliation or an origin, not a setting ("between Bint Jbeil and Ainata" still locates). */
const RELATION_BEFORE_EN = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:(?:talks|negotiations|dialogue|contacts|relations|ties|agreement|deal|channel|meeting|meetings|call|consultations|cooperation|rapprochement|normali[sz]ation|agreed)\s+with|between|border\s+with|(?:based|headquartered)\s+in|pressure\s+on|(?:tied|close|linked|loyal|allied|aligned|affiliated|beholden|answerable)\s+(?:to|with)|(?:backed|funded|armed|supported|sponsored)\s+by|(?:are|were|is|was|come|came|hails?|hailed)\s+from|sided\s+with|(?:had|has|have)\s+(?:previously\s+|recently\s+)?visited)\s+(?:the\s+)?$`,
  'iu',
);
/** Rhetoric before any place: "until the aggression on Gaza ends", "supporting Gaza", "solidarity with Palestinians in the Gaza Strip". */
const RHETORIC_BEFORE = /(?:^|[^\p{L}])(?:aggression\s+(?:on|against)|war\s+on|support(?:ing|s)?|solidarity\s+with(?:\s+(?:the\s+)?(?:people|Palestinians)\s+(?:of|in))?)\s+(?:the\s+)?(?:people\s+of\s+(?:the\s+)?)?$/iu;
const RHETORIC_BEFORE_AR = /(?:نصرة|العدوان على|عدوان على|اسناد|إسناد|دعم)\s*$/u;
/** "Between Iran and the United States": the second of a pair after "between". */
const BETWEEN_PAIR = /(?:^|[^\p{L}])between\s+(?:the\s+)?\p{Lu}[\p{L}.'’ -]{1,40}\s+and\s+(?:the\s+)?$/u;
const AR_BETWEEN_PAIR = /(?:^|\s)بين\s+[\u0600-\u06FF]+(?:\s+[\u0600-\u06FF]+)?\s+و$/u;

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
/** "visited Moscow in July", "visited Cairo last month": a past visit, not the setting. */
const PAST_VISIT_AFTER = new RegExp(String.raw`^\s+(?:in\s+(?:${MONTHS})\b|last\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year)|in\s+(?:19|20)\d\d|الأسبوع الماضي|الشهر الماضي)`, 'u');
const VISIT_BEFORE = /(?:^|[^\p{L}])(?:visited|visit\s+to|trip\s+to|زار|زيارة\s+إلى|زيارته\s+إلى)\s+(?:the\s+)?$/iu;

/** Nouns a country or city name may modify without being the place of events ("the Riyadh agreement", "the Yemen peace roadmap"). */
const MODIFIED_HEADS = new Set(
  'agreement accord accords deal roadmap talks file dossier process summit declaration initiative format conference pact treaty protocol envoy envoys mediation track'.split(' '),
);

/**
 * True when the place named at `[start, end)` of `text` is no setting by its context: a
 * reference point or the place of a statement (any place); a past visit, a counterpart, an
 * affiliation, rhetoric or a compound modifier (`state`: a country, or a capital that can stand
 * for its government — "between Bint Jbeil and Ainata", "the al-Qaim–Al-Bukamal crossing" locate).
 */
export function notASetting(text: string, start: number, end: number, state: boolean): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  if (REFERENCE_BEFORE_EN.test(before) || REFERENCE_BEFORE_AR.test(before)) return true;
  if (RHETORIC_BEFORE.test(before) || RHETORIC_BEFORE_AR.test(before)) return true;
  if (!state) return false;
  if (BETWEEN_PAIR.test(before) || AR_BETWEEN_PAIR.test(before)) return true;
  for (const head of [before, before.replace(LIST_BEFORE, '')]) if (RELATION_BEFORE_EN.test(head) || RELATION_BEFORE_AR.test(head)) return true;
  if (VISIT_BEFORE.test(before) && (PAST_VISIT_AFTER.test(text.slice(end, end + 40)) || /(?:had|قد)\s+(?:\S+\s+){0,3}$/u.test(before.replace(VISIT_BEFORE, '')))) return true;
  return isCompoundModifier(text, start, end);
}

/**
 * "US-Iran talks", "the Egypt-Sudan border", "Damascus-Suwayda highway": a name joined by a
 * hyphen to another capitalised name; "the Riyadh agreement", "the Yemen peace roadmap": a
 * name qualifying an agreement, a file or talks.
 */
export function isCompoundModifier(text: string, start: number, end: number): boolean {
  if (/^[-–]\p{Lu}/u.test(text.slice(end, end + 2))) return true;
  if (/\p{L}[-–]$/u.test(text.slice(Math.max(0, start - 2), start)) && /\p{Lu}/u.test(text.charAt(start))) {
    const word = /(\p{L}+)[-–]$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1] ?? '';
    if (/^\p{Lu}/u.test(word)) return true;
  }
  const after = /^\s+(?:([\p{Ll}]+)\s+)?([\p{Ll}]+)/u.exec(text.slice(end, end + 40));
  if (after === null) return false;
  return MODIFIED_HEADS.has(after[2]!) && (after[1] === undefined || !MODIFIED_HEADS.has(after[1]));
}

/** Nouns of territory: "an Iranian port", "Iraqi airspace", "Turkey's Ceyhan port", "Libyan territory" place events in the country. */
const TERRITORY = /^(?:['’]s?)?\s+(?:[\p{L}-]+\s+){0,2}?(?:port|territory|soil|airspace|waters|city|town|village|province|coast|island|capital|land|border\s+town|prison|base|camp|facility)(?![\p{L}])/u;

/** True when the qualifier ending at `end` ("Iranian", "Turkey's") is followed by a noun of territory. */
export function namesTerritory(text: string, end: number): boolean {
  return TERRITORY.test(text.slice(end, end + 40));
}

const FUNCTION_WORDS = new Set(
  `and or but nor of in on at to for from with by as is was were are be been has have had will would could should may might must can
the a an that which who whom whose this these those it its their his her our than then also not no said says say told and`.split(/\s+/),
);

/**
 * True when a country name only qualifies what follows, like a demonym: in the possessive
 * ("Turkey's Defence Minister", "Russia's bases", "Yemen's Houthis"), or an acronym used as an
 * adjective ("US strikes", "U.S. official", "US President Donald Trump"). It names no place of
 * events. Verbs of speech and action are checked first by the caller.
 */
export function isAttributive(text: string, start: number, end: number): boolean {
  if (/^['’]s?\s/u.test(text.slice(end, end + 3))) return !namesTerritory(text, end);
  const span = text.slice(start, end);
  if (!/^(?:\p{Lu}\.?){2,4}$/u.test(span)) return false;
  const next = /^\s+([\p{L}'’-]+)/u.exec(text.slice(end, end + 30))?.[1];
  if (next === undefined) return false;
  return !FUNCTION_WORDS.has(next.toLowerCase());
}

/**
 * The language of an article as ISO 639-1: what the item says, else the feed document, else
 * the operator's config, else detected from the text. Declared tags are normalised (`en-US`,
 * `ar_IQ`, `ARA`, `per` → `en`, `ar`, `ar`, `fa`). Detection uses a quick script check for
 * Arabic-script languages (Arabic, Persian, Urdu, Kurdish/Sorani, Pashto), Hebrew and a few
 * single-language scripts, and franc-min for the rest, trusted only with enough text. A
 * declared Latin-script language on text that is plainly in Arabic script (the WordPress
 * default `en-US` on an Arabic site) is overridden, with a warning.
 */
import { franc } from 'franc-min';

/** ISO 639-3 and 639-2/B codes (franc's, and what feeds write) → ISO 639-1. */
const ISO639_1: Readonly<Record<string, string>> = {
  arb: 'ar', ara: 'ar', eng: 'en', fra: 'fr', fre: 'fr', deu: 'de', ger: 'de', spa: 'es', por: 'pt', ita: 'it',
  nld: 'nl', dut: 'nl', tur: 'tr', pes: 'fa', fas: 'fa', per: 'fa', prs: 'fa', urd: 'ur', pbu: 'ps', pus: 'ps',
  ckb: 'ku', kmr: 'ku', kur: 'ku', heb: 'he', rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg', kaz: 'kk', srp: 'sr',
  hrv: 'hr', bos: 'bs', pol: 'pl', ces: 'cs', cze: 'cs', ron: 'ro', rum: 'ro', hun: 'hu', swe: 'sv', ind: 'id',
  zlm: 'ms', msa: 'ms', may: 'ms', vie: 'vi', jav: 'jv', sun: 'su', swh: 'sw', swa: 'sw', hau: 'ha', yor: 'yo',
  ibo: 'ig', som: 'so', amh: 'am', tgl: 'tl', uzn: 'uz', uzb: 'uz', azj: 'az', aze: 'az', hin: 'hi', mar: 'mr',
  npi: 'ne', nep: 'ne', ben: 'bn', tel: 'te', tam: 'ta', guj: 'gu', kan: 'kn', mal: 'ml', mya: 'my', pan: 'pa',
  tha: 'th', sin: 'si', ell: 'el', gre: 'el', cmn: 'zh', zho: 'zh', chi: 'zh', jpn: 'ja', kor: 'ko', run: 'rn',
  kin: 'rw', zul: 'zu', lin: 'ln', nya: 'ny', plt: 'mg', mlg: 'mg', qug: 'qu', zyb: 'za', fuv: 'ff', kat: 'ka',
  geo: 'ka', hye: 'hy', arm: 'hy',
};

/** Letters of text before franc is trusted: below this, trigram guesses are noise. */
export const MIN_DETECT_LETTERS = 120;
/** Letters of Arabic script before the script check decides alone. */
const MIN_SCRIPT_LETTERS = 20;

/** Where the language came from; `none` when it is unknown. */
export type LanguageSource = 'item' | 'feed' | 'config' | 'detected' | 'none';

/** The chosen language and where it came from. */
export interface LanguageResult {
  readonly language: string | null;
  readonly source: LanguageSource;
  /** Set when a declared language was overridden by the script of the text. */
  readonly warning?: string;
}

/**
 * Normalises a declared language tag to ISO 639-1: the primary subtag of a BCP 47 or POSIX tag
 * (`en-US`, `ar_IQ`, `zh-Hant-TW`), three-letter codes mapped, anything else null.
 */
export function normalizeLanguageTag(tag: string | null | undefined): string | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_.@\s]/)[0] ?? '';
  if (/^[a-z]{2}$/.test(primary)) return primary === 'iw' ? 'he' : primary === 'in' ? 'id' : primary;
  if (/^[a-z]{3}$/.test(primary)) return ISO639_1[primary] ?? null;
  return null;
}

/**
 * Detects the language of `text`, or null when it cannot be told with confidence. Arabic
 * script: Urdu by its own letters (ٹ ڈ ڑ ں ے), Sorani by ێ ۆ ڕ ڵ ە, Pashto by ټ ډ ړ ښ ږ,
 * Persian by پ چ ژ گ or Persian ی/ک with no Arabic ي/ك, else Arabic.
 */
export function detectLanguage(text: string): string | null {
  const byScript = scriptLanguage(text);
  if (byScript !== null) return byScript;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_DETECT_LETTERS) return null;
  const code = franc(text, { minLength: MIN_DETECT_LETTERS });
  return code === 'und' ? null : (ISO639_1[code] ?? null);
}

/** The quick path: a language told by its script alone (Arabic-script languages, Hebrew), else null. */
export function scriptLanguage(text: string): string | null {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return null;
  const arabicScript = letters.filter((ch) => /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/.test(ch)).length;
  if (arabicScript >= MIN_SCRIPT_LETTERS && arabicScript / letters.length >= 0.5) return arabicScriptLanguage(text);
  const hebrew = letters.filter((ch) => /[\u0590-\u05FF]/.test(ch)).length;
  if (hebrew >= MIN_SCRIPT_LETTERS && hebrew / letters.length >= 0.5) return 'he';
  return null;
}

function arabicScriptLanguage(text: string): string {
  if (/[ٹڈڑںے]/.test(text)) return 'ur';
  if (/[ێۆڕڵ]/.test(text) || (text.match(/ە/g)?.length ?? 0) > 3) return 'ku';
  if (/[ټډړښږ]/.test(text)) return 'ps';
  const persianLetters = (text.match(/[پچژگ]/g)?.length ?? 0) + (text.match(/[یک]/g)?.length ?? 0);
  const arabicLetters = text.match(/[يكة]/g)?.length ?? 0;
  if (/[پچژگ]/.test(text) && persianLetters > arabicLetters) return 'fa';
  if (arabicLetters === 0 && persianLetters > 0) return 'fa';
  return 'ar';
}

/** Languages written in Arabic script: a declaration of one of them is never contradicted by the script check. */
const ARABIC_SCRIPT_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'fa', 'ur', 'ps', 'ku', 'sd', 'ug']);

/** The declarations to choose from and the text to check them against. */
export interface LanguageInputs {
  readonly item: string | null;
  readonly feed: string | null;
  readonly config: string | null | undefined;
  /** The cleaned text (title, summary, content) to detect from. */
  readonly text: string;
}

/**
 * Chooses the article's language: the first valid declaration (item, feed, config), else
 * detection. A declaration is overridden only when the text is clearly in Arabic script and
 * the declared language is not written in it.
 */
export function resolveLanguage(inputs: LanguageInputs): LanguageResult {
  const declared: [LanguageSource, string | null][] = [
    ['item', normalizeLanguageTag(inputs.item)],
    ['feed', normalizeLanguageTag(inputs.feed)],
    ['config', normalizeLanguageTag(inputs.config)],
  ];
  const first = declared.find(([, language]) => language !== null);
  if (first) {
    const [source, language] = first as [LanguageSource, string];
    const detected = scriptLanguage(inputs.text);
    if (detected !== null && ARABIC_SCRIPT_LANGUAGES.has(detected) && !ARABIC_SCRIPT_LANGUAGES.has(language)) {
      return {
        language: detected,
        source: 'detected',
        warning: `the ${source} declares language "${language}" but the text is in Arabic script; using "${detected}"`,
      };
    }
    return { language, source };
  }
  const detected = detectLanguage(inputs.text);
  if (detected !== null) return { language: detected, source: 'detected' };
  // Not a warning: short items (a headline and a link) often cannot be told, and null says so.
  return { language: null, source: 'none' };
}

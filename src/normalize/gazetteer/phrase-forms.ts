/**
 * Forms of dictionary phrases that the text writes differently: Arabic duals, plurals and
 * accusatives of topic phrases, and the governorate named by its capital city ("Basra
 * province", "محافظة كركوك"). Pure functions on folded text.
 */
/**
 * Inflected forms of a folded Arabic phrase, every word inflected alike (adjectives agree with
 * their noun): the dual (oblique and nominative), the feminine sound plural, the accusative
 * with tanween alif. Folding has already turned ة into ه. Latin phrases get none.
 */
export function arabicInflections(folded: string): string[] {
  if (!/[\u0621-\u064A]/u.test(folded)) return [];
  const words = folded.split(' ');
  const inflect = (w: string, form: 'dual' | 'dualNom' | 'plural' | 'acc'): string => {
    if (!/[\u0621-\u064A]$/u.test(w) || w.length < 3 || w.startsWith('ال')) return w;
    const fem = w.endsWith('ه');
    const stem = fem ? w.slice(0, -1) : w;
    if (form === 'dual') return fem ? `${stem}تين` : `${w}ين`;
    if (form === 'dualNom') return fem ? `${stem}تان` : `${w}ان`;
    if (form === 'plural') return fem ? `${stem}ات` : w;
    return fem ? w : `${w}ا`;
  };
  const out = new Set<string>();
  for (const form of ['dual', 'dualNom', 'plural', 'acc'] as const) {
    const variant = words.map((w) => inflect(w, form)).join(' ');
    if (variant !== folded) out.add(variant);
  }
  return [...out];
}

const PROVINCE_AFTER = /^ (?:province|governorate|provinces|governorates|wilayat|vilayet)(?![\p{L}\p{N}])/u;
const PROVINCE_BEFORE = /(?:^|[^\p{L}\p{N}])(?:(?:province|governorate) of(?: the)?|[وفبل]{0,2}محافظه|استان) $/u;

/**
 * The folded span of a governorate named by its capital city: "<city> province|governorate"
 * (the word included), "province|governorate of <city>", Arabic "محافظة <city>" (with a
 * proclitic: "بمحافظة"), Persian "استان <city>"; `null` when the city stands bare.
 */
export function provinceSpan(folded: string, start: number, end: number): { start: number; end: number } | null {
  const after = PROVINCE_AFTER.exec(folded.slice(end, end + 16));
  if (after !== null) return { start, end: end + after[0].length };
  const before = PROVINCE_BEFORE.exec(folded.slice(Math.max(0, start - 24), start));
  if (before !== null) return { start: start - before[0].length + (/^[^\p{L}\p{N}]/u.test(before[0]) ? 1 : 0), end };
  return null;
}

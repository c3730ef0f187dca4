/**
 * The words of dates as feeds write them: month names (and their abbreviations) in the
 * languages of regional news and of the CMSs that publish it, the day names that collide with
 * month abbreviations, time-zone abbreviations, and am/pm. Keys are folded with
 * {@link foldLetters} (no diacritics, Arabic hamza forms unified), so "février", "fevrier",
 * "أيار" and "ايار" are one entry.
 */
import { foldLetters } from '../../model/ids.ts';

/** Month number (1-12) → every spelling, by language. */
const MONTHS: Readonly<Record<number, readonly string[]>> = {
  1: [
    'january', 'jan', 'janvier', 'janv', 'enero', 'ene', 'janeiro', 'januar', 'jänner', 'jaenner', 'gennaio', 'gen',
    'januari', 'ocak', 'oca', 'يناير', 'كانون الثاني', 'جانفي', 'ژانویه',
  ],
  2: [
    'february', 'feb', 'février', 'févr', 'fév', 'febrero', 'fevereiro', 'fev', 'februar', 'febbraio', 'februari',
    'şubat', 'şub', 'فبراير', 'شباط', 'فيفري', 'فوریه',
  ],
  3: ['march', 'mar', 'mars', 'marzo', 'março', 'märz', 'maerz', 'mrz', 'maart', 'mrt', 'mart', 'مارس', 'آذار', 'اذار'],
  4: ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'nisan', 'nis', 'أبريل', 'ابريل', 'إبريل', 'نيسان', 'أفريل', 'افريل', 'آوریل'],
  5: ['may', 'mai', 'mayo', 'maio', 'maggio', 'mag', 'mei', 'mayıs', 'mayis', 'مايو', 'أيار', 'ايار', 'ماي', 'مه', 'می'],
  6: ['june', 'jun', 'juin', 'junio', 'junho', 'juni', 'giugno', 'giu', 'haziran', 'haz', 'يونيو', 'يونيه', 'حزيران', 'جوان', 'ژوئن'],
  7: [
    'july', 'jul', 'juillet', 'juil', 'julio', 'julho', 'juli', 'luglio', 'lug', 'temmuz', 'tem', 'يوليو', 'يوليه',
    'تموز', 'جويلية', 'يوليوز', 'ژوئیه', 'جولای',
  ],
  8: ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus', 'ağustos', 'agustos', 'ağu', 'agu', 'أغسطس', 'اغسطس', 'آب', 'أوت', 'اوت', 'غشت', 'آگوست'],
  9: [
    'september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'set', 'setembro', 'settembre', 'eylül', 'eylul',
    'eyl', 'سبتمبر', 'أيلول', 'ايلول', 'شتنبر', 'سپتامبر',
  ],
  10: ['october', 'oct', 'octobre', 'octubre', 'outubro', 'out', 'oktober', 'okt', 'ottobre', 'ott', 'ekim', 'eki', 'أكتوبر', 'اكتوبر', 'تشرين الأول', 'اکتبر'],
  11: ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'kasım', 'kasim', 'kas', 'نوفمبر', 'تشرين الثاني', 'نونبر', 'نوامبر'],
  12: [
    'december', 'dec', 'décembre', 'déc', 'diciembre', 'dic', 'dezembro', 'dez', 'dezember', 'dicembre', 'aralık',
    'aralik', 'ara', 'ديسمبر', 'كانون الأول', 'دجنبر', 'دسامبر',
  ],
};

/** Folded month spelling → month number. */
export const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(
  Object.entries(MONTHS).flatMap(([month, names]) => names.map((name) => [foldLetters(name), Number(month)] as const)),
);

/** Month names of more than one word ("كانون الثاني"), folded, longest first, for joining before tokenising. */
export const MULTIWORD_MONTHS: readonly string[] = [...MONTH_BY_NAME.keys()]
  .filter((name) => name.includes(' '))
  .sort((a, b) => b.length - a.length);

/**
 * Day names (and abbreviations) that are also month abbreviations in some language: Spanish
 * and French "mar" (martes/mardi) against "Mar" (March). When a date has two month candidates,
 * the one that is also a day name is taken as the day name.
 */
export const DAY_NAMES: ReadonlySet<string> = new Set(
  [
    'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
    'lun', 'mar', 'mer', 'jeu', 'ven', 'sam', 'dim', 'mié', 'mie', 'jue', 'vie', 'sáb', 'sab', 'dom', 'seg', 'ter', 'qua', 'qui', 'sex',
    'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado',
    'domingo', 'segunda', 'terça', 'quarta', 'quinta', 'sexta', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag',
    'pazartesi', 'salı', 'çarşamba', 'perşembe', 'cuma', 'cumartesi', 'pazar', 'sal', 'pzt', 'cmt', 'paz',
  ].map(foldLetters),
);

/** Time-zone abbreviations → offset from UTC in minutes. Ambiguous ones (IST, AST, BST-as-Bangladesh) are left out. */
export const ZONE_OFFSETS: ReadonlyMap<string, number> = new Map([
  ['gmt', 0], ['ut', 0], ['utc', 0], ['z', 0], ['wet', 0],
  ['est', -300], ['edt', -240], ['cst', -360], ['cdt', -300], ['mst', -420], ['mdt', -360], ['pst', -480], ['pdt', -420],
  ['akst', -540], ['akdt', -480], ['hst', -600],
  ['bst', 60], ['west', 60], ['cet', 60], ['met', 60], ['mez', 60], ['cest', 120], ['mest', 120], ['mesz', 120],
  ['eet', 120], ['eest', 180], ['msk', 180], ['trt', 180], ['idt', 180],
  ['irst', 210], ['irdt', 270], ['gst', 240], ['pkt', 300], ['jst', 540], ['kst', 540], ['aest', 600], ['aedt', 660],
]);

/** am/pm words after a time, folded and without dots (`a.m.` → `am`, Persian ق.ظ → قظ) (Arabic ص/م only right after the time, where they cannot be the era suffix). */
export const MERIDIEM: ReadonlyMap<string, 'am' | 'pm'> = new Map([
  ['am', 'am'], ['pm', 'pm'],
  [foldLetters('ص'), 'am'], [foldLetters('صباحا'), 'am'], [foldLetters('صباحاً'), 'am'],
  [foldLetters('م'), 'pm'], [foldLetters('مساء'), 'pm'], [foldLetters('مساءً'), 'pm'], [foldLetters('مساءا'), 'pm'],
  [foldLetters('قظ'), 'am'], [foldLetters('بظ'), 'pm'],
] as const);

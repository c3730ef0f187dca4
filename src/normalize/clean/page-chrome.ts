/**
 * Page chrome: the parts of a scraped or syndicated page that belong to the site, not the
 * article — share buttons, "Do you like this article?", "Read more:", newsletter boxes,
 * copyright lines, photo captions, "By Staff Writer |" bylines, in English and Arabic (and a
 * little Persian). Recognised paragraph by paragraph on the folded text ({@link phraseKey}),
 * so case, diacritics, hamza forms and punctuation do not matter. None of it may reach the
 * tagger: "Follow us on Telegram" is not a mention of anything.
 */
import { phraseKey, wordCount } from './text.ts';

/** Why a paragraph is chrome; `null` from {@link chromeKind} means it is article text. */
export type ChromeKind = 'chrome' | 'caption' | 'byline';

/** Where a paragraph sits, when it came from HTML. */
export interface BlockContext {
  /** Nearest block element (`p`, `figcaption`, …). */
  readonly tag?: string;
  /** Class and id words of the block and its containers, lower case. */
  readonly hints?: string;
}

/** Whole paragraphs that are chrome (compared folded). */
const EXACT_PHRASES: readonly string[] = [
  // Feedback widgets, captchas, form labels of comment boxes
  'do you like this article', 'did you like this article', 'did you find this article useful',
  'was this article helpful', 'rate this article', 'captcha', 'submit', 'send', 'post comment',
  'cancel reply', 'reply', 'report', 'name', 'email', 'e-mail', 'email address', 'website',
  'your name', 'your email', 'your comment', 'required fields are marked',
  'your email address will not be published', 'your email address will not be published required fields are marked',
  'save my name email and website in this browser for the next time i comment',
  // Sharing and navigation
  'share', 'share this', 'share this article', 'share this story', 'share this post', 'share article',
  'share on facebook', 'share on twitter', 'share on x', 'share on whatsapp', 'share on telegram',
  'share on linkedin', 'tweet', 'facebook', 'twitter', 'whatsapp', 'telegram', 'linkedin', 'email this',
  'print', 'print this article', 'copy link', 'link copied', 'listen to this article', 'font size',
  'advertisement', 'advertising', 'sponsored', 'sponsored content', 'back to top', 'skip to content',
  'loading', 'menu', 'close', 'more', 'read more', 'continue reading', 'read the full article',
  'related', 'related articles', 'related news', 'related stories', 'related posts', 'related topics',
  'related content', 'more on this', 'more on this story', 'you may also like', 'recommended',
  'recommended for you', 'most read', 'most popular', 'trending', 'tags', 'keywords', 'topics',
  'subscribe', 'subscribe to our newsletter', 'sign up', 'log in', 'login', 'register',
  'staff writer', 'staff reporter', 'news desk', 'web desk', 'agencies',
  // Arabic
  'شارك', 'شارك الخبر', 'شارك المقال', 'شارك هذا المقال', 'شارك هذا الخبر', 'مشاركة', 'طباعة',
  'اقرأ أيضا', 'اقرأ أيضاً', 'اقرأ المزيد', 'المزيد', 'أخبار ذات صلة', 'مواضيع ذات صلة',
  'مقالات ذات صلة', 'ذات صلة', 'إعلان', 'الأكثر قراءة', 'الأكثر مشاهدة', 'هل أعجبك المقال',
  'هل أعجبك هذا المقال', 'هل أعجبك الخبر', 'تابعونا', 'إرسال', 'ارسال', 'الاسم', 'البريد الإلكتروني',
  'كلمات مفتاحية', 'الوسوم', 'وسوم', 'رمز التحقق', 'اشترك', 'اشترك في النشرة البريدية',
  // Persian
  'اشتراک گذاری', 'بیشتر بخوانید', 'مطالب مرتبط', 'اخبار مرتبط', 'چاپ', 'ارسال',
];

/** Chrome when the paragraph starts with one of these and is short. */
const PREFIX_PHRASES: readonly string[] = [
  'follow us on', 'follow us', 'read more', 'read also', 'also read', 'see also', 'related',
  'subscribe to', 'sign up for', 'click here', 'tap here', 'join our', 'download our app',
  'download the app', 'for more news', 'this article was originally published',
  'this story was originally published', 'continue reading', 'read the full',
  'تابعونا على', 'تابعنا على', 'تابعوا', 'اقرأ أيضا', 'اقرأ المزيد', 'للمزيد', 'لمزيد من الأخبار',
  'اشترك في', 'انضم إلى', 'اضغط هنا', 'انقر هنا', 'حمل تطبيق', 'شاهد أيضا', 'بیشتر بخوانید',
  'ما را دنبال کنید',
];

/** Chrome when a short paragraph contains one of these anywhere. */
const CONTAINED_PHRASES: readonly string[] = [
  'all rights reserved', 'جميع الحقوق محفوظة', 'كافة الحقوق محفوظة', 'تمامی حقوق',
];

/** A prefix phrase marks chrome only in paragraphs up to this many words. */
const PREFIX_MAX_WORDS = 15;
/** A contained phrase marks chrome only in paragraphs up to this many words. */
const CONTAINED_MAX_WORDS = 30;

const EXACT_KEYS: ReadonlySet<string> = new Set(EXACT_PHRASES.map(phraseKey));
const PREFIX_KEYS: readonly string[] = PREFIX_PHRASES.map(phraseKey);
const CONTAINED_KEYS: readonly string[] = CONTAINED_PHRASES.map(phraseKey);

/** "The post X appeared first on Y." (WordPress feeds), "Continue reading X at Y". */
const FEED_FOOTER = /^(?:the post .+ appeared first on .+|continue reading .+ at .+|.+ is a post from: .+)$/i;

/** A caption credit at the end: "[Archive photo]", "(File photo/AFP)", "(صورة أرشيفية)". */
const CAPTION_TAIL =
  /[\[(]\s*(?:(?:archive|archival|archived|file|illustrative|illustration|stock|representational|representative|screenshot|screen grab)\s*)?(?:photos?|images?|pictures?|pics?|video|screenshot|screen grab)(?:\s*[:/|,\-–—][^\])]*)?\s*[\])]\s*$/i;
const ARABIC_CAPTION_TAIL = /[\[(]\s*(?:صورة|صور|الصورة)?\s*(?:أرشيفية|ارشيفية|تعبيرية|أرشيف|ارشيف|من الأرشيف)\s*[\])]\s*$/;
/** A photo credit line: "Photo: AFP", "Image by X/Getty", "(AFP Photo)". */
const CREDIT_LINE = /^[\[(]?\s*(?:(?:photo|image|picture|video|credit)s?\s*(?:by|credit)?\s*[:/\-–—]|(?:[A-Z]{2,6}\s+)?photo\s*[\])]$)/i;

/** "By Staff Writer |", "By Ahmed Ali - Baghdad", "From our correspondent". */
const ENGLISH_BYLINE = /^(?:by|from|written by|reporting by)\s+\S/i;
/** "بقلم: …", "كتب: …", "إعداد …", "ترجمة: …". */
const ARABIC_BYLINE = /^(?:بقلم|كتب|كتبت|إعداد|اعداد|ترجمة|تحرير|متابعة)\s*[:：\-–—]?\s*\S/;
const BYLINE_MAX_WORDS = 8;

/** Leftovers of truncation and layout: "[…]", "...", "* * *", "-----", "•". */
const SEPARATOR_ONLY = /^[\s.…[\]()*|•·_–—=-]+$/;

/** Class/id words that mark a caption container. */
const CAPTION_HINT = /(?:^|[\s_-])(?:wp-caption-text|caption|figcaption|photo-credit|image-credit)(?:$|[\s_-])/;

/**
 * Says whether one paragraph is chrome, a caption or a byline, or article text (`null`). The
 * rules, in order: captions by element (`figcaption`) or container class, and by a trailing
 * photo credit; bylines (short, "By …" or "بقلم …", ending in `|` or without a full stop);
 * whole-paragraph phrases; short paragraphs that start with a prefix phrase or contain a
 * copyright phrase; WordPress "The post … appeared first on …" footers.
 */
export function chromeKind(paragraph: string, context: BlockContext = {}): ChromeKind | null {
  const text = paragraph.trim();
  if (text === '') return 'chrome';
  if (context.tag === 'figcaption' || (context.hints !== undefined && CAPTION_HINT.test(context.hints))) return 'caption';
  if (CAPTION_TAIL.test(text) || ARABIC_CAPTION_TAIL.test(text)) return 'caption';
  const words = wordCount(text);
  if (words <= 12 && CREDIT_LINE.test(text)) return 'caption';
  if (words <= BYLINE_MAX_WORDS && (ENGLISH_BYLINE.test(text) || ARABIC_BYLINE.test(text))) {
    if (/[|]\s*$/.test(text) || !/[.!?؟。]\s*$/.test(text)) return 'byline';
  }
  const key = phraseKey(stripCounters(text));
  // Without letters or digits, only ellipses, bullets and rules are chrome; "}" or "✓" may be content.
  if (key === '') return SEPARATOR_ONLY.test(text) ? 'chrome' : null;
  if (EXACT_KEYS.has(key)) return 'chrome';
  if (words <= PREFIX_MAX_WORDS && PREFIX_KEYS.some((prefix) => key === prefix || key.startsWith(`${prefix} `))) {
    return 'chrome';
  }
  if (words <= CONTAINED_MAX_WORDS && (text.includes('©') || CONTAINED_KEYS.some((phrase) => ` ${key} `.includes(` ${phrase} `)))) {
    return 'chrome';
  }
  if (FEED_FOOTER.test(text)) return 'chrome';
  return null;
}

/** True when {@link chromeKind} says the paragraph is not article text. */
export function isPageChrome(paragraph: string, context: BlockContext = {}): boolean {
  return chromeKind(paragraph, context) !== null;
}

/** Removes required-field stars, counters and pipes around a label: "Captcha *", "Share (12)", "| Print |". */
function stripCounters(text: string): string {
  return text
    .replace(/^[\s|*•·»>:–—-]+|[\s|*•·»>:–—-]+$/g, '')
    .replace(/\s*[(\[]\s*\d+\s*[)\]]\s*$/, '')
    .trim();
}

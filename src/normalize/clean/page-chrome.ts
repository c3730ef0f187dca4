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
  // Cookie and consent banners
  'we use cookies', 'this website uses cookies', 'this site uses cookies', 'uses cookies to', 'cookie policy',
  'cookie settings', 'accept cookies', 'accept all cookies', 'by continuing to browse', 'by continuing to use this site',
  'ملفات تعريف الارتباط', 'نستخدم الكوكيز', 'ملفات الكوكيز', 'از کوکی',
];

/**
 * Social networks and share targets, as share/follow widgets list them ("Share this article:
 * Facebook Twitter Telegram", "تابعونا: فيسبوك | تويتر"), folded like {@link phraseKey}.
 */
const SOCIAL_NETWORKS: readonly string[] = [
  'facebook', 'twitter', 'x', 'whatsapp', 'telegram', 'linkedin', 'instagram', 'youtube', 'tiktok', 'reddit',
  'pinterest', 'tumblr', 'messenger', 'viber', 'vk', 'snapchat', 'threads', 'bluesky', 'mastodon', 'pocket', 'flipboard',
  'google', 'google news', 'google+', 'rss', 'email', 'e-mail', 'mail', 'print', 'copy link', 'copy', 'link', 'sms', 'line',
  'فيسبوك', 'فيس بوك', 'فايسبوك', 'تويتر', 'إكس', 'اكس', 'واتساب', 'واتس اب', 'تلغرام', 'تليغرام', 'تيليجرام', 'تيليغرام',
  'لينكدإن', 'لينكد إن', 'انستغرام', 'إنستغرام', 'انستجرام', 'يوتيوب', 'تيك توك', 'البريد الإلكتروني', 'طباعة', 'نسخ الرابط',
  'فیسبوک', 'توییتر', 'تلگرام', 'واتساپ', 'اینستاگرام', 'یوتیوب', 'ایمیل', 'لینکدین',
];
/** What introduces a list of networks in a share/follow widget ("Share this article:", "Follow us on"). */
const SOCIAL_LEADS: readonly string[] = [
  'share', 'share this', 'share this article', 'share this story', 'share this post', 'share article', 'share the article',
  'share on', 'share via', 'share with', 'share it', 'share it on', 'follow', 'follow us', 'follow us on', 'follow us at', 'find us on',
  'connect with us', 'join us on', 'tweet', 'شارك', 'شارك على', 'شارك عبر', 'شارك الخبر', 'شارك المقال', 'شارك هذا المقال',
  'شارك هذا الخبر', 'مشاركة', 'مشاركة عبر', 'تابعونا', 'تابعونا على', 'تابعونا عبر', 'تابعنا', 'تابعنا على', 'تابعنا عبر',
  'اشتراک', 'اشتراک گذاری', 'اشتراک در', 'ما را دنبال کنید', 'ما را در', 'دنبال کنید',
];

/** A prefix phrase marks chrome only in paragraphs up to this many words. */
const PREFIX_MAX_WORDS = 15;
/** A contained phrase marks chrome only in paragraphs up to this many words. */
const CONTAINED_MAX_WORDS = 30;

const EXACT_KEYS: ReadonlySet<string> = new Set(EXACT_PHRASES.map(phraseKey));
const PREFIX_KEYS: readonly string[] = PREFIX_PHRASES.map(phraseKey);
const CONTAINED_KEYS: readonly string[] = CONTAINED_PHRASES.map(phraseKey);
/** Folded network names, longest first so "google news" is taken before "google". */
const SOCIAL_KEYS: readonly string[] = [...new Set(SOCIAL_NETWORKS.map(phraseKey).filter((k) => k !== ''))].sort((a, b) => b.length - a.length);
const SOCIAL_LEAD_KEYS: readonly string[] = [...new Set(SOCIAL_LEADS.map(phraseKey).filter((k) => k !== ''))].sort((a, b) => b.length - a.length);
/** Words that join network names ("Facebook and Telegram", "فيسبوك أو تويتر"). */
const SOCIAL_JOINERS: readonly string[] = ['and', 'or', 'on', 'و', 'او', 'یا'];
/** A share/follow widget has at most this many words. */
const SOCIAL_MAX_WORDS = 20;

/**
 * True for a share/follow widget flattened into one line: an optional lead ("Share this
 * article", "Follow us on", "تابعونا على") followed only by network names ("Facebook Twitter
 * Telegram"), with at least one network named. Works on the folded key, so separators (":",
 * "|", "•") are gone already. "Share prices fell in Tehran" has words that are no network.
 */
export function isSocialWidget(key: string): boolean {
  let rest = ` ${key} `;
  const lead = SOCIAL_LEAD_KEYS.find((l) => rest.startsWith(` ${l} `));
  if (lead !== undefined) rest = rest.slice(lead.length + 1);
  let networks = 0;
  for (;;) {
    if (rest.trim() === '') break;
    const hit = SOCIAL_KEYS.find((k) => rest.startsWith(` ${k} `));
    if (hit !== undefined) {
      rest = rest.slice(hit.length + 1);
      networks++;
      continue;
    }
    const joiner = SOCIAL_JOINERS.find((j) => rest.startsWith(` ${j} `));
    if (joiner === undefined) return false;
    rest = rest.slice(joiner.length + 1);
  }
  // A lone network name is chrome already (EXACT_PHRASES); a list needs two, or a lead and one.
  return networks >= (lead === undefined ? 2 : 1);
}

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

/** Class/id words of a short label or navigation block: section labels, breadcrumbs, tag lists, share bars. */
const LABEL_HINT =
  /(?:^|[\s_-])(?:section|section-label|kicker|eyebrow|overline|category|categories|cat-links|breadcrumbs?|crumbs?|tags|tag-list|post-tags|tagcloud|share|sharing|social|share-bar|newsletter|cookie|cookies|consent|most-read|most-popular|popular|trending)(?:$|[\s_-])/;
/** A label block has at most this many words. */
const LABEL_MAX_WORDS = 8;
/** "Home » Syria » Security", "Gulf | Diplomacy", "News > Middle East": segments of up to three words. */
const BREADCRUMB = /^[^.!?؟]{1,80}$/u;
const BREADCRUMB_SEPARATOR = /\s[»›>|/\\]\s|\s«\s|\s‹\s/u;
/** "Tags: Gaza | Qatar | Hamas", "Keywords: …", "الوسوم: …". */
const TAG_LINE = /^(?:tags|tagged|tagged with|keywords|topics|filed under|related topics|الوسوم|وسوم|كلمات مفتاحية|كلمات دلالية|برچسب‌ها|برچسب ها|کلیدواژه‌ها)\s*[:：]/iu;

/** True for a short line of navigation segments ("Home » Syria » Security", "Gulf | Diplomacy"). */
export function isBreadcrumb(text: string): boolean {
  if (!BREADCRUMB.test(text) || !BREADCRUMB_SEPARATOR.test(text)) return false;
  const segments = text.split(/[»›>|/\\«‹]/u).map((part) => part.trim()).filter((part) => part !== '');
  return segments.length >= 2 && segments.every((part) => wordCount(part) >= 1 && wordCount(part) <= 3);
}

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
  if (words <= LABEL_MAX_WORDS && context.hints !== undefined && LABEL_HINT.test(context.hints) && !/[.!?؟]\s*$/.test(text)) return 'chrome';
  if (words <= 30 && TAG_LINE.test(text)) return 'chrome';
  if (words <= LABEL_MAX_WORDS && isBreadcrumb(text)) return 'chrome';
  if (words <= BYLINE_MAX_WORDS && (ENGLISH_BYLINE.test(text) || ARABIC_BYLINE.test(text))) {
    if (/[|]\s*$/.test(text) || !/[.!?؟。]\s*$/.test(text)) return 'byline';
  }
  const key = phraseKey(stripCounters(text));
  // Without letters or digits, only ellipses, bullets and rules are chrome; "}" or "✓" may be content.
  if (key === '') return SEPARATOR_ONLY.test(text) ? 'chrome' : null;
  if (EXACT_KEYS.has(key)) return 'chrome';
  if (words <= SOCIAL_MAX_WORDS && isSocialWidget(key)) return 'chrome';
  if (words <= PREFIX_MAX_WORDS && PREFIX_KEYS.some((prefix) => key === prefix || key.startsWith(`${prefix} `))) {
    return 'chrome';
  }
  if (words <= CONTAINED_MAX_WORDS && (text.includes('©') || CONTAINED_KEYS.some((phrase) => ` ${key} `.includes(` ${phrase} `)))) {
    return 'chrome';
  }
  if (FEED_FOOTER.test(text)) return 'chrome';
  return null;
}

/**
 * Cuts a share/follow widget glued to the end of a paragraph by a flattened layout ("… the
 * ministry said. Share this article: Facebook Twitter Telegram"). Only a last sentence that
 * starts with a share/follow lead and lists nothing but networks is cut.
 */
export function stripShareTail(paragraph: string): string {
  const cut = paragraph.search(/(?<=[.!?؟»"”])\s+\S[^.!?؟]*$/u);
  if (cut < 0) return paragraph;
  const key = phraseKey(paragraph.slice(cut));
  const lead = SOCIAL_LEAD_KEYS.some((l) => key === l || key.startsWith(`${l} `));
  return lead && wordCount(paragraph.slice(cut)) <= SOCIAL_MAX_WORDS && isSocialWidget(key) ? paragraph.slice(0, cut).trimEnd() : paragraph;
}

/** Headings of link lists ("Most read", "Related articles"): the short lines after them are links, not text. */
const LIST_HEADINGS: ReadonlySet<string> = new Set(
  [
    'most read', 'most popular', 'most viewed', 'most shared', 'trending', 'trending now', 'popular', 'popular now', 'latest',
    'latest news', 'latest stories', 'related', 'related articles', 'related news', 'related stories', 'related posts',
    'related content', 'read more', 'read also', 'also read', 'see also', 'more on this', 'more on this story', 'more stories',
    'more from', 'you may also like', 'you might also like', 'recommended', 'recommended for you', 'editor s picks', 'editors picks',
    'top stories', 'in other news', 'الأكثر قراءة', 'الأكثر مشاهدة', 'الأكثر تداولا', 'أخبار ذات صلة', 'مواضيع ذات صلة',
    'مقالات ذات صلة', 'ذات صلة', 'اقرأ أيضا', 'اقرأ أيضاً', 'اقرأ المزيد', 'آخر الأخبار', 'أخبار متعلقة', 'شاهد أيضا',
    'مطالب مرتبط', 'اخبار مرتبط', 'پربازدیدترین', 'پربازدیدترین ها', 'آخرین اخبار', 'بیشتر بخوانید',
  ].map(phraseKey),
);
/** A list entry: a short headline, optionally numbered or bulleted, not a sentence ending in a full stop. */
const LIST_ENTRY_MAX_WORDS = 18;

/** True when `paragraph` is the heading of a link list ("Most read", "Related articles:"). */
export function isListHeading(paragraph: string): boolean {
  return LIST_HEADINGS.has(phraseKey(stripCounters(paragraph)));
}

/**
 * True when `paragraph` reads like one entry of a link list under a {@link isListHeading}
 * heading: "1. Israeli strike kills IRGC general in Damascus suburb", "• Saudi Aramco raises
 * prices" — short, and either numbered/bulleted or without a closing full stop.
 */
export function isListEntry(paragraph: string): boolean {
  const text = paragraph.trim();
  if (text === '' || wordCount(text) > LIST_ENTRY_MAX_WORDS) return false;
  if (/^(?:\d{1,2}[.)\-–]|[•·▪►»\-–—*])\s*\S/u.test(text)) return true;
  return !/[.!?؟]["”»']?\s*$/u.test(text);
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

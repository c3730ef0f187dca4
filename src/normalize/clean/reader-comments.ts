/**
 * Reader comments: scraped and re-published pages (translated regional news especially) carry
 * the readers' comments after the article, often angrier and more name-dropping than the
 * article itself. Two signals find them: a marker paragraph after which only comments follow
 * ("Do you like this article?", "Captcha", "3 Comments", "Leave a reply", "التعليقات"), and
 * containers whose class or id says comment (`<div id="comments">`, `<ol class="commentlist">`,
 * Disqus). What is found is kept as `comments`, never tagged as the article's.
 */
import { phraseKey } from './text.ts';

/** Paragraphs after which the rest of the page is comments (compared folded). */
const MARKER_PHRASES: readonly string[] = [
  'do you like this article', 'did you like this article', 'captcha', 'comments', 'comment',
  'reader comments', 'readers comments', "readers' comments", 'your comments', 'user comments',
  'leave a reply', 'leave a comment', 'leave your comment', 'add comment', 'add a comment',
  'add your comment', 'post a comment', 'write a comment', 'join the discussion', 'join the conversation',
  'no comments', 'no comments yet', 'one comment', 'one response', 'one reply',
  'التعليقات', 'تعليقات', 'تعليقات القراء', 'تعليقات الزوار', 'أضف تعليق', 'أضف تعليقا', 'اضف تعليق',
  'اترك تعليقا', 'اترك تعليقاً', 'اترك رد', 'اترك ردا', 'شارك برأيك', 'أضف تعليقك', 'رأيك يهمنا',
  'هل أعجبك المقال', 'هل أعجبك هذا المقال', 'رمز التحقق',
  'نظرات', 'دیدگاه ها', 'دیدگاه‌ها', 'ارسال نظر', 'نظر شما',
];

const MARKER_KEYS: ReadonlySet<string> = new Set(MARKER_PHRASES.map(phraseKey));

/** "12 comments", "Comments (3)", "3 thoughts on “Title”", "5 تعليقات", "3 responses to …". */
const COUNT_MARKERS: readonly RegExp[] = [
  /^\d+\s+(?:comments?|responses?|replies|reactions?)(?:\s+(?:to|on)\s+.*)?$/i,
  /^(?:comments?|responses?|replies)\s*[(\[:]?\s*\d+\s*[)\]]?$/i,
  /^(?:\d+|one|two|three)\s+thoughts?\s+on\s+.+$/i,
  /^\d+\s*(?:تعليق|تعليقات|تعليقا|رد|ردود)$/,
  /^(?:التعليقات|تعليقات)\s*[(\[]?\s*\d+\s*[)\]]?$/,
];

/**
 * Class/id words of comment containers: `comments`, `comment-list`, `commentlist`,
 * `comments-area`, `user-comments`, `fb-comments`, `disqus_thread`, `respond` (WordPress reply
 * form), `coral` (Coral Talk). A leading `no-` (`no-comments`) does not count, nor do
 * words about comments that are not containers of them (`comment-count`, `comments-link`).
 */
const CONTAINER_WORD =
  /^(?:(?:user|users|reader|readers|fb|article|post|news|story|visitor)[-_])?(?:comments?|commentlist)(?:[-_]?(?:area|list|section|wrap|wrapper|container|block|box|thread|body|content|text|item|items|form|respond|holder|inner|widget))*$|^disqus(?:[-_].*)?$|^respond$|^coral(?:[-_].*)?$/;

/** Labels of a comment form, which layouts flatten into one line ("Leave a comment Name * Email * Captcha *"). */
const FORM_LABELS: readonly string[] = [
  'name', 'your name', 'email', 'e-mail', 'your email', 'email address', 'website', 'url', 'comment', 'your comment', 'message',
  'captcha', 'security code', 'required', 'submit', 'post comment', 'send', 'required fields are marked',
  'الاسم', 'اسمك', 'البريد الإلكتروني', 'البريد الالكتروني', 'التعليق', 'تعليقك', 'رمز التحقق', 'إرسال', 'ارسال', 'الموقع',
  'نام', 'ایمیل', 'پست الکترونیک', 'نظر', 'کد امنیتی', 'ارسال',
];
const FORM_KEYS: readonly string[] = [...new Set(FORM_LABELS.map(phraseKey))].sort((a, b) => b.length - a.length);
const MARKER_KEYS_LONGEST: readonly string[] = [...MARKER_KEYS].sort((a, b) => b.length - a.length);

/**
 * True when `key` (folded) is a comment-form marker followed only by form labels, or form labels
 * alone including a captcha or at least two labels: "leave a comment name email captcha".
 */
function isFlattenedForm(key: string): boolean {
  let rest = ` ${key} `;
  const marker = MARKER_KEYS_LONGEST.find((m) => rest.startsWith(` ${m} `));
  if (marker !== undefined) rest = rest.slice(marker.length + 1);
  let labels = 0;
  let captcha = false;
  while (rest.trim() !== '') {
    const label = FORM_KEYS.find((l) => rest.startsWith(` ${l} `));
    if (label === undefined) return false;
    if (label === 'captcha' || label === phraseKey('رمز التحقق')) captcha = true;
    rest = rest.slice(label.length + 1);
    labels++;
  }
  return labels >= 1 && (marker !== undefined || captcha || labels >= 2);
}

/** True when `paragraph` is a marker after which only comments follow. */
export function isCommentsMarker(paragraph: string): boolean {
  const text = paragraph.replace(/^[\s|*•·»>:–—-]+|[\s|*•·»>:–—-]+$/g, '').trim();
  if (text === '') return false;
  const key = phraseKey(text);
  if (MARKER_KEYS.has(key)) return true;
  if (COUNT_MARKERS.some((pattern) => pattern.test(text))) return true;
  return key.split(' ').length <= 16 && isFlattenedForm(key);
}

/** True when the class/id words `hints` (space separated, lower case) name a comment container. */
export function isCommentContainer(hints: string): boolean {
  if (hints === '') return false;
  return hints.split(/\s+/).some((word) => CONTAINER_WORD.test(word));
}

/** A paragraph to classify, with the container words of the HTML block it came from. */
export interface CommentCandidate {
  readonly text: string;
  readonly hints: string;
  /** True when this paragraph is page chrome (a marker itself counts as chrome). */
  readonly chrome: boolean;
}

/**
 * Index of the first paragraph of the comments tail (the marker itself), or -1 when there is
 * none. A marker only counts after at least one paragraph of article text, so a "Comments (3)"
 * link in the page header does not swallow the whole article.
 */
export function findCommentsTail(paragraphs: readonly CommentCandidate[]): number {
  let sawText = false;
  for (let i = 0; i < paragraphs.length; i += 1) {
    const paragraph = paragraphs[i]!;
    if (isCommentsMarker(paragraph.text)) {
      if (sawText) return i;
      continue;
    }
    if (!paragraph.chrome && !isCommentContainer(paragraph.hints)) sawText = true;
  }
  return -1;
}

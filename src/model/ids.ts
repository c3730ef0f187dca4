/**
 * The identities of an article: its id (which entry in the store it is), its content hash
 * (whether a refetch changed it) and its story key (which other feeds carry the same story).
 * All three are SHA-256 digests cut to 22 base64url characters (132 bits): short enough for
 * URLs and cursors, far beyond any collision risk at news volumes.
 */
import { createHash } from 'node:crypto';
import { canonicalUrl } from './url.ts';

/** Length of every id and hash made here: 22 base64url characters = 132 bits. */
export const HASH_LENGTH = 22;

/** SHA-256 of `text` as base64url, cut to {@link HASH_LENGTH}. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, HASH_LENGTH);
}

/** What {@link articleId} may use to identify an item, best first. */
export interface ArticleIdParts {
  readonly guid: string | null;
  readonly url: string | null;
  readonly title: string | null;
  /** The published date exactly as the feed wrote it (never a fallback date, which would change on every fetch). */
  readonly published: string | null;
}

/**
 * The stable id of an article: the same item fetched again, after a restart or from a
 * re-ordered feed, gets the same id, so it is updated rather than duplicated. Hash of the
 * feed id and the first of: the item's guid (as given, trimmed), its canonical URL, its folded
 * title with the raw published date. The feed id is part of it because two feeds may reuse
 * guids ("1", "2", …); cross-feed duplicates are grouped by {@link storyKey} instead.
 */
export function articleId(feedId: string, parts: ArticleIdParts): string {
  const guid = parts.guid?.trim();
  if (guid) return shortHash(`${feedId}\ng:${guid}`);
  const url = canonicalUrl(parts.url);
  if (url) return shortHash(`${feedId}\nu:${url}`);
  const title = foldText(parts.title ?? '');
  return shortHash(`${feedId}\nt:${title}\nd:${(parts.published ?? '').trim()}`);
}

/** The fields whose change makes a refetched article an update. */
export interface ContentHashParts {
  readonly title: string;
  readonly summary: string;
  readonly content: string;
  readonly url: string | null;
  readonly authors: readonly string[];
  readonly tags: readonly string[];
  readonly imageUrl: string | null;
  readonly updatedAt: string | null;
  /** The tagger's version, so new dictionaries re-tag stored articles on their next fetch. */
  readonly tagger?: string;
}

/**
 * Hash of what a reader sees of an article. A refetch with the same hash is not an update (no
 * store write, no subscription event). Built from the cleaned values, so a feed that only
 * re-orders attributes or changes tracking parameters does not look like an edit.
 */
export function contentHash(parts: ContentHashParts): string {
  return shortHash(
    JSON.stringify([
      parts.title,
      parts.summary,
      parts.content,
      parts.url ?? '',
      [...parts.authors],
      [...parts.tags],
      parts.imageUrl ?? '',
      parts.updatedAt ?? '',
      parts.tagger ?? '',
    ]),
  );
}

/**
 * Folds letters only: Unicode compatibility form, no diacritics or Arabic short vowels, lower
 * case, Arabic letter variants unified (أ إ آ ٱ → ا, ى → ي, ة → ه, tatweel dropped). Digits,
 * punctuation and spacing are left alone (date parsing needs them).
 */
export function foldLetters(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ـ/g, '');
}

/**
 * Folds text for comparison: {@link foldLetters}, then apostrophes dropped and everything else
 * that is not a letter or digit turned into one space.
 */
export function foldText(text: string): string {
  // Fast path for English-like text: ASCII plus curly quotes, dashes, ellipsis and no-break
  // space, which NFKD leaves as they are or turns into punctuation: the same result with
  // one-byte regexes and no Unicode normalisation (which dominates on long bodies).
  const plain = foldPlainText(text);
  if (plain !== null) return plain;
  return foldLetters(text)
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

let plainBuffer = new Uint8Array(1024);
const asciiDecoder = new TextDecoder('latin1');

/**
 * {@link foldText} in one pass for text of ASCII plus curly quotes, dashes, ellipsis and
 * no-break space (which NFKD leaves alone or turns into punctuation, so the result is the same);
 * null for any other character, which takes the Unicode path.
 */
function foldPlainText(text: string): string | null {
  if (plainBuffer.length < text.length) plainBuffer = new Uint8Array(Math.max(text.length, plainBuffer.length * 2));
  const out = plainBuffer;
  let n = 0;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 65 && c <= 90) c += 32;
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        if (gap && n > 0) out[n++] = 32;
        gap = false;
        out[n++] = c;
      } else if (c !== 39 && c !== 96) gap = true; // apostrophes vanish; other punctuation separates
    } else if (c === 0x2018 || c === 0x2019) continue;
    else if (c === 0xa0 || c === 0x2013 || c === 0x2014 || c === 0x201c || c === 0x201d || c === 0x2026) gap = true;
    else return null;
  }
  return n <= 64 ? String.fromCharCode.apply(null, out.subarray(0, n) as unknown as number[]) : asciiDecoder.decode(out.subarray(0, n));
}

/** Wire-service slugs before a headline that differ between re-publications of one story. */
const WIRE_PREFIX =
  /^\s*(?:(?:update|wrapup|refile|corrected|exclusive|breaking|analysis|factbox|explainer|live|urgent|watch|video|photos?)(?:\s*\d+)?\s*[-:–—|]\s*)+/i;

/** Arabic urgent markers: عاجل | , عاجل: . */
const ARABIC_PREFIX = /^\s*(?:عاجل|خاص|فيديو|بالفيديو|بالصور)\s*[-:–—|]?\s*/;

/**
 * Words too common to tell two headlines apart (English, French, Arabic, Persian function
 * words and reporting verbs). Headlines are short: dropping these leaves the names, places,
 * numbers and the action, which is what two outlets carrying one wire story keep.
 */
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the of in on at to for and or but with by from as into over after before amid about against ' +
    'is are was were be been being has have had it its this that these those not no new says said say ' +
    'reports reported report according will would could may might up out off than then there their ' +
    'le la les de des du un une et en au aux pour par sur dans est ' +
    'el los las del por con para y que ' +
    'der die das und im mit von zu den ' +
    'في من على إلى الى عن مع بعد قبل ان أن إن التي الذي هذا هذه ذلك تلك او أو و ما لا قد كان كانت يقول قال ' +
    'به با از در که این آن را و تا برای'
  )
    .split(' ')
    .map((word) => foldText(word))
    .filter((word) => word !== ''),
);

/**
 * A trailing source name added by aggregators and syndicators: "… - Reuters", "… | Al Jazeera",
 * "… — Asharq Al-Awsat". Only a short tail (up to 4 words) after a spaced separator is taken.
 */
const SOURCE_SUFFIX = /\s+[-|–—]\s+[^-|–—]{1,40}$/;

/** The significant, folded, de-duplicated and sorted tokens of a headline (see {@link storyKey}). */
export function titleFingerprintTokens(title: string): string[] {
  let text = title.replace(WIRE_PREFIX, '').replace(ARABIC_PREFIX, '');
  const suffix = SOURCE_SUFFIX.exec(text);
  if (suffix && suffix[0].trim().split(/\s+/).length <= 5 && text.length - suffix[0].length >= 20) {
    text = text.slice(0, suffix.index);
  }
  const tokens = foldText(text)
    .split(' ')
    .filter((token) => token !== '' && !STOPWORDS.has(token) && (token.length > 1 || /\d/.test(token)));
  return [...new Set(tokens)].sort();
}

/** Below this many significant title tokens, a headline ("Update", "News") says too little to cluster on. */
export const MIN_STORY_TOKENS = 3;

/**
 * The story key groups near-duplicate articles across feeds (the same wire story carried by two
 * outlets, the same article in the site's main and section feeds) under one `storyId`.
 *
 * Rule: take the title, drop wire slugs ("UPDATE 2-", "EXCLUSIVE:", "عاجل") and a trailing
 * source name ("- Reuters"), fold it ({@link foldText}), drop stopwords and one-letter tokens,
 * de-duplicate and sort the remaining tokens (so "Iraq: militia claims drone attack" and
 * "Militia claims drone attack in Iraq" agree), and hash them. When fewer than
 * {@link MIN_STORY_TOKENS} tokens remain, the title cannot tell stories apart and the canonical
 * URL is used instead; with neither, the folded title itself. The prefix says which rule made
 * it (`t`, `u`, `x`), so a title key never equals a URL key by accident.
 */
export function storyKey(title: string | null, url: string | null): string {
  const tokens = titleFingerprintTokens(title ?? '');
  if (tokens.length >= MIN_STORY_TOKENS) return `t${shortHash(`title:${tokens.join(' ')}`)}`;
  const canonical = canonicalUrl(url);
  if (canonical) return `u${shortHash(`url:${canonical}`)}`;
  return `x${shortHash(`text:${foldText(title ?? '')}`)}`;
}

/** Separates the feed's hash from the page's in a full-text article's contentHash. */
const FULL_TEXT_SEPARATOR = '.';

/**
 * The contentHash of an article whose body came from its page (full text): the hash of the
 * feed's version, then the page's. Polling compares the feed's version only
 * ({@link sameFeedVersion}), so an unchanged item does not overwrite its full text with the
 * feed's summary, and a re-extracted page with new text is still an update.
 */
export function fullTextHash(feedHash: string, pageHash: string): string {
  return `${feedVersionHash(feedHash)}${FULL_TEXT_SEPARATOR}${pageHash}`;
}

/** The feed's part of a contentHash (the whole hash for an article without full text). */
export function feedVersionHash(hash: string): string {
  const cut = hash.indexOf(FULL_TEXT_SEPARATOR);
  return cut === -1 ? hash : hash.slice(0, cut);
}

/** True when the stored article came from the same feed version as `feedHash` (full text or not). */
export function sameFeedVersion(storedHash: string | undefined, feedHash: string): boolean {
  return storedHash !== undefined && feedVersionHash(storedHash) === feedHash;
}

/** True when the article's body came from its page. */
export function hasFullText(hash: string): boolean {
  return hash.includes(FULL_TEXT_SEPARATOR);
}

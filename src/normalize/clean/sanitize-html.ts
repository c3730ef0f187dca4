/**
 * The body as HTML that a client may render: sanitize-html with an allow-list of structural
 * and inline tags, no script/style/iframe/object/forms, no event handlers or styles, only
 * http(s)/mailto links and http(s) images (plus inline raster `data:` images, which cannot run
 * code), relative links made absolute against the article or feed URL, and
 * `rel="noopener noreferrer nofollow"` on every link. Chrome and the comments tail found by
 * cleaning are cut from the HTML first, and comment containers are dropped whole, so the HTML
 * tells the same story as the plain text.
 */
import sanitizeHtml from 'sanitize-html';
import { absoluteUrl } from '../../model/url.ts';
import type { SourceRange } from './clean-body.ts';
import { isCommentContainer } from './reader-comments.ts';

/** Elements removed with everything inside them. */
const DROP_TAG = 'newsgate-drop';

/** Raster images inlined as base64 are harmless in `<img>`; SVG (scriptable) is not allowed. */
const SAFE_DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif);base64,[a-z0-9+/=\s]+$/i;

/** Elements that carry nothing visible once empty (after chrome was cut out of them). */
const DROP_WHEN_EMPTY: ReadonlySet<string> = new Set(
  'p div span a b i em strong u small li ul ol blockquote figure figcaption section article header footer aside h1 h2 h3 h4 h5 h6 center font dd dt dl'.split(' '),
);

/** Where the body lives (for relative URLs) and what cleaning removed from it. */
export interface SanitizeOptions {
  /** Base for relative links and images (the article URL, else the document URL). */
  readonly base: string | null;
  /** Source ranges to cut (chrome and comment paragraphs found by cleanBody). */
  readonly removed?: readonly SourceRange[];
  /** Cut everything from this source offset (the comments tail). */
  readonly tailStart?: number | null;
}

/** Sanitises a body for `contentHtml`. */
export function sanitizeBody(html: string, options: SanitizeOptions): string {
  const cut = cutRanges(html, options.removed ?? [], options.tailStart ?? null);
  const base = options.base;
  const result = sanitizeHtml(cut, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== 'nav'), 'img', 'picture', 'del', 'ins'],
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'select', 'button', 'form', 'iframe', 'object', 'embed', 'svg', 'math', 'head', 'title', DROP_TAG],
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'hreflang'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      blockquote: ['cite'],
      q: ['cite'],
      time: ['datetime'],
      '*': ['dir', 'lang'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    transformTags: {
      '*': (tagName, attribs) => {
        const hints = `${attribs['class'] ?? ''} ${attribs['id'] ?? ''}`.trim().toLowerCase();
        if (isCommentContainer(hints)) return { tagName: DROP_TAG, attribs: {} };
        return { tagName, attribs };
      },
      a: (tagName, attribs) => {
        const next: Record<string, string> = { ...attribs, rel: 'noopener noreferrer nofollow' };
        const href = attribs['href']?.trim();
        if (href !== undefined) {
          const resolved = resolveLink(href, base);
          if (resolved === null) delete next['href'];
          else next['href'] = resolved;
        }
        return { tagName, attribs: next };
      },
      img: (tagName, attribs) => {
        const next: Record<string, string> = { ...attribs };
        const src = (attribs['src'] ?? attribs['data-src'] ?? '').trim();
        if (src.toLowerCase().startsWith('data:')) {
          if (SAFE_DATA_IMAGE.test(src)) next['src'] = src;
          else delete next['src'];
        } else {
          const resolved = absoluteUrl(src, base);
          if (resolved === null) delete next['src'];
          else next['src'] = resolved;
        }
        return { tagName, attribs: next };
      },
    },
    exclusiveFilter: (frame) => {
      if (frame.tag === 'img') return !frame.attribs['src'];
      return DROP_WHEN_EMPTY.has(frame.tag) && frame.text.trim() === '' && frame.mediaChildren.length === 0;
    },
  });
  return result.replace(/\n{3,}/g, '\n\n').trim();
}

/** Resolves a link: mailto stays as it is, the rest becomes absolute http(s) (fragments included) or null. */
function resolveLink(href: string, base: string | null): string | null {
  if (/^mailto:/i.test(href)) return href;
  return absoluteUrl(href, base);
}

/** The HTML without the given source ranges, and without anything from `tailStart` on. */
function cutRanges(html: string, ranges: readonly SourceRange[], tailStart: number | null): string {
  const end = tailStart === null ? html.length : Math.max(0, Math.min(html.length, tailStart));
  const sorted = [...ranges].filter((range) => range.start < end).sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const range of sorted) {
    if (range.start > cursor) out += html.slice(cursor, range.start);
    cursor = Math.max(cursor, Math.min(range.end, end));
  }
  if (cursor < end) out += html.slice(cursor, end);
  return out;
}

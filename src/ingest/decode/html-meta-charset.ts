/**
 * The charset a web page names in its own markup: `<meta charset="…">` or
 * `<meta http-equiv="Content-Type" content="text/html; charset=…">`, found in the first bytes
 * as browsers do (the WHATWG "prescan", simplified: comments and scripts before the meta are
 * skipped). Used for full-text pages, which, unlike feeds, have no XML declaration.
 */
import type { InDocumentLabel } from './decode-feed.ts';
import { charsetFromContentType } from './charset-label.ts';

/** Browsers look at the first 1024 bytes; real pages put long <head>s first, so a little more. */
const PRESCAN_WINDOW = 4096;

const META = /<meta\b[^>]*>/gi;
const CHARSET_ATTR = /\bcharset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'/>;]+))/i;
const HTTP_EQUIV = /\bhttp-equiv\s*=\s*["']?\s*content-type/i;
const CONTENT_ATTR = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

/** The label of the first `<meta>` that declares a charset, or undefined. */
export function htmlMetaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_WINDOW))
    .toString('latin1')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script\b[\s\S]*?<\/script>/gi, '');
  for (const [tag] of head.matchAll(META)) {
    if (HTTP_EQUIV.test(tag)) {
      const content = CONTENT_ATTR.exec(tag);
      const label = charsetFromContentType(content?.[1] ?? content?.[2]);
      if (label) return label;
      continue;
    }
    const match = CHARSET_ATTR.exec(tag);
    const label = (match?.[1] ?? match?.[2] ?? match?.[3])?.trim();
    if (label) return label;
  }
  return undefined;
}

/** `<meta charset>` as the in-document label for decodeFeed. */
export const HTML_META_CHARSET: InDocumentLabel = { name: '<meta charset>', read: htmlMetaCharset };

/**
 * HTML parsers keep their open elements in an array they shift and unshift (htmlparser2, under
 * html-to-text and sanitize-html), so a body nested 50,000 elements deep costs them time
 * quadratic in the depth. No article nests more than a few dozen elements; beyond a limit far
 * above that, tags are dropped and their text kept, in one linear pass, before any parser sees
 * the body. Pure: HTML in, HTML out.
 */

/** Element nesting beyond which tags are dropped. */
export const MAX_HTML_DEPTH = 256;

/** Elements that never hold others (no close tag to count on). */
const VOID = new Set('area base br col embed hr img input link meta param source track wbr'.split(' '));
/** Elements HTML closes implicitly when a sibling opens (`<p>a<p>b`): they do not deepen a parser's stack. */
const IMPLIED_CLOSE = new Set('p li dt dd tr td th option optgroup rb rt rp tbody thead tfoot'.split(' '));

// A tag whose attribute values hold no '<': a failed match never looks past the next '<'.
const TAG = /<(\/?)([A-Za-z][^\s/<>]*)[^<>"']*(?:(?:"[^<"]*"|'[^<']*')[^<>"']*)*>/y;

/** The HTML with tags deeper than `maxDepth` removed, and how many were removed. */
export function flattenDeepHtml(html: string, maxDepth: number = MAX_HTML_DEPTH): { html: string; dropped: number } {
  let depth = 0;
  let dropped = 0;
  const kept: string[] = [];
  let keptTo = 0;
  let pos = 0;
  for (;;) {
    const lt = html.indexOf('<', pos);
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end === -1) break;
      pos = end + 3;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    if (m === null) {
      pos = lt + 1;
      continue;
    }
    pos = TAG.lastIndex;
    const name = (m[2] as string).toLowerCase();
    if (VOID.has(name) || IMPLIED_CLOSE.has(name)) continue;
    let drop: boolean;
    if (m[1] === '/') {
      drop = depth > maxDepth;
      if (depth > 0) depth--;
    } else {
      if (html.charCodeAt(pos - 2) === 0x2f /* '/>' */) continue;
      depth++;
      drop = depth > maxDepth;
    }
    if (!drop) continue;
    dropped++;
    kept.push(html.slice(keptTo, lt));
    keptTo = pos;
  }
  if (dropped === 0) return { html, dropped };
  kept.push(html.slice(keptTo));
  return { html: kept.join(''), dropped };
}

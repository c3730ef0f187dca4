/**
 * Feed URLs often carry secrets: `https://user:pass@host/…`, `?api_key=…`, `&token=…`, a
 * signed `sig=`. What anonymous clients and logs see is the URL with those values replaced by
 * `***`; only ADMIN_TOKEN holders get the URL as written. Pure string functions.
 */

/** Query parameter names whose values are secrets (matched on the lower-cased name). */
const SECRET_PARAM = /(?:^|[_.-])(?:api[_-]?key|apikey|key|token|access[_-]?token|refresh[_-]?token|auth|authorization|secret|client[_-]?secret|sig|signature|password|passwd|pwd|pass|credentials?|session(?:[_-]?id)?|sid|jwt|bearer|hash|private[_-]?token)$|token|secret|passw|apikey|api_key/;

/** The replacement of every secret. */
export const REDACTED = '***';

/** True when a query parameter of this name holds a secret. */
export function isSecretParam(name: string): boolean {
  return SECRET_PARAM.test(name.toLowerCase());
}

/**
 * The URL with its password (or lone user token) and secret-looking query values replaced by
 * `***`. A string that is not an absolute URL is returned with only its userinfo redacted.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/\/\/[^@/\s]*@/, `//${REDACTED}@`);
  }
  if (parsed.password !== '') parsed.password = REDACTED;
  else if (parsed.username !== '') parsed.username = REDACTED;
  let changed = parsed.password !== '' || parsed.username !== '';
  if (parsed.search !== '') {
    // Rewritten by hand so the untouched parameters keep their exact spelling.
    const query = parsed.search.slice(1).split('&').map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // keep the raw name
      }
      if (eq === -1 || !isSecretParam(decoded)) return pair;
      changed = true;
      return `${name}=${REDACTED}`;
    });
    parsed.search = `?${query.join('&')}`;
  }
  return changed ? parsed.href.replace(/%2A%2A%2A/g, REDACTED) : url;
}

/** Every http(s) URL inside a message (an error text, a log line) redacted. */
export function redactUrlsIn(text: string): string {
  return text.replace(/\bhttps?:\/\/[^\s"'<>)]+/gi, (match) => {
    // Punctuation that ends a sentence is not part of the URL.
    const url = match.replace(/[.,:;!?]+$/, '');
    return redactUrl(url) + match.slice(url.length);
  });
}

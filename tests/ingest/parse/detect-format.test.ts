/** detectFormat decides from the content only: root, namespaces, version, JSON Feed version. */
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/ingest/parse/detect-format.ts';
import { ErrorCode, NewsgateError } from '../../../src/model/errors.ts';

const ATOM = 'xmlns="http://www.w3.org/2005/Atom"';

describe('detectFormat', () => {
  it.each([
    ['RSS 2.0', '<rss version="2.0"><channel/></rss>', 'rss2.0'],
    ['RSS 2.0 without version', '<rss><channel/></rss>', 'rss2.0'],
    ['RSS 0.91', '<rss version="0.91"><channel/></rss>', 'rss0.9x'],
    ['RSS 0.92', '<rss version="0.92"><channel/></rss>', 'rss0.9x'],
    ['RSS 1.0', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>', 'rss1.0'],
    ['RSS 0.90', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel/></rdf:RDF>', 'rss0.9x'],
    ['Atom 1.0', `<feed ${ATOM}><title>t</title></feed>`, 'atom1.0'],
    ['prefixed Atom 1.0', '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>t</a:title></a:feed>', 'atom1.0'],
    ['Atom 0.3', '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>t</title></feed>', 'atom0.3'],
    ['JSON Feed 1.0', '{"version":"https://jsonfeed.org/version/1","title":"t","items":[]}', 'json1.0'],
    ['JSON Feed 1.1', '  {"version":"https://jsonfeed.org/version/1.1","items":[]}', 'json1.1'],
  ])('%s', (_label, text, format) => {
    expect(detectFormat(text).format).toBe(format);
  });

  it.each([
    ['a BOM', '\uFEFF<rss version="2.0"/>', false],
    ['a mis-decoded BOM', 'ï»¿<rss version="2.0"/>', false],
    ['leading whitespace, a declaration, a comment, a stylesheet PI and a doctype', '\n  <?xml version="1.0"?>\n<!-- made by hand -->\n<?xml-stylesheet href="s.xsl"?>\n<!DOCTYPE rss [ <!ENTITY x "y"> ]>\n<rss version="2.0"/>', false],
    ['a PHP warning before the declaration', '<br />\n<b>Warning</b>: headers already sent<br />\n<?xml version="1.0"?><rss version="2.0"/>', true],
    ['text junk before the root', 'garbage\n<rss version="2.0"/>', true],
  ])('finds the root after %s', (_label, text, junk) => {
    const detected = detectFormat(text);
    expect(detected.kind).toBe('xml');
    if (detected.kind !== 'xml') return;
    expect(text.slice(detected.rootIndex)).toMatch(/^<rss/);
    expect(detected.junkBeforeRoot).toBe(junk);
  });

  it('says when a missing RSS version was assumed', () => {
    expect(detectFormat('<rss><channel/></rss>').warnings).toEqual(['the <rss> root has no version attribute; read as RSS 2.0']);
  });

  it.each([
    ['an empty document', '   \n ', /^Not a feed: the document is empty/],
    ['an HTML page', '<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head></html>', /^Not a feed: the document's root element is <html>; .*link rel=alternate/],
    ['an unknown root', '<?xml version="1.0"?><note><to>x</to></note>', /^Not a feed: the document's root element is <note>/],
    ['plain text', 'Service Unavailable', /^Not a feed: the document has no XML root element/],
    ['JSON that is not a JSON Feed', '{"data": []}', /^Not a feed: the document is JSON without a jsonfeed.org "version"/],
    ['gzip bytes read as text', '\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03', /^Not a feed: the document looks like binary data/],
  ])('rejects %s with PARSE_NOT_A_FEED', (_label, text, message) => {
    let error: unknown;
    try {
      detectFormat(text);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(NewsgateError);
    expect((error as NewsgateError).code).toBe(ErrorCode.PARSE_NOT_A_FEED);
    expect((error as NewsgateError).message).toMatch(message);
  });

  it('rejects invalid JSON naming a jsonfeed.org version as PARSE_MALFORMED', () => {
    expect(() => detectFormat('{"version": "https://jsonfeed.org/version/1.1", "items": [')).toThrow(
      expect.objectContaining({ code: ErrorCode.PARSE_MALFORMED }),
    );
  });
});

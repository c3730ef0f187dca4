/** repairXml fixes what strict XML parsing rejects, and says so for each repair. */
import { describe, expect, it } from 'vitest';
import { closeTruncated, repairEntities, repairXml } from '../../../src/ingest/parse/repair-xml.ts';

describe('repairEntities', () => {
  it.each([
    ['a bare ampersand', 'Basra & Maysan', 'Basra &amp; Maysan', 1, 0],
    ['an ampersand in a query string', '?a=1&b=2', '?a=1&amp;b=2', 1, 0],
    ['XML entities stay', '&amp; &lt; &gt; &quot; &apos;', '&amp; &lt; &gt; &quot; &apos;', 0, 0],
    ['numeric references stay', '&#1575; &#x627;', '&#1575; &#x627;', 0, 0],
    ['HTML named entities become references', 'a&nbsp;b &eacute; &rsquo;', 'a&#160;b &#233; &#8217;', 0, 3],
    ['an unknown name is a bare ampersand', 'AT&T; &bogus;', 'AT&amp;T; &amp;bogus;', 2, 0],
    ['CDATA is left alone', '<![CDATA[a & b &nbsp;]]> & ', '<![CDATA[a & b &nbsp;]]> &amp; ', 1, 0],
    ['comments are left alone', '<!-- a & b --> &nbsp;', '<!-- a & b --> &#160;', 0, 1],
  ])('%s', (_label, input, output, bare, named) => {
    const result = repairEntities(input);
    expect(result.text).toBe(output);
    expect(result.bare).toBe(bare);
    expect(result.named).toBe(named);
  });

  it('drops references to characters XML forbids', () => {
    expect(repairEntities('a&#1;b&#x0B;c').text).toBe('abc');
  });
});

describe('closeTruncated', () => {
  it('returns null for a complete document', () => {
    expect(closeTruncated('<rss><channel><item><title>a</title></item></channel></rss>')).toBeNull();
  });

  it('tolerates unclosed HTML-ish elements inside a closed root', () => {
    expect(closeTruncated('<rss><channel><description><br></description></channel></rss>')).toBeNull();
  });

  it('drops an incomplete last item and closes the open elements', () => {
    const result = closeTruncated('<rss><channel><item><title>a</title></item><item><title>b</ti');
    expect(result).toEqual({ text: '<rss><channel><item><title>a</title></item></channel></rss>', closed: ['channel', 'rss'], droppedItem: true });
  });

  it('cuts inside an unterminated CDATA section', () => {
    const result = closeTruncated('<feed><entry><id>1</id></entry><entry><content><![CDATA[<p>cut');
    expect(result?.text).toBe('<feed><entry><id>1</id></entry></feed>');
  });

  it('closes a document cut inside channel metadata', () => {
    expect(closeTruncated('<rss><channel><title>T</title><link>http://x')?.text).toBe('<rss><channel><title>T</title><link>http://x</link></channel></rss>');
  });
});

describe('repairXml', () => {
  it('reports nothing for a clean document', () => {
    const text = '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>a &amp; b</title></channel></rss>';
    expect(repairXml(text, { rootIndex: text.indexOf('<rss'), junkBeforeRoot: false })).toEqual({ text: text.slice(text.indexOf('<rss')), warnings: [] });
  });

  it('repairs and reports each kind of damage', () => {
    const text = 'junk<rss><channel><title>a & b&nbsp;c\u0001</title><item><title>x</title></item><item><title>y';
    const result = repairXml(text, { rootIndex: 4, junkBeforeRoot: true });
    expect(result.text).toBe('<rss><channel><title>a &amp; b&#160;c</title><item><title>x</title></item></channel></rss>');
    expect(result.warnings).toEqual([
      'ill-formed XML: dropped 4 characters of junk before the root element',
      'ill-formed XML: 1 character not allowed in XML removed',
      "ill-formed XML: 1 bare '&' escaped",
      'ill-formed XML: 1 HTML entity (like &nbsp;) mapped to character references',
      'ill-formed XML: the document ends before its root element does (truncated?); closed <channel>, <rss> and dropped the incomplete last item',
    ]);
  });
});

/** repairXml fixes what strict XML parsing rejects, and says so for each repair. */
import { describe, expect, it } from 'vitest';
import { cpuMs } from '../../cpu-time.ts';
import { closeTruncated, MAX_NESTING_DEPTH, repairEntities, repairXml, scanStructure } from '../../../src/ingest/parse/repair-xml.ts';

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

describe('scanStructure (nesting limit)', () => {
  const rss = (items: string) => `<rss><channel><title>T</title>${items}</channel></rss>`;
  const nested = (depth: number, tag = 'div') => `${`<${tag}>`.repeat(depth)}x${`</${tag}>`.repeat(depth)}`;

  it.each([
    ['a shallow document is returned as it is', rss('<item><title>a</title></item>'), 8, rss('<item><title>a</title></item>'), 0, 0],
    ['an item nested past the limit is dropped whole', rss(`<item><title>a</title></item><item>${nested(10)}</item><item><title>b</title></item>`), 8, rss('<item><title>a</title></item><item><title>b</title></item>'), 1, 0],
    ['items nested in items are dropped from the outermost', rss(`<item><title>a</title>${'<item>'.repeat(9)}${'</item>'.repeat(9)}</item><item><title>b</title></item>`), 8, rss('<item><title>b</title></item>'), 1, 0],
    ['a deep element outside items is dropped alone', rss(`${nested(10, 'x')}<item><title>b</title></item>`), 8, '<rss><channel><title>T</title><x><x><x><x><x><x></x></x></x></x></x></x><item><title>b</title></item></channel></rss>', 0, 1],
    ['exactly at the limit is kept', rss(`<item>${nested(5)}</item>`), 8, rss(`<item>${nested(5)}</item>`), 0, 0],
  ])('%s', (_label, input, maxDepth, output, deepItems, deepElements) => {
    const scan = scanStructure(input, maxDepth);
    expect(scan.text).toBe(output);
    expect(scan.deepItems).toBe(deepItems);
    expect(scan.deepElements).toBe(deepElements);
  });

  it('drops a deep item the document ends inside, and closes what is left', () => {
    const scan = scanStructure(rss('<item><title>a</title></item>').replace('</channel></rss>', '') + '<item>' + '<div>'.repeat(20), 8);
    expect(scan.text).toBe('<rss><channel><title>T</title><item><title>a</title></item></channel></rss>');
    expect(scan.deepItems).toBe(1);
  });

  it('reads 100,000 levels, 100,000 stray "<" and 100,000 unmatched close tags in one pass', () => {
    const inputs = [
      rss(`<item><title>a</title></item><item>${nested(100_000)}</item>`),
      rss(`<item><title>${'<1'.repeat(100_000)}</title></item>`),
      rss(`<item>${'<a "'.repeat(100_000)}></item>`),
      rss(`${'<a>'.repeat(200)}${'</b>'.repeat(100_000)}`),
    ];
    const started = cpuMs();
    for (const input of inputs) scanStructure(input);
    // Quadratic scans took minutes on these; linear ones take milliseconds (the bound allows a busy machine).
    expect(cpuMs() - started).toBeLessThan(3000);
  });

  it('repairXml says what the limit dropped', () => {
    const text = rss(`<item><title>a</title></item><item>${nested(MAX_NESTING_DEPTH + 1)}</item>`);
    const result = repairXml(text, { rootIndex: 0, junkBeforeRoot: false });
    expect(result.text).toBe(rss('<item><title>a</title></item>'));
    expect(result.warnings).toEqual([`1 item nested deeper than ${MAX_NESTING_DEPTH} elements (the nesting limit) dropped`]);
  });
});

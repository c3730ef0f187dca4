/** markupToCdata keeps mixed content in document order by handing it to the parser as CDATA. */
import { describe, expect, it } from 'vitest';
import { cpuMs } from '../../cpu-time.ts';
import { markupToCdata } from '../../../src/ingest/parse/markup-to-cdata.ts';

const NONE = new Map<string, string>();

describe('markupToCdata', () => {
  it.each([
    ['text-only elements are untouched', '<title>Jurf al-Sakhr</title>', '<title>Jurf al-Sakhr</title>'],
    ['a lone CDATA section is untouched', '<description><![CDATA[<p>x</p>]]></description>', '<description><![CDATA[<p>x</p>]]></description>'],
    ['raw HTML in a description is wrapped', '<description>a <b>b</b> c</description>', '<description><![CDATA[a <b>b</b> c]]></description>'],
    ['Atom xhtml content becomes html', '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">a <em>b</em></div></content>', '<content type="html"><![CDATA[<div>a <em>b</em></div>]]></content>'],
    ['CDATA mixed with markup is escaped inside the new section', '<description><p>a</p><![CDATA[x < y]]></description>', '<description><![CDATA[<p>a</p>x &lt; y]]></description>'],
    ['a "]]>" inside the markup is split', '<summary><p>]]></p></summary>', '<summary><![CDATA[<p>]]]]><![CDATA[></p>]]></summary>'],
    ['self-closing elements are untouched', '<content src="https://x.example/a"/><title>t</title>', '<content src="https://x.example/a"/><title>t</title>'],
  ])('%s', (_label, input, output) => {
    expect(markupToCdata(input, NONE)).toBe(output);
  });

  it('drops the prefix bound to XHTML from tags', () => {
    const ns = new Map([['h', 'http://www.w3.org/1999/xhtml']]);
    expect(markupToCdata('<content type="xhtml"><h:div><h:p>x</h:p></h:div></content>', ns)).toBe('<content type="html"><![CDATA[<div><p>x</p></div>]]></content>');
  });
});

describe('markupToCdata on hostile input', () => {
  it('reads 50,000 unclosed markup elements with distinct prefixes in one pass', () => {
    const xml = `<rss><channel><item>${Array.from({ length: 50_000 }, (_, i) => `<p${i}:title>`).join('')}<description><b>x</b></description></item></channel></rss>`;
    const started = cpuMs();
    const out = markupToCdata(xml, new Map());
    expect(out).toContain('<description><![CDATA[<b>x</b>]]></description>');
    // The regex with a back-reference rescanned the rest of the document for every opener (minutes).
    expect(cpuMs() - started).toBeLessThan(3000);
  });
});

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodePage } from '../../../src/ingest/decode/decode-page.ts';
import { htmlMetaCharset } from '../../../src/ingest/decode/html-meta-charset.ts';

const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('htmlMetaCharset', () => {
  const cases: [string, string, string | undefined][] = [
    ['meta charset, double quotes', '<html><head><meta charset="windows-1256"><title>x</title>', 'windows-1256'],
    ['meta charset, no quotes', '<head><META CHARSET=utf-8>', 'utf-8'],
    ['http-equiv Content-Type', `<head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">`, 'ISO-8859-6'],
    ['http-equiv with content first', `<head><meta content='text/html; charset=koi8-r' http-equiv='content-type'>`, 'koi8-r'],
    ['a meta without charset is skipped', '<head><meta name="viewport" content="width=device-width"><meta charset="gbk">', 'gbk'],
    ['inside a comment: not a declaration', '<head><!-- <meta charset="big5"> --><title>x</title>', undefined],
    ['none', '<html><head><title>x</title></head>', undefined],
  ];
  it.each(cases)('%s', (_name, html, expected) => {
    expect(htmlMetaCharset(ascii(html))).toBe(expected);
  });
});

describe('decodePage', () => {
  const arabic = 'قالت كتائب حزب الله في بيان';
  const page = (charsetMeta: string) => Buffer.concat([ascii(`<html><head>${charsetMeta}</head><body><p>`), iconv.encode(arabic, 'windows-1256'), ascii('</p></body></html>')]);

  it('reads windows-1256 declared only in <meta>', () => {
    const decoded = decodePage(page('<meta charset="windows-1256">'), 'text/html');
    expect(decoded.encoding).toBe('windows-1256');
    expect(decoded.text).toContain(arabic);
  });

  it('prefers the HTTP charset over <meta>, as for feeds', () => {
    const bytes = Buffer.concat([ascii('<meta charset="utf-8"><p>'), iconv.encode(arabic, 'windows-1256')]);
    const decoded = decodePage(bytes, 'text/html; charset=windows-1256');
    expect(decoded.text).toContain(arabic);
    expect(decoded.source).toBe('http');
  });

  it('honours a UTF-8 BOM over a wrong <meta>', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), ascii('<meta charset="windows-1252"><p>'), Buffer.from(arabic, 'utf8')]);
    const decoded = decodePage(bytes);
    expect(decoded.source).toBe('bom');
    expect(decoded.text).toContain(arabic);
  });

  it('names <meta charset> in its warnings, not the XML declaration', () => {
    const decoded = decodePage(ascii('<meta charset="no-such-charset"><p>x</p>'));
    expect(decoded.warnings.join(' ')).toContain('<meta charset> names an unknown encoding "no-such-charset"');
  });
});

import { describe, expect, it } from 'vitest';
import { charsetFromContentType, isSingleByte, resolveCharset } from '../../../src/ingest/decode/charset-label.ts';
import { scanUtf8, sniffBom, sniffWideLayout } from '../../../src/ingest/decode/sniff-bytes.ts';
import { rewriteXmlDeclarationEncoding, xmlDeclarationEncoding } from '../../../src/ingest/decode/xml-declaration.ts';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const ascii = (s: string): Uint8Array => Buffer.from(s, 'latin1');

describe('charsetFromContentType', () => {
  it.each([
    ['text/xml; charset=windows-1256', 'windows-1256'],
    ['application/rss+xml;charset="UTF-8"', 'UTF-8'],
    ["text/xml; Charset='koi8-r'; foo=bar", 'koi8-r'],
    ['text/xml', undefined],
    ['text/xml; charset=', undefined],
    [undefined, undefined],
  ])('%s → %s', (header, expected) => {
    expect(charsetFromContentType(header)).toBe(expected);
  });
});

describe('resolveCharset', () => {
  it.each([
    ['UTF-8', 'utf-8'],
    ['utf8', 'utf-8'],
    ['ISO-8859-1', 'windows-1252'],
    ['latin1', 'windows-1252'],
    ['US-ASCII', 'windows-1252'],
    ['iso-8859-9', 'windows-1254'],
    ['GB2312', 'gbk'],
    ['Windows-1256', 'windows-1256'],
    ['"koi8-r"', 'koi8-r'],
    ['Shift_JIS', 'shift_jis'],
    ['invalid', undefined],
    ['', undefined],
  ])('%s → %s', (label, expected) => {
    expect(resolveCharset(label)?.encoding).toBe(expected);
  });

  it.each([
    ['windows-1256', true],
    ['koi8-r', true],
    ['iso-8859-6', true],
    ['gbk', false],
    ['big5', false],
    ['shift_jis', false],
    ['euc-kr', false],
    ['utf-8', false],
  ])('isSingleByte(%s) = %s', (encoding, expected) => {
    expect(isSingleByte(encoding)).toBe(expected);
  });
});

describe('sniffBom / sniffWideLayout', () => {
  it.each([
    [bytes(0xef, 0xbb, 0xbf, 0x3c), 'utf-8', 3],
    [bytes(0xff, 0xfe, 0x3c, 0x00), 'utf-16le', 2],
    [bytes(0xfe, 0xff, 0x00, 0x3c), 'utf-16be', 2],
    [bytes(0xff, 0xfe, 0x00, 0x00), 'utf-32le', 4],
    [bytes(0x00, 0x00, 0xfe, 0xff), 'utf-32be', 4],
    [ascii('<rss'), undefined, undefined],
  ])('BOM of %o', (input, encoding, length) => {
    const bom = sniffBom(input);
    expect(bom?.encoding).toBe(encoding);
    expect(bom?.length).toBe(length);
  });

  it.each([
    [bytes(0x3c, 0x00, 0x3f, 0x00), 'utf-16le'],
    [bytes(0x00, 0x3c, 0x00, 0x3f), 'utf-16be'],
    [bytes(0x3c, 0x00, 0x00, 0x00), 'utf-32le'],
    [bytes(0x00, 0x00, 0x00, 0x3c), 'utf-32be'],
    [ascii('<?xm'), undefined],
    [bytes(0x3c), undefined],
  ])('layout of %o', (input, expected) => {
    expect(sniffWideLayout(input)).toBe(expected);
  });
});

describe('scanUtf8', () => {
  it.each([
    ['ASCII', ascii('plain'), 0, 0],
    ['two- to four-byte characters', Buffer.from('é€𝄞ك'), 4, 0],
    ['latin1 é between letters', bytes(0x63, 0x61, 0x66, 0xe9, 0x20), 0, 1],
    ['stray continuation byte', bytes(0x80), 0, 1],
    ['overlong encoding of "/"', bytes(0xc0, 0xaf), 0, 2],
    ['UTF-16 surrogate encoded in UTF-8', bytes(0xed, 0xa0, 0x80), 0, 3],
    ['above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0, 4],
    ['truncated at the end', bytes(0xe2, 0x82), 0, 2],
  ])('%s', (_name, input, multiByte, invalid) => {
    expect(scanUtf8(input)).toEqual({ multiByte, invalid });
  });
});

describe('XML declaration', () => {
  it.each([
    ['<?xml version="1.0" encoding="windows-1256"?><rss/>', 'windows-1256'],
    ["<?xml version='1.0' encoding='KOI8-R' standalone='yes'?>", 'KOI8-R'],
    ['\n \t<?xml version="1.0" encoding = "utf-8" ?>', 'utf-8'],
    ['<?xml version="1.0"?><rss encoding="x"/>', undefined],
    ['<rss version="2.0">', undefined],
    ['<?xml-stylesheet href="a.xsl"?>', undefined],
  ])('encoding of %s', (text, expected) => {
    expect(xmlDeclarationEncoding(ascii(text))).toBe(expected);
  });

  it.each([
    ['<?xml version="1.0" encoding="windows-1256"?><rss/>', '<?xml version="1.0" encoding="UTF-8"?><rss/>'],
    ["<?xml version='1.0' encoding='UTF-16'?>", "<?xml version='1.0' encoding='UTF-8'?>"],
    ['<?xml version="1.0"?><rss/>', '<?xml version="1.0"?><rss/>'],
    ['<rss encoding="x"/>', '<rss encoding="x"/>'],
  ])('rewrite %s', (text, expected) => {
    expect(rewriteXmlDeclarationEncoding(text)).toBe(expected);
  });
});

import iconv from 'iconv-lite';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeFeed, type EncodingSource } from '../../../src/ingest/decode/decode-feed.ts';
import { ErrorCode, NewsgateError } from '../../../src/model/errors.ts';

const ARABIC = 'كتائب حزب الله';
const rss = (title: string, encoding?: string): string =>
  `${encoding ? `<?xml version="1.0" encoding="${encoding}"?>` : ''}<rss version="2.0"><channel><title>${title}</title></channel></rss>`;
const enc = (text: string, charset: string): Uint8Array => iconv.encode(text, charset, { addBOM: false });
const withBom = (text: string, charset: string): Uint8Array => iconv.encode(text, charset, { addBOM: true });
const concat = (...parts: Uint8Array[]): Uint8Array => Buffer.concat(parts.map((p) => Buffer.from(p)));

interface Row {
  name: string;
  bytes: Uint8Array;
  contentType?: string;
  contains: string;
  encoding: string;
  source: EncodingSource;
  warns?: RegExp;
}

const rows: Row[] = [
  { name: 'UTF-8 with no declaration', bytes: enc(rss(ARABIC), 'utf-8'), contains: ARABIC, encoding: 'utf-8', source: 'default' },
  { name: 'UTF-8 BOM (stripped)', bytes: concat(Uint8Array.of(0xef, 0xbb, 0xbf), enc(rss(ARABIC), 'utf-8')), contains: ARABIC, encoding: 'utf-8', source: 'bom' },
  { name: 'windows-1256 Arabic via XML declaration', bytes: enc(rss(ARABIC, 'windows-1256'), 'windows-1256'), contains: ARABIC, encoding: 'windows-1256', source: 'xml' },
  { name: 'windows-1256 Arabic via HTTP charset', bytes: enc(rss(ARABIC), 'windows-1256'), contentType: 'application/rss+xml; charset=windows-1256', contains: ARABIC, encoding: 'windows-1256', source: 'http' },
  { name: 'ISO-8859-6 Arabic', bytes: enc(rss(ARABIC, 'ISO-8859-6'), 'iso-8859-6'), contains: ARABIC, encoding: 'iso-8859-6', source: 'xml' },
  { name: 'windows-1252 smart quotes and euro', bytes: enc(rss('“Quoted” – €5', 'windows-1252'), 'windows-1252'), contains: '“Quoted” – €5', encoding: 'windows-1252', source: 'xml' },
  { name: 'ISO-8859-1 label decoded as windows-1252 (smart quotes survive)', bytes: enc(rss('“Quoted” café', 'ISO-8859-1'), 'windows-1252'), contains: '“Quoted” café', encoding: 'windows-1252', source: 'xml' },
  { name: 'quoted HTTP charset latin1', bytes: enc(rss('Jürgen'), 'latin1'), contentType: 'text/xml; charset="latin1"', contains: 'Jürgen', encoding: 'windows-1252', source: 'http' },
  { name: 'KOI8-R', bytes: enc(rss('Пример RSS ленты', 'KOI8-R'), 'koi8-r'), contains: 'Пример RSS ленты', encoding: 'koi8-r', source: 'xml' },
  { name: 'GBK', bytes: enc(rss('伊拉克真主党旅', 'GBK'), 'gbk'), contains: '伊拉克真主党旅', encoding: 'gbk', source: 'xml' },
  { name: 'GB2312 label decoded as GBK', bytes: enc(rss('伊拉克', 'gb2312'), 'gbk'), contains: '伊拉克', encoding: 'gbk', source: 'xml' },
  { name: 'Big5', bytes: enc(rss('伊拉克真主黨旅', 'Big5'), 'big5'), contains: '伊拉克真主黨旅', encoding: 'big5', source: 'xml' },
  { name: 'Shift_JIS', bytes: enc(rss('イラクのニュース', 'Shift_JIS'), 'shift_jis'), contains: 'イラクのニュース', encoding: 'shift_jis', source: 'xml' },
  { name: 'EUC-KR', bytes: enc(rss('이라크 뉴스', 'EUC-KR'), 'euc-kr'), contains: '이라크 뉴스', encoding: 'euc-kr', source: 'xml' },
  { name: 'UTF-16LE with BOM', bytes: withBom(rss(ARABIC, 'UTF-16'), 'utf-16le'), contains: ARABIC, encoding: 'utf-16le', source: 'bom' },
  { name: 'UTF-16BE with BOM', bytes: withBom(rss(ARABIC, 'UTF-16'), 'utf-16be'), contains: ARABIC, encoding: 'utf-16be', source: 'bom' },
  { name: 'UTF-16LE without BOM (sniffed)', bytes: enc(rss(ARABIC, 'UTF-16'), 'utf-16le'), contains: ARABIC, encoding: 'utf-16le', source: 'sniff' },
  { name: 'UTF-16BE without BOM (sniffed)', bytes: enc(rss(ARABIC, 'UTF-16'), 'utf-16be'), contains: ARABIC, encoding: 'utf-16be', source: 'sniff' },
  { name: 'UTF-32LE with BOM', bytes: concat(Uint8Array.of(0xff, 0xfe, 0, 0), enc(rss(ARABIC), 'utf-32le')), contains: ARABIC, encoding: 'utf-32le', source: 'bom' },
  { name: 'UTF-32BE with BOM', bytes: concat(Uint8Array.of(0, 0, 0xfe, 0xff), enc(rss(ARABIC), 'utf-32be')), contains: ARABIC, encoding: 'utf-32be', source: 'bom' },
  { name: 'UTF-32LE without BOM (sniffed)', bytes: enc(rss(ARABIC), 'utf-32le'), contains: ARABIC, encoding: 'utf-32le', source: 'sniff' },
  {
    name: 'HTTP charset wins over the XML declaration (RFC 7303)',
    bytes: enc(rss(ARABIC, 'ISO-8859-1'), 'windows-1256'),
    contentType: 'application/xml; charset=windows-1256',
    contains: ARABIC,
    encoding: 'windows-1256',
    source: 'http',
  },
  {
    name: 'BOM wins over the HTTP charset',
    bytes: concat(Uint8Array.of(0xef, 0xbb, 0xbf), enc(rss(ARABIC), 'utf-8')),
    contentType: 'text/xml; charset=windows-1256',
    contains: ARABIC,
    encoding: 'utf-8',
    source: 'bom',
    warns: /contradicts/,
  },
  {
    name: 'unknown HTTP charset falls back to the XML declaration',
    bytes: enc(rss(ARABIC, 'windows-1256'), 'windows-1256'),
    contentType: 'text/xml; charset=arabic-please',
    contains: ARABIC,
    encoding: 'windows-1256',
    source: 'xml',
    warns: /"arabic-please" is not a known encoding/,
  },
  { name: 'unknown XML label falls back to UTF-8', bytes: enc(rss(ARABIC, 'invalid'), 'utf-8'), contains: ARABIC, encoding: 'utf-8', source: 'default', warns: /unknown encoding "invalid"/ },
  {
    name: 'latin1 declared but bytes are UTF-8',
    bytes: enc(rss(`${ARABIC} café`, 'ISO-8859-1'), 'utf-8'),
    contains: `${ARABIC} café`,
    encoding: 'utf-8',
    source: 'sniff',
    warns: /bytes, which are UTF-8/,
  },
  {
    name: 'HTTP latin1 but bytes are UTF-8',
    bytes: enc(rss('Euro €'), 'utf-8'),
    contentType: 'text/xml; charset=ISO-8859-1',
    contains: 'Euro €',
    encoding: 'utf-8',
    source: 'sniff',
    warns: /UTF-8/,
  },
  {
    name: 'UTF-8 declared but bytes are windows-1252',
    bytes: enc(rss('Anaïs and Jürgen', 'utf-8'), 'windows-1252'),
    contains: 'Anaïs and Jürgen',
    encoding: 'windows-1252',
    source: 'sniff',
    warns: /not valid UTF-8/,
  },
  {
    name: 'HTTP utf-8 over windows-1256 bytes uses the XML declaration',
    bytes: enc(rss(ARABIC, 'windows-1256'), 'windows-1256'),
    contentType: 'text/xml; charset=utf-8',
    contains: ARABIC,
    encoding: 'windows-1256',
    source: 'sniff',
    warns: /not valid UTF-8/,
  },
  {
    name: 'a stray bad byte in a UTF-8 document keeps UTF-8',
    bytes: concat(enc(`<rss><channel><title>${ARABIC} `, 'utf-8'), Uint8Array.of(0xff), enc('</title></channel></rss>', 'utf-8')),
    contains: `${ARABIC} \uFFFD`,
    encoding: 'utf-8',
    source: 'default',
    warns: /1 byte\(s\) are not valid UTF-8/,
  },
  {
    name: 'XML declaration says UTF-16 over ASCII-compatible bytes',
    bytes: enc(rss(ARABIC, 'UTF-16'), 'utf-8'),
    contains: ARABIC,
    encoding: 'utf-8',
    source: 'default',
    warns: /not UTF-16/,
  },
  {
    name: 'HTTP says UTF-8 but the bytes are UTF-16LE without BOM',
    bytes: enc(rss(ARABIC), 'utf-16le'),
    contentType: 'application/rss+xml; charset=utf-8',
    contains: ARABIC,
    encoding: 'utf-16le',
    source: 'sniff',
    warns: /bytes are UTF-16LE/,
  },
  {
    name: 'gzip magic without Content-Encoding is inflated',
    bytes: zlib.gzipSync(enc(rss(ARABIC, 'windows-1256'), 'windows-1256')),
    contains: ARABIC,
    encoding: 'windows-1256',
    source: 'xml',
    warns: /gzip-compressed/,
  },
  {
    name: 'leading whitespace before the XML declaration',
    bytes: enc(`\n  ${rss('Пример', 'koi8-r')}`, 'koi8-r'),
    contains: 'Пример',
    encoding: 'koi8-r',
    source: 'xml',
  },
  { name: 'JSON Feed (UTF-8, no declaration)', bytes: enc(`{"version":"https://jsonfeed.org/version/1.1","title":"${ARABIC}"}`, 'utf-8'), contains: ARABIC, encoding: 'utf-8', source: 'default' },
];

describe('decodeFeed', () => {
  it.each(rows)('$name', (row) => {
    const decoded = decodeFeed(row.bytes, row.contentType);
    expect(decoded.text).toContain(row.contains);
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(decoded.encoding).toBe(row.encoding);
    expect(decoded.source).toBe(row.source);
    if (row.warns) expect(decoded.warnings.join('\n')).toMatch(row.warns);
    else expect(decoded.warnings).toEqual([]);
  });

  it('keeps what inflates from a truncated gzip document, and says so', () => {
    const gz = zlib.gzipSync(enc(rss(`${ARABIC} `.repeat(2000)), 'utf-8'));
    const decoded = decodeFeed(gz.subarray(0, gz.length - 40));
    expect(decoded.text.startsWith('<rss')).toBe(true);
    expect(decoded.warnings.join()).toMatch(/truncated/);
  });

  it('refuses gzip data that inflates past the cap (FETCH_TOO_LARGE)', () => {
    const bomb = zlib.gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x20));
    const run = (): unknown => decodeFeed(bomb, undefined, { maxInflatedBytes: 1024 * 1024 });
    expect(run).toThrow(NewsgateError);
    expect(() => run()).toThrow(expect.objectContaining({ code: ErrorCode.FETCH_TOO_LARGE }));
  });

  it('refuses corrupt gzip data (DECODE_FAILED)', () => {
    const bytes = Uint8Array.of(0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x00, 0x99, 0x99, 0x99);
    expect(() => decodeFeed(bytes)).toThrow(expect.objectContaining({ code: ErrorCode.DECODE_FAILED }));
  });

  it('decodes empty input to empty text', () => {
    expect(decodeFeed(new Uint8Array(0))).toMatchObject({ text: '', encoding: 'utf-8', source: 'default' });
  });
});

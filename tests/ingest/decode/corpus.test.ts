/**
 * Decodes the encoding test files of other feed readers (../shared/feed-corpus, read in place,
 * never copied) and checks the strings their suites and the corpus README say must come out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../../src/ingest/decode/decode-feed.ts';

const CORPUS = path.resolve(process.cwd(), '../shared/feed-corpus');
const present = fs.existsSync(CORPUS);
if (!present) console.warn(`[decode corpus] ${CORPUS} is absent: corpus decoding tests are skipped.`);

const MINIFLUX = 'miniflux/internal/reader';
const cases: [file: string, contentType: string | undefined, mustContain: string[]][] = [
  [`${MINIFLUX}/encoding/testdata/utf8.xml`, undefined, ['테스트 피드', 'Café']],
  [`${MINIFLUX}/encoding/testdata/utf8-incorrect-prolog.xml`, undefined, ['테스트 피드', 'Café']],
  [`${MINIFLUX}/encoding/testdata/invalid-prolog.xml`, undefined, ['테스트 피드', 'Café']],
  [`${MINIFLUX}/encoding/testdata/iso-8859-1.xml`, undefined, ['Café', 'Présentation']],
  [`${MINIFLUX}/encoding/testdata/windows-1252.xml`, undefined, ['Euro €']],
  [`${MINIFLUX}/encoding/testdata/windows-1252-incorrect-prolog.xml`, undefined, ['Euro €']],
  [`${MINIFLUX}/encoding/testdata/koi8r.xml`, undefined, ['Пример RSS ленты', 'Привет мир!']],
  [`${MINIFLUX}/xml/testdata/koi8r.xml`, undefined, ['Пример RSS ленты']],
  [`${MINIFLUX}/xml/testdata/iso88591.xml`, undefined, ['Anaïs', 'Jürgen']],
  [`${MINIFLUX}/xml/testdata/iso88591_utf8_mismatch.xml`, undefined, ['Anaïs', 'Jürgen']],
  [`${MINIFLUX}/parser/testdata/encoding_ISO-8859-1.xml`, undefined, ['Viele Spieler wünschen']],
  [`${MINIFLUX}/parser/testdata/no_encoding_ISO-8859-1.xml`, undefined, ["nombre d'études", 'être à']],
  [`${MINIFLUX}/parser/testdata/encoding_WINDOWS-1251.xml`, undefined, ['Цитата #17703']],
  [`${MINIFLUX}/parser/testdata/urdu_UTF8.xml`, undefined, ['BBC News  اردو']],
  [`${MINIFLUX}/parser/testdata/rdf_UTF8.xml`, undefined, ['heise online News']],
  ['node-feedparser/test/feeds/iconv.xml', undefined, ['Новости Оренбурга и области']],
  ['node-feedparser/test/feeds/compressed.xml', undefined, ['Новости Оренбурга и области']],
  ['rss-parser/test/input/encoding.rss', 'text/xml; charset=latin1', ['Jornal de Notícias - Últimas Notícias']],
];

describe.skipIf(!present)('decodeFeed over the feed corpus', () => {
  it.each(cases)('%s', (file, contentType, mustContain) => {
    const decoded = decodeFeed(fs.readFileSync(path.join(CORPUS, file)), contentType);
    for (const text of mustContain) expect(decoded.text).toContain(text);
    expect(decoded.text).not.toContain('\uFFFD');
  });

  it('says why when it overrides a wrong label', () => {
    const decoded = decodeFeed(fs.readFileSync(path.join(CORPUS, `${MINIFLUX}/encoding/testdata/windows-1252-incorrect-prolog.xml`)));
    expect(decoded).toMatchObject({ encoding: 'utf-8', source: 'sniff' });
    expect(decoded.warnings.join()).toMatch(/windows-1252/);
  });
});

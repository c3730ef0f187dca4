import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/normalize/clean/html-to-text.ts';
import { foldWhitespace, plainText, truncateWords } from '../../src/normalize/clean/text.ts';

const texts = (html: string): string[] => htmlToText(html).blocks.map((block) => block.text);

describe('htmlToText', () => {
  it.each([
    ['block elements make paragraphs', '<p>One.</p><p>Two.</p><div>Three.</div>', ['One.', 'Two.', 'Three.']],
    ['<br> breaks lines, two <br> break paragraphs', 'Line one<br>line two<br><br>Next paragraph', ['Line one\nline two', 'Next paragraph']],
    ['entities decoded, whitespace folded', '<p>Hezbollah&#8217;s   &quot;statement&quot;&nbsp;&amp; more\n\t here</p>', ['Hezbollah’s "statement" & more here']],
    ['script, style, forms and iframes dropped', '<p>Kept<script>alert(1)</script></p><style>p{}</style><form><label>Name</label><input></form><iframe>x</iframe><p>Also kept</p>', ['Kept', 'Also kept']],
    ['inline elements stay in their paragraph', '<p>The <a href="/x">Islamic Resistance in <b>Iraq</b></a> said.</p>', ['The Islamic Resistance in Iraq said.']],
    ['implied closes of sloppy markup', '<p>One<p>Two<li>Three', ['One', 'Two', 'Three']],
    ['loose text around blocks', 'Lead text<p>Para</p>Tail text', ['Lead text', 'Para', 'Tail text']],
    ['plain text input: blank lines are paragraphs', 'First line\nsecond line\n\nSecond paragraph &amp; more', ['First line\nsecond line', 'Second paragraph & more']],
    ['Arabic text', '<p dir="rtl">قال المتحدث باسم <b>كتائب حزب الله</b> إن</p>', ['قال المتحدث باسم كتائب حزب الله إن']],
    ['empty input', '', []],
  ])('%s', (_label, html, expected) => {
    expect(texts(html)).toEqual(expected);
  });

  it('records container hints, tags and source ranges', () => {
    const html = '<div id="main"><p>Body</p></div><div class="comments"><p>Reader</p></div><img src="/a.jpg">';
    const { blocks, images } = htmlToText(html);
    expect(blocks.map((block) => [block.tag, block.hints])).toEqual([['p', 'main'], ['p', 'comments']]);
    expect(blocks.map((block) => html.slice(block.start, block.end))).toEqual(['Body', 'Reader']);
    expect(images).toEqual(['/a.jpg']);
  });
});

describe('plainText', () => {
  it.each([
    ['<b>Drone</b> strike &amp; raid', 'Drone strike & raid'],
    ['&lt;b&gt;Escaped&lt;/b&gt; title', 'Escaped title'],
    ['  Plain   title\n', 'Plain title'],
    ['Casualties <5 reported', 'Casualties <5 reported'],
    ['AT&T and R&D', 'AT&T and R&D'],
    [null, ''],
  ])('%j → %j', (input, expected) => {
    expect(plainText(input)).toBe(expected);
  });

  it.each([
    ['Persian half-space inside a word is kept', 'نیروهای امنیتی می\u200Cگویند', 'نیروهای امنیتی می\u200Cگویند'],
    ['half-space in a name is kept', 'حزب\u200Cالله', 'حزب\u200Cالله'],
    ['stray half-space at an edge or by a space is dropped', '\u200Cاول \u200C دوم\u200C', 'اول دوم'],
    ['zero-width space, joiner, BOM and soft hyphen are dropped', 'a\u200Bb\u200Dc\uFEFFd\u00ADe', 'abcde'],
  ])('foldWhitespace: %s', (_label, input, expected) => {
    expect(foldWhitespace(input)).toBe(expected);
  });

  it('keeps the Persian half-space through HTML to text', () => {
    expect(texts('<p>رزمایش\u200Cهای نظامی</p>')).toEqual(['رزمایش\u200Cهای نظامی']);
  });

  it('truncateWords cuts at a word boundary', () => {
    expect(truncateWords('one two three four', 12)).toBe('one two…');
    expect(truncateWords('short', 12)).toBe('short');
  });
});

import { describe, expect, it } from 'vitest';
import { cleanBody } from '../../src/normalize/clean/clean-body.ts';
import { sanitizeBody } from '../../src/normalize/clean/sanitize-html.ts';

const base = 'https://news.example.org/2024/11/article.html';
const clean = (html: string): string => sanitizeBody(html, { base });

describe('sanitizeBody', () => {
  it.each([
    ['drops script, style, iframe, object with their content', '<p>A</p><script>alert(1)</script><style>p{}</style><iframe src="https://evil.example/"></iframe><object data="x.swf">fallback</object>', '<p>A</p>'],
    ['drops event handlers and styles', '<p onclick="x()" style="color:red" class="lead">A</p>', '<p>A</p>'],
    ['drops javascript: links, keeps the text', '<a href="javascript:alert(1)">click</a>', '<a rel="noopener noreferrer nofollow">click</a>'],
    ['drops javascript: with entity tricks', '<a href="jav&#x09;ascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
    ['makes relative links absolute and adds rel', '<a href="/other?id=2" rel="me" target="_blank">other</a>', '<a href="https://news.example.org/other?id=2" rel="noopener noreferrer nofollow">other</a>'],
    ['keeps mailto links', '<a href="mailto:desk@example.org">desk</a>', '<a href="mailto:desk@example.org" rel="noopener noreferrer nofollow">desk</a>'],
    ['makes relative images absolute', '<img src="../img/a.jpg" alt="A">', '<img src="https://news.example.org/2024/img/a.jpg" alt="A" />'],
    ['keeps inline raster data images', '<img src="data:image/png;base64,iVBORw0KGgo=">', '<img src="data:image/png;base64,iVBORw0KGgo=" />'],
    ['drops SVG and HTML data URLs', '<img src="data:image/svg+xml;base64,PHN2Zz4="><a href="data:text/html,<script>x</script>">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
    ['drops comment containers whole', '<p>Body</p><div id="comments"><p>Reader says</p><img src="/avatar.png"></div>', '<p>Body</p>'],
    ['drops forms', '<p>Body</p><form><label>Name</label><input name="n"><button>Send</button></form>', '<p>Body</p>'],
    ['drops empty leftovers', '<p>Body</p><p> </p><div><span></span></div>', '<p>Body</p>'],
  ])('%s', (_label, html, expected) => {
    expect(clean(html)).toBe(expected);
  });

  it('cuts what cleaning removed, and the comments tail', () => {
    const html = [
      '<p>By Staff Writer |</p>',
      '<p>Guards seized a truck near the <a href="/lb">frontier</a>.</p>',
      '<p>Share this</p>',
      '<p>Officials confirmed it.</p>',
      '<p>Do you like this article?</p>',
      '<p>Captcha *</p>',
      '<p>The Americans are behind it, and Haifa will pay.</p>',
    ].join('\n');
    const body = cleanBody(html);
    const out = sanitizeBody(html, { base, removed: body.removed, tailStart: body.tailStart });
    expect(out).toContain('Guards seized a truck near the <a href="https://news.example.org/lb" rel="noopener noreferrer nofollow">frontier</a>.');
    expect(out).toContain('Officials confirmed it.');
    for (const gone of ['Staff Writer', 'Share this', 'Do you like', 'Captcha', 'Haifa']) expect(out).not.toContain(gone);
  });
});

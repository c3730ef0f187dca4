import { describe, expect, it } from 'vitest';
import { chromeKind } from '../../src/normalize/clean/page-chrome.ts';
import { findCommentsTail, isCommentContainer, isCommentsMarker } from '../../src/normalize/clean/reader-comments.ts';

describe('chromeKind', () => {
  it.each([
    ['Do you like this article?', 'chrome'],
    ['Captcha *', 'chrome'],
    ['Share this', 'chrome'],
    ['SHARE THIS ARTICLE', 'chrome'],
    ['Follow us on Telegram', 'chrome'],
    ['Read more: Iraq’s PMF law explained', 'chrome'],
    ['Related articles', 'chrome'],
    ['Subscribe to our newsletter', 'chrome'],
    ['© 2024 Example News. All rights reserved.', 'chrome'],
    ['Click here to download our app', 'chrome'],
    ['Advertisement', 'chrome'],
    ['The post Drone strike hits base appeared first on Example News.', 'chrome'],
    ['Syrian customs officers inspect a truck at the crossing. [Archive photo]', 'caption'],
    ['Smoke rises over the port (File photo/AFP)', 'caption'],
    ['Photo: AFP', 'caption'],
    ['دخان يتصاعد فوق الميناء (صورة أرشيفية)', 'caption'],
    ['By Staff Writer |', 'byline'],
    ['By Ahmed al-Rubaie', 'byline'],
    ['بقلم: أحمد الربيعي', 'byline'],
    ['اقرأ أيضاً', 'chrome'],
    ['اقرأ أيضا: الحشد الشعبي يعلن', 'chrome'],
    ['شارك', 'chrome'],
    ['تابعونا على تلغرام', 'chrome'],
    ['جميع الحقوق محفوظة © 2024', 'chrome'],
    ['Syrian border guards seized a truck carrying anti-tank rockets near the Lebanese frontier on Sunday.', null],
    ['By Sunday evening, the guards had detained both drivers and seized the rockets.', null],
    ['Read the statement in full below, the ministry said, adding that an investigation had begun into the incident and its organisers.', null],
    ['Share prices fell in Tehran after the strike.', null],
    ['[…]', 'chrome'],
    ['* * *', 'chrome'],
    ['}', null],
    ['✓', null],
    ['قال مسؤول أمني إن حرس الحدود ضبطوا شاحنة محملة بالصواريخ.', null],
  ])('%s → %s', (text, expected) => {
    expect(chromeKind(text)).toBe(expected);
  });

  it('uses the element: figcaption and caption containers are captions', () => {
    expect(chromeKind('Fighters parade in Baghdad.', { tag: 'figcaption' })).toBe('caption');
    expect(chromeKind('Fighters parade in Baghdad.', { tag: 'p', hints: 'wp-caption-text' })).toBe('caption');
    expect(chromeKind('Fighters parade in Baghdad.', { tag: 'p', hints: 'entry-content' })).toBeNull();
  });
});

describe('reader comments', () => {
  it.each([
    ['Do you like this article?', true],
    ['Captcha', true],
    ['Comments', true],
    ['12 Comments', true],
    ['Comments (3)', true],
    ['3 thoughts on “Border patrols seize weapons”', true],
    ['Leave a Reply', true],
    ['Add comment', true],
    ['التعليقات', true],
    ['5 تعليقات', true],
    ['أضف تعليق', true],
    ['The comments of the minister drew criticism.', false],
    ['No comment, the spokesman said.', false],
  ])('marker %s → %s', (text, expected) => {
    expect(isCommentsMarker(text)).toBe(expected);
  });

  it.each([
    ['comments', true],
    ['comment-list', true],
    ['commentlist clearfix', true],
    ['entry comments-area', true],
    ['disqus_thread', true],
    ['respond', true],
    ['user-comments', true],
    ['no-comments', false],
    ['entry-content', false],
    ['comment-count', false],
    ['', false],
  ])('container %j → %s', (hints, expected) => {
    expect(isCommentContainer(hints)).toBe(expected);
  });

  it('finds the tail only after some article text', () => {
    const p = (text: string, chrome = false) => ({ text, hints: '', chrome });
    expect(findCommentsTail([p('Comments (3)'), p('Body one.'), p('Body two.'), p('Do you like this article?', true), p('Angry comment')])).toBe(3);
    expect(findCommentsTail([p('Comments (3)'), p('Body.')])).toBe(-1);
    expect(findCommentsTail([p('Body.')])).toBe(-1);
  });
});

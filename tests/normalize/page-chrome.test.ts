import { describe, expect, it } from 'vitest';
import { chromeKind, isListEntry, isListHeading, stripShareTail } from '../../src/normalize/clean/page-chrome.ts';
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
    // Share/follow widgets flattened to one line: a lead, then only network names.
    ['Share this article: Facebook Twitter Telegram', 'chrome'],
    ['Share this article: Facebook | Twitter | Telegram | Email', 'chrome'],
    ['Share: Facebook and WhatsApp', 'chrome'],
    ['Facebook Twitter WhatsApp Telegram', 'chrome'],
    ['Follow us: Telegram • X • Instagram • YouTube', 'chrome'],
    ['شارك هذا المقال: فيسبوك تويتر واتساب', 'chrome'],
    ['تابعونا عبر: فيسبوك | تلغرام | يوتيوب', 'chrome'],
    ['اشتراک گذاری: تلگرام توییتر واتساپ', 'chrome'],
    ['Twitter said it had removed the accounts.', null],
    ['Telegram channels close to the group claimed the attack.', null],
    ['Share and share alike', null],
    // Breadcrumbs, tag lines and cookie banners.
    ['Home » Syria » Security', 'chrome'],
    ['News › Middle East › Iraq', 'chrome'],
    ['Gulf | Diplomacy', 'chrome'],
    ['Tags: Gaza | Qatar | Hamas', 'chrome'],
    ['Keywords: Iraq, PMF, drones', 'chrome'],
    ['الوسوم: العراق، الحشد الشعبي', 'chrome'],
    ['We use cookies to improve your experience. Accept', 'chrome'],
    ['Iraq | Syria talks resume in Baghdad after a month of delays, officials said.', null],
    ['He said talks would resume / continue next week.', null],
  ])('%s → %s', (text, expected) => {
    expect(chromeKind(text)).toBe(expected);
  });

  it.each([
    ['He spoke on Monday. Share this article: Facebook Twitter Telegram', 'He spoke on Monday.'],
    ['قال الوزير ذلك. شارك: فيسبوك تويتر', 'قال الوزير ذلك.'],
    ['He posted it on Facebook. Twitter removed it.', 'He posted it on Facebook. Twitter removed it.'],
    ['Share this article: Facebook Twitter', 'Share this article: Facebook Twitter'],
    ['Markets fell. Share prices in Tehran dropped.', 'Markets fell. Share prices in Tehran dropped.'],
  ])('stripShareTail(%j) → %j', (text, expected) => {
    expect(stripShareTail(text)).toBe(expected);
  });

  it('drops short labels in section, breadcrumb, tag and share containers', () => {
    expect(chromeKind('Politics', { tag: 'p', hints: 'section' })).toBe('chrome');
    expect(chromeKind('Iraq', { tag: 'div', hints: 'post-tags' })).toBe('chrome');
    expect(chromeKind('Politics', { tag: 'p', hints: 'entry-content' })).toBeNull();
    expect(chromeKind('The cabinet met on Sunday.', { tag: 'p', hints: 'section' })).toBeNull();
  });

  it.each([
    ['Most read', true],
    ['Related articles:', true],
    ['الأكثر قراءة', true],
    ['Most read articles describe the war.', false],
  ])('isListHeading(%j) → %s', (text, expected) => {
    expect(isListHeading(text)).toBe(expected);
  });

  it.each([
    ['1. Israeli strike kills IRGC general in Damascus suburb', true],
    ['• Saudi Aramco raises January prices', true],
    ['Kurdistan24: PKK fighters begin handing over weapons', true],
    ['The ministry said the strike killed two and wounded five others.', false],
    ['He said the talks, which began in March and were hosted by Oman and Qatar, would resume after the holiday period ends next week', false],
  ])('isListEntry(%j) → %s', (text, expected) => {
    expect(isListEntry(text)).toBe(expected);
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
    // Comment forms flattened into one line.
    ['Leave a comment  Name *  Email *  Captcha *', true],
    ['Leave a Reply Your email address will not be published. Required fields are marked *', false],
    ['Name * Email * Website', true],
    ['اترك تعليقاً الاسم * البريد الإلكتروني *', true],
    ['Name the commander, the email said.', false],
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

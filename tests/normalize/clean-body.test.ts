import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanBody } from '../../src/normalize/clean/clean-body.ts';

describe('cleanBody', () => {
  it('splits article text, notes, chrome and the comments tail (marker path)', () => {
    const html = `
      <p>Border guards seized a truck carrying rockets, officials said.</p>
      <p>The shipment was bound for a group linked to Hizballah, a source told the outlet [TN: the original says "the channel"].</p>
      <p>Read also: Customs tighten checks at Jdeidet Yabous</p>
      <p>Do you like this article?</p>
      <p>Captcha *</p>
      <p>The Zionist enemy and the Americans are behind this. [TN: possible reference to the group above]</p>
      <p>The resistance will answer in Haifa.</p>`;
    const body = cleanBody(html);
    expect(body.paragraphs).toEqual([
      'Border guards seized a truck carrying rockets, officials said.',
      'The shipment was bound for a group linked to Hizballah, a source told the outlet.',
    ]);
    expect(body.translatorNotes).toEqual(['the original says "the channel"']);
    expect(body.comments).toEqual([
      'The Zionist enemy and the Americans are behind this. [TN: possible reference to the group above]',
      'The resistance will answer in Haifa.',
    ]);
    expect(body.dropped.chrome).toBe(1);
    expect(body.tailStart).toBe(html.indexOf('Do you like'));
  });

  it('drops link lists under "Most read"/"Related" headings, share bars and cookie banners', () => {
    const body = cleanBody(
      '<p class="section">Gulf | Diplomacy</p><p>Ministers met in Kuwait City on Sunday.</p><p>Share this article: Facebook Twitter Telegram</p>' +
        '<p>Most read</p><p>1. Israeli strike kills IRGC general in Damascus suburb</p><p>2. Saudi Aramco raises January prices</p>' +
        '<p>Kurdistan24: PKK fighters begin handing over weapons</p><p>Subscribe to our newsletter</p><p>We use cookies to improve your experience. Accept</p>',
    );
    expect(body.paragraphs).toEqual(['Ministers met in Kuwait City on Sunday.']);
  });

  it('ends a link list at the first paragraph of prose, and at the comments', () => {
    const body = cleanBody('<p>First paragraph of the story.</p><p>Related</p><p>Iraq votes on PMF law</p><p>The vote was delayed again on Monday, the speaker said.</p><p>اقرأ أيضاً</p><p>التعليقات</p><p>كلام فارغ</p>');
    expect(body.paragraphs).toEqual(['First paragraph of the story.', 'The vote was delayed again on Monday, the speaker said.']);
    expect(body.comments).toEqual(['كلام فارغ']);
  });

  it('takes the comments after a comment form flattened into one line', () => {
    const body = cleanBody('<p>Talks resumed in Doha, mediators said.</p><p>Leave a comment  Name *  Email *  Captcha *</p><p>Mahmoud: Netanyahu does not want any deal.</p>');
    expect(body.paragraphs).toEqual(['Talks resumed in Doha, mediators said.']);
    expect(body.comments).toEqual(['Mahmoud: Netanyahu does not want any deal.']);
  });

  it('cuts a share bar glued to the end of a paragraph', () => {
    const body = cleanBody('<p>The ministry denied the report. Share this article: Facebook Twitter Telegram</p>');
    expect(body.paragraphs).toEqual(['The ministry denied the report.']);
  });

  it('takes comments from comment containers anywhere', () => {
    const body = cleanBody('<p>Article text here.</p><ol class="commentlist"><li>First reader</li><li>Second reader</li></ol><p>More article text.</p>');
    expect(body.paragraphs).toEqual(['Article text here.', 'More article text.']);
    expect(body.comments).toEqual(['First reader', 'Second reader']);
  });

  it('handles Arabic chrome and comment markers', () => {
    const body = cleanBody('<p>قال مسؤول أمني إن القوات ضبطت شاحنة.</p><p>اقرأ أيضاً</p><p>شارك</p><p>التعليقات</p><p>إسرائيل وراء كل شيء</p>');
    expect(body.paragraphs).toEqual(['قال مسؤول أمني إن القوات ضبطت شاحنة.']);
    expect(body.comments).toEqual(['إسرائيل وراء كل شيء']);
  });

  it('drops a repeated title and the kicker above it', () => {
    const body = cleanBody('<p>Security</p><h1>Guards seize rockets</h1><p>Guards seized rockets on Sunday.</p>', { title: 'Guards seize rockets' });
    expect(body.paragraphs).toEqual(['Guards seized rockets on Sunday.']);
    expect(body.dropped).toMatchObject({ title: 1, kicker: 1 });
  });

  it('finds a marker on a <br> line inside a paragraph', () => {
    const body = cleanBody('<p>Article text.<br>Do you like this article?<br>Reader comment about Haifa</p>');
    expect(body.paragraphs).toEqual(['Article text.']);
    expect(body.comments).toEqual(['Reader comment about Haifa']);
  });

  it('cleans the shared sample page as its annotations say', () => {
    let html: string;
    try {
      html = readFileSync(new URL('../../../shared/samples/translated-page.html', import.meta.url), 'utf8');
    } catch {
      console.warn('skipping: ../shared/samples/translated-page.html is absent');
      return;
    }
    const body = cleanBody(html, { title: 'Border patrols seize weapons shipment bound for Lebanon' });
    const content = body.paragraphs.join('\n\n');
    expect(content).toMatch(/^Syrian border guards seized/);
    expect(content).toMatch(/in a statement\.$/);
    expect(content).not.toMatch(/TN:|Captcha|Haifa|Zionist|Archive photo|Staff Writer/);
    expect(body.translatorNotes).toEqual(['the original says "the channel"', 'alt: "a crossing"']);
    expect(body.comments).toHaveLength(2);
    expect(body.comments.join(' ')).toMatch(/Haifa/);
  });
});

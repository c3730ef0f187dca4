/**
 * Claims, quotes and figures (issue 14) on the real dictionaries, one article text per row:
 * what the extractors take and, as much, what they must leave alone (years, unit numbers,
 * resolutions, tonnage, ages, scare quotes, translator notes and comments).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDefaultTagger } from '../../src/normalize/gazetteer/create-default-tagger.ts';
import type { GazetteerTagger } from '../../src/normalize/gazetteer/tagger.ts';
import { extractStatements, type Statements } from '../../src/normalize/statements/extract-statements.ts';
import { extractFigures } from '../../src/normalize/figures/extract-figures.ts';
import { sentenceSpans } from '../../src/normalize/statements/statement-input.ts';
import { normalizeItem } from '../../src/normalize/normalize-item.ts';
import { fixtureInput } from '../../src/normalize/gazetteer/evaluate.ts';

let tagger: GazetteerTagger;
beforeAll(async () => {
  ({ tagger } = await createDefaultTagger({ discovery: false }));
}, 60_000);

function statements(content: string): Statements {
  const r = tagger.tag({ title: '', summary: '', content, tags: [] }, { regions: [], tags: [] });
  return extractStatements({ title: '', summary: '', content }, r.evidence, (id) => tagger.describeActor(id), r.stateMentions);
}

describe('figures', () => {
  const figures = (content: string) => extractFigures({ title: '', summary: '', content, actors: [] }).map((f) => [f.kind, f.min, f.max]);
  it.each([
    ['A drone attack killed three US soldiers and wounded at least 34 others.', [['KILLED', 3, 3], ['WOUNDED', 34, null]]],
    ['Dozens were wounded, and dozens wounded again later.', [['WOUNDED', 24, 99]]],
    ['Militias have carried out some 160 attacks since October 2023.', [['ATTACKS', 160, 160]]],
    ['The death toll rose to 52, with 12 people missing and 3,000 displaced.', [['KILLED', 52, 52], ['MISSING', 12, 12], ['DISPLACED', 3000, 3000]]],
    ['Two soldiers were killed and four wounded.', [['KILLED', 2, 2], ['WOUNDED', 4, 4]]],
    ['Security forces arrested 12 suspects.', [['ARRESTED', 12, 12]]],
    ['Gunmen abducted 20 students from a school.', [['ABDUCTED', 20, 20]]],
    ['وأسفر الهجوم عن مقتل 5 أشخاص وإصابة ١٢ آخرين، واعتقال ثلاثة.', [['KILLED', 5, 5], ['WOUNDED', 12, 12], ['ARRESTED', 3, 3]]],
    ['سقط عشرات الجرحى و7 قتلى.', [['WOUNDED', 20, 99], ['KILLED', 7, 7]]],
    // entities3: an elided object, singular and dual Arabic nouns, Persian verb-final counts, millions.
    ['The strike killed at least 17 people and wounded dozens on Monday.', [['KILLED', 17, null], ['WOUNDED', 24, 99]]],
    ['أسفرت الغارة عن شهيد وجريحين.', [['KILLED', 1, 1], ['WOUNDED', 2, 2]]],
    ['دو مرزبان به شهادت رسیدند و سه تن دیگر زخمی شدند.', [['KILLED', 2, 2], ['WOUNDED', 3, 3]]],
    ['نیروی دریایی ۱۵ خدمه را بازداشت کرد.', [['ARRESTED', 15, 15]]],
    ['The war has displaced some 12 million people.', [['DISPLACED', 12000000, 12000000]]],
    ['Three suspected smugglers were arrested near Ramtha.', [['ARRESTED', 3, 3]]],
  ])('%s', (text, expected) => expect(figures(text)).toEqual(expected));

  it.each([
    'In 2024, Brigade 52 enforced Resolution 1701.',
    'It dropped a 500-pound bomb and delivered 2,000 tonnes of aid.',
    'A 34-year-old man was killed 40 km from the border.',
    'The 2014 killings are remembered every year.',
    'The martyr Ali was buried; the wounded were treated.',
    'The strike hit 3 buildings and damaged 12 cars.',
  ])('no figure in: %s', (text) => expect(figures(text)).toEqual([]));
});

describe('quotes', () => {
  it('English: after the quote, a pronoun for the previous speaker, titles removed', () => {
    const s = statements('"We will respond at a time and place of our choosing," said Maj. Gen. Pat Ryder. "This is not over," he added.');
    expect(s.quotes.map((q) => [q.speaker, q.speakerName, q.text])).toEqual([
      ['pat-ryder', 'Pat Ryder', 'We will respond at a time and place of our choosing'],
      ['pat-ryder', 'Pat Ryder', 'This is not over'],
    ]);
  });
  it('English: before the quote; an organisation speaks', () => {
    const s = statements('Hezbollah said in a statement: "Our fighters targeted an Israeli position with rockets."');
    expect(s.quotes.map((q) => [q.speaker, q.text])).toEqual([['hezbollah', 'Our fighters targeted an Israeli position with rockets.']]);
  });
  it('Arabic: وقال … «…»', () => {
    const s = statements('وقال المسؤول الأمني للكتائب أبو علي العسكري في تدوينة: «لسنا معنيين بهذا الاستهداف، ونحذر من محاولات جرّ البلاد إلى الفتنة».');
    expect(s.quotes.map((q) => q.speaker)).toEqual(['abu-ali-al-askari']);
    expect(s.quotes[0]?.text).toMatch(/^لسنا معنيين/);
  });
  it('"…," the group / the command / the statement said: the one body of that kind named before', () => {
    const s = statements('The Rapid Support Forces denied targeting civilians. "We did not strike any camp," the group said in a statement.');
    expect(s.quotes.map((q) => q.speaker)).toEqual(['rapid-support-forces']);
    const t = statements('U.S. Africa Command said it had carried out an airstrike. "Our initial assessment is that no civilians were injured," the command said.');
    expect(t.quotes.map((q) => q.speaker)).toEqual(['africom']);
  });
  it('"he told them" is the last person named in the paragraph; a bare surname the one person named earlier', () => {
    const s = statements('Army chief Abdel Fattah al-Burhan visited troops in El Obeid. "We will not stop until every inch is liberated," he told them.');
    expect(s.quotes.map((q) => [q.speaker, q.speakerName])).toEqual([['abdel-fattah-al-burhan', 'Abdel Fattah al-Burhan']]);
    const t = statements('Army spokesman Brig. Gen. Nabil Abdallah spoke on Sunday.\nAbdallah said: "The militia bears full responsibility for these crimes."');
    expect(t.quotes.map((q) => q.speaker)).toEqual(['nabil-abdallah']);
  });
  it('a name or scare quote in quotation marks is no quote', () => {
    expect(statements('The IRGC began the "Great Prophet" drills, which it called "defensive".').quotes).toEqual([]);
  });
  it('evidence points at the quotation in its field', () => {
    const content = 'Ryder spoke. "Three drones were launched," Ryder said.';
    const q = statements(content).quotes[0];
    expect(q?.evidence.field).toBe('content');
    expect(content.slice(q!.evidence.start, q!.evidence.end)).toBe('"Three drones were launched,"');
  });
});

describe('claims', () => {
  it.each([
    ['The Islamic Resistance in Iraq claimed responsibility for the attack.', [['CLAIMED', 'islamic-resistance-in-iraq', null]]],
    ['Kataib Hezbollah denied any involvement in the strike.', [['DENIED', 'kataib-hizbullah', null]]],
    ['The United States blamed Kataib Hezbollah for the drone attack.', [['ATTRIBUTED', 'kataib-hizbullah', 'united-states']]],
    ['Israel blamed the attack on Hezbollah.', [['ATTRIBUTED', 'hezbollah', 'israel']]],
    ['Iraqi officials said Asaib Ahl al-Haq was behind the strike, which the Iraqi government condemned.', []],
    ['نفت كتائب حزب الله، مساء الأحد، أي علاقة لها بالهجوم.', [['DENIED', 'kataib-hizbullah', null]]],
    ['تبنت جماعة الحوثي الهجوم على السفينة.', [['CLAIMED', 'ansar-allah', null]]],
    ['وحمّلت واشنطن إيران المسؤولية.', [['ATTRIBUTED', 'iran', 'united-states']]],
    // A state or a group claiming its own act (entities3).
    ['Israel said on Friday it had killed a Hezbollah commander in a drone strike.', [['CLAIMED', 'israel', null]]],
    ["Israel's air force said its jets had hit military infrastructure at the port.", [['CLAIMED', 'israeli-air-force', null]]],
    ['The Islamic Resistance in Iraq claimed drone attacks on enemy bases.', [['CLAIMED', 'islamic-resistance-in-iraq', null]]],
    ['من جهته، أعلن الجيش الإسرائيلي في بيان أنه «قضى على» قائد في قوة الرضوان.', [['CLAIMED', 'idf', null]]],
    ['گروهک تروریستی جیش الظلم در بیانیه‌ای مسئولیت این حمله را برعهده گرفت.', [['CLAIMED', 'jaish-al-adl', null]]],
    // A plan or a report is no claim.
    ['The army said it would study the proposal.', []],
  ])('%s', (text, expected) => expect(statements(text).claims.map((c) => [c.kind, c.actor, c.by])).toEqual(expected));
});

describe('sentences', () => {
  it('do not end at title abbreviations', () => {
    const text = 'Maj. Gen. Pat Ryder said the U.S. military struck. Then it ended.';
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['Maj. Gen. Pat Ryder said the U.S. military struck.', 'Then it ended.']);
  });
});

describe('through normalize: nothing from translator notes or comments', () => {
  it('a quote and a figure in a translator note and a comment are not taken', () => {
    const { raw, feed } = fixtureInput({
      id: 'tn',
      title: 'Strike on a depot',
      contentHtml:
        '<p>A strike hit a depot near Baghdad. [TN: "We will avenge this attack," said Qais al-Khazali; 40 people were killed in 2019.]</p>' +
        '<div class="comments"><div class="comment"><p>"Kataib Hezbollah claimed responsibility for it," wrote a reader. Five were wounded.</p></div></div>',
      expected: { actors: [], regions: [], topics: [] },
    });
    const result = normalizeItem(raw, { feed, feedTitle: null, feedLink: null, feedLanguage: null, documentUrl: feed.url, fetchedAt: new Date('2026-01-01T00:00:00Z'), tagger });
    const article = 'article' in result ? result.article : undefined;
    expect(article?.translatorNotes.length).toBe(1);
    expect(article?.comments.length).toBe(1);
    expect(article?.quotes).toEqual([]);
    expect(article?.figures).toEqual([]);
    expect(article?.claims).toEqual([]);
  });
});

describe('"the group" / "the ministry" within a paragraph (issue 14, item 2)', () => {
  it('resolves to the one fitting actor named earlier in the paragraph', () => {
    expect(statements('Kataib Hezbollah issued a statement on Monday. The group claimed responsibility for the attack.').claims.map((c) => [c.kind, c.actor])).toEqual([['CLAIMED', 'kataib-hizbullah']]);
    expect(statements('Hezbollah mourned its commander. The group said: "We will respond to this crime in time."').quotes.map((q) => q.speaker)).toEqual(['hezbollah']);
  });
  it('is left unresolved when two groups are named, or the name is in another paragraph', () => {
    expect(statements('Kataib Hezbollah and Asaib Ahl al-Haq met. The group claimed responsibility for the attack.').claims).toEqual([]);
    expect(statements('Kataib Hezbollah issued a statement.\nThe group claimed responsibility for the attack.').claims).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EntityRef, Evidence } from '../../src/model/article.ts';
import type { FeedConfig } from '../../src/model/feed.ts';
import type { RawItem } from '../../src/model/raw-feed.ts';
import type { FeedHints, Tagger, TagResult, TextSections } from '../../src/normalize/gazetteer/tagger.types.ts';
import { normalizeItem } from '../../src/normalize/normalize-item.ts';
import type { NormalizeContext } from '../../src/normalize/normalize.types.ts';

/**
 * A tiny tagger that knows a few fixed names, records every call, and reports each match with
 * its evidence, so tests can see both what it was handed and what came of it.
 */
class FakeTagger implements Tagger {
  readonly calls: { sections: TextSections; hints: FeedHints }[] = [];
  constructor(
    private readonly actors: Record<string, string>,
    private readonly regions: Record<string, string>,
  ) {}

  tag(sections: TextSections, hints: FeedHints): TagResult {
    this.calls.push({ sections, hints });
    const find = (dictionary: Record<string, string>) => {
      const refs: EntityRef[] = [];
      const evidence: Record<string, Evidence[]> = {};
      for (const [alias, id] of Object.entries(dictionary)) {
        for (const field of ['title', 'summary', 'content'] as const) {
          const text = sections[field];
          for (let at = text.indexOf(alias); at !== -1; at = text.indexOf(alias, at + alias.length)) {
            (evidence[id] ??= []).push({ field, alias, start: at, end: at + alias.length, snippet: text.slice(Math.max(0, at - 20), at + alias.length + 20) });
          }
        }
      }
      for (const [id, found] of Object.entries(evidence)) refs.push({ id, mentions: found.length, salience: 0.5 });
      return { refs, evidence };
    };
    const actors = find(this.actors);
    const regions = find(this.regions);
    return {
      actors: actors.refs,
      regions: regions.refs,
      topics: [],
      evidence: { actors: actors.evidence, regions: regions.evidence, topics: {} },
      candidates: [{ name: 'Abu Fadak', kind: 'PERSON', mentions: 1 }],
    };
  }
}

const ACTORS = {
  'Kataib Sayyid al-Shuhada': 'kataib-sayyid-al-shuhada',
  'كتائب سيد الشهداء': 'kataib-sayyid-al-shuhada',
  'Popular Mobilization Forces': 'popular-mobilization-forces',
  'الحشد الشعبي': 'popular-mobilization-forces',
  'United States': 'united-states',
  Israel: 'israel',
  'إسرائيل': 'israel',
};
const REGIONS = { Anbar: 'IQ-AN', 'الأنبار': 'IQ-AN', Haifa: 'IL/haifa', 'حيفا': 'IL/haifa', 'United States': 'US', Israel: 'IL', 'إسرائيل': 'IL' };
const FORBIDDEN = ['Israel', 'United States', 'Haifa', 'Popular Mobilization', 'إسرائيل', 'حيفا', 'الحشد الشعبي', 'TN:', 'Captcha', 'Do you like'];

const feed: FeedConfig = {
  id: 'iraq-monitor',
  url: 'https://news.example.org/feed.xml',
  tags: ['security', 'Iraq'],
  regions: ['IQ'],
  intervalMinutes: 30,
  enabled: true,
  headers: {},
  allowFile: false,
};

const fetchedAt = new Date('2024-11-13T00:00:00Z');

function context(tagger: Tagger, overrides: Partial<NormalizeContext> = {}): NormalizeContext {
  return {
    feed,
    feedTitle: 'Iraq Monitor',
    feedLink: 'https://news.example.org/',
    feedLanguage: 'en-US',
    documentUrl: 'https://news.example.org/feed.xml',
    fetchedAt,
    tagger,
    ...overrides,
  };
}

function item(overrides: Partial<RawItem> = {}): RawItem {
  return {
    guid: null,
    link: 'https://news.example.org/2024/11/ksas-denies.html?utm_source=rss&utm_medium=feed#comments',
    title: 'Kataib Sayyid al-Shuhada denies role in Anbar convoy attack',
    summaryHtml: null,
    contentHtml: readFileSync(new URL('../fixtures/articles/translated-militia-statement.html', import.meta.url), 'utf8'),
    authors: ['desk@example.org (Baghdad Desk)', 'Baghdad desk'],
    categories: ['Iraq', ' IRAQ ', 'Militias &amp; PMF'],
    published: 'Tue, 12 Nov 2024 09:30:00 +0300',
    updated: null,
    enclosures: [],
    language: null,
    ...overrides,
  };
}

describe('normalizeItem on a translated page with notes, chrome and comments', () => {
  const tagger = new FakeTagger(ACTORS, REGIONS);
  const { article, warnings, candidates } = normalizeItem(item(), context(tagger));
  const handed = tagger.calls[0]!.sections;

  it('hands the tagger only the cleaned article text', () => {
    expect(tagger.calls).toHaveLength(1);
    const seen = [handed.title, handed.summary, handed.content, ...handed.tags].join('\n');
    for (const word of FORBIDDEN) expect(seen, `tagger must not see "${word}"`).not.toContain(word);
    expect(handed.content).toContain('Kataib Sayyid al-Shuhada on Tuesday denied');
    expect(tagger.calls[0]!.hints).toEqual({ regions: ['IQ'], tags: ['security', 'Iraq'] });
  });

  it('tags only what the article says', () => {
    expect(article.actors.map((ref) => ref.id)).toEqual(['kataib-sayyid-al-shuhada']);
    expect(article.regions.map((ref) => ref.id)).toEqual(['IQ-AN']);
    expect(Object.keys(article.evidence.regions)).toEqual(['IQ-AN']);
    expect(candidates).toEqual([{ name: 'Abu Fadak', kind: 'PERSON', mentions: 1 }]);
  });

  it('keeps notes and comments apart, and out of the content', () => {
    expect(article.translatorNotes).toEqual([
      'literally "a fabrication of the yellow media"',
      'a reference to the Popular Mobilization Forces leadership',
      "the Arabic original uses the honorific for the group's founder.",
    ]);
    expect(article.comments).toEqual([
      'Abu Ali: Israel and the United States are behind every convoy attack. [TN: sarcastic in the original]',
      'Reader from Basra: The resistance will reach Haifa.',
    ]);
    for (const note of article.translatorNotes) expect(article.comments.join('\n')).not.toContain(note);
    for (const word of FORBIDDEN) expect(article.content).not.toContain(word);
    expect(article.content.split('\n\n')).toHaveLength(3);
  });

  it('sanitises the HTML and cuts chrome and comments from it', () => {
    expect(article.contentHtml).toContain('<a href="https://news.example.org/channels/telegram" rel="noopener noreferrer nofollow">Telegram channel</a>');
    for (const gone of ['<script', 'onclick', 'alert', 'Captcha', 'Do you like', 'Haifa', 'Share this', 'Follow us', 'Staff Writer', 'comment-list']) {
      expect(article.contentHtml).not.toContain(gone);
    }
  });

  it('fills the metadata', () => {
    expect(article).toMatchObject({
      feedId: 'iraq-monitor',
      guid: null,
      url: 'https://news.example.org/2024/11/ksas-denies.html',
      title: 'Kataib Sayyid al-Shuhada denies role in Anbar convoy attack',
      authors: ['Baghdad Desk'],
      publishedAt: '2024-11-12T06:30:00.000Z',
      updatedAt: null,
      fetchedAt: '2024-11-13T00:00:00.000Z',
      dateSource: 'feed',
      language: 'en',
      tags: ['Iraq', 'Militias & PMF', 'security'],
      imageUrl: 'https://news.example.org/media/convoy.jpg',
    });
    expect(article.summary).toMatch(/^Kataib Sayyid al-Shuhada on Tuesday denied/);
    expect(article.summary.length).toBeLessThanOrEqual(300);
    expect(handed.summary).toBe('');
    expect(article.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(warnings).toEqual([]);
  });

  it('is deterministic, and the id survives tracking-parameter changes', () => {
    const again = normalizeItem(item(), context(new FakeTagger(ACTORS, REGIONS))).article;
    expect(again).toEqual(article);
    const relinked = normalizeItem(item({ link: 'https://NEWS.example.org/2024/11/ksas-denies.html?fbclid=1' }), context(new FakeTagger(ACTORS, REGIONS))).article;
    expect(relinked.id).toBe(article.id);
    expect(relinked.contentHash).toBe(article.contentHash);
    expect(relinked.storyId).toBe(article.storyId);
  });
});

describe('normalizeItem on an Arabic page', () => {
  const tagger = new FakeTagger(ACTORS, REGIONS);
  const { article } = normalizeItem(
    item({
      title: 'كتائب سيد الشهداء تنفي علاقتها بهجوم الأنبار',
      contentHtml: readFileSync(new URL('../fixtures/articles/arabic-statement-with-comments.html', import.meta.url), 'utf8'),
      link: 'https://ar.example.org/news/1',
      authors: [],
      categories: [],
    }),
    context(tagger),
  );

  it('keeps Israel, Haifa and the note’s PMF away from the tagger', () => {
    const seen = Object.values(tagger.calls[0]!.sections).flat().join('\n');
    for (const word of ['إسرائيل', 'حيفا', 'الحشد الشعبي', 'اقرأ', 'شارك', 'بقلم']) expect(seen).not.toContain(word);
    expect(article.actors.map((ref) => ref.id)).toEqual(['kataib-sayyid-al-shuhada']);
    expect(article.regions.map((ref) => ref.id)).toEqual(['IQ-AN']);
  });

  it('sets aside the note and the comments, and overrides the feed’s en-US', () => {
    expect(article.translatorNotes).toEqual(['يقصد هيئة الحشد الشعبي']);
    expect(article.comments).toEqual(['إسرائيل هي المستفيد الوحيد من هذه الهجمات.', 'المقاومة ستصل إلى حيفا.']);
    expect(article.language).toBe('ar');
    expect(article.content.split('\n\n')).toHaveLength(2);
  });
});

describe('normalizeItem fallbacks', () => {
  const run = (overrides: Partial<RawItem>, ctx: Partial<NormalizeContext> = {}) =>
    normalizeItem(item({ contentHtml: '<p>Officials in Anbar said two drivers were wounded.</p>', ...overrides }), context(new FakeTagger(ACTORS, REGIONS), ctx));

  it('an unreadable date falls back to the fetch time, flagged', () => {
    const { article, warnings } = run({ published: 'sometime last week' });
    expect(article.publishedAt).toBe(fetchedAt.toISOString());
    expect(article.dateSource).toBe('fetched');
    expect(warnings.join('\n')).toMatch(/unreadable published date "sometime last week"[\s\S]*used the fetch time/);
  });

  it('a missing published date uses the updated date', () => {
    const { article, warnings } = run({ published: null, updated: '2024-11-12T10:00:00Z' });
    expect(article.publishedAt).toBe('2024-11-12T10:00:00.000Z');
    expect(article.updatedAt).toBe('2024-11-12T10:00:00.000Z');
    expect(article.dateSource).toBe('feed');
    expect(warnings.join('\n')).toMatch(/used the updated date/);
  });

  it('a future date is clamped to the fetch time', () => {
    const { article, warnings } = run({ published: '2030-01-01T00:00:00Z' });
    expect(article.publishedAt).toBe(fetchedAt.toISOString());
    expect(article.dateSource).toBe('clamped');
    expect(warnings.join('\n')).toMatch(/future/);
  });

  it('a date without a zone is read in the feed’s zone', () => {
    const { article } = run({ published: '2024-11-12 09:30' }, { feed: { ...feed, timezone: 'Asia/Baghdad' } });
    expect(article.publishedAt).toBe('2024-11-12T06:30:00.000Z');
  });

  it('no content: the summary is the content, and the tagger sees it once', () => {
    const tagger = new FakeTagger(ACTORS, REGIONS);
    const { article } = normalizeItem(item({ contentHtml: null, summaryHtml: 'Clashes in <b>Anbar</b> &amp; Diyala. [TN: literal]' }), context(tagger));
    expect(article.summary).toBe('Clashes in Anbar & Diyala.');
    expect(article.content).toBe('Clashes in Anbar & Diyala.');
    expect(article.translatorNotes).toEqual(['literal']);
    expect(tagger.calls[0]!.sections.summary).toBe('');
    // Once in the title, once in the content; never from the summary that repeats it.
    expect(article.regions).toEqual([{ id: 'IQ-AN', mentions: 2, salience: 0.5 }]);
    expect(article.evidence.regions['IQ-AN']!.map((evidence) => evidence.field)).toEqual(['title', 'content']);
  });

  it('no title: made from the text, flagged', () => {
    const { article, warnings } = run({ title: null });
    expect(article.title).toBe('Officials in Anbar said two drivers were wounded.');
    expect(warnings.join('\n')).toMatch(/no title/);
  });

  it('a title with markup and a translator note', () => {
    const { article } = run({ title: '<b>Raid</b> in al-Qaim [TN: Anbar province] &amp; Rawa' });
    expect(article.title).toBe('Raid in al-Qaim & Rawa');
    expect(article.translatorNotes).toContain('Anbar province');
  });

  it('no link: a guid that is a URL is used; a tag: guid is not', () => {
    expect(run({ link: null, guid: 'https://news.example.org/p/9?utm_source=x' }).article.url).toBe('https://news.example.org/p/9');
    const tagged = run({ link: null, guid: 'tag:news.example.org,2024:9' });
    expect(tagged.article.url).toBeNull();
    expect(tagged.article.guid).toBe('tag:news.example.org,2024:9');
  });

  it('a non-http link is dropped, flagged', () => {
    const { article, warnings } = run({ link: 'javascript:void(0)' });
    expect(article.url).toBeNull();
    expect(warnings.join('\n')).toMatch(/not an http\(s\) URL/);
  });

  it('picks the lead image from enclosures, full images before thumbnails', () => {
    const { article } = run({
      enclosures: [
        { url: '/thumb.jpg', source: 'media:thumbnail' },
        { url: 'https://cdn.example.org/audio.mp3', type: 'audio/mpeg', source: 'enclosure' },
        { url: 'https://cdn.example.org/full.jpg', type: 'image/jpeg', source: 'media:content' },
      ],
    });
    expect(article.imageUrl).toBe('https://cdn.example.org/full.jpg');
    expect(run({ enclosures: [{ url: '/thumb.jpg', source: 'media:thumbnail' }] }).article.imageUrl).toBe('https://news.example.org/thumb.jpg');
  });

  it('plain-text content becomes escaped HTML paragraphs', () => {
    const { article } = run({ contentHtml: 'First paragraph with 5 < 6.\n\nSecond paragraph.' });
    expect(article.content).toBe('First paragraph with 5 < 6.\n\nSecond paragraph.');
    expect(article.contentHtml).toBe('<p>First paragraph with 5 &lt; 6.</p>\n<p>Second paragraph.</p>');
  });

  it('the guid wins for the id, so an edited title or link is an update of the same article', () => {
    const a = run({ guid: '42' }).article;
    const b = run({ guid: '42', title: 'Edited title of the same story', link: 'https://news.example.org/new-slug' }).article;
    expect(b.id).toBe(a.id);
    expect(b.contentHash).not.toBe(a.contentHash);
  });
});

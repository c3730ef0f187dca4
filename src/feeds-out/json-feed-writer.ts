/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) for one saved search. `id` is the
 * article id; dates are RFC 3339; every item has `content_text` (the spec requires content) —
 * the summary, which is what newsgate keeps short. JSON.stringify does the escaping; control
 * characters are dropped as in the XML formats, so all three carry the same text. Pure.
 */
import type { FeedOutChannel, FeedOutItem } from './feed-out.types.ts';
import { withoutForbidden } from './xml-text.ts';

function item(i: FeedOutItem): Record<string, unknown> {
  return {
    id: i.id,
    ...(i.url === null ? {} : { url: i.url }),
    title: i.title,
    content_text: i.summary,
    ...(i.summary === '' ? {} : { summary: i.summary }),
    date_published: new Date(i.publishedAt).toISOString(),
    ...(i.updatedAt === null ? {} : { date_modified: new Date(i.updatedAt).toISOString() }),
    ...(i.authors.length === 0 ? {} : { authors: i.authors.map((name) => ({ name })) }),
    ...(i.categories.length === 0 ? {} : { tags: [...i.categories] }),
    ...(i.language === null ? {} : { language: i.language }),
    _newsgate: { source: { title: i.sourceTitle, url: i.sourceUrl } },
  };
}

/** The whole JSON Feed document, items in the order given (newest first). */
export function writeJsonFeed(channel: FeedOutChannel, items: readonly FeedOutItem[]): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: channel.title,
      home_page_url: channel.homeUrl,
      feed_url: channel.selfUrl,
      description: channel.description,
      authors: [{ name: 'newsgate' }],
      items: items.map(item),
    },
    (_key, value: unknown) => (typeof value === 'string' ? withoutForbidden(value) : value),
    1,
  )}\n`;
}

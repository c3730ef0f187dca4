/** Feed HTTP state (validators, schedule, health) as JSON rows of `feed_state`, read and written by feed id. */
import type { Kysely } from 'kysely';
import type { FeedState } from '../model/feed.ts';
import { chunks, ID_CHUNK, unique } from './sql/chunks.ts';
import type { Database } from './sql/schema.ts';

export async function readFeedStates(db: Kysely<Database>, feedIds: readonly string[]): Promise<Map<string, FeedState>> {
  const found = new Map<string, FeedState>();
  for (const chunk of chunks(unique(feedIds), ID_CHUNK)) {
    const rows = await db.selectFrom('feed_state').select(['feed_id', 'state']).where('feed_id', 'in', chunk).execute();
    for (const r of rows) found.set(r.feed_id, JSON.parse(r.state) as FeedState);
  }
  return found;
}

/** Inserts or replaces one feed's state. */
export async function writeFeedState(db: Kysely<Database>, state: FeedState): Promise<void> {
  await db
    .insertInto('feed_state')
    .values({ feed_id: state.feedId, state: JSON.stringify(state) })
    .onConflict((oc) => oc.column('feed_id').doUpdateSet((eb) => ({ state: eb.ref('excluded.state') })))
    .execute();
}

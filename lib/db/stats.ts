import type { Resource } from '../model/resource';
import type { ReviewCard } from '../model/review-card';
import { getDb, type LoopDatabase } from './open';

/*
 * The counts behind the library's figures (lib/library/stats.ts), each through an index: the rest
 * of the library is never read. Apart from the stores' own modules: the library's header shows
 * them with its first screen, which carries none of the writes.
 */

/** Saved since `since`: a count over the createdAt index. */
export async function countSavedSince(since: number, db?: LoopDatabase): Promise<number> {
  return (db ?? (await getDb())).countFromIndex('resources', 'createdAt', IDBKeyRange.lowerBound(since));
}

/** Shared with the team since `since`: a count over the sharedAt index (only shared records are in it). */
export async function countSharedSince(since: number, db?: LoopDatabase): Promise<number> {
  return (db ?? (await getDb())).countFromIndex('resources', 'sharedAt', IDBKeyRange.lowerBound(since));
}

/** Cards answered (or made) since `since`: the stats count their answers without reading the store. */
export async function cardsChangedSince(since: number, db?: LoopDatabase): Promise<ReviewCard[]> {
  return (db ?? (await getDb())).getAllFromIndex('reviews', 'updatedAt', IDBKeyRange.lowerBound(since));
}

/**
 * Resources updated since `since`, each given to `visit`, through the updatedAt index: the header
 * reads them once for both the learned count and the streak's takeaways, quotes and clips.
 */
export async function walkResourcesUpdatedSince(
  since: number,
  visit: (resource: Resource) => void,
  db?: LoopDatabase,
): Promise<void> {
  const database = db ?? (await getDb());
  let cursor = await database
    .transaction('resources')
    .store.index('updatedAt')
    .openCursor(IDBKeyRange.lowerBound(since));
  while (cursor) {
    visit(cursor.value);
    cursor = await cursor.continue();
  }
}

/**
 * The createdAt times of a store's records (a save or a logged activity; a journal answer), newest
 * first from `atMost`, keys only. `visit` answers where to go on from (at or below; a streak asks
 * for the day before, so a day costs one step however much was saved in it), or null to stop.
 * True when the walk passed the oldest record.
 */
export async function walkCreatedTimes(
  store: 'resources' | 'reflections',
  atMost: number,
  visit: (time: number) => number | null,
  db?: LoopDatabase,
): Promise<boolean> {
  const database = db ?? (await getDb());
  const index =
    store === 'resources'
      ? database.transaction('resources').store.index('createdAt')
      : database.transaction('reflections').store.index('createdAt');
  let cursor = await index.openKeyCursor(IDBKeyRange.upperBound(atMost), 'prev');
  while (cursor) {
    const next = visit(cursor.key);
    if (next === null) return false;
    cursor = await (next < cursor.key ? cursor.continue(next) : cursor.continue());
  }
  return true;
}

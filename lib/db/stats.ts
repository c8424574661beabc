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

/**
 * Learned since `since`. Marking learned sets updatedAt too, so only records updated since
 * then (through the updatedAt index) can qualify: the rest of the library is never read.
 */
export async function countLearnedSince(since: number, db?: LoopDatabase): Promise<number> {
  const database = db ?? (await getDb());
  let count = 0;
  let cursor = await database
    .transaction('resources')
    .store.index('updatedAt')
    .openCursor(IDBKeyRange.lowerBound(since));
  while (cursor) {
    const { status, learnedAt } = cursor.value;
    if (status === 'learned' && learnedAt !== undefined && learnedAt >= since) count++;
    cursor = await cursor.continue();
  }
  return count;
}

/**
 * The reflections' times up to `now`, newest first, through the createdAt index (keys only), for
 * as long as `more` says: a streak stops at its first gap, so a long journal is not read to the start.
 */
export async function walkReflectionTimes(
  now: number,
  more: (time: number) => boolean,
  db?: LoopDatabase,
): Promise<void> {
  const database = db ?? (await getDb());
  let cursor = await database
    .transaction('reflections')
    .store.index('createdAt')
    .openKeyCursor(IDBKeyRange.upperBound(now), 'prev');
  while (cursor) {
    if (!more(cursor.key)) break;
    cursor = await cursor.continue();
  }
}

/** Cards answered (or made) since `since`: the stats count their answers without reading the store. */
export async function cardsChangedSince(since: number, db?: LoopDatabase): Promise<ReviewCard[]> {
  return (db ?? (await getDb())).getAllFromIndex('reviews', 'updatedAt', IDBKeyRange.lowerBound(since));
}

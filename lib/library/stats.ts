import { getDb, type LoopDatabase } from '../db/open';
import { streakDays } from '../prompts/streak';

const DAY = 86_400_000;

/** Local midnight starting the week of `now` (weeks start on Monday, as in Sweden and the UK). */
export function startOfWeek(now: number): number {
  const date = new Date(now);
  date.setHours(0, 0, 0, 0);
  const sinceMonday = (date.getDay() + 6) % 7;
  date.setDate(date.getDate() - sinceMonday);
  return date.getTime();
}

/** Local midnight on the first of the month of `now`. */
export function startOfMonth(now: number): number {
  const date = new Date(now);
  date.setHours(0, 0, 0, 0);
  date.setDate(1);
  return date.getTime();
}

export interface LibraryStats {
  savedThisWeek: number;
  learnedThisMonth: number;
  sharedThisMonth: number;
  streak: number;
}

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
 * Days in a row with a reflection. Walks the reflections' createdAt index from the newest and
 * stops at the first gap of more than two days, so a long journal is not read to the start.
 */
export async function reflectionStreak(now: number, db?: LoopDatabase, timeZone?: string): Promise<number> {
  const database = db ?? (await getDb());
  const times: number[] = [];
  let cursor = await database
    .transaction('reflections')
    .store.index('createdAt')
    .openKeyCursor(IDBKeyRange.upperBound(now), 'prev');
  let previous = now;
  while (cursor) {
    const time = cursor.key;
    if (previous - time > 2 * DAY) break;
    times.push(time);
    previous = time;
    cursor = await cursor.continue();
  }
  return streakDays(times, now, timeZone);
}

export async function libraryStats(now: number, db?: LoopDatabase): Promise<LibraryStats> {
  const database = db ?? (await getDb());
  // Every figure says its window (this week, this month), so none counts all time beside them.
  const [savedThisWeek, learnedThisMonth, sharedThisMonth, streak] = await Promise.all([
    countSavedSince(startOfWeek(now), database),
    countLearnedSince(startOfMonth(now), database),
    countSharedSince(startOfMonth(now), database),
    reflectionStreak(now, database).catch(() => 0),
  ]);
  return { savedThisWeek, learnedThisMonth, sharedThisMonth, streak };
}

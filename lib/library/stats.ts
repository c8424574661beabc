import { getDb, type LoopDatabase } from '../db/open';
import { streakDays } from '../prompts/streak';
import { countAnswers } from '../model/review-card';

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
  /** Review cards answered this week (Retire not counted) and items applied this month. */
  reviewedThisWeek: number;
  appliedThisMonth: number;
  /** Days in a row with a reflection or a review. */
  streak: number;
}

/** A review streak longer than this reads its older days from reflections alone (cards are many). */
const REVIEW_STREAK_WINDOW = 60 * DAY;

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
export async function reflectionStreak(
  now: number,
  db?: LoopDatabase,
  timeZone?: string,
  reviewTimes: readonly number[] = [],
): Promise<number> {
  const database = db ?? (await getDb());
  const times: number[] = [...reviewTimes];
  let cursor = await database
    .transaction('reflections')
    .store.index('createdAt')
    .openKeyCursor(IDBKeyRange.upperBound(now), 'prev');
  let previous = now;
  while (cursor) {
    const time = cursor.key;
    if (previous - time > 2 * DAY && !times.some((t) => t < previous && t >= time)) break;
    times.push(time);
    previous = time;
    cursor = await cursor.continue();
  }
  return streakDays(times, now, timeZone);
}

export async function libraryStats(now: number, db?: LoopDatabase): Promise<LibraryStats> {
  const database = db ?? (await getDb());
  // Every figure says its window (this week, this month), so none counts all time beside them.
  const since = Math.min(startOfMonth(now), now - REVIEW_STREAK_WINDOW);
  const cards = await database.getAllFromIndex('reviews', 'updatedAt', IDBKeyRange.lowerBound(since));
  const reviewTimes = cards.flatMap((card) =>
    card.history.filter((entry) => entry.answer !== 'retire' && entry.at <= now).map((entry) => entry.at),
  );
  const [savedThisWeek, learnedThisMonth, sharedThisMonth, streak] = await Promise.all([
    countSavedSince(startOfWeek(now), database),
    countLearnedSince(startOfMonth(now), database),
    countSharedSince(startOfMonth(now), database),
    reflectionStreak(now, database, undefined, reviewTimes).catch(() => 0),
  ]);
  const end = now + 1;
  return {
    savedThisWeek,
    learnedThisMonth,
    sharedThisMonth,
    reviewedThisWeek: countAnswers(cards, startOfWeek(now), end, ['applied', 'useful', 'action']),
    appliedThisMonth: countAnswers(cards, startOfMonth(now), end, ['applied']),
    streak,
  };
}

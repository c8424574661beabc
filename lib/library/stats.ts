import { streakDays } from '../prompts/streak';
import { countAnswers, type ReviewCard } from '../model/review-card';

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

/** The reads the figures need (lib/db/stats.ts), each through an index. */
export interface StatsReads {
  savedSince(since: number): Promise<number>;
  learnedSince(since: number): Promise<number>;
  sharedSince(since: number): Promise<number>;
  cardsChangedSince(since: number): Promise<ReviewCard[]>;
  /** The reflections' times up to `now`, newest first, for as long as `more` says. */
  reflectionTimes(now: number, more: (time: number) => boolean): Promise<void>;
}

/**
 * Days in a row with a reflection. Walks the reflections' times from the newest and stops at the
 * first gap of more than two days, so a long journal is not read to the start.
 */
export async function reflectionStreak(
  now: number,
  reflectionTimes: StatsReads['reflectionTimes'],
  timeZone?: string,
  reviewTimes: readonly number[] = [],
): Promise<number> {
  const times: number[] = [...reviewTimes];
  let previous = now;
  await reflectionTimes(now, (time) => {
    if (previous - time > 2 * DAY && !times.some((t) => t < previous && t >= time)) return false;
    times.push(time);
    previous = time;
    return true;
  });
  return streakDays(times, now, timeZone);
}

export async function libraryStats(now: number, reads: StatsReads): Promise<LibraryStats> {
  // Every figure says its window (this week, this month), so none counts all time beside them.
  const since = Math.min(startOfMonth(now), now - REVIEW_STREAK_WINDOW);
  const cards = await reads.cardsChangedSince(since);
  const reviewTimes = cards.flatMap((card) =>
    card.history.filter((entry) => entry.answer !== 'retire' && entry.at <= now).map((entry) => entry.at),
  );
  const [savedThisWeek, learnedThisMonth, sharedThisMonth, streak] = await Promise.all([
    reads.savedSince(startOfWeek(now)),
    reads.learnedSince(startOfMonth(now)),
    reads.sharedSince(startOfMonth(now)),
    reflectionStreak(now, reads.reflectionTimes, undefined, reviewTimes).catch(() => 0),
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

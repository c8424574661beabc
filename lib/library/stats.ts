import { isFormattableTime, localDay } from '../infra/time';
import type { Resource } from '../model/resource';
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
  /**
   * Days in a row with any learning: a save, a quote, a clip, a takeaway, a logged learning, a
   * review answer or a journal answer.
   */
  streak: number;
}

/**
 * How far back the streak sees takeaways, quotes, clips and review answers: they live inside
 * records (a resource, a card) that no index finds by the item's time, so only records changed
 * since then are read. Older days count by saves, logged learning and journal answers, which
 * their indexes find a day at a time.
 */
export const ITEM_STREAK_WINDOW = 60 * DAY;

/** The reads the figures need (lib/db/stats.ts), each through an index. */
export interface StatsReads {
  savedSince(since: number): Promise<number>;
  sharedSince(since: number): Promise<number>;
  cardsChangedSince(since: number): Promise<ReviewCard[]>;
  /** Resources updated since `since`, each given to `visit`. */
  resourcesUpdatedSince(since: number, visit: (resource: Resource) => void): Promise<void>;
  /** A store's createdAt times newest first from `atMost`; `visit` says where to go on from, or null to stop. */
  createdTimes(
    store: 'resources' | 'reflections',
    atMost: number,
    visit: (time: number) => number | null,
  ): Promise<boolean>;
}

/** The calendar day before `day` ("YYYY-MM-DD"): calendar arithmetic, so no DST shift skips one. */
export function previousDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d - 1));
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

function startOfLocalDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

/**
 * Days in a row, ending today (or yesterday, so the streak does not read 0 before today's first
 * learning), with any learning: `recentTimes` (takeaways, quotes, clips and review answers, known
 * since ITEM_STREAK_WINDOW), and saves, logged learning and journal answers walked through their
 * createdAt indexes. Each walk goes a day per step (the newest time of a day, then on from the
 * day before) and only as far as the first day with nothing, so a library of 100,000 resources
 * and a journal of 25,000 answers cost what the streak is long.
 */
export async function learningStreak(
  now: number,
  recentTimes: readonly number[],
  createdTimes: StatsReads['createdTimes'],
): Promise<number> {
  const active = new Set<string>();
  for (const time of recentTimes) if (isFormattableTime(time) && time <= now) active.add(localDay(time));
  const today = localDay(now);
  const start = () => (active.has(today) ? today : previousDay(today));
  /** The first day without learning known so far, walking back from the start. */
  const gap = () => {
    let day = start();
    while (active.has(day)) day = previousDay(day);
    return day;
  };
  // Each walk has told every day from `next` on, and goes on from `atMost`.
  const walks = (['resources', 'reflections'] as const).map((store) => ({
    store,
    atMost: now,
    next: today,
    done: false,
  }));
  for (let moved = true; moved; ) {
    moved = false;
    for (const walk of walks) {
      if (walk.done || walk.next < gap()) continue;
      moved = true;
      walk.done = await createdTimes(walk.store, walk.atMost, (time) => {
        if (!isFormattableTime(time)) return time - 1;
        const day = localDay(time);
        active.add(day);
        walk.next = previousDay(day);
        walk.atMost = startOfLocalDay(day) - 1;
        return walk.next < gap() ? null : walk.atMost;
      });
    }
  }
  let streak = 0;
  for (let day = start(); active.has(day); day = previousDay(day)) streak++;
  return streak;
}

export async function libraryStats(now: number, reads: StatsReads): Promise<LibraryStats> {
  // Every figure says its window (this week, this month), so none counts all time beside them.
  const since = Math.min(startOfMonth(now), now - ITEM_STREAK_WINDOW);
  const monthStart = startOfMonth(now);
  let learnedThisMonth = 0;
  const recentTimes: number[] = [];
  // One walk for both: marking learned sets updatedAt, and so does adding a takeaway, quote or clip.
  const reading = reads.resourcesUpdatedSince(since, (resource) => {
    if (resource.status === 'learned' && resource.learnedAt !== undefined && resource.learnedAt >= monthStart)
      learnedThisMonth++;
    for (const item of resource.takeaways) recentTimes.push(item.createdAt);
    for (const item of resource.quotes ?? []) recentTimes.push(item.createdAt);
    for (const item of resource.clips) recentTimes.push(item.createdAt);
  });
  const [cards, savedThisWeek, sharedThisMonth] = await Promise.all([
    reads.cardsChangedSince(since),
    reads.savedSince(startOfWeek(now)),
    reads.sharedSince(monthStart),
    reading,
  ]);
  for (const card of cards) for (const entry of card.history) if (entry.answer !== 'retire') recentTimes.push(entry.at);
  const streak = await learningStreak(now, recentTimes, reads.createdTimes).catch(() => 0);
  const end = now + 1;
  return {
    savedThisWeek,
    learnedThisMonth,
    sharedThisMonth,
    reviewedThisWeek: countAnswers(cards, startOfWeek(now), end, ['applied', 'useful', 'action']),
    appliedThisMonth: countAnswers(cards, monthStart, end, ['applied']),
    streak,
  };
}

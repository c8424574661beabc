import { localDay } from '../infra/time';
import {
  IMPORTED_REVIEWS_PER_DAY,
  IMPORTED_REVIEWS_PER_DAY_MAX,
  IMPORTED_REVIEWS_PER_DAY_MIN,
} from '../model/review-card';

export { IMPORTED_REVIEWS_PER_DAY } from '../model/review-card';

/** The start of the local day `days` after the one `time` falls on (DST-safe: calendar days, not 24 h). */
export function startOfDayAfter(time: number, days: number): number {
  const d = new Date(time);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() + days);
  return d.getTime();
}

/**
 * When each of `count` imported items is first due: from tomorrow on (nothing imported is due the
 * day it arrives, as nothing typed is), at the start of a local day, at most `perDay` a day
 * counting the never-answered cards already due that day (`taken`, by local day), in the order
 * given. A file of thousands of highlights becomes a few new ones a day for weeks, never a wall.
 */
export function spreadFirstReviews(
  count: number,
  perDay: number,
  now: number,
  taken: ReadonlyMap<string, number> = new Map(),
): number[] {
  const cap = Math.max(
    IMPORTED_REVIEWS_PER_DAY_MIN,
    Math.min(IMPORTED_REVIEWS_PER_DAY_MAX, Math.floor(Number.isFinite(perDay) ? perDay : IMPORTED_REVIEWS_PER_DAY)),
  );
  const dues: number[] = [];
  let day = 1;
  let due = startOfDayAfter(now, day);
  let used = taken.get(localDay(due)) ?? 0;
  while (dues.length < count) {
    if (used >= cap) {
      day++;
      due = startOfDayAfter(now, day);
      used = taken.get(localDay(due)) ?? 0;
      continue;
    }
    dues.push(due);
    used++;
  }
  return dues;
}

/** Never-answered cards already waiting, by the local day they first come due (what `spreadFirstReviews` adds to). */
export function newCardsByDay(
  cards: readonly { due?: number; reps: number; retiredAt?: number }[],
  now: number,
): Map<string, number> {
  const tomorrow = startOfDayAfter(now, 1);
  const byDay = new Map<string, number>();
  for (const card of cards) {
    if (card.due === undefined || card.retiredAt !== undefined || card.reps > 0 || card.due < tomorrow) continue;
    const day = localDay(card.due);
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
  }
  return byDay;
}

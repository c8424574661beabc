import { isFormattableTime } from '../time';

/** A local calendar day as "YYYY-MM-DD" in the given time zone. */
export function localDay(time: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(time),
  );
}

/**
 * Days in a row, ending today (or yesterday, so the streak does not read 0 before today's
 * answer), with at least one reflection.
 */
export function streakDays(answerTimes: readonly number[], now: number, timeZone?: string): number {
  const days = new Set(answerTimes.filter(isFormattableTime).map((time) => localDay(time, timeZone)));
  const DAY = 86_400_000;
  let cursor = now;
  if (!days.has(localDay(cursor, timeZone))) cursor -= DAY;
  let streak = 0;
  // Step by calendar day via noon-anchored steps so DST shifts never skip or repeat a day.
  while (days.has(localDay(cursor, timeZone))) {
    streak++;
    const previous = localDay(cursor, timeZone);
    cursor -= DAY;
    if (localDay(cursor, timeZone) === previous) cursor -= DAY / 2;
  }
  return streak;
}

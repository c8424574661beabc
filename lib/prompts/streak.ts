import { isFormattableTime } from '../infra/time';

// An Intl.DateTimeFormat costs far more to make than to use: one per zone, kept.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A local calendar day as "YYYY-MM-DD" in the given time zone. */
export function localDay(time: number, timeZone?: string): string {
  const key = timeZone ?? '';
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(key, format);
  }
  return format.format(new Date(time));
}

/**
 * Days in a row, ending today (or yesterday, so the streak does not read 0 before today's
 * answer), with at least one reflection.
 *
 * Answers are visited newest first and each one's day is worked out once, only until the first day
 * without an answer: a journal of 25,000 answers costs what its streak is long.
 */
export function streakDays(answerTimes: readonly number[], now: number, timeZone?: string): number {
  const times = answerTimes.filter(isFormattableTime).sort((a, b) => b - a);
  let next = 0;
  /** Whether an answer falls on `day`; days are asked newest first, as the answers are sorted. */
  const answeredOn = (day: string): boolean => {
    while (next < times.length) {
      const answerDay = localDay(times[next]!, timeZone);
      // "YYYY-MM-DD" sorts as the days do: an answer on a later day is past the one asked about.
      if (answerDay > day) next++;
      else return answerDay === day;
    }
    return false;
  };
  const DAY = 86_400_000;
  let cursor = now;
  if (!answeredOn(localDay(cursor, timeZone))) cursor -= DAY;
  let streak = 0;
  // Step by calendar day via noon-anchored steps so DST shifts never skip or repeat a day.
  while (answeredOn(localDay(cursor, timeZone))) {
    streak++;
    const previous = localDay(cursor, timeZone);
    cursor -= DAY;
    if (localDay(cursor, timeZone) === previous) cursor -= DAY / 2;
  }
  return streak;
}

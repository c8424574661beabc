/**
 * Times a record may carry (`createdAt`, `updatedAt`, `sharedAt`, `learnedAt`, `doneAt`,
 * `followUpAt`): whole milliseconds, not before 1990, not more than a few years ahead. Anything
 * else (1e308, past the end of Date) is a damaged or hostile record: it broke every list that
 * sorted or formatted it. Calendar dates a user states (`publishedAt`) are not record times.
 */
export const EARLIEST_RECORD_TIME = Date.UTC(1990, 0, 1);
export const YEARS_AHEAD = 5;
const YEAR = 365.25 * 86_400_000;

export function latestRecordTime(now = Date.now()): number {
  return now + YEARS_AHEAD * YEAR;
}

export function isRecordTime(value: unknown, now = Date.now()): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= EARLIEST_RECORD_TIME &&
    value <= latestRecordTime(now)
  );
}

/** Any date a Date can hold and Intl can format. */
export function isFormattableTime(value: unknown): boolean {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : value;
  return typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
}

/** "2025-03-14": the local calendar day of `time`, as an <input type="date"> shows it. */
export function localDay(time: number): string {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

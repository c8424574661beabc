/** When the monthly learning-environment check is offered. Pure: the caller passes `now`. */

const DAY = 86_400_000;
/** A new user gets the first check after a week of use: enough to have something to rate. */
export const FIRST_CHECK_AFTER_DAYS = 7;
/** "Not now" in the popup waits this long before offering again. */
export const SNOOZE_DAYS = 7;

/** Same local time, one calendar month later (31 Jan → 28/29 Feb, not 3 Mar). */
export function addMonths(time: number, months: number): number {
  const date = new Date(time);
  const day = date.getDate();
  date.setDate(1);
  date.setMonth(date.getMonth() + months);
  const lastDay = new Date(date.getFullYear(), date.getMonth() + 1, 0).getDate();
  date.setDate(Math.min(day, lastDay));
  return date.getTime();
}

export interface AssessmentTiming {
  /** createdAt of the newest assessment, if any. */
  lastAt?: number;
  /** When the extension first ran (the clock for the first check). */
  anchorAt: number;
  snoozedUntil?: number | null;
}

export function assessmentDueAt({ lastAt, anchorAt, snoozedUntil }: AssessmentTiming): number {
  const due = lastAt !== undefined ? addMonths(lastAt, 1) : anchorAt + FIRST_CHECK_AFTER_DAYS * DAY;
  return Math.max(due, snoozedUntil ?? 0);
}

export function isAssessmentDue(timing: AssessmentTiming, now: number): boolean {
  return now >= assessmentDueAt(timing);
}

export function snoozeUntil(now: number): number {
  return now + SNOOZE_DAYS * DAY;
}

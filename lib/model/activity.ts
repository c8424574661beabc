import { localDay } from '../infra/time';

/** What kind of learning an activity was (lib/activities/activity.ts has the labels and rules). */
export const ACTIVITY_TYPES = [
  'followUp',
  'collaboration',
  'customers',
  'behaviour',
  'shadowing',
  'workshop',
  'book',
  'study',
  'course',
  'conference',
  'other',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/**
 * An activity's fields, checked: what the database layer, the filters and the import schema need
 * (the form's rules and the record's making are in lib/activities/activity.ts, loaded where a form is).
 */

export function isActivityType(value: unknown): value is ActivityType {
  return (ACTIVITY_TYPES as readonly unknown[]).includes(value);
}

/** A calendar day as people mean it: YYYY-MM-DD, a real date. */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900;
}

/** Today in the user's own time zone, as YYYY-MM-DD (what a date input shows). */
export function today(now = Date.now()): string {
  return localDay(now);
}

/** The day as a time, at noon UTC, for formatting without a time zone moving it a day. */
export function dayTime(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d, 12);
}

/** ISBN-10 or ISBN-13 with a valid check digit, hyphens and spaces allowed. */
export function isIsbn(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{9}[\dX]$/.test(digits)) {
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += (10 - i) * (digits[i] === 'X' ? 10 : Number(digits[i]));
    return sum % 11 === 0;
  }
  if (/^\d{13}$/.test(digits)) {
    let sum = 0;
    for (let i = 0; i < 13; i++) sum += (i % 2 ? 3 : 1) * Number(digits[i]);
    return sum % 10 === 0;
  }
  return false;
}

import { formatDate, locale, t } from '../i18n';
import type { PromptSchedule } from '../settings';
import { allowedDays, presetOf } from './schedule';

/** Monday first: both languages' weeks start on Monday. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** "Monday" / "måndag" for 0..6 (Sunday = 0). 2023-01-01 was a Sunday. */
export function weekdayName(day: number, width: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(locale(), { weekday: width, timeZone: 'UTC' }).format(Date.UTC(2023, 0, 1 + day));
}

/** 990 → "16:30" in the chosen language's style. */
export function formatTimeOfDay(minutes: number): string {
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(
    Date.UTC(2000, 0, 1, 0, Math.floor(minutes)),
  );
}

/** "weekdays at 16:00", "Monday and Thursday at 09:30". */
export function describeSchedule(schedule: PromptSchedule): string {
  const time = formatTimeOfDay(schedule.timeOfDay);
  const days = allowedDays(schedule);
  const preset = presetOf(days);
  if (preset === 'everyDay') return t('scheduleEveryDayAt', time);
  if (preset === 'weekdays') return t('scheduleWeekdaysAt', time);
  const names = WEEK_ORDER.filter((d) => days.includes(d)).map((d) => weekdayName(d));
  return t('scheduleDaysAt', new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(names), time);
}

/** "Tuesday 10 March at 16:00" for the next prompt. */
export function formatPromptTime(time: number, timeZone?: string): string {
  const date = formatDate(time, { weekday: 'long', day: 'numeric', month: 'long', ...(timeZone ? { timeZone } : {}) });
  const clock = formatDate(time, { hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) });
  return t('promptTimeAt', date, clock);
}

/** "10 min", "1 h" for the snooze choice. */
export function formatMinutes(minutes: number): string {
  if (minutes < 60 || minutes % 60)
    return new Intl.NumberFormat(locale(), { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);
  return new Intl.NumberFormat(locale(), { style: 'unit', unit: 'hour', unitDisplay: 'long' }).format(minutes / 60);
}

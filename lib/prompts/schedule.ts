import type { PromptSchedule } from '../settings';

/**
 * Pure scheduling: "weekdays at 16:00 in Europe/Stockholm" → the next instant, right across
 * days, weeks and daylight-saving changes. Wall-clock times are computed with Intl in the given
 * zone; no global clock, no host time zone.
 */

export const MINUTES_PER_DAY = 24 * 60;
const MINUTE = 60_000;
const DAY = 86_400_000;

export interface LocalDate {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

export interface LocalParts extends LocalDate {
  /** Minutes after local midnight, seconds as a fraction. */
  minutes: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether Intl knows the zone (a bad setting must not break scheduling). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at `time`. */
export function localParts(time: number, timeZone: string): LocalParts {
  const values: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(time))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const year = values.year!;
  const month = values.month!;
  const day = values.day!;
  const ms = ((time % 1000) + 1000) % 1000;
  const minutes = values.hour! * 60 + values.minute! + (values.second! + ms / 1000) / 60;
  return { year, month, day, minutes, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

/** Offset of the zone from UTC at `time`, in ms (Stockholm in summer: +7_200_000). */
export function zoneOffset(time: number, timeZone: string): number {
  const p = localParts(time, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day) + Math.round(p.minutes * MINUTE);
  return wall - time;
}

/**
 * The instant when the wall clock in `timeZone` shows `minutes` on `date`. A time that does not
 * exist (skipped when clocks spring forward) moves forward by the gap; a time that happens twice
 * (clocks fall back) is the first of the two. That is what people expect of an alarm clock.
 */
export function zonedTime(date: LocalDate, minutes: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + Math.round(minutes * MINUTE);
  const before = zoneOffset(wall - DAY / 2, timeZone);
  const after = zoneOffset(wall + DAY / 2, timeZone);
  const candidates = [...new Set([wall - before, wall - after])].filter(
    (time) => wall - zoneOffset(time, timeZone) === time,
  );
  if (candidates.length) return Math.min(...candidates);
  // In the gap: the offset before the change puts it after the change, by the gap's length.
  return wall - before;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** Quiet hours as [start, end) in minutes; a window that passes midnight wraps. Empty when start = end. */
export function inQuietHours(minutes: number, quiet: PromptSchedule['quietHours']): boolean {
  if (!quiet.enabled || quiet.start === quiet.end) return false;
  return quiet.start < quiet.end
    ? minutes >= quiet.start && minutes < quiet.end
    : minutes >= quiet.start || minutes < quiet.end;
}

/**
 * Where the slot of `date` actually lands: at the time of day, or, if that is inside quiet
 * hours, at their end (the next morning when the quiet hours pass midnight).
 */
export function slotFor(date: LocalDate, schedule: PromptSchedule, timeZone: string): number {
  const slot = zonedTime(date, clampMinutes(schedule.timeOfDay), timeZone);
  // Check the wall clock the slot really lands on: a time skipped by daylight saving moves later.
  const actual = localParts(slot, timeZone);
  const quiet = schedule.quietHours;
  if (!inQuietHours(actual.minutes, quiet)) return slot;
  const endsNextDay = quiet.start > quiet.end && actual.minutes >= quiet.start;
  return zonedTime(endsNextDay ? addDays(actual, 1) : actual, clampMinutes(quiet.end), timeZone);
}

function clampMinutes(minutes: number): number {
  if (!Number.isFinite(minutes)) return 0;
  return Math.min(Math.max(minutes, 0), MINUTES_PER_DAY - 1 / 60);
}

export function allowedDays(schedule: PromptSchedule): number[] {
  return [...new Set(schedule.days.filter((d) => Number.isInteger(d) && d >= 0 && d <= 6))].sort();
}

/**
 * The next prompt strictly after `now`, or null when prompts are off or no weekday is chosen.
 * A slot that falls inside quiet hours moves to their end.
 */
export function nextPromptAt(now: number, schedule: PromptSchedule, timeZone: string): number | null {
  if (!schedule.enabled) return null;
  const days = allowedDays(schedule);
  if (!days.length || !Number.isFinite(now)) return null;
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const today = localParts(now, zone);
  let best: number | null = null;
  // Yesterday's slot can land today (quiet hours past midnight); a week and a day covers the rest.
  for (let offset = -1; offset <= 8; offset++) {
    const date = addDays(today, offset);
    if (!days.includes(weekdayOf(date))) continue;
    const slot = slotFor(date, schedule, zone);
    if (slot > now && (best === null || slot < best)) best = slot;
  }
  return best;
}

export type SchedulePreset = 'everyDay' | 'weekdays' | 'weekly';
export const PRESETS: Record<SchedulePreset, (current: number[]) => number[]> = {
  everyDay: () => [0, 1, 2, 3, 4, 5, 6],
  weekdays: () => [1, 2, 3, 4, 5],
  // Once a week keeps a day the user already chose, else Friday: the end of the working week.
  weekly: (current) => [
    current.length === 1 ? current[0]! : current.includes(5) || !current.length ? 5 : current[current.length - 1]!,
  ],
};

export function presetOf(days: readonly number[]): SchedulePreset | null {
  const sorted = [...new Set(days)].sort().join(',');
  if (sorted === '0,1,2,3,4,5,6') return 'everyDay';
  if (sorted === '1,2,3,4,5') return 'weekdays';
  if (days.length === 1) return 'weekly';
  return null;
}

/** "16:30" ↔ 990 for <input type="time">. */
export function minutesToTime(minutes: number): string {
  const m = Math.floor(clampMinutes(minutes));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
export function timeToMinutes(value: string): number | null {
  const match = /^(\d{1,2}):(\d{2})/.exec(value);
  if (!match) return null;
  const h = Number(match[1]);
  const m = Number(match[2]);
  return h < 24 && m < 60 ? h * 60 + m : null;
}

export function hostTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

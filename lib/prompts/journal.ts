import { isFormattableTime } from '../infra/time';
import type { Reflection } from '../model/reflection';
import { addDays, localParts, type LocalDate } from './schedule';

/** The Monday that starts the local week of `time`, as a date in `timeZone`. */
export function weekStart(time: number, timeZone: string): LocalDate {
  const p = localParts(time, timeZone);
  const sinceMonday = (p.weekday + 6) % 7;
  return addDays(p, -sinceMonday);
}

export function dateKey(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** The key of the group that holds reflections whose time is damaged: listed last, "date unknown". */
export const UNKNOWN_WEEK = 'unknown';

export interface WeekGroup {
  /** "2026-03-09": the Monday; UNKNOWN_WEEK for damaged times. */
  key: string;
  start: LocalDate;
  items: Reflection[];
}

/** Reflections newest first, in local weeks (Monday to Sunday), newest week first. */
export function groupByWeek(reflections: readonly Reflection[], timeZone: string): WeekGroup[] {
  const sorted = [...reflections].sort((a, b) => b.createdAt - a.createdAt);
  const groups: WeekGroup[] = [];
  const unknown: Reflection[] = [];
  for (const reflection of sorted) {
    if (!isFormattableTime(reflection.createdAt)) {
      unknown.push(reflection);
      continue;
    }
    const start = weekStart(reflection.createdAt, timeZone);
    const key = dateKey(start);
    const last = groups[groups.length - 1];
    if (last?.key === key) last.items.push(reflection);
    else groups.push({ key, start, items: [reflection] });
  }
  if (unknown.length) groups.push({ key: UNKNOWN_WEEK, start: { year: 1970, month: 1, day: 1 }, items: unknown });
  return groups;
}

/**
 * Reflections in the order the journal lists them: newest first, damaged times last (as
 * `groupByWeek` lists them), so the journal can draw the first page of them and group only that.
 */
export function newestFirst(reflections: readonly Reflection[]): Reflection[] {
  const known: Reflection[] = [];
  const unknown: Reflection[] = [];
  for (const reflection of reflections) (isFormattableTime(reflection.createdAt) ? known : unknown).push(reflection);
  known.sort((a, b) => b.createdAt - a.createdAt);
  unknown.sort((a, b) => b.createdAt - a.createdAt);
  return known.concat(unknown);
}

/** Every word of the query appears in the answer, the prompt or the resource's title. */
export function searchReflections(reflections: readonly Reflection[], query: string): Reflection[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...reflections];
  return reflections.filter((r) => {
    const haystack = `${r.answer}\n${r.promptText}\n${r.resourceTitle ?? ''}`.toLocaleLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

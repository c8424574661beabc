/** Digest periods in local time. `end` is exclusive. */
export interface Period {
  start: number;
  end: number;
}

export const PERIOD_PRESETS = ['this-week', 'last-week', 'this-month', 'last-month'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

function startOfDay(time: number): Date {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date;
}

/** Weeks start on Monday (ISO), as in Sweden and most of Europe. */
function startOfWeek(time: number): Date {
  const date = startOfDay(time);
  const offset = (date.getDay() + 6) % 7;
  date.setDate(date.getDate() - offset);
  return date;
}

export function periodFor(preset: PeriodPreset, now: number): Period {
  if (preset === 'this-week' || preset === 'last-week') {
    const start = startOfWeek(now);
    if (preset === 'last-week') start.setDate(start.getDate() - 7);
    const end = new Date(start);
    end.setDate(end.getDate() + 7);
    return { start: start.getTime(), end: end.getTime() };
  }
  const start = startOfDay(now);
  start.setDate(1);
  if (preset === 'last-month') start.setMonth(start.getMonth() - 1);
  const end = new Date(start);
  end.setMonth(end.getMonth() + 1);
  return { start: start.getTime(), end: end.getTime() };
}

/** From two <input type="date"> values, both days included; null when they make no period. */
export function customPeriod(from: string, to: string): Period | null {
  const parse = (value: string) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
  };
  const start = parse(from);
  const last = parse(to);
  if (!start || !last || last < start) return null;
  last.setDate(last.getDate() + 1);
  return { start: start.getTime(), end: last.getTime() };
}

export function inPeriod(time: number | undefined, period: Period): boolean {
  return time !== undefined && time >= period.start && time < period.end;
}

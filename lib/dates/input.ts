/**
 * Dates and times as the user reads and types them, in the chosen language rather than the
 * browser's: `<input type=date|time>` follow the browser's locale, so a Swedish UI in an English
 * browser showed "06:48 PM" and "12/08/2026". Values stay ISO days ("2026-12-08") and "HH:MM"
 * for the callers; only the text changes. Pure: the locale and today are passed in.
 */

/** The same style as the dates the app shows elsewhere (`formatDate`'s default). */
const DISPLAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isIsoDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  return match !== null && isoOf(Number(match[1]), Number(match[2]), Number(match[3])) === value;
}

/** "2026-12-08" → "8 Dec 2026" (en-GB), "8 dec. 2026" (sv-SE); '' for anything else. */
export function formatDayText(iso: string, localeTag: string): string {
  if (!isIsoDay(iso)) return '';
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(localeTag, { ...DISPLAY, timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

const fold = (word: string) =>
  word
    .toLocaleLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f.]/g, '');

/** Month names and abbreviations of the language, and English ones, which people type anywhere. */
function monthNames(localeTag: string): Map<string, number> {
  const names = new Map<string, number>();
  for (const tag of [localeTag, 'en-GB']) {
    for (const month of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(tag, { month, timeZone: 'UTC' });
      for (let index = 0; index < 12; index++) {
        names.set(fold(format.format(new Date(Date.UTC(2024, index, 15)))), index + 1);
      }
    }
  }
  return names;
}

/** A month's name, its abbreviation, or any start of it of three letters or more that names one month ("sept"). */
function monthFromWord(word: string, localeTag: string): number | undefined {
  const folded = fold(word);
  if (folded.length < 3) return undefined;
  const names = monthNames(localeTag);
  const exact = names.get(folded);
  if (exact) return exact;
  const starts = new Set([...names].filter(([name]) => name.startsWith(folded)).map(([, month]) => month));
  return starts.size === 1 ? [...starts][0] : undefined;
}

function fullYear(text: string | undefined, today: Date): number {
  if (text === undefined) return today.getFullYear();
  const year = Number(text);
  return text.length <= 2 ? 2000 + year : year;
}

/**
 * What the user typed as an ISO day, or null. Both languages write the day before the month
 * ("8/12", "8.12.2026", "8 Dec 2026", "8 december"), ISO "2026-12-08" always works, and an
 * English month name may come first ("Dec 8, 2026"). No year means this year.
 */
export function parseDayText(text: string, localeTag: string, today: Date): string | null {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return null;
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(trimmed);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?\.?$/.exec(trimmed);
  if (numeric) return isoOf(fullYear(numeric[3], today), Number(numeric[2]), Number(numeric[1]));
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th|e|a)?\.? ([\p{L}.]+),? ?(\d{4})?$/u.exec(trimmed);
  if (dayFirst) {
    const month = monthFromWord(dayFirst[2]!, localeTag);
    return month ? isoOf(fullYear(dayFirst[3], today), month, Number(dayFirst[1])) : null;
  }
  const monthFirst = /^([\p{L}.]+) (\d{1,2})(?:st|nd|rd|th)?,? ?(\d{4})?$/u.exec(trimmed);
  if (monthFirst) {
    const month = monthFromWord(monthFirst[1]!, localeTag);
    return month ? isoOf(fullYear(monthFirst[3], today), month, Number(monthFirst[2])) : null;
  }
  return null;
}

/** 990 → "16:30": 24-hour in both languages (en-GB and sv-SE both write it so). */
export function formatTimeText(minutes: number): string {
  const clamped = Math.min(24 * 60 - 1, Math.max(0, Math.round(minutes)));
  return `${String(Math.floor(clamped / 60)).padStart(2, '0')}:${String(clamped % 60).padStart(2, '0')}`;
}

export interface ParsedTime {
  minutes: number;
  /** Whether the text names its minutes ("16:30", "1630"), so it can be taken while typing. */
  complete: boolean;
}

/**
 * "16:30", "16.30", "1630", "16", "kl. 16", "4:30 pm", "4pm" → minutes after midnight; null
 * when it is not a time. A 12-hour clock is understood, never shown.
 */
export function parseTimeText(text: string): ParsedTime | null {
  const trimmed = fold(text.trim()).replace(/^kl\s*/, '');
  const match = /^(\d{1,2})(?:[:.h ]?(\d{2}))?\s*(am|pm|fm|em)?$/.exec(trimmed);
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  const half = match[3];
  if (minutes > 59) return null;
  if (half) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (half === 'pm' || half === 'em' ? 12 : 0);
  } else if (hours > 23) {
    return null;
  }
  return { minutes: hours * 60 + minutes, complete: match[2] !== undefined };
}

/** How to type a day, shown in hints: "8/12/2026" (en-GB), "2026-12-08" (sv-SE). */
export function exampleDayText(today: Date, localeTag: string): string {
  const [year, month, day] = [today.getFullYear(), today.getMonth() + 1, today.getDate()];
  return localeTag.startsWith('sv')
    ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    : `${day}/${month}/${year}`;
}

import { parseClock } from '../infra/video-time';

/** A chapter of a video: where it starts and its title. */
export interface Chapter {
  startSec: number;
  title: string;
}

/** The chapter a moment falls in: the last that starts at or before it. */
export function chapterAt(chapters: readonly Chapter[] | undefined, atSec: number): string | undefined {
  let found: Chapter | undefined;
  for (const chapter of chapters ?? [])
    if (chapter.startSec <= atSec && (!found || chapter.startSec >= found.startSec)) found = chapter;
  return found?.title;
}

/**
 * Chapters from a description, as YouTube makes them: lines that start (or end) with a time,
 * the first at 0:00, at least three, in ascending order. Otherwise none.
 */
export function chaptersFromDescription(description: string | undefined): Chapter[] {
  if (!description) return [];
  const chapters: Chapter[] = [];
  for (const line of description.split(/\r?\n/)) {
    const match = /^\s*[([]?(\d{1,2}(?::\d{2}){1,2})[)\]]?\s*[-–—:|]?\s*(.+?)\s*$/.exec(line);
    if (!match) continue;
    const startSec = parseClock(match[1]!);
    if (startSec === undefined) continue;
    chapters.push({ startSec, title: match[2]!.slice(0, 200) });
  }
  if (chapters.length < 3 || chapters[0]!.startSec !== 0) return [];
  for (let i = 1; i < chapters.length; i++) if (chapters[i]!.startSec <= chapters[i - 1]!.startSec) return [];
  return chapters;
}

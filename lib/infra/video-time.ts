/**
 * A time in a video as the user types it: "12:34", "1:02:03", "62:03", "3723", "12m34s", "1h2m".
 * Returns whole seconds, or undefined when the text is not a time.
 */
export function parseClock(input: string): number | undefined {
  const text = input.trim().toLowerCase();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  const colon = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})$/.exec(text);
  if (colon) {
    const [, hours = '0', minutes = '0', seconds = '0'] = colon;
    if (Number(seconds) > 59 || (colon[1] !== undefined && Number(minutes) > 59)) return undefined;
    return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
  }
  const units = /^(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?$/.exec(text);
  if (units && (units[1] ?? units[2] ?? units[3]) !== undefined) {
    return Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
  }
  return undefined;
}

/**
 * The longest time shown as it is: 9999:59:59. No video is that long, and a number beyond it (a
 * damaged record, a page that reports Infinity) shows as this rather than as "1e+300:00:00".
 */
const LONGEST_SHOWN_SEC = 10_000 * 3600 - 1;

/** 754 → "12:34", 3723 → "1:02:03": the form video players show, in every view. */
export function formatClock(totalSeconds: number): string {
  const n = Number(totalSeconds);
  const s = Number.isNaN(n) ? 0 : Math.min(LONGEST_SHOWN_SEC, Math.max(0, Math.floor(n)));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** A clip's time as every view shows it: "12:34", or "12:34–13:04" for a segment. */
export function formatClipTime(clip: { atSec: number; endSec?: number }): string {
  return clip.endSec !== undefined ? `${formatClock(clip.atSec)}–${formatClock(clip.endSec)}` : formatClock(clip.atSec);
}

export type ClipTimeProblem = 'past-end' | 'end-before-start';

/** How late a clip may be in a video whose length is not known: no one watches a day-long video. */
export const UNKNOWN_LENGTH_MAX_SEC = 24 * 3600;

/** A length above this (a month) is not one a video has: its clips are bounded as if it were unknown. */
const LONGEST_BELIEVED_SEC = 30 * 86_400;

/** The latest second a clip (or the place to resume) may have in a video of this length. */
export function clipTimeLimit(durationSec: number | undefined): number {
  return durationSec !== undefined &&
    Number.isFinite(durationSec) &&
    durationSec > 0 &&
    durationSec <= LONGEST_BELIEVED_SEC
    ? Math.ceil(durationSec)
    : UNKNOWN_LENGTH_MAX_SEC;
}

/** A clip must lie inside the video (an unknown length: inside its first 24 hours). */
export function checkClipTime(
  atSec: number,
  endSec: number | undefined,
  durationSec: number | undefined,
): ClipTimeProblem | null {
  const limit = clipTimeLimit(durationSec);
  if (!(atSec <= limit) || (endSec !== undefined && !(endSec <= limit))) return 'past-end';
  if (endSec !== undefined && endSec <= atSec) return 'end-before-start';
  return null;
}

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

/** 754 → "12:34", 3723 → "1:02:03": the form video players show, in every view. */
export function formatClock(totalSeconds: number): string {
  const s = Number.isFinite(totalSeconds) ? Math.max(0, Math.floor(totalSeconds)) : 0;
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

/** A clip must lie inside the video (an unknown length allows any time). */
export function checkClipTime(
  atSec: number,
  endSec: number | undefined,
  durationSec: number | undefined,
): ClipTimeProblem | null {
  const length = durationSec !== undefined && Number.isFinite(durationSec) && durationSec > 0 ? durationSec : null;
  if (length !== null && (atSec > length || (endSec !== undefined && endSec > Math.ceil(length)))) return 'past-end';
  if (endSec !== undefined && endSec <= atSec) return 'end-before-start';
  return null;
}

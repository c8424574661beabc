import { LIMITS } from '../infra/limits';
import { parseClock } from '../infra/video-time';

/** One line of a video's transcript as the page shows it. */
export interface TranscriptLine {
  startSec: number;
  text: string;
}

/** How far around a moment its transcript reaches. */
export const TRANSCRIPT_REACH_SEC = 15;

/**
 * The lines said around a moment: those starting up to 15 s before it and before 15 s after it
 * (the line under way at the moment included), in order, capped.
 */
export function transcriptAround(lines: readonly TranscriptLine[], atSec: number): string[] {
  const sorted = [...lines].sort((a, b) => a.startSec - b.startSec);
  let current = -1;
  for (let i = 0; i < sorted.length; i++) if (sorted[i]!.startSec <= atSec) current = i;
  return sorted
    .filter(
      (line, i) =>
        i === current ||
        (line.startSec >= atSec - TRANSCRIPT_REACH_SEC && line.startSec < atSec + TRANSCRIPT_REACH_SEC),
    )
    .map((line) => line.text.trim())
    .filter(Boolean)
    .slice(0, LIMITS.transcriptLines);
}

/** The transcript panel's rows (`ytd-transcript-segment-renderer`), when the user opened it. */
export function transcriptFromPage(doc: Document): TranscriptLine[] {
  const lines: TranscriptLine[] = [];
  for (const row of Array.from(doc.querySelectorAll('ytd-transcript-segment-renderer'))) {
    const stamp = row.querySelector('.segment-timestamp')?.textContent ?? '';
    const text = row.querySelector('.segment-text')?.textContent ?? '';
    const startSec = parseClock(stamp);
    if (startSec !== undefined && text.trim()) lines.push({ startSec, text: text.replace(/\s+/g, ' ').trim() });
  }
  return lines;
}

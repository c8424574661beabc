import { capLine, capText, LIMITS } from '../infra/limits';

/**
 * A moment (`atSec`) or a segment (`atSec`–`endSec`) of a video, with what the user noted there,
 * the chapter it falls in and, when the page showed its transcript, the lines said around it.
 */
export interface Clip {
  id: string;
  atSec: number;
  endSec?: number;
  note: string;
  chapter?: string;
  transcript?: string[];
  createdAt: number;
}

// Apart from clip.ts so a write, which only cleans what it stores, loads none of the old
// format's conversions (a background wake for a quote or a clip).

/** In video order; two at one second in the order they were made. */
export function sortClips(clips: readonly Clip[]): Clip[] {
  return [...clips].sort((a, b) => a.atSec - b.atSec || a.createdAt - b.createdAt);
}

/** A clip as stored: whole seconds, capped text, at most `LIMITS.clips`. */
export function cleanClip(clip: Clip): Clip {
  const atSec = Math.max(0, Math.floor(clip.atSec));
  const out: Clip = { id: clip.id, atSec, note: capText(clip.note, LIMITS.clipNote), createdAt: clip.createdAt };
  if (clip.endSec !== undefined && clip.endSec > atSec) out.endSec = Math.floor(clip.endSec);
  const chapter = clip.chapter ? capLine(clip.chapter, LIMITS.chapter) : '';
  if (chapter) out.chapter = chapter;
  const transcript = (clip.transcript ?? []).map((line) => capLine(line, LIMITS.transcriptLine)).filter(Boolean);
  if (transcript.length) out.transcript = transcript.slice(0, LIMITS.transcriptLines);
  return out;
}

export function cleanClips(clips: readonly Clip[]): Clip[] {
  return sortClips(clips.map(cleanClip)).slice(0, LIMITS.clips);
}

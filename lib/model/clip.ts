import { capLine, capText, LIMITS } from '../infra/limits';
import { clipTimeLimit, UNKNOWN_LENGTH_MAX_SEC } from '../infra/video-time';

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

/** Whole seconds from 0 to `limit`; what is not a number is the start. */
function boundSecond(value: number, limit: number): number {
  return Number.isNaN(value) ? 0 : Math.min(limit, Math.max(0, Math.floor(value)));
}

/**
 * A clip's times inside the video: a time past the end (or past 24 h when the length is unknown)
 * moves to the end, and an end not after the start is dropped. The note is kept whatever the time.
 */
function boundClip(clip: Clip, limit: number): Clip {
  const atSec = boundSecond(clip.atSec, limit);
  const { endSec: _end, ...rest } = clip;
  const endSec = clip.endSec === undefined ? undefined : boundSecond(clip.endSec, limit);
  return endSec !== undefined && endSec > atSec ? { ...rest, atSec, endSec } : { ...rest, atSec };
}

/**
 * A resource's times as every path stores them (typing, an import, a sync: lib/model/schemas.ts):
 * clips and the place to resume inside the video. The same record comes back unchanged when
 * nothing was out of bounds, so a sync does not see a change that is not one.
 */
export function boundResourceTimes<T extends { clips: Clip[]; durationSec?: number; positionSec?: number }>(
  resource: T,
): T {
  const limit = clipTimeLimit(resource.durationSec);
  const late = (clip: Clip) =>
    clip.atSec !== boundSecond(clip.atSec, limit) ||
    (clip.endSec !== undefined && (clip.endSec !== boundSecond(clip.endSec, limit) || clip.endSec <= clip.atSec));
  const positionOut =
    resource.positionSec !== undefined && resource.positionSec !== boundSecond(resource.positionSec, limit);
  if (!positionOut && !resource.clips.some(late)) return resource;
  const out: T = { ...resource, clips: resource.clips.map((clip) => (late(clip) ? boundClip(clip, limit) : clip)) };
  if (out.positionSec !== undefined) out.positionSec = boundSecond(out.positionSec, limit);
  return out;
}

/** A clip as stored: whole seconds inside the video (`clipTimeLimit`), capped text, at most `LIMITS.clips`. */
export function cleanClip(clip: Clip, limit = UNKNOWN_LENGTH_MAX_SEC): Clip {
  const atSec = boundSecond(clip.atSec, limit);
  const out: Clip = { id: clip.id, atSec, note: capText(clip.note, LIMITS.clipNote), createdAt: clip.createdAt };
  const endSec = clip.endSec === undefined ? undefined : boundSecond(clip.endSec, limit);
  if (endSec !== undefined && endSec > atSec) out.endSec = endSec;
  const chapter = clip.chapter ? capLine(clip.chapter, LIMITS.chapter) : '';
  if (chapter) out.chapter = chapter;
  const transcript = (clip.transcript ?? []).map((line) => capLine(line, LIMITS.transcriptLine)).filter(Boolean);
  if (transcript.length) out.transcript = transcript.slice(0, LIMITS.transcriptLines);
  return out;
}

export function cleanClips(clips: readonly Clip[], durationSec?: number): Clip[] {
  const limit = clipTimeLimit(durationSec);
  return sortClips(clips.map((clip) => cleanClip(clip, limit))).slice(0, LIMITS.clips);
}

import { capLine, capText, LIMITS } from '../limits';
import type { Clip } from '../db/types';
import { contentHash } from '../ids';

/** The shape of the first version's moments (`timestampNotes`, export format 1, database ≤ 4). */
export interface LegacyTimestampNote {
  atSec: number;
  text: string;
}

/** The same old moment always becomes the same clip (the database upgrade and an old export). */
export function clipFromTimestampNote(note: LegacyTimestampNote, createdAt: number): Clip {
  const atSec = Math.max(0, Math.floor(note.atSec));
  return { id: `t${atSec}-${contentHash(note.text)}`, atSec, note: note.text, createdAt };
}

export function clipsFromTimestampNotes(notes: readonly LegacyTimestampNote[] | undefined, createdAt: number): Clip[] {
  const seen = new Set<string>();
  const clips: Clip[] = [];
  for (const note of notes ?? []) {
    const clip = clipFromTimestampNote(note, createdAt);
    if (seen.has(clip.id)) continue;
    seen.add(clip.id);
    clips.push(clip);
  }
  return sortClips(clips);
}

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

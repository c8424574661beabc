import type { Clip } from './clip';
import { contentHash } from '../infra/ids';
import { sortClips } from './clip';

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

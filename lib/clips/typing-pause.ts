/**
 * Pause while typing (the side panel's note box): the first keystroke of a note pauses a playing
 * video and remembers that it did; the video plays again when the note is stored or the box is
 * emptied or left empty. A video the user paused themselves stays paused: only a pause this made
 * is undone.
 */
export interface TypingPause {
  /** The note's first keystroke paused the video (so ending the note plays it again). */
  pausedByNote: boolean;
  /** A note is under way (its moment taken). */
  typing: boolean;
}

export type TypingEvent =
  /** A keystroke in the note box; `playing`: the video was playing; `enabled`: the setting. */
  | { kind: 'key'; playing: boolean; enabled: boolean }
  /** The note was stored, the box emptied, or left (blurred) empty. */
  | { kind: 'stored' }
  | { kind: 'emptied' }
  | { kind: 'left-empty' };

export type PlayerCommand = 'pause' | 'play';

export const IDLE: TypingPause = { pausedByNote: false, typing: false };

export function nextTypingPause(
  state: TypingPause,
  event: TypingEvent,
): { state: TypingPause; command?: PlayerCommand } {
  if (event.kind === 'key') {
    if (state.typing) return { state };
    if (event.enabled && event.playing) return { state: { typing: true, pausedByNote: true }, command: 'pause' };
    return { state: { typing: true, pausedByNote: false } };
  }
  // Every end of a note: play again only what this paused.
  return state.pausedByNote ? { state: IDLE, command: 'play' } : { state: IDLE };
}

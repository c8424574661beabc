import { describe, expect, it } from 'vitest';
import { IDLE, nextTypingPause, type TypingEvent, type TypingPause } from '../../../lib/clips/typing-pause';

// Pause while typing: what the player is told, note by note.

type Step = [event: TypingEvent, command: 'pause' | 'play' | undefined];

function run(steps: Step[]): (string | undefined)[] {
  let state: TypingPause = IDLE;
  return steps.map(([event]) => {
    const next = nextTypingPause(state, event);
    state = next.state;
    return next.command;
  });
}

const key = (playing: boolean, enabled = true): TypingEvent => ({ kind: 'key', playing, enabled });

describe('pause while typing', () => {
  it.each<[string, Step[]]>([
    [
      'a playing video pauses at the first keystroke only, and plays when the note is stored',
      [
        [key(true), 'pause'],
        [key(false), undefined],
        [key(false), undefined],
        [{ kind: 'stored' }, 'play'],
      ],
    ],
    [
      'emptied: plays again',
      [
        [key(true), 'pause'],
        [{ kind: 'emptied' }, 'play'],
      ],
    ],
    [
      'left empty: plays again',
      [
        [key(true), 'pause'],
        [{ kind: 'left-empty' }, 'play'],
      ],
    ],
    [
      'a video the user paused stays paused',
      [
        [key(false), undefined],
        [{ kind: 'stored' }, undefined],
      ],
    ],
    [
      'the setting off: never paused, never played',
      [
        [key(true, false), undefined],
        [{ kind: 'stored' }, undefined],
      ],
    ],
    [
      'each note pauses afresh',
      [
        [key(true), 'pause'],
        [{ kind: 'stored' }, 'play'],
        [key(true), 'pause'],
        [{ kind: 'emptied' }, 'play'],
        [{ kind: 'left-empty' }, undefined],
      ],
    ],
    ['ending a note never begun plays nothing', [[{ kind: 'left-empty' }, undefined]]],
  ])('%s', (_name, steps) => {
    expect(run(steps)).toEqual(steps.map(([, command]) => command));
  });
});

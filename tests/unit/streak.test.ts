import { describe, expect, it } from 'vitest';
import { streakDays } from '../../lib/prompts/streak';

const at = (iso: string) => new Date(iso).getTime();

describe('streakDays', () => {
  it.each([
    ['no answers', [], '2026-03-10T12:00:00Z', 0],
    ['today only', ['2026-03-10T08:00:00Z'], '2026-03-10T12:00:00Z', 1],
    ['yesterday only still counts until today ends', ['2026-03-09T08:00:00Z'], '2026-03-10T12:00:00Z', 1],
    [
      'three days in a row',
      ['2026-03-08T08:00:00Z', '2026-03-09T20:00:00Z', '2026-03-10T07:00:00Z'],
      '2026-03-10T12:00:00Z',
      3,
    ],
    [
      'a gap breaks it',
      ['2026-03-07T08:00:00Z', '2026-03-09T08:00:00Z', '2026-03-10T08:00:00Z'],
      '2026-03-10T12:00:00Z',
      2,
    ],
    ['two answers on one day count once', ['2026-03-10T08:00:00Z', '2026-03-10T09:00:00Z'], '2026-03-10T12:00:00Z', 1],
  ])('%s', (_name, answers, now, expected) => {
    expect(streakDays(answers.map(at), at(now), 'UTC')).toBe(expected);
  });

  it('counts local days across a daylight-saving change', () => {
    // Europe/Stockholm springs forward on 2026-03-29.
    const answers = ['2026-03-28T20:00:00+01:00', '2026-03-29T20:00:00+02:00', '2026-03-30T08:00:00+02:00'].map(at);
    expect(streakDays(answers, at('2026-03-30T12:00:00+02:00'), 'Europe/Stockholm')).toBe(3);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDay, streakDays } from '../../lib/prompts/streak';
import { isFormattableTime } from '../../lib/infra/time';

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

  it("gives what a set of every answer's day gives, for any answers, zone and day", () => {
    // The plain way to count, which works out every answer's day (slow on a long journal).
    const byEveryDay = (times: readonly number[], now: number, timeZone: string) => {
      const days = new Set(times.filter(isFormattableTime).map((time) => localDay(time, timeZone)));
      let cursor = now;
      if (!days.has(localDay(cursor, timeZone))) cursor -= 86_400_000;
      let streak = 0;
      while (days.has(localDay(cursor, timeZone))) {
        streak++;
        const previous = localDay(cursor, timeZone);
        cursor -= 86_400_000;
        if (localDay(cursor, timeZone) === previous) cursor -= 43_200_000;
      }
      return streak;
    };
    const now = at('2026-03-30T12:00:00Z');
    // Answers near now, day after day, with gaps, repeats, future times and damaged ones.
    const answer = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: now - 40 * 86_400_000, max: now + 2 * 86_400_000 }) },
      { weight: 1, arbitrary: fc.constantFrom(Number.NaN, 1e308, -1) },
    );
    fc.assert(
      fc.property(
        fc.array(answer, { maxLength: 80 }),
        fc.integer({ min: -36, max: 36 }).map((hours) => now + hours * 3_600_000),
        fc.constantFrom('UTC', 'Europe/Stockholm', 'America/New_York', 'Pacific/Auckland'),
        (times, today, zone) => {
          expect(streakDays(times, today, zone)).toBe(byEveryDay(times, today, zone));
        },
      ),
    );
  });
});

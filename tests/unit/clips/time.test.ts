import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClock } from '../../../lib/i18n';
import { parseClock } from '../../../lib/infra/video-time';

describe('parseClock', () => {
  it.each<[string, number | undefined]>([
    ['12:34', 754],
    [' 0:05 ', 5],
    ['1:02:03', 3723],
    ['754', 754],
    ['12m34s', 754],
    ['1h2m', 3720],
    ['45s', 45],
    ['', undefined],
    ['12:75', undefined],
    ['1:75:00', undefined],
    ['abc', undefined],
    ['-5', undefined],
    ['h', undefined],
  ])('%j → %s', (input, expected) => {
    expect(parseClock(input)).toBe(expected);
  });

  it('reads back every time formatClock writes', () => {
    fc.assert(
      fc.property(fc.nat(100 * 3600), (seconds) => {
        expect(parseClock(formatClock(seconds))).toBe(seconds);
      }),
    );
  });
});

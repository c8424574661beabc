import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyTarget, visibleRange } from '../../../lib/library/windowing';

describe('visibleRange', () => {
  it.each([
    ['list at the top of a 500 px window', 0, 500, 100, 10_000, 8, { start: 0, end: 13 }],
    ['scrolled to row 50', 5000, 500, 100, 10_000, 8, { start: 42, end: 63 }],
    ['list still below the fold', -300, 500, 100, 10_000, 8, { start: 0, end: 10 }],
    ['near the end', 99_800, 500, 100, 1000, 8, { start: 990, end: 1000 }],
    ['empty list', 0, 500, 100, 0, 8, { start: 0, end: 0 }],
    ['no overscan', 1000, 300, 100, 100, 0, { start: 10, end: 13 }],
  ])('%s', (_name, top, height, rowHeight, count, overscan, expected) => {
    expect(visibleRange(top, height, rowHeight, count, overscan)).toEqual(expected);
  });

  it('always covers every row in view, and never more than the view plus overscan', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2000, max: 2_000_000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 20, max: 200 }),
        fc.nat(100_000),
        (top, height, rowHeight, count) => {
          const { start, end } = visibleRange(top, height, rowHeight, count, 8);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(count);
          expect(end).toBeGreaterThanOrEqual(start);
          const from = Math.max(0, Math.floor(top / rowHeight) - 2);
          const to = Math.min(count, Math.ceil((top + height) / rowHeight) + 2);
          for (let i = from; i < to; i++) {
            const rowTop = i * rowHeight;
            const inView = rowTop + rowHeight > top && rowTop < top + height;
            if (inView) {
              expect(i).toBeGreaterThanOrEqual(start);
              expect(i).toBeLessThan(end);
            }
          }
          expect(end - start).toBeLessThanOrEqual(Math.ceil(height / rowHeight) + 1 + 16);
        },
      ),
    );
  });
});

describe('keyTarget', () => {
  it.each<[string, number, number | undefined]>([
    ['ArrowDown', 3, 4],
    ['ArrowDown', 9, 9],
    ['ArrowUp', 3, 2],
    ['ArrowUp', 0, 0],
    ['PageDown', 3, 8],
    ['PageDown', 8, 9],
    ['PageUp', 3, 0],
    ['Home', 5, 0],
    ['End', 5, 9],
    ['Enter', 5, undefined],
  ])('%s from %i → %s', (key, from, expected) => {
    expect(keyTarget(key, from, 10, 5)).toBe(expected);
  });
});

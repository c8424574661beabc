import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNewest, toRow } from '../../../lib/library/filter';
import { sortNewest } from '../../../lib/library/sort-newest';
import { resource } from './records';

// Times as a library holds them (milliseconds, many alike), and what an import might bring.
const time = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1_600_000_000_000, max: 1_600_000_000_000 + 40 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 2 ** 44 }) },
  { weight: 2, arbitrary: fc.double({ noNaN: true }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, -0, -1, 1, 0.5, -0.5, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity),
  },
);
const rows = fc
  .array(fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), createdAt: time }), { maxLength: 300 })
  .map((list) => list.map(({ id, createdAt }, i) => toRow(resource({ id: `${id}-${i}`, createdAt }))));

describe('sortNewest', () => {
  it('puts rows in compareNewest’s order, whatever their times (radix from the first row)', () => {
    fc.assert(
      fc.property(rows, (list) => {
        expect(sortNewest(list, 0).map((row) => row.id)).toEqual(
          list
            .slice()
            .sort(compareNewest)
            .map((row) => row.id),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('sorts a library-sized list in id order the same way, and leaves its input alone', () => {
    const list = Array.from({ length: 5_000 }, (_, i) =>
      toRow(resource({ id: `r${(i * 7919) % 5_000}`, createdAt: 1_700_000_000_000 + ((i * 104_729) % 977) * 1_000 })),
    );
    const before = list.map((row) => row.id);
    expect(sortNewest(list).map((row) => row.id)).toEqual(
      list
        .slice()
        .sort(compareNewest)
        .map((row) => row.id),
    );
    expect(list.map((row) => row.id)).toEqual(before);
  });
});

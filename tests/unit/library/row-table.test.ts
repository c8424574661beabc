import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tagCounts, toRow } from '../../../lib/library/filter';
import { RowTable } from '../../../lib/library/row-table';
import { resource } from './records';

const TAGS = ['design', 'ux', 'go', 'Ärende', 'ops', 'a11y'];

type Step = { op: 'set'; id: string; tags: string[] } | { op: 'delete'; id: string } | { op: 'clear' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('set' as const),
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      tags: fc.subarray(TAGS),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('delete' as const), id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'nope') }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'clear' as const }) },
);

describe('RowTable', () => {
  it('keeps the tag counts of its rows through any sets, replacements, deletes and clears', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const table = new RowTable();
        for (const s of steps) {
          if (s.op === 'set') table.set(s.id, toRow(resource({ id: s.id, tags: s.tags })));
          else if (s.op === 'delete') table.delete(s.id);
          else table.clear();
          expect(table.tagCounts()).toEqual(tagCounts(table.values()));
        }
      }),
    );
  });

  it('drops a tag no row carries any more, and orders by use, then by name', () => {
    const table = new RowTable();
    table.set('a', toRow(resource({ id: 'a', tags: ['ux', 'design'] })));
    table.set('b', toRow(resource({ id: 'b', tags: ['ux'] })));
    expect(table.tagCounts()).toEqual([
      { tag: 'ux', count: 2 },
      { tag: 'design', count: 1 },
    ]);
    table.set('a', toRow(resource({ id: 'a', tags: ['ops'] })));
    expect(table.tagCounts()).toEqual([
      { tag: 'ops', count: 1 },
      { tag: 'ux', count: 1 },
    ]);
    expect(table.delete('b')).toBe(true);
    expect(table.delete('b')).toBe(false);
    expect(table.tagCounts()).toEqual([{ tag: 'ops', count: 1 }]);
  });
});

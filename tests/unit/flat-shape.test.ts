import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FlatShape, readFlat } from '../../lib/infra/flat-shape';

const SHAPE = {
  id: 'string',
  n: 'number',
  note: 'string?',
  at: 'number?',
  kind: ['a', 'b'],
} as const satisfies FlatShape;

describe('readFlat: the shape check of the popup’s own localStorage records', () => {
  it.each([
    ['a full record', { id: 'x', n: 1, note: 'hi', at: 2, kind: 'a' }, { id: 'x', n: 1, note: 'hi', at: 2, kind: 'a' }],
    ['optional fields left out', { id: 'x', n: 0, kind: 'b' }, { id: 'x', n: 0, kind: 'b' }],
    [
      'unknown fields stripped',
      { id: 'x', n: 1, kind: 'a', __proto__: { id: 1 }, extra: 'y' },
      { id: 'x', n: 1, kind: 'a' },
    ],
    ['a required field missing', { n: 1, kind: 'a' }, null],
    ['a string where a number goes', { id: 'x', n: '1', kind: 'a' }, null],
    ['NaN', { id: 'x', n: Number.NaN, kind: 'a' }, null],
    ['an optional field of the wrong type', { id: 'x', n: 1, note: 5, kind: 'a' }, null],
    ['a word not in the list', { id: 'x', n: 1, kind: 'c' }, null],
    ['null', null, null],
    ['an array', [1, 2], null],
    ['a string', 'x', null],
  ])('%s', (_label, value, expected) => {
    expect(readFlat(value, SHAPE)).toEqual(expected);
  });

  it('reads back every record of the shape, and nothing else', () => {
    const record = fc.record(
      {
        id: fc.string(),
        n: fc.double({ noNaN: true, noDefaultInfinity: true }),
        note: fc.string(),
        at: fc.integer(),
        kind: fc.constantFrom('a', 'b'),
      },
      { requiredKeys: ['id', 'n', 'kind'] },
    );
    fc.assert(
      fc.property(record, fc.dictionary(fc.string(), fc.anything()), (fields, extra) => {
        const stored = JSON.parse(JSON.stringify({ ...extra, ...fields }));
        expect(readFlat(stored, SHAPE)).toEqual(JSON.parse(JSON.stringify(fields)));
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editTakeawayIn, rebaseTakeaways } from '../../../lib/model/merge';
import {
  mergeTakeawayLists,
  splitTakeawayText,
  takeawaysAsItems,
  takeawaysFromText,
} from '../../../lib/model/takeaway-text';
import { LIMITS } from '../../../lib/infra/limits';
import type { Resource } from '../../../lib/model/resource';
import type { Takeaway } from '../../../lib/model/takeaway';

const item = (id: string, text: string): Takeaway => ({ id, text, createdAt: 1 });

describe('splitting the old one-text takeaways into items', () => {
  it.each([
    ['one line', ['one line']],
    ['two\nlines', ['two', 'lines']],
    ['- a\n* b\n• c\n– d\n1. e\n2) f', ['a', 'b', 'c', 'd', 'e', 'f']],
    ['- a bullet\n  that goes on\n- another', ['a bullet\nthat goes on', 'another']],
    ['\n\n  \n', []],
    ['  padded  \r\nwindows\r\n', ['padded', 'windows']],
    ['-not a bullet\n2025 was a year', ['-not a bullet', '2025 was a year']],
    ['- a\n\nafter a blank line', ['a', 'after a blank line']],
  ])('%j', (text, expected) => {
    expect(splitTakeawayText(text)).toEqual(expected);
  });

  it('a line longer than a takeaway may be is kept whole, in pieces', () => {
    const long = 'word '.repeat(LIMITS.takeaway / 2);
    const pieces = splitTakeawayText(long);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(LIMITS.takeaway);
    expect(pieces.join(' ').replace(/\s+/g, '')).toBe(long.replace(/\s+/g, ''));
  });

  it('never loses a character of what was written (bullet markers and spacing aside)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 8 }), (lines) => {
        const text = lines.join('\n');
        const kept = splitTakeawayText(text).join('').replace(/\s+/g, '');
        const plain = text
          .split(/\r?\n|\r/)
          .map((line) => line.replace(/^\s*(?:[-*•–]|\d{1,3}[.)])\s+/, ''))
          .join('')
          .replace(/\s+/g, '');
        expect(kept).toBe(plain);
      }),
      { numRuns: 300 },
    );
  });

  it('the same text gives the same ids (the database upgrade and an old export agree), repeats apart', () => {
    const a = takeawaysFromText('Ask why\nAsk why\nListen', 5);
    const b = takeawaysFromText('Ask why\nAsk why\nListen', 9);
    expect(a.map((t) => t.id)).toEqual(b.map((t) => t.id));
    expect(new Set(a.map((t) => t.id)).size).toBe(3);
    expect(a.map((t) => t.createdAt)).toEqual([5, 5, 5]);
  });

  it('a takeaways conflict version becomes items beside the field; other conflicts stay', () => {
    const record = {
      takeaways: 'Ask why',
      createdAt: 1,
      conflicts: [
        { field: 'takeaways', text: 'Ask why\nListen first', at: 2 },
        { field: 'notes', text: 'other notes', at: 3 },
      ],
    } as unknown as Resource & { takeaways: unknown };
    const upgraded = takeawaysAsItems(record);
    expect(upgraded.takeaways.map((t) => t.text)).toEqual(['Ask why', 'Listen first']);
    expect(upgraded.conflicts).toEqual([{ field: 'notes', text: 'other notes', at: 3 }]);
  });
});

describe('two writers on the same takeaways', () => {
  it('an edit merges with another writer’s change to other words of the same item', () => {
    const stored = [item('a', 'Ask why\nthen listen')];
    const out = editTakeawayIn(stored, 'a', 'Ask why first\nthen listen', 'Ask why\nthen listen');
    expect(out).toEqual([item('a', 'Ask why first\nthen listen')]);
    const merged = editTakeawayIn(
      [item('a', 'Ask why\nand wait\nthen listen well')],
      'a',
      'Ask why first\nand wait\nthen listen',
      'Ask why\nand wait\nthen listen',
    );
    expect(merged.map((t) => t.text)).toEqual(['Ask why first\nand wait\nthen listen well']);
  });

  it('both changed the same words: this edit stays, the other text is kept as a takeaway of its own', () => {
    const out = editTakeawayIn([item('a', 'Ask how')], 'a', 'Ask why', 'Ask');
    expect(out.map((t) => t.text)).toEqual(['Ask why', 'Ask how']);
    expect(out[0]!.id).toBe('a');
    expect(out[1]!.id).not.toBe('a');
  });

  it('an item deleted elsewhere while being edited here comes back with the edit', () => {
    expect(editTakeawayIn([], 'a', 'Still typing', 'Still', 7)).toEqual([
      { id: 'a', text: 'Still typing', createdAt: 7 },
    ]);
  });

  it('a whole-list edit: added and removed as a set, each text three-way', () => {
    const base = [item('a', 'A'), item('b', 'B')];
    const ours = [item('a', 'A+'), item('c', 'C')]; // edited a, removed b, added c
    const theirs = [item('a', 'A'), item('b', 'B'), item('d', 'D')]; // added d
    expect(rebaseTakeaways(base, ours, theirs).map((t) => t.text)).toEqual(['A+', 'D', 'C']);
    // Removed here but changed there: kept (nothing typed is lost).
    expect(
      rebaseTakeaways(base, [item('a', 'A')], [item('a', 'A'), item('b', 'B changed')]).map((t) => t.text),
    ).toEqual(['A', 'B changed']);
  });

  it('an import pools both copies: one item in both with different texts keeps both', () => {
    const merged = mergeTakeawayLists([item('a', 'Newer'), item('b', 'B')], [item('a', 'Older'), item('c', 'C')]);
    expect(merged.map((t) => t.text)).toEqual(['Newer', 'Older', 'B', 'C']);
    // Importing the same copy again adds nothing.
    expect(mergeTakeawayLists(merged, [item('a', 'Older'), item('c', 'C')])).toEqual(merged);
    // A text that contains the other wins.
    expect(mergeTakeawayLists([item('a', 'Ask')], [item('a', 'Ask why')]).map((t) => t.text)).toEqual(['Ask why']);
  });
});

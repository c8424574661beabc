import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../lib/model/resource';
import { mergeRecords } from '../../../lib/model/merge';
import { resource } from './devices';

const AT = Date.UTC(2026, 11, 3);
const base = resource('r', {
  notes: 'one\ntwo\nthree',
  tags: ['a', 'b'],
  takeaways: [
    { id: 't1', text: 'first', createdAt: 1 },
    { id: 't2', text: 'second', createdAt: 1 },
  ],
  status: 'learning',
  updatedAt: AT,
});
const merge = (ours: Partial<Resource>, theirs: Partial<Resource>) =>
  mergeRecords('resources', base, { ...base, ...ours }, { ...base, ...theirs }, AT + 100) as Resource;

describe('two devices changed one record since the version both had', () => {
  it.each([
    ['only one side changed the notes', { notes: 'one\nTWO\nthree' }, {}, 'one\nTWO\nthree', undefined],
    [
      'each changed other lines',
      { notes: 'ONE\ntwo\nthree' },
      { notes: 'one\ntwo\nTHREE' },
      'ONE\ntwo\nTHREE',
      undefined,
    ],
    [
      'both changed the same line',
      { notes: 'one\nmine\nthree' },
      { notes: 'one\ntheirs\nthree' },
      'one\nmine\nthree',
      'one\ntheirs\nthree',
    ],
  ])('%s', (_label, ours, theirs, notes, conflict) => {
    const merged = merge(ours as Partial<Resource>, theirs as Partial<Resource>);
    expect(merged.notes).toBe(notes);
    expect(merged.conflicts?.map((c) => c.text)[0]).toBe(conflict);
  });

  it('tags and takeaways merge as sets: what either side removed stays removed, what either added is in', () => {
    const merged = merge(
      { tags: ['a', 'c'], takeaways: [base.takeaways[0]!, { id: 't3', text: 'third', createdAt: 2 }] },
      { tags: ['b', 'a', 'd'], takeaways: base.takeaways },
    );
    expect(merged.tags.sort()).toEqual(['a', 'c', 'd']);
    expect(merged.takeaways.map((t) => t.id)).toEqual(['t1', 't3']);
  });

  it('a takeaway both edited keeps both texts, one beside the other', () => {
    const edit = (text: string) => [{ ...base.takeaways[0]!, text }, base.takeaways[1]!];
    const merged = merge({ takeaways: edit('first, mine') }, { takeaways: edit('first, theirs') });
    expect(merged.takeaways.map((t) => t.text)).toEqual(['first, mine', 'first, theirs', 'second']);
  });

  it('a field both set differently goes to the newer updatedAt, which only breaks the tie', () => {
    expect(merge({ status: 'learned', updatedAt: AT + 5 }, { status: 'queued', updatedAt: AT + 9 }).status).toBe(
      'queued',
    );
    expect(merge({ status: 'learned', updatedAt: AT + 9 }, { status: 'queued', updatedAt: AT + 5 }).status).toBe(
      'learned',
    );
  });

  it('no text either side wrote is lost, whatever the two notes are (property)', () => {
    const line = fc.constantFrom('one', 'two', 'three', 'alpha', 'beta', '');
    const notes = fc.array(line, { minLength: 1, maxLength: 5 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(notes, notes, (ours, theirs) => {
        const merged = merge({ notes: ours }, { notes: theirs });
        const kept = [merged.notes, ...(merged.conflicts ?? []).map((c) => c.text)].join('\n');
        for (const text of [ours, theirs]) {
          if (text === base.notes) continue;
          for (const l of text.split('\n').filter((l) => l && !base.notes.includes(l))) expect(kept).toContain(l);
        }
      }),
    );
  });
});

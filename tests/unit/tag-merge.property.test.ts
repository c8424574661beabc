import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startEdit } from '../../lib/app/edit-start';
import { mergeSet, rebasePatch } from '../../lib/model/merge';
import type { Resource } from '../../lib/model/resource';
import { applyPatch, type ResourceBase } from '../../lib/model/resource-patch';

// Tags merge as sets (issue #49, item 9): an addition on either side stays, a removal on either
// side stays removed, unless a writer added the tag again after.

const TAG: fc.Arbitrary<string> = fc.constantFrom('a', 'b', 'c', 'd', 'e');
const tags = fc.uniqueArray(TAG);

describe('mergeSet as a set merge (property)', () => {
  it('keeps what either side added, drops what either side removed, keeps what neither touched', () => {
    fc.assert(
      fc.property(tags, tags, tags, (base, ours, theirs) => {
        const merged = new Set(mergeSet(base, ours, theirs));
        for (const tag of ['a', 'b', 'c', 'd', 'e']) {
          const inBase = base.includes(tag);
          const added = (!inBase && ours.includes(tag)) || (!inBase && theirs.includes(tag));
          const removed = inBase && (!ours.includes(tag) || !theirs.includes(tag));
          const kept = inBase && ours.includes(tag) && theirs.includes(tag);
          if (added || kept) expect(merged.has(tag), `${tag} is in`).toBe(true);
          if (removed || (!inBase && !added)) expect(merged.has(tag), `${tag} is out`).toBe(false);
        }
        expect(mergeSet(base, ours, theirs)).toHaveLength(merged.size);
      }),
    );
  });
});

type Step =
  | { writer: 0 | 1; kind: 'add' | 'remove'; tag: string }
  /** The writer leaves its field, which then shows what is stored. */
  | { writer: 0 | 1; kind: 'leave' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    writer: fc.constantFrom(0 as const, 1 as const),
    kind: fc.constantFrom('add' as const, 'remove' as const),
    tag: TAG,
  }),
  fc.record({ writer: fc.constantFrom(0 as const, 1 as const), kind: fc.constant('leave' as const) }),
);

describe('two writers typing tags, each from what its own field shows (property)', () => {
  it('the stored tags are, tag by tag, what the last writer to add or remove it did', () => {
    fc.assert(
      fc.property(tags, fc.array(step, { maxLength: 30 }), (initial, steps) => {
        let stored = { id: 'r', tags: initial, updatedAt: 1 } as unknown as Resource;
        // Each writer: what its field shows and the base its next edit carries.
        const writers = [0, 1].map(() => ({ field: [...initial], base: { tags: [...initial] } as ResourceBase }));
        const last = new Map<string, boolean>(initial.map((tag) => [tag, true]));
        let now = 2;
        for (const s of steps) {
          const writer = writers[s.writer]!;
          if (s.kind === 'leave') {
            writer.field = [...stored.tags];
            writer.base = { tags: [...stored.tags] };
            continue;
          }
          // A writer adds only what its field lacks and removes only what it shows.
          if ((s.kind === 'add') === writer.field.includes(s.tag)) continue;
          writer.field = s.kind === 'add' ? [...writer.field, s.tag] : writer.field.filter((tag) => tag !== s.tag);
          last.set(s.tag, s.kind === 'add');
          const patch = { tags: writer.field };
          const startedFrom = startEdit(writer.base, patch);
          now += 1;
          stored = applyPatch(stored, rebasePatch(stored, patch, startedFrom, now), now);
        }
        const expected = [...last].filter(([, present]) => present).map(([tag]) => tag);
        expect([...stored.tags].sort()).toEqual(expected.sort());
      }),
    );
  });
});

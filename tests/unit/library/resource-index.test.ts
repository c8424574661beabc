import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '../../../lib/db/open';
import { deleteResources, editResource } from '../../../lib/app/resources';
import { undo } from '../../../lib/app/undo';
import type { Resource } from '../../../lib/model/resource';
import { DEFAULT_CRITERIA, type Criteria } from '../../../lib/library/filter';
import { indexSource } from '../../../lib/app/library-reads';
import { ResourceIndex, sortedIndex } from '../../../lib/library/resource-index';
import { matchesTerms, queryTerms } from '../../../lib/library/search';
import { resource } from './records';

async function seed(records: Resource[]): Promise<void> {
  const db = await getDb();
  const tx = db.transaction('resources', 'readwrite');
  for (const record of records) await tx.store.put(record);
  await tx.done;
}

function many(count: number): Resource[] {
  return Array.from({ length: count }, (_, i) =>
    resource({
      id: `r${String(i).padStart(5, '0')}`,
      title: i % 10 === 0 ? `Övning ${i}` : `Talk ${i}`,
      kind: i % 3 === 0 ? 'video' : 'article',
      createdAt: 1_000 + i,
      updatedAt: 1_000 + i,
      notes: i === 7 ? 'the needle is here' : '',
      tags: i % 2 ? ['odd'] : ['even'],
    }),
  );
}

const search = (index: ResourceIndex, criteria: Partial<Criteria>) =>
  index.search({ ...DEFAULT_CRITERIA, ...criteria });

describe('ResourceIndex', () => {
  it('reads the library in chunks and finds by any field, newest first', async () => {
    await seed(many(250));
    let chunks = 0;
    const index = new ResourceIndex(indexSource(), {
      chunkSize: 40,
      previewSize: 10,
      yieldToPage: async () => void chunks++,
    });
    await index.start();
    expect(chunks).toBe(6);
    expect(index.total).toBe(250);
    const all = search(index, {});
    expect(all.rows).toHaveLength(250);
    expect(all.rows[0]!.id).toBe('r00249');
    expect(search(index, { query: 'ovning' }).rows).toHaveLength(25);
    expect(search(index, { query: 'NEEDLE' }).rows.map((r) => r.id)).toEqual(['r00007']);
    expect(search(index, { query: 'ovning', kind: 'video', tag: 'even' }).rows.map((r) => r.id)).toEqual([
      'r00240',
      'r00210',
      'r00180',
      'r00150',
      'r00120',
      'r00090',
      'r00060',
      'r00030',
      'r00000',
    ]);
    index.stop();
  });

  it('shows the newest screen before the rest is read', async () => {
    await seed(many(100));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const index = new ResourceIndex(indexSource(), { chunkSize: 30, previewSize: 5, yieldToPage: () => gate });
    const started = index.start();
    await new Promise((resolve) => index.subscribe(() => resolve(undefined)));
    const early = search(index, {});
    expect(early.loading).toBe(true);
    expect(early.rows.map((r) => r.id)).toEqual(['r00099', 'r00098', 'r00097', 'r00096', 'r00095']);
    await vi.waitFor(() => expect(index.counted).toBe(true));
    expect(search(index, {}).total).toBe(100);
    release();
    await started;
    expect(search(index, {}).loading).toBe(false);
    index.stop();
  });

  it('shows the newest screen without waiting for the count, which follows (a count walks the whole store)', async () => {
    await seed(many(100));
    let releaseCount: () => void = () => undefined;
    const countHeld = new Promise<void>((resolve) => (releaseCount = resolve));
    const slowCount = async () => {
      const db = await getDb();
      return new Proxy(db, {
        get: (target, key) =>
          key === 'count'
            ? async (...args: Parameters<typeof db.count>) => {
                await countHeld;
                return target.count(...args);
              }
            : typeof Reflect.get(target, key) === 'function'
              ? (Reflect.get(target, key) as (...args: unknown[]) => unknown).bind(target)
              : Reflect.get(target, key),
      });
    };
    const index = new ResourceIndex(indexSource(slowCount), {
      chunkSize: 30,
      previewSize: 5,
      yieldToPage: () => countHeld,
    });
    const started = index.start();
    await new Promise((resolve) => index.subscribe(() => resolve(undefined)));
    expect(search(index, {}).rows).toHaveLength(5);
    expect(index.counted).toBe(false);
    releaseCount();
    await vi.waitFor(() => expect(index.counted).toBe(true));
    expect(index.total).toBe(100);
    await started;
    expect(index.total).toBe(100);
    index.stop();
  });

  it('asks for the next chunk before it folds the one it has (the database reads while the page works)', async () => {
    await seed(many(100));
    const events: string[] = [];
    const watched = async () => {
      const db = await getDb();
      return new Proxy(db, {
        get: (target, key) => {
          const value = Reflect.get(target, key);
          if (typeof value !== 'function') return value;
          const bound = (value as (...args: unknown[]) => unknown).bind(target);
          return key === 'getAll'
            ? (...args: unknown[]) => {
                events.push('read');
                return bound(...args);
              }
            : bound;
        },
      });
    };
    const index = new ResourceIndex(indexSource(watched), {
      chunkSize: 30,
      previewSize: 5,
      yieldToPage: async () => void events.push('yield'),
    });
    await index.start();
    expect(index.total).toBe(100);
    // 100 records in chunks of 30: four reads, each asked for before the previous chunk's break.
    expect(events).toEqual(['read', 'read', 'yield', 'read', 'yield', 'read', 'yield']);
    index.stop();
  });

  it('a search typed while the library is read covers what is read so far, says how much, and grows chunk by chunk', async () => {
    await seed(many(100));
    const gates: (() => void)[] = [];
    const index = new ResourceIndex(indexSource(), {
      chunkSize: 30,
      previewSize: 5,
      progressMs: 0,
      yieldToPage: () => new Promise<void>((resolve) => gates.push(resolve)),
    });
    const started = index.start();
    await vi.waitFor(() => expect(gates).toHaveLength(1));
    // The first chunk (ids r00000–r00029) is read: "ovning" matches 3 of those 30.
    const first = search(index, { query: 'ovning' });
    expect(first).toMatchObject({ loading: true, read: 30, total: 100 });
    expect(first.rows.map((r) => r.id)).toEqual(['r00020', 'r00010', 'r00000']);
    const version = index.version;
    gates.shift()!();
    await vi.waitFor(() => expect(gates).toHaveLength(1));
    expect(index.version).toBeGreaterThan(version);
    expect(search(index, { query: 'ovning' })).toMatchObject({ loading: true, read: 60 });
    while (gates.length) {
      gates.shift()!();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await started;
    const whole = search(index, { query: 'ovning' });
    expect(whole).toMatchObject({ loading: false, read: 100, total: 100 });
    expect(whole.rows).toHaveLength(10);
    index.stop();
  });

  it('narrows a longer query from the previous matches and agrees with a full search', async () => {
    await seed(many(300));
    const index = new ResourceIndex(indexSource());
    await index.start();
    const steps = ['t', 'ta', 'tal', 'talk', 'talk 1', 'talk 12', 'talk 1', 'tal'];
    for (const query of steps) {
      const incremental = search(index, { query }).rows.map((r) => r.id);
      const fresh = new ResourceIndex(indexSource());
      await fresh.start();
      expect(incremental).toEqual(search(fresh, { query }).rows.map((r) => r.id));
      fresh.stop();
    }
    index.stop();
  });

  it('each kind of learning is its own filter: switching between them never shows the other’s rows', async () => {
    const { activityRecord } = await import('../../../lib/activities/activity');
    await seed([
      ...many(5),
      activityRecord({ type: 'book', title: 'The Fifth Discipline', happenedOn: '2025-01-02' }, 'a-book', 2_000),
      activityRecord({ type: 'shadowing', title: 'A day with Anna', happenedOn: '2025-01-03' }, 'a-shadow', 2_001),
    ]);
    const index = new ResourceIndex(indexSource());
    await index.start();
    const ids = (criteria: Partial<Criteria>) => search(index, criteria).rows.map((r) => r.id);
    expect(ids({ kind: 'activity' })).toEqual(['a-shadow', 'a-book']);
    expect(ids({ kind: 'activity', activityType: 'book' })).toEqual(['a-book']);
    expect(ids({ kind: 'activity', activityType: 'shadowing' })).toEqual(['a-shadow']);
    expect(ids({ kind: 'activity', activityType: 'book', query: 'fifth' })).toEqual(['a-book']);
    expect(ids({ kind: 'activity', activityType: 'shadowing', query: 'fifth' })).toEqual([]);
    index.stop();
  });

  it('follows edits, deletes and restores made anywhere, without reading everything again', async () => {
    await seed(many(20));
    const index = new ResourceIndex(indexSource());
    await index.start();
    const version = index.version;
    await editResource('r00003', { notes: 'now about lärande', status: 'learned' });
    await index.settled();
    expect(index.version).toBeGreaterThan(version);
    expect(search(index, { query: 'larande' }).rows.map((r) => r.id)).toEqual(['r00003']);
    expect(search(index, { status: 'learned' }).rows.map((r) => r.id)).toEqual(['r00003']);

    const offer = await deleteResources(['r00003', 'r00019']);
    await index.settled();
    expect(index.total).toBe(18);
    expect(index.get('r00003')).toBeUndefined();
    expect(search(index, {}).rows[0]!.id).toBe('r00018');

    await undo(offer!.id);
    await index.settled();
    expect(index.total).toBe(20);
    expect(
      search(index, {})
        .rows.map((r) => r.id)
        .slice(0, 2),
    ).toEqual(['r00019', 'r00018']);
    expect(search(index, { query: 'larande' }).rows.map((r) => r.id)).toEqual(['r00003']);
    index.stop();
  });

  it('the tag list follows edits and deletes made anywhere, as counting every row would', async () => {
    await seed(many(20));
    const index = new ResourceIndex(indexSource());
    await index.start();
    expect(index.tagCounts()).toEqual([
      { tag: 'even', count: 10 },
      { tag: 'odd', count: 10 },
    ]);
    await editResource('r00003', { tags: ['even', 'design'] });
    await deleteResources(['r00005', 'r00007']);
    await index.settled();
    expect(index.tagCounts()).toEqual([
      { tag: 'even', count: 11 },
      { tag: 'odd', count: 7 },
      { tag: 'design', count: 1 },
    ]);
    index.stop();
  });

  it('a big search runs in slices, agrees with the one-go search, and a newer keystroke cancels it', async () => {
    await seed(many(400));
    const index = new ResourceIndex(indexSource(), { sliceRows: 50 });
    await index.start();
    const criteria = { ...DEFAULT_CRITERIA, query: 'talk 1' };
    let breaks = 0;
    const sliced = await index.searchInSlices(criteria, { cancelled: false }, async () => void breaks++);
    const fresh = new ResourceIndex(indexSource());
    await fresh.start();
    expect(sliced!.rows.map((r) => r.id)).toEqual(fresh.search(criteria).rows.map((r) => r.id));
    fresh.stop();

    expect(breaks).toBe(7);
    expect(index.quickSearch({ ...criteria, query: 'talk 2' })).toBeUndefined();
    const job = { cancelled: false };
    expect(
      await index.searchInSlices({ ...criteria, query: 'talk 2' }, job, async () => {
        job.cancelled = true;
      }),
    ).toBeUndefined();
    // Backspace returns to a query already answered: no new work, the same rows.
    expect(index.quickSearch(criteria)!.rows).toBe(sliced!.rows);
    // Without search terms, filters alone never need slicing; no filters at all is the library itself.
    expect(index.quickSearch({ ...DEFAULT_CRITERIA, kind: 'video' })).toBeDefined();
    expect(index.quickSearch(DEFAULT_CRITERIA)!.rows).toHaveLength(400);
    index.stop();
  });

  it('on an empty library says so', async () => {
    const index = new ResourceIndex(indexSource());
    await index.start();
    expect(search(index, {})).toEqual({ rows: [], total: 0, loading: false, read: 0 });
    index.stop();
  });
});

describe('sortedIndex', () => {
  it('finds the place that keeps newest-first order', () => {
    const rows = [3000, 2000, 2000, 1000].map((createdAt, i) => ({ createdAt, id: `x${i}` })) as never[];
    expect(sortedIndex(rows, { createdAt: 4000, id: 'a' })).toBe(0);
    expect(sortedIndex(rows, { createdAt: 2000, id: 'x1' })).toBe(1);
    expect(sortedIndex(rows, { createdAt: 2000, id: 'x2' })).toBe(2);
    expect(sortedIndex(rows, { createdAt: 500, id: 'a' })).toBe(4);
  });
});

describe('ResourceIndex search, against checking every row', () => {
  it('typing on, deleting and retyping: every result is what checking every row would find', async () => {
    // Texts from a tiny alphabet so terms overlap, repeat and extend one another often.
    const word = fc.stringMatching(/^[abc]{1,4}$/);
    const texts = fc.array(
      fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')),
      {
        minLength: 1,
        maxLength: 40,
      },
    );
    const queries = fc.array(
      fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
      {
        minLength: 1,
        maxLength: 8,
      },
    );
    const records = many(40);
    await seed(records);
    const index = new ResourceIndex(indexSource());
    await index.start();
    await fc.assert(
      fc.asyncProperty(texts, queries, async (notes, typed) => {
        const db = await getDb();
        const tx = db.transaction('resources', 'readwrite');
        const written = records.map((record, i) => ({
          ...record,
          title: 'T',
          notes: notes[i % notes.length]!,
          tags: [],
        }));
        for (const record of written) void tx.store.put(record);
        await tx.done;
        const { announceResources } = await import('../../../lib/app/commit');
        await announceResources(written);
        await index.settled();
        // Each query typed letter by letter, as a search box sees it.
        for (const query of typed)
          for (let end = 1; end <= query.length; end++) {
            const prefix = query.slice(0, end);
            const expected = search(index, {})
              .rows.filter((row) => matchesTerms(row.text, queryTerms(prefix)))
              .map((row) => row.id);
            expect(search(index, { query: prefix }).rows.map((row) => row.id)).toEqual(expected);
            const sliced = await index.searchInSlices({ ...DEFAULT_CRITERIA, query: prefix }, { cancelled: false });
            expect(sliced?.rows.map((row) => row.id)).toEqual(expected);
          }
      }),
      { numRuns: 40 },
    );
    index.stop();
  });
});

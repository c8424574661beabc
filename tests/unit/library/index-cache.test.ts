import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteResources as deleteAndOfferUndo, editResource, saveCapturedPage } from '../../../lib/app/resources';
import { undo } from '../../../lib/app/undo';
import { importText } from '../../../lib/backup/import';
import { emptyRecords } from '../../../lib/backup/format';
import { getDb } from '../../../lib/db/open';
import {
  addResource,
  deleteResources,
  restoreResources,
  saveResource,
  updateResources,
} from '../../../lib/db/resources';
import type { Resource } from '../../../lib/model/resource';
import {
  isWriteLog,
  type ResourceWrite,
  WRITE_LOG_KEY,
  WRITE_LOG_SIZE,
  writesSince,
} from '../../../lib/db/write-log-entries';
import { DEFAULT_CRITERIA, ROW_FORMAT, toRow } from '../../../lib/library/filter';
import { decodeRows, encodeRows, type IndexStore, type PersistedIndex } from '../../../lib/library/index-cache';
import { indexSource } from '../../../lib/app/library-reads';
import { ResourceIndex } from '../../../lib/library/resource-index';
import { backupText } from '../backup/helpers';
import { resource } from './records';

async function writeLog(): Promise<ResourceWrite[]> {
  const log = await (await getDb()).get('meta', WRITE_LOG_KEY);
  return isWriteLog(log) ? log.entries : [];
}

async function lastWrite(): Promise<ResourceWrite | undefined> {
  return (await writeLog()).at(-1);
}

describe('the resource write log', () => {
  it('every way a resource is written adds an entry saying what changed', async () => {
    await addResource(resource({ id: 'a', createdAt: 5_000, updatedAt: 5_000 }));
    expect(await lastWrite()).toMatchObject({ floor: 5_000, removed: false, cleared: false });

    await updateResources(['a'], { notes: 'later' }, 9_000);
    expect((await lastWrite())?.floor).toBe(9_000);

    const removed = await deleteResources(['a']);
    expect(await lastWrite()).toMatchObject({ floor: Number.POSITIVE_INFINITY, removed: true });

    // An undone delete puts the record back with its own, older time: the floor says so.
    await restoreResources(removed);
    expect((await lastWrite())?.floor).toBe(9_000);

    await (await getDb()).put('resources', resource({ id: 'b', updatedAt: 1_234 }));
    expect((await lastWrite())?.floor).toBe(1_234);

    await saveResource(
      { url: 'https://example.org/new', canonicalUrl: 'https://example.org/new', title: 'New', kind: 'article' },
      {},
      20_000,
    );
    expect((await lastWrite())?.floor).toBe(20_000);

    const records = emptyRecords();
    const longAgo = Date.UTC(2020, 0, 1);
    records.resources.push(resource({ id: 'old', createdAt: longAgo, updatedAt: longAgo }));
    await importText(backupText(records), 'backup.json');
    expect((await lastWrite())?.floor).toBe(longAgo);

    await importText(backupText(records), 'backup.json', { mode: 'replace' });
    expect(await lastWrite()).toMatchObject({ cleared: true, removed: true, floor: Number.NEGATIVE_INFINITY });
    expect(new Set((await writeLog()).map((entry) => entry.token)).size).toBe(8);
  });

  it('reading, writing other stores and a transaction rolled back add nothing', async () => {
    await addResource(resource({ id: 'a' }));
    const before = await writeLog();
    const db = await getDb();
    await db.getAll('resources');
    await db.put('actions', {
      id: 'x',
      text: 'Try it',
      status: 'open',
      createdAt: 1,
      updatedAt: 1,
    } as never);
    const tx = db.transaction('resources', 'readwrite');
    void tx.store.put(resource({ id: 'rolled-back' })).catch(() => undefined);
    tx.abort();
    await tx.done.catch(() => undefined);
    expect(await writeLog()).toEqual(before);
  });

  it('a cursor over resources in a read-write transaction logs that anything may have changed', async () => {
    await addResource(resource({ id: 'a', updatedAt: 5_000 }));
    const db = await getDb();
    const tx = db.transaction('resources', 'readwrite');
    const cursor = await tx.store.openCursor();
    await cursor?.update({ ...cursor.value, notes: 'changed by a cursor' });
    await tx.done;
    expect((await lastWrite())?.floor).toBe(Number.NEGATIVE_INFINITY);

    const byIndex = db.transaction('resources', 'readwrite');
    await byIndex.store.index('updatedAt').openCursor();
    await byIndex.done;
    expect((await lastWrite())?.floor).toBe(Number.NEGATIVE_INFINITY);
    expect(await writeLog()).toHaveLength(3);
  });

  it('keeps the last entries only', async () => {
    const db = await getDb();
    for (let i = 0; i < WRITE_LOG_SIZE + 5; i++) await db.put('resources', resource({ id: 'a', updatedAt: i }));
    const entries = await writeLog();
    expect(entries).toHaveLength(WRITE_LOG_SIZE);
    expect(entries.at(-1)?.floor).toBe(WRITE_LOG_SIZE + 4);
  });

  it.each([
    { what: 'nothing since', after: [], want: { floor: Number.POSITIVE_INFINITY, removed: false, behind: 0 } },
    {
      what: 'the lowest floor since',
      after: [{ floor: 50 }, { floor: 10, removed: true }, { floor: 90 }],
      want: { floor: 10, removed: true, cleared: false, behind: 3, latest: 't3' },
    },
  ])('writesSince: $what', ({ after, want }) => {
    const entries = [{ token: 't0', floor: 1 }, ...after.map((entry, i) => ({ token: `t${i + 1}`, ...entry }))].map(
      (entry) => ({ removed: false, cleared: false, ...entry }),
    );
    expect(writesSince({ entries }, 't0')).toMatchObject(want);
    expect(writesSince({ entries }, 'gone')).toBeNull();
  });
});

/** A kept copy in memory, and the page's idle time run by hand. */
function keeper() {
  let kept: PersistedIndex | undefined;
  const idle: (() => void)[] = [];
  const store: IndexStore & { writes: number } = {
    writes: 0,
    read: async () => kept,
    write: async (index) => {
      store.writes++;
      kept = { ...index };
    },
    clear: async () => {
      kept = undefined;
    },
  };
  const options = { persisted: { store, format: 'test', whenIdle: (work: () => void) => void idle.push(work) } };
  /** Runs what waited for idle time, as often as it asks again (bounded). */
  const runIdle = async () => {
    for (let round = 0; round < 50 && idle.length; round++) {
      for (const work of idle.splice(0)) work();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  return {
    store,
    options,
    runIdle,
    get kept() {
      return kept;
    },
    set kept(value) {
      kept = value;
    },
  };
}

/** One visit to the library: the index read (from the copy when it can), then what it holds. */
async function visit(options: ReturnType<typeof keeper>['options'] | object, runIdle?: () => Promise<void>) {
  const index = new ResourceIndex(indexSource(), options);
  await index.start();
  await runIdle?.();
  const rows = index.search({ ...DEFAULT_CRITERIA }).rows.map((row) => ({ id: row.id, text: row.text }));
  index.stop();
  return { index, rows: [...rows].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

const wholeRead = async () => (await visit({})).rows;

/** What an index holds, as visit() gives it. */
function rowsOf(index: ResourceIndex) {
  return index
    .search({ ...DEFAULT_CRITERIA })
    .rows.map((row) => ({ id: row.id, text: row.text }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

function many(count: number, prefix = 'r'): Resource[] {
  return Array.from({ length: count }, (_, i) =>
    resource({
      id: `${prefix}${i}`,
      title: `Talk ${i}`,
      notes: `note ${i}`,
      createdAt: 1_000 + i,
      updatedAt: 1_000 + i,
    }),
  );
}

describe('the library index kept between visits', () => {
  afterEach(() => vi.restoreAllMocks());

  it('the second visit is searchable without reading the records again', async () => {
    for (const record of many(120)) await addResource(record);
    const keep = keeper();
    // Written in slices of 7 rows, one per idle period.
    const first = await visit({ persisted: { ...keep.options.persisted, slice: 7 } }, keep.runIdle);
    expect(keep.store.writes).toBe(1);
    expect(keep.kept?.count).toBe(120);

    const wholeStoreReads = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const second = await visit(keep.options, keep.runIdle);
    expect(wholeStoreReads).not.toHaveBeenCalled();
    expect(second.rows).toEqual(first.rows);
    expect(second.index.search({ ...DEFAULT_CRITERIA, query: 'note 42' }).rows.map((row) => row.id)).toEqual(['r42']);
    // Nothing changed: the copy is not written again.
    expect(keep.store.writes).toBe(1);
  });

  it('a later visit says how many resources there are before the kept rows are applied', async () => {
    for (const record of many(40)) await addResource(record);
    const keep = keeper();
    await visit(keep.options, keep.runIdle);
    await addResource(resource({ id: 'new', createdAt: 50_000, updatedAt: 50_000 }));

    const wholeStoreReads = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const index = new ResourceIndex(indexSource(), keep.options);
    const seen: { counted: boolean; loaded: boolean; total: number }[] = [];
    index.subscribe(() => seen.push({ counted: index.counted, loaded: index.loaded, total: index.total }));
    await index.start();
    index.stop();
    expect(wholeStoreReads).not.toHaveBeenCalled();
    // "41 resources" while the copy is still being decoded, not "Counting your resources…".
    expect(seen).toContainEqual({ counted: true, loaded: false, total: 41 });
    expect(rowsOf(index)).toHaveLength(41);
  });

  it('what changed while the library was closed is there on the next visit, and only that is read', async () => {
    for (const record of many(60)) await addResource(record);
    const keep = keeper();
    await visit(keep.options, keep.runIdle);

    await addResource(resource({ id: 'new', title: 'Fresh talk', createdAt: 50_000, updatedAt: 50_000 }));
    await updateResources(['r3'], { notes: 'edited while away' }, 60_000);
    await deleteResources(['r4']);
    const offer = await deleteAndOfferUndo(['r5'], 70_000);
    await undo(offer!.id);
    const readAgain = vi.spyOn(IDBIndex.prototype, 'getAll');
    const wholeStoreReads = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const next = await visit(keep.options, keep.runIdle);
    expect(wholeStoreReads).not.toHaveBeenCalled();
    wholeStoreReads.mockRestore();
    expect(next.rows).toEqual(await wholeRead());
    expect(next.rows.find((row) => row.id === 'r3')?.text).toContain('edited while away');
    expect(next.rows.some((row) => row.id === 'r4')).toBe(false);
    expect(next.rows.some((row) => row.id === 'r5')).toBe(true);
    // The undone delete brought r5 back with its own old time: everything from that time on is read.
    const ranges = readAgain.mock.calls.map((call) => (call[0] as IDBKeyRange | undefined)?.lower);
    expect(ranges).toContain(1_005);
  });

  it('any writes between visits: the next visit holds exactly what a whole read does', async () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('add' as const),
        id: fc.integer({ min: 0, max: 30 }),
        at: fc.integer({ min: 1, max: 9e4 }),
      }),
      fc.record({
        kind: fc.constant('edit' as const),
        id: fc.integer({ min: 0, max: 30 }),
        at: fc.integer({ min: 1, max: 9e4 }),
      }),
      fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ kind: fc.constant('visit' as const) }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        run++;
        const keep = keeper();
        const name = (id: number) => `p${run}-${id}`;
        await visit(keep.options, keep.runIdle);
        for (const step of ops) {
          const db = await getDb();
          if (step.kind === 'add')
            await db.put('resources', resource({ id: name(step.id), notes: `added ${step.at}`, updatedAt: step.at }));
          else if (step.kind === 'edit')
            await updateResources([name(step.id)], { notes: `edited ${step.at}` }, step.at);
          else if (step.kind === 'delete') await deleteResources([name(step.id)]);
          else expect((await visit(keep.options, keep.runIdle)).rows).toEqual(await wholeRead());
        }
        expect((await visit(keep.options, keep.runIdle)).rows).toEqual(await wholeRead());
      }),
      { numRuns: 60 },
    );
  });

  it('a copy that does not add up, or one another version wrote, is not used', async () => {
    for (const record of many(10)) await addResource(record);
    const keep = keeper();
    await visit(keep.options, keep.runIdle);
    // A record written past the log (only raw IndexedDB can): the count gives the copy away.
    const raw = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('learning-loop');
      open.onsuccess = () => resolve(open.result);
    });
    const tx = raw.transaction('resources', 'readwrite');
    tx.objectStore('resources').put(resource({ id: 'unlogged', title: 'Past the log', createdAt: 1, updatedAt: 1 }));
    await new Promise((resolve) => (tx.oncomplete = resolve));
    raw.close();
    expect((await visit(keep.options, keep.runIdle)).rows.map((row) => row.id)).toContain('unlogged');

    const kept = keep.kept!;
    keep.kept = { ...kept, parts: [new Blob([encodeRows([])])], count: 0, format: 'another version' };
    expect((await visit(keep.options)).rows).toHaveLength(11);
  });

  it('a copy last read whole a day ago is used at once, then checked against every record', async () => {
    for (const record of many(5)) await addResource(record);
    const keep = keeper();
    let now = 1_000_000;
    const options = { persisted: { ...keep.options.persisted, now: () => now } };
    await visit(options, keep.runIdle);
    const rows = decodeRows(await keep.kept!.parts[0]!.text())!;
    rows[0]!.text = 'tampered';
    keep.kept = { ...keep.kept!, parts: [new Blob([encodeRows(rows)])] };
    // Tampered (and still five rows): trusted within the day…
    expect((await visit(options)).rows.map((row) => row.text)).toContain('tampered');
    now += 25 * 60 * 60 * 1000;
    // …and after a day still shown at once, then read again from the records and kept as of now.
    const index = new ResourceIndex(indexSource(), options);
    await index.start();
    expect(rowsOf(index).map((row) => row.text)).toContain('tampered');
    await index.settled();
    await keep.runIdle();
    expect(rowsOf(index)).toEqual(await wholeRead());
    expect(keep.kept?.builtAt).toBe(now);
    index.stop();
  });

  it('a change made while a day-old copy is checked is kept', async () => {
    for (const record of many(6)) await addResource(record);
    const keep = keeper();
    let now = 1_000_000;
    await visit({ persisted: { ...keep.options.persisted, now: () => now } }, keep.runIdle);
    now += 25 * 60 * 60 * 1000;
    let edited = false;
    const index = new ResourceIndex(indexSource(), {
      persisted: { ...keep.options.persisted, now: () => now },
      chunkSize: 2,
      // After the check has read r0 and r1, r1 changes.
      yieldToPage: async () => {
        if (edited) return;
        edited = true;
        await editResource('r1', { notes: 'edited while checking' }, now);
        // The page has taken the change in while the check still reads.
        await vi.waitFor(() => expect(index.get('r1')?.text).toContain('edited while checking'));
      },
    });
    await index.start();
    await index.settled();
    expect(edited).toBe(true);
    expect(index.get('r1')?.text).toContain('edited while checking');
    expect(rowsOf(index)).toEqual(await wholeRead());
    index.stop();
  });

  it('rewriting a copy brought up to date keeps when it was last read whole', async () => {
    for (const record of many(5)) await addResource(record);
    const keep = keeper();
    let now = 1_000_000;
    const options = { persisted: { ...keep.options.persisted, now: () => now } };
    await visit(options, keep.runIdle);
    // More writes than a copy is left behind by: the next visit writes it again.
    for (let i = 0; i < 40; i++) await updateResources(['r2'], { notes: `edit ${i}` }, 2_000_000 + i);
    now += 60 * 60 * 1000;
    await visit(options, keep.runIdle);
    expect(keep.store.writes).toBe(2);
    expect(keep.kept?.builtAt).toBe(1_000_000);
  });

  it('an import that replaces the library deletes the copy of what it held', async () => {
    for (const record of many(5)) await addResource(record);
    const keep = keeper();
    await visit(keep.options, keep.runIdle);
    await importText(backupText(emptyRecords()), 'empty.json', { mode: 'replace' });
    const index = new ResourceIndex(indexSource(), keep.options);
    await index.start();
    expect(index.total).toBe(0);
    index.stop();
    expect(keep.kept).toBeUndefined();
  });

  it('a resource deleted while the copy is read does not come back', async () => {
    for (const record of many(20)) await addResource(record);
    const keep = keeper();
    await visit(keep.options, keep.runIdle);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const read = keep.store.read;
    keep.store.read = async () => {
      await held;
      return read();
    };
    const index = new ResourceIndex(indexSource(), keep.options);
    const loading = index.start();
    await deleteAndOfferUndo(['r7']);
    // The newest screen, shown while the library is read, has heard of the delete.
    await vi.waitFor(() =>
      expect(index.search({ ...DEFAULT_CRITERIA }).rows.some((row) => row.id === 'r7')).toBe(false),
    );
    release();
    await loading;
    await index.settled();
    expect(index.get('r7')).toBeUndefined();
    expect(index.total).toBe(19);
    index.stop();
  });
  it('an edit, a delete and a new resource made while the kept rows are decoded are all there after', async () => {
    for (const record of many(20)) await addResource(record);
    const keep = keeper();
    await visit(keep.options, keep.runIdle);
    // The copy's parts are read from disk only when let: the copy's check against the log is
    // done by then, so these changes reach the index as live changes only.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    class HeldBlob extends Blob {
      override async text(): Promise<string> {
        await held;
        return super.text();
      }
    }
    const kept = keep.kept!;
    keep.kept = {
      ...kept,
      parts: await Promise.all(kept.parts.map(async (part) => new HeldBlob([await part.text()]))),
    };
    const index = new ResourceIndex(indexSource(), keep.options);
    const loading = index.start();
    await vi.waitFor(() => expect(index.counted).toBe(true));
    await editResource('r3', { notes: 'rewritten while the copy was read' });
    await deleteAndOfferUndo(['r7']);
    const added = await saveCapturedPage(
      {
        url: 'https://example.org/new',
        canonicalUrl: 'https://example.org/new',
        title: 'Added meanwhile',
        kind: 'article',
      },
      {},
      9_000,
    );
    // Heard of, in the order made: the new one last.
    await vi.waitFor(() => expect(index.get(added.resource.id)).toBeDefined());
    release();
    await loading;
    await index.settled();
    expect(index.get('r7')).toBeUndefined();
    expect(index.get(added.resource.id)?.title).toBe('Added meanwhile');
    expect(index.search({ ...DEFAULT_CRITERIA, query: 'rewritten' }).rows.map((row) => row.id)).toEqual(['r3']);
    expect(index.total).toBe(20);
    expect(rowsOf(index)).toEqual(await wholeRead());
    index.stop();
  });
});

describe('the kept rows', () => {
  it('decode to the rows they were made from', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            title: fc.string(),
            notes: fc.string(),
            tags: fc.array(fc.string(), { maxLength: 3 }),
            kind: fc.constantFrom('video' as const, 'article' as const, 'page' as const),
            durationSec: fc.option(fc.integer({ min: 0, max: 9999 }), { nil: undefined }),
            readingMinutes: fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }),
            sharedAt: fc.option(fc.integer({ min: 0 }), { nil: undefined }),
          }),
          { maxLength: 20 },
        ),
        (fields) => {
          const rows = fields.map((f, i) => toRow(resource({ id: `x${i}`, ...f })));
          expect(decodeRows(encodeRows(rows))).toEqual(rows);
        },
      ),
    );
  });

  it.each(['', 'null', '{}', '[[1,2]]', '[["id"]]', 'not json'])('anything else is not rows: %s', (text) => {
    expect(decodeRows(text)).toBeNull();
  });

  it('are pinned to ROW_FORMAT: change what a row holds, and bump it', () => {
    const row = toRow(
      resource({
        id: 'pin',
        title: 'Lära känna Straße',
        notes: 'Övning',
        tags: ['Team'],
        kind: 'video',
        durationSec: 600,
        site: 'YouTube',
        createdAt: 1,
        updatedAt: 2,
      }),
    );
    expect({ ROW_FORMAT, row: encodeRows([row]) }).toEqual({
      ROW_FORMAT: 1,
      row: '[["pin","https://example.org/pin","video","Lära känna Straße","YouTube",null,null,null,null,600,null,["Team"],"queued",null,1,2,"lara kanna strasse\\nyoutube\\novning\\nteam",null,null,null]]',
    });
  });
});

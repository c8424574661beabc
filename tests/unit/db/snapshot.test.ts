import fc from 'fast-check';
import { resetMockOPFS } from 'opfs-mock';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { importText } from '../../../lib/backup/import';
import { restoreCandidate, settleKey, takeSnapshot } from '../../../lib/backup/snapshot';
import { assessSpace } from '../../../lib/backup/space';
import { declineRestore, restoreOffer, restoreSnapshot } from '../../../lib/app/snapshots';
import { editResource } from '../../../lib/app/resources';
import { describeWriteError } from '../../../lib/i18n/write-errors';
import { closeDb, getDb } from '../../../lib/db/open';
import {
  FULLEST_KEPT_MS,
  listSnapshots,
  readSnapshot,
  resourcePartOf,
  retainSnapshots,
  RESOURCE_PARTS,
  type Snapshot,
} from '../../../lib/db/snapshot';
import type { DatabaseInstance, StoreName } from '../../../lib/model/stores';
import { STORES, type BackupRecords } from '../../../lib/backup/format';
import { SNAPSHOT_ALARM } from '../../../lib/background/names';
import { sendMessage } from '../../../lib/messaging-transport';
import { settle, setNow, startBackground } from '../background-harness';
import { backupText, readAll, sampleRecords, seed, sorted, wipe } from '../backup/helpers';

const T0 = Date.UTC(2026, 11, 1, 9, 0);

async function snapshotFolder(): Promise<FileSystemDirectoryHandle> {
  return (await navigator.storage.getDirectory()).getDirectoryHandle('snapshots', { create: true });
}

async function fileNames(): Promise<string[]> {
  const names: string[] = [];
  for await (const name of ((await snapshotFolder()) as unknown as { keys(): AsyncIterable<string> }).keys())
    names.push(name);
  return names.sort();
}

/** The browser deletes the damaged database; the files of the OPFS stay. */
async function loseDatabase(): Promise<void> {
  await closeDb();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase('learning-loop');
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/** A folder whose writes fail (a full disk) for the files `fails` picks, at `close()`. */
async function failingFolder(fails: (name: string) => boolean): Promise<FileSystemDirectoryHandle> {
  const real = await snapshotFolder();
  return new Proxy(real, {
    get(target, property) {
      if (property === 'getFileHandle')
        return async (name: string, options?: FileSystemGetFileOptions) => {
          const handle = await target.getFileHandle(name, options);
          if (!fails(name)) return handle;
          return {
            ...handle,
            getFile: () => handle.getFile(),
            createWritable: async () => {
              const writable = await handle.createWritable();
              return {
                write: (data: string) => writable.write(data),
                abort: () => writable.abort(),
                close: async () => {
                  await writable.abort();
                  throw new DOMException('The disk is full', 'QuotaExceededError');
                },
              };
            },
          };
        };
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function snapshotOf(partial: Partial<Snapshot> & { id: string; at: number }): Snapshot {
  return {
    reason: 'auto',
    dbVersion: 4,
    backupVersion: 1,
    instance: 'db-1',
    parts: {},
    counts: { resources: 0, reflections: 0, prompts: 0, actions: 0, assessments: 0, reviews: 0 },
    bytes: 0,
    settings: {},
    ...partial,
  };
}
const withResources = (n: number) => ({
  resources: n,
  reflections: 0,
  prompts: 0,
  actions: 0,
  assessments: 0,
  reviews: 0,
});

describe('the automatic snapshot', () => {
  it('holds every record of every store, and restores them all into a lost library (any records)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 10_000 }), async (count, seedNo) => {
        await wipe();
        resetMockOPFS();
        const records = sampleRecords(count, seedNo);
        await seed(records);
        const { snapshot } = await takeSnapshot({ reason: 'manual' });
        expect(sorted(await readSnapshot(snapshot!))).toEqual(sorted(records));
        await loseDatabase();
        const offer = await restoreOffer();
        expect(offer).toMatchObject({ kind: 'restore', lost: true, snapshot: { id: snapshot!.id } });
        await restoreSnapshot(snapshot!);
        expect(sorted(await readAll())).toEqual(sorted(records));
        // Restored: not offered again.
        expect(await restoreOffer()).toBeNull();
      }),
      { numRuns: 12 },
    );
  });

  it('an export of the snapshot imports like a backup', async () => {
    const records = sampleRecords(25, 3);
    await seed(records);
    const { snapshot } = await takeSnapshot({ reason: 'manual' });
    const { snapshotAsBackupText } = await import('../../../lib/backup/snapshot');
    const text = await snapshotAsBackupText(snapshot!);
    await wipe();
    await importText(text, 'learning-loop-snapshot.json');
    expect(sorted(await readAll())).toEqual(sorted(records));
  });

  it('a write that fails half-way (a full disk) leaves the previous snapshot whole', async () => {
    const before = sampleRecords(30, 7);
    await seed(before);
    const first = (await takeSnapshot({ reason: 'manual', now: () => T0 })).snapshot!;
    // Every resource changes; the disk fills while the files are written, then at the manifest.
    await seed(sampleRecords(30, 8));
    for (const fails of [(name: string) => name.startsWith('resources.'), (name: string) => name === 'manifest.json']) {
      await expect(
        takeSnapshot({ reason: 'auto', full: true, now: () => T0 + 60_000, folder: () => failingFolder(fails) }),
      ).rejects.toThrow('The disk is full');
      const kept = await listSnapshots();
      expect(kept.map((s) => s.id)).toEqual([first.id]);
      expect(sorted(await readSnapshot(kept[0]!))).toEqual(sorted(before));
      // Nothing of the failed attempt is left behind.
      const referenced = Object.values(first.parts)
        .map((p) => p.file)
        .filter(Boolean);
      expect(await fileNames()).toEqual([...referenced, 'manifest.json'].sort());
    }
  });

  it('is incremental: one changed note rewrites one part of 16; a deletion is noticed; no change writes nothing', async () => {
    setNow(T0);
    await seed(sampleRecords(200, 5));
    const first = (await takeSnapshot({ reason: 'auto' })).snapshot!;
    const usedParts = new Set((await readAll()).resources.map((r) => resourcePartOf(r.id)));
    // Review cards are split like the resources they belong to (their ids start with its id).
    const cardParts = new Set((await readAll()).reviews.map((card) => resourcePartOf(card.id)));
    expect(Object.values(first.parts).filter((p) => p.file)).toHaveLength(usedParts.size + cardParts.size + 4);

    setNow(T0 + 5 * 60_000);
    const { resources } = await readAll();
    const edited = resources[0]!;
    await editResource(edited.id, { notes: 'A new thought' });
    const second = await takeSnapshot({ reason: 'auto' });
    expect(second.written).toBe(true);
    const changed = Object.keys(second.snapshot!.parts).filter(
      (name) => second.snapshot!.parts[name]!.file !== first.parts[name]!.file,
    );
    expect(changed).toEqual([RESOURCE_PARTS[resourcePartOf(edited.id)]]);
    const inSnapshot = (await readSnapshot(second.snapshot!)).resources.find((r) => r.id === edited.id);
    expect(inSnapshot?.notes).toBe('A new thought');

    setNow(T0 + 10 * 60_000);
    expect((await takeSnapshot({ reason: 'auto' })).written).toBe(false);

    // A deletion leaves no newer updatedAt behind: the part's count tells.
    const gone = resources[1]!;
    await (await getDb()).delete('resources', gone.id);
    const third = (await takeSnapshot({ reason: 'auto' })).snapshot!;
    expect((await readSnapshot(third)).resources.some((r) => r.id === gone.id)).toBe(false);
    expect(third.counts.resources).toBe(199);

    // A store emptied since the last snapshot is empty in the next one, not its old part.
    setNow(T0 + 15 * 60_000);
    await (await getDb()).clear('actions');
    const emptied = (await takeSnapshot({ reason: 'auto' })).snapshot!;
    expect(emptied.counts.actions).toBe(0);
    expect((await readSnapshot(emptied)).actions).toEqual([]);
    expect((await readSnapshot(emptied)).resources).toHaveLength(199);

    // A record changed behind the data layer's back (its old updatedAt kept) is found by the
    // daily full read.
    const quiet = resources[2]!;
    await (await getDb()).put('resources', { ...quiet, notes: 'Changed quietly' });
    setNow(T0 + 20 * 60_000);
    expect((await takeSnapshot({ reason: 'auto' })).written).toBe(false);
    setNow(T0 + 25 * 60 * 60_000);
    const daily = (await takeSnapshot({ reason: 'auto' })).snapshot!;
    expect((await readSnapshot(daily)).resources.find((r) => r.id === quiet.id)?.notes).toBe('Changed quietly');
  });

  it('an empty library writes no snapshot (nothing to keep, and nothing pushed out)', async () => {
    expect(await takeSnapshot({ reason: 'auto' })).toEqual({ written: false, snapshot: null });
    expect(await listSnapshots()).toEqual([]);
  });

  it('keeps the newest three and, when it is older, the fullest of the last month; old files go', async () => {
    setNow(T0);
    await seed(sampleRecords(50, 1));
    await takeSnapshot({ reason: 'auto' });
    // The library is lost; the user saves a page now and then: small snapshots pile up.
    for (let i = 1; i <= 4; i++) {
      await wipe();
      await seed(sampleRecords(i, 100 + i));
      setNow(T0 + i * 10 * 60_000);
      await takeSnapshot({ reason: 'auto' });
    }
    const kept = await listSnapshots();
    expect(kept.map((s) => s.counts.resources)).toEqual([4, 3, 2, 50]);
    const referenced = new Set(kept.flatMap((s) => Object.values(s.parts).map((p) => p.file)));
    referenced.delete('');
    expect(await fileNames()).toEqual([...referenced, 'manifest.json'].sort());
  });
});

describe('retainSnapshots', () => {
  const day = 86_400_000;
  it.each([
    ['fewer than three: all', [[1, 5]], [1]],
    [
      'the newest three',
      [
        [4, 5],
        [3, 5],
        [2, 5],
        [1, 5],
      ],
      [4, 3, 2],
    ],
    [
      'plus the fullest when older',
      [
        [4, 1],
        [3, 1],
        [2, 1],
        [1, 9],
      ],
      [4, 3, 2, 1],
    ],
    [
      'the fullest among the newest: no extra',
      [
        [4, 9],
        [3, 1],
        [2, 1],
        [1, 5],
      ],
      [4, 3, 2],
    ],
  ] as const)('%s', (_label, list, expected) => {
    const snapshots = list.map(([at, n]) =>
      snapshotOf({ id: String(at), at: T0 + at * 1000, counts: withResources(n) }),
    );
    expect(retainSnapshots(snapshots, T0 + 10_000).map((s) => Number(s.id))).toEqual(expected);
  });

  it('the fullest is kept for a month, not forever', () => {
    const snapshots = [4, 3, 2].map((at) => snapshotOf({ id: String(at), at: T0 + at * day + FULLEST_KEPT_MS }));
    snapshots.push(snapshotOf({ id: '1', at: T0, counts: withResources(100) }));
    expect(retainSnapshots(snapshots, T0 + FULLEST_KEPT_MS + 5 * day).map((s) => s.id)).toEqual(['4', '3', '2']);
  });
});

describe('restoreCandidate', () => {
  const here: DatabaseInstance = { id: 'db-2', createdAt: T0, fresh: true, settled: [] };
  const lost = snapshotOf({ id: 'a', at: T0 - 1000, instance: 'db-1', counts: withResources(10) });
  const own = snapshotOf({ id: 'b', at: T0 + 1000, instance: 'db-2', counts: withResources(3) });
  const oldest = snapshotOf({ id: 'c', at: T0 - 5000, instance: '', counts: withResources(8) });
  it.each([
    ['a snapshot of another database: offered', [lost], here, false, 'a'],
    ['this database’s own snapshot, library not empty: nothing', [own], here, false, null],
    ['this database’s own snapshot, library empty: offered', [own], here, true, 'b'],
    [
      'another database’s, settled (restored or turned down): nothing',
      [lost],
      { ...here, settled: ['db-1'] },
      false,
      null,
    ],
    ['another database’s, older than own', [own, lost], here, false, 'a'],
    [
      'only the newest of other databases',
      [lost, { ...lost, id: 'd', at: T0 - 9000, instance: 'db-0' }],
      { ...here, settled: ['db-1'] },
      false,
      null,
    ],
    ['from before database ids, this one upgraded from it: nothing', [oldest], { ...here, fresh: false }, false, null],
    ['from before database ids, this one made fresh: offered', [oldest], here, false, 'c'],
    ['empty snapshots are never offered', [{ ...lost, counts: withResources(0) }], here, true, null],
  ] as const)('%s', (_label, snapshots, instance, empty, expected) => {
    expect(restoreCandidate(snapshots, instance as DatabaseInstance, empty)?.id ?? null).toBe(expected);
  });

  it('settleKey: another database by its id, this one’s by the snapshot', () => {
    expect(settleKey(lost, here)).toBe('db-1');
    expect(settleKey(own, here)).toBe('empty:b');
  });

  it('"Not now" is remembered in this database', async () => {
    await seed(sampleRecords(5, 2));
    await takeSnapshot({ reason: 'manual' });
    await loseDatabase();
    const offer = await restoreOffer();
    expect(offer?.kind).toBe('restore');
    await declineRestore(offer!.snapshot);
    expect(await restoreOffer()).toBeNull();
    // Settings still lists it.
    expect(await listSnapshots()).toHaveLength(1);
  });
});

describe('assessSpace: low is under 10% of the quota or 200 MB free, whichever is larger', () => {
  const MB = 1024 * 1024;
  const GB = 1024 * MB;
  it.each([
    ['plenty', 1 * GB, 100 * GB, false],
    ['under 10% of a large quota', 91 * GB, 100 * GB, true],
    ['just over 10% of a large quota', 89 * GB, 100 * GB, false],
    ['a small quota: 200 MB is the floor', 1 * GB - 300 * MB, 1 * GB, false],
    ['a small quota under 200 MB free', 1 * GB - 150 * MB, 1 * GB, true],
    ['over the quota', 2 * GB, 1 * GB, true],
  ] as const)('%s', (_label, usage, quota, low) => {
    expect(assessSpace({ usage, quota })?.low).toBe(low);
  });
  it.each([[{}], [{ usage: 1 }], [{ usage: 1, quota: 0 }], [{ usage: 1, quota: Number.POSITIVE_INFINITY }]])(
    'no estimate: %j',
    (estimate) => {
      expect(assessSpace(estimate)).toBeNull();
    },
  );
});

describe('describeWriteError', () => {
  it.each([
    [new DOMException('x', 'QuotaExceededError'), false, /^Your disk is full\. What you typed is still here/],
    [
      new DOMException('x', 'QuotaExceededError'),
      true,
      /saves when there is space; don't close the browser until it says saved\.$/,
    ],
    [
      new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError'),
      true,
      /^The browser could not write to its storage \(Internal error opening backing store for indexedDB\.open\); the disk may be full\. .*saves as soon as it can/,
    ],
    [new Error('Key already exists.'), false, /^Could not save: Key already exists\. What you typed/],
  ] as const)('%s (saves later: %s)', (error, savesLater, message) => {
    const text = describeWriteError(error, { savesLater });
    expect(text).toMatch(message);
    expect(text).not.toMatch(/\.\./);
  });
});

describe('the background takes it a few minutes after a change', () => {
  it('a page’s change sets the alarm; the alarm writes the snapshot; an import reads every part', async () => {
    const stop = startBackground({ asPage: true });
    setNow(T0);
    await seed(sampleRecords(20, 4));
    await sendMessage('changed', { stores: ['resources'], ids: ['x'], items: [] });
    await settle();
    const alarm = await fakeBrowser.alarms.get(SNAPSHOT_ALARM);
    expect(alarm?.scheduledTime).toBe(T0 + 3 * 60_000);
    expect(await listSnapshots()).toEqual([]);

    setNow(T0 + 3 * 60_000);
    await fakeBrowser.alarms.onAlarm.trigger(alarm!);
    await settle();
    const [first] = await listSnapshots();
    expect(first).toMatchObject({ reason: 'auto', counts: { resources: 20 } });

    // A merge import keeps the records' own times: only a full read sees its changes.
    const records = await readAll();
    const changed: BackupRecords = {
      ...records,
      resources: records.resources.map((r) => ({ ...r, notes: `${r.notes}\nFrom the other laptop` })),
    };
    await importText(backupText(changed), 'b.json');
    await sendMessage('changed', { stores: [...STORES] as StoreName[], ids: [], items: [] });
    await settle();
    setNow(T0 + 10 * 60_000);
    await fakeBrowser.alarms.onAlarm.trigger((await fakeBrowser.alarms.get(SNAPSHOT_ALARM))!);
    await settle();
    const [latest] = await listSnapshots();
    expect(latest!.id).not.toBe(first!.id);
    const notes = (await readSnapshot(latest!)).resources.map((r) => r.notes);
    expect(notes.every((n) => n.endsWith('From the other laptop'))).toBe(true);
    stop();
    vi.useRealTimers();
  });
});

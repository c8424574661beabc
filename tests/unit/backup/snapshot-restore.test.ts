import { resetMockOPFS } from 'opfs-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { restoreOffer, restoreSnapshot } from '../../../lib/app/snapshots';
import { takeSnapshot } from '../../../lib/backup/snapshot';
import { closeDb, getDb } from '../../../lib/db/open';
import { writeSynced } from '../../../lib/db/sync';
import type { Reflection } from '../../../lib/model/reflection';
import type { Resource } from '../../../lib/model/resource';
import { emptyStoredRecords, type StoredRecords } from '../../../lib/model/stores';
import { syncAccount } from '../../../lib/settings';
import { syncRules } from '../../../lib/sync/merge-records';
import { resource } from '../sync/devices';
import { readAll, seed } from './helpers';

const T0 = Date.UTC(2026, 11, 1, 9);

/** The browser deletes the damaged database; the files of the OPFS stay. */
async function loseDatabase(): Promise<void> {
  await closeDb();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase('learning-loop');
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/** Sync takes these in from the server, as it does into a new, empty library. */
async function syncBrings(...records: Resource[]): Promise<void> {
  await writeSynced(
    await getDb(),
    records.map((record) => ({ store: 'resources', id: record.id, incoming: record })),
    syncRules(() => T0 + 60_000),
  );
}

function reflection(id: string, resourceId: string): Reflection {
  return {
    id,
    promptId: 'builtin-1',
    promptText: 'What did you learn?',
    answer: `answer ${id}`,
    resourceId,
    resourceTitle: `Post ${resourceId}`,
    createdAt: T0,
    updatedAt: T0,
  } as Reflection;
}

function library(resources: Resource[], reflections: Reflection[] = []): StoredRecords {
  return { ...emptyStoredRecords(), resources, reflections };
}

const OLD = 'v1 old text';
const NEWER = 'v2 newer, typed on the laptop after the snapshot';

describe('restoring the automatic snapshot after sync refilled the library', () => {
  beforeEach(() => {
    resetMockOPFS();
    vi.setSystemTime(T0 + 120_000);
  });

  it('keeps the newer text sync brought, exactly, and fills only what is missing', async () => {
    const note = resource('a-note', { notes: OLD, updatedAt: T0 });
    const other = resource('b-other', { notes: 'only in the snapshot', updatedAt: T0 });
    await seed(library([note, other], [reflection('refl-1', 'b-other')]));
    const { snapshot } = await takeSnapshot({ reason: 'manual' });
    await loseDatabase();
    // Sync refills the new library with the newer version of one note; the other is still missing.
    await syncBrings({ ...note, notes: NEWER, updatedAt: T0 + 30_000 });

    const offer = await restoreOffer();
    expect(offer).toMatchObject({ kind: 'restore', lost: true, snapshot: { id: snapshot!.id } });
    const outcome = await restoreSnapshot(snapshot!);

    const after = await readAll();
    const byId = new Map(after.resources.map((r) => [r.id, r]));
    expect(byId.get('a-note')?.notes).toBe(NEWER);
    expect(byId.get('a-note')?.updatedAt).toBe(T0 + 30_000);
    expect(byId.get('b-other')?.notes).toBe('only in the snapshot');
    expect(after.reflections.map((r) => r.id)).toEqual(['refl-1']);
    expect(outcome).toEqual({ added: 2 + after.reviews.length, kept: 1 });
    expect(await restoreOffer()).toBeNull();
  });

  it('offers nothing when the library already holds every record the snapshot has', async () => {
    const note = resource('a-note', { notes: OLD, updatedAt: T0 });
    const other = resource('b-other', { notes: 'second', updatedAt: T0 });
    await seed(library([note, other]));
    await takeSnapshot({ reason: 'manual' });
    await loseDatabase();
    await syncBrings({ ...note, notes: NEWER, updatedAt: T0 + 30_000 }, { ...other, updatedAt: T0 + 30_000 });

    expect(await restoreOffer()).toBeNull();
    // Settled: not read and offered again at the next visit either.
    expect(await restoreOffer()).toBeNull();
  });

  it('decides again when the user accepts: what sync brought meanwhile stays as it is, and nothing is marked to send', async () => {
    await syncAccount.setValue({
      server: 'https://couch.example.org',
      user: 'ada',
      database: 'userdb-ada',
      teamDatabase: null,
      connectedAt: T0,
    });
    const note = resource('a-note', { notes: OLD, updatedAt: T0 });
    const other = resource('b-other', { notes: 'second', updatedAt: T0 });
    await seed(library([note, other]));
    const { snapshot } = await takeSnapshot({ reason: 'manual' });
    await loseDatabase();
    await syncBrings({ ...note, notes: NEWER, updatedAt: T0 + 30_000 });
    expect((await restoreOffer())?.kind).toBe('restore');
    // The offer is on screen; sync brings the rest before the user clicks.
    await syncBrings({ ...other, notes: 'second, edited', updatedAt: T0 + 40_000 });

    expect(await restoreSnapshot(snapshot!)).toEqual({ added: 0, kept: 2 });
    const after = new Map((await readAll()).resources.map((r) => [r.id, r.notes]));
    expect(after).toEqual(
      new Map([
        ['a-note', NEWER],
        ['b-other', 'second, edited'],
      ]),
    );
    // No record is marked to go to the server (the snapshot's settings fill only those unset here).
    const marks = Object.keys(await fakeBrowser.storage.local.get(null)).filter(
      (key) => key.startsWith('syncOut/') && key !== 'syncOut/settings',
    );
    expect(marks).toEqual([]);
  });
});

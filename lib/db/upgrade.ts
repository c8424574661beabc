import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { clipsFromTimestampNotes, type LegacyTimestampNote } from '../clips/clip';
import { newId } from '../ids';
import type { LoopDB } from './schema';
import type { Resource } from './types';

/**
 * Steps fall through: a database at version 0 runs every step, one at version 1 runs from 2 on.
 * Never change a released step; add a new one. Each version has a fixture in tests/fixtures/db/.
 */
export function upgradeDatabase(
  db: IDBPDatabase<LoopDB>,
  oldVersion: number,
  _newVersion: number | null,
  transaction: IDBPTransaction<LoopDB, StoreNames<LoopDB>[], 'versionchange'>,
): void {
  if (oldVersion < 1) {
    const resources = db.createObjectStore('resources', { keyPath: 'id' });
    resources.createIndex('canonicalUrl', 'canonicalUrl', { unique: true });
    resources.createIndex('tags', 'tags', { multiEntry: true });
    resources.createIndex('createdAt', 'createdAt');
    resources.createIndex('updatedAt', 'updatedAt');
    resources.createIndex('status', 'status');
    resources.createIndex('sharedAt', 'sharedAt');
  }
  if (oldVersion < 2) {
    const reflections = db.createObjectStore('reflections', { keyPath: 'id' });
    reflections.createIndex('createdAt', 'createdAt');
    reflections.createIndex('promptId', 'promptId');
    reflections.createIndex('resourceId', 'resourceId');
    db.createObjectStore('prompts', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
    const actions = db.createObjectStore('actions', { keyPath: 'id' });
    actions.createIndex('createdAt', 'createdAt');
    actions.createIndex('status', 'status');
    actions.createIndex('followUpAt', 'followUpAt');
    db.createObjectStore('assessments', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
  }
  if (oldVersion < 3) {
    // Due follow-ups of open actions only, in date order: the popup asks on every open, and
    // done actions keep their old dates forever.
    transaction.objectStore('actions').createIndex('statusFollowUpAt', ['status', 'followUpAt']);
  }
  if (oldVersion < 4) {
    // Who this database is: the automatic snapshots tell a lost library from this one by it.
    db.createObjectStore('meta').put(
      { id: newId(), createdAt: Date.now(), fresh: oldVersion === 0, settled: [] },
      'instance',
    );
    // What changed since the last snapshot, for every store (resources had it from version 1).
    for (const store of ['reflections', 'prompts', 'actions', 'assessments'] as const)
      transaction.objectStore(store).createIndex('updatedAt', 'updatedAt');
  }
  if (oldVersion < 5 && oldVersion > 0) {
    // A video's moments (`timestampNotes`) become clips: every one kept, its time and text, with
    // the id an old export's moment gets too (lib/clips/clip.ts).
    const resources = transaction.objectStore('resources');
    void resources.openCursor().then(function step(cursor): Promise<void> | undefined {
      if (!cursor) return;
      const { timestampNotes, ...record } = cursor.value as Resource & { timestampNotes?: LegacyTimestampNote[] };
      void cursor.update({
        ...record,
        clips: record.clips ?? clipsFromTimestampNotes(timestampNotes, record.createdAt),
      });
      return cursor.continue().then(step);
    });
  }
}

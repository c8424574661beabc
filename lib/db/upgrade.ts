import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { clipsFromTimestampNotes, type LegacyTimestampNote } from '../model/clip-legacy';
import { newId } from '../infra/ids';
import type { LoopDB } from './schema';
import { reviewItemsOf, newReviewCard } from '../model/review-card';
import { takeawaysAsItems } from '../model/takeaway-text';
import type { Resource } from '../model/resource';

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
  if (oldVersion < 6) {
    const reviews = db.createObjectStore('reviews', { keyPath: 'id' });
    reviews.createIndex('due', 'due');
    reviews.createIndex('resourceId', 'resourceId');
    reviews.createIndex('updatedAt', 'updatedAt');
  }
  if (oldVersion < 7) {
    // Nothing to change: a quote may now carry its `location` (a page, a Kindle location). The
    // version rises so that an older build, whose cleanQuote drops that field on its next write,
    // cannot open this library; it asks to be updated instead.
  }
  // Steps that rewrite records share one pass over the store, in order: two cursors at once
  // would each write its own version of a record.
  const rewrites: ((record: Resource) => Resource)[] = [];
  if (oldVersion < 5 && oldVersion > 0) {
    // A video's moments (`timestampNotes`) become clips: every one kept, its time and text, with
    // the id an old export's moment gets too (lib/model/clip-legacy.ts).
    rewrites.push((value) => {
      const { timestampNotes, ...record } = value as Resource & { timestampNotes?: LegacyTimestampNote[] };
      return { ...record, clips: record.clips ?? clipsFromTimestampNotes(timestampNotes, record.createdAt) };
    });
  }
  if (oldVersion < 6 && oldVersion > 0) {
    // Takeaways become items, one per line or bullet, with the ids an old export's get too; a
    // takeaways conflict version becomes items beside them (nothing is dropped).
    rewrites.push((record) => takeawaysAsItems(record as Resource & { takeaways: unknown }));
  }
  if (rewrites.length) {
    const resources = transaction.objectStore('resources');
    const reviews = oldVersion < 6 ? transaction.objectStore('reviews') : undefined;
    void resources.openCursor().then(function step(cursor): Promise<void> | undefined {
      if (!cursor) return;
      const record = rewrites.reduce((value, rewrite) => rewrite(value), cursor.value);
      void cursor.update(record);
      // Everything the user wrote before joins the review queue, due from a day after it was written.
      if (reviews)
        // The card's own times are the item's: the upgrade of one database always gives the same cards.
        for (const item of reviewItemsOf(record))
          void reviews.put(newReviewCard(record.id, item.itemKind, item.itemId, item.createdAt, item.createdAt));
      return cursor.continue().then(step);
    });
  }
}

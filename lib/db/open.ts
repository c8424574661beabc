import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type LoopDB } from './schema';
import { upgradeDatabase } from './upgrade';

export type LoopDatabase = IDBPDatabase<LoopDB>;

let connection: Promise<LoopDatabase> | null = null;

export interface OpenOptions {
  /** Called when a newer version of the extension wants to upgrade: pages reload. */
  onVersionChange?: () => void;
}

let versionChangeHandler: () => void = () => {
  if (
    typeof location !== 'undefined' &&
    location.protocol !== 'chrome-extension:' &&
    location.protocol !== 'moz-extension:'
  )
    return;
  if (typeof document !== 'undefined') location.reload();
};

/** Pages call this once at start-up to decide what a version change does to them. */
export function onDatabaseVersionChange(handler: () => void): void {
  versionChangeHandler = handler;
}

/** Set when an open found an older database and stepped back to snapshot it first. */
class UpgradeDeferred extends Error {}

function openCurrent(snapshotTaken: boolean): Promise<LoopDatabase> {
  let deferred = false;
  return openDB<LoopDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, newVersion, transaction) {
      // An upgrade rewrites the user's records: keep a snapshot of them as they were first. The
      // versionchange transaction cannot wait for files, so step back, snapshot, and come again.
      // A failed upgrade rejects the open; its transaction's own promise need not be heard too.
      transaction.done.catch(() => undefined);
      if (oldVersion > 0 && !snapshotTaken) {
        deferred = true;
        transaction.abort();
        return;
      }
      upgradeDatabase(db, oldVersion, newVersion, transaction);
    },
    blocking() {
      void connection?.then((db) => db.close());
      connection = null;
      versionChangeHandler();
    },
    terminated() {
      connection = null;
    },
  }).catch((error: unknown) => {
    throw deferred ? new UpgradeDeferred() : error;
  });
}

async function openWithSnapshot(): Promise<LoopDatabase> {
  try {
    return await openCurrent(false);
  } catch (error) {
    if (!(error instanceof UpgradeDeferred)) throw error;
    try {
      // Only on an upgrade: the snapshot code stays out of every page's first load.
      const { snapshotBeforeUpgrade } = await import('./snapshot-upgrade');
      await snapshotBeforeUpgrade();
    } catch (snapshotError) {
      // No snapshot (no space, no file system) must not keep the new version from starting.
      console.warn('Learning Loop: no snapshot before the upgrade', snapshotError);
    }
    return openCurrent(true);
  }
}

/**
 * One shared connection per page or worker. When a newer version opens the database, this
 * connection closes at once (so the upgrade never waits behind an open popup) and the page
 * reloads onto the new code; a later call opens again. Its read-write transactions over
 * resources log themselves (write-log.ts).
 */
export function getDb(): Promise<LoopDatabase> {
  // The log's wrapper loads beside the open, not before the page's first screen.
  connection ??= Promise.all([openWithSnapshot(), import('./write-log')])
    .then(([db, log]) => log.logResourceWrites(db))
    .catch((error: unknown) => {
      connection = null;
      throw error;
    });
  return connection;
}

/** Tests: forget the cached connection (after deleting the database). */
export async function closeDb(): Promise<void> {
  const current = connection;
  connection = null;
  if (current) (await current.catch(() => null))?.close();
}

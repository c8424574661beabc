import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type LoopDB } from './schema';
import type { upgradeDatabase } from './upgrade';

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

/** Set when an open found no database or an older one, and stepped back to load the upgrade. */
class UpgradeDeferred extends Error {
  constructor(readonly fromVersion: number) {
    super(`The database needs its upgrade from version ${fromVersion}`);
  }
}

/** `upgrade`: null on the first try, which opens a current database and nothing else. */
function openCurrent(upgrade: typeof upgradeDatabase | null): Promise<LoopDatabase> {
  let deferredFrom: number | null = null;
  return openDB<LoopDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, newVersion, transaction) {
      // The upgrade steps (and what they use: takeaways, clips, review cards) load only when a
      // database needs them, not with every page's first screen and every wake of the
      // background. The versionchange transaction cannot wait for a module, nor for the snapshot
      // an upgrade of the user's records takes first: step back, load them, and come again.
      // Aborting the creation of a new database deletes it. A failed upgrade rejects the open;
      // its transaction's own promise need not be heard too.
      transaction.done.catch(() => undefined);
      if (!upgrade) {
        deferredFrom = oldVersion;
        transaction.abort();
        return;
      }
      upgrade(db, oldVersion, newVersion, transaction);
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
    throw deferredFrom !== null ? new UpgradeDeferred(deferredFrom) : error;
  });
}

async function openWithSnapshot(): Promise<LoopDatabase> {
  try {
    return await openCurrent(null);
  } catch (error) {
    if (!(error instanceof UpgradeDeferred)) throw error;
    const steps = import('./upgrade');
    // An upgrade rewrites the user's records: keep a snapshot of them as they were first.
    if (error.fromVersion > 0)
      try {
        // Only on an upgrade: the snapshot code stays out of every page's first load.
        const { snapshotBeforeUpgrade } = await import('./snapshot-upgrade');
        await snapshotBeforeUpgrade();
      } catch (snapshotError) {
        // No snapshot (no space, no file system) must not keep the new version from starting.
        console.warn('Learning Loop: no snapshot before the upgrade', snapshotError);
      }
    return openCurrent((await steps).upgradeDatabase);
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

/**
 * Opens the database now rather than when a page first needs it: after an extension update, the
 * upgrade steps run at once (the background, on install).
 */
export async function openNow(): Promise<void> {
  await getDb();
}

/** Tests: forget the cached connection (after deleting the database). */
export async function closeDb(): Promise<void> {
  const current = connection;
  connection = null;
  if (current) (await current.catch(() => null))?.close();
}

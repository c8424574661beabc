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

/**
 * One shared connection per page or worker. When a newer version opens the database, this
 * connection closes at once (so the upgrade never waits behind an open popup) and the page
 * reloads onto the new code; a later call opens again.
 */
export function getDb(): Promise<LoopDatabase> {
  connection ??= openDB<LoopDB>(DB_NAME, DB_VERSION, {
    upgrade: upgradeDatabase,
    blocking() {
      void connection?.then((db) => db.close());
      connection = null;
      versionChangeHandler();
    },
    terminated() {
      connection = null;
    },
  }).catch((error: unknown) => {
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

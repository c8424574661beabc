import { openDB } from 'idb';
import { DB_NAME, type LoopDB } from './schema';
import { type SnapshotEnv, type SnapshotOutcome, takeSnapshotOf } from './snapshot';

/**
 * Before an upgrade rewrites the records: open the database at the version it has (no upgrade)
 * and snapshot it. Called by lib/db/open.ts when it finds an older database. A module of its own:
 * the background inlines what open.ts loads on demand, every export of it included.
 */
export async function snapshotBeforeUpgrade(env: Omit<SnapshotEnv, 'db'> = {}): Promise<SnapshotOutcome> {
  // The records have the shape of the version they were written by: the export file version
  // they correspond to is unknown here, and 1 reads every one of them (lib/backup/parse.ts).
  const db = await openDB<LoopDB>(DB_NAME);
  try {
    return await takeSnapshotOf({ ...env, db, reason: 'upgrade', full: true });
  } finally {
    db.close();
  }
}

import { serializeBackup } from './export';
import { BACKUP_FORMAT, BACKUP_VERSION, backupVersionOfDatabase } from './format';
import { readSettings } from './settings';
import {
  readSnapshot as readStoreSnapshot,
  totalRecords,
  type Snapshot,
  type SnapshotEnv,
  type SnapshotOutcome,
  type TakeSnapshotOptions,
} from '../db/snapshot';
import { takeSnapshot as takeStoreSnapshot } from '../db/snapshot-now';
import type { DatabaseInstance } from '../model/stores';

export {
  listSnapshots,
  readSnapshot,
  retainSnapshots,
  totalRecords,
  type Snapshot,
  type SnapshotOutcome,
  type SnapshotReason,
} from '../db/snapshot';

/** A snapshot of the library, carrying the settings an export would (no secrets). */
export function takeSnapshot(options: TakeSnapshotOptions): Promise<SnapshotOutcome> {
  return takeStoreSnapshot({ settings: () => readSettings(false), backupVersion: BACKUP_VERSION, ...options });
}

/** A snapshot as an export file: it downloads like a backup and imports like one. */
export async function snapshotAsBackupText(snapshot: Snapshot, env: SnapshotEnv = {}): Promise<string> {
  const records = await readStoreSnapshot(snapshot, env);
  return serializeBackup({
    format: BACKUP_FORMAT,
    // Taken before an upgrade, by code that knows no export versions: from the database's.
    version: snapshot.backupVersion || backupVersionOfDatabase(snapshot.dbVersion),
    exportedAt: new Date(snapshot.at).toISOString(),
    ...records,
    settings: snapshot.settings,
  });
}

/**
 * What marks a snapshot as dealt with in this database: another database's id (restored here,
 * or turned down), or, for a snapshot of this very database offered because it is empty now,
 * that snapshot.
 */
export function settleKey(snapshot: Snapshot, instance: DatabaseInstance | undefined): string {
  return snapshot.instance === (instance?.id ?? '') ? `empty:${snapshot.id}` : snapshot.instance;
}

/**
 * The snapshot to offer at start, if any: one of a database other than this one (the browser
 * deleted the library and made a new one) that the user has not restored or turned down, or,
 * when this library is empty, the newest that holds anything. Never offered over a library that
 * is the snapshot's own.
 */
export function restoreCandidate(
  snapshots: readonly Snapshot[],
  instance: DatabaseInstance | undefined,
  libraryEmpty: boolean,
): Snapshot | null {
  const withRecords = snapshots.filter((s) => totalRecords(s) > 0).sort((a, b) => b.at - a.at);
  const settled = new Set(instance?.settled ?? []);
  // Only the newest snapshot of another database: older ones are older pictures of a library
  // the user has dealt with by now, or that the newest holds as well.
  const lost = withRecords.find((s) => s.instance !== (instance?.id ?? ''));
  // A snapshot from before database ids of the database that was then upgraded to have one is ours.
  const ours = lost && lost.instance === '' && instance !== undefined && !instance.fresh;
  if (lost && !ours && !settled.has(lost.instance)) return lost;
  return libraryEmpty ? (withRecords.find((s) => !settled.has(settleKey(s, instance))) ?? null) : null;
}

import { downloadFile } from '../backup/export';
import { STORES } from '../backup/format';
import { prepareImport, type ImportResult } from '../backup/import';
import {
  listSnapshots,
  restoreCandidate,
  settleKey,
  snapshotAsBackupText,
  takeSnapshot,
  totalRecords,
  type Snapshot,
  type SnapshotOutcome,
} from '../backup/snapshot';
import { countStored } from '../db/backup-reads';
import { getInstance, settleSnapshots } from '../db/meta';
import { importBackup } from './backup';

export type { Snapshot } from '../backup/snapshot';

/**
 * The automatic snapshots, as pages use them: the offer at start, restore, export, and a
 * snapshot on request. The background takes the automatic ones (lib/background/snapshot-feature.ts).
 */
export type RestoreOffer =
  | { kind: 'restore'; snapshot: Snapshot; lost: boolean }
  /** The database does not open at all: the snapshot can still be saved as a file. */
  | { kind: 'unopenable'; snapshot: Snapshot; error: unknown };

export async function restoreOffer(): Promise<RestoreOffer | null> {
  const snapshots = await listSnapshots().catch(() => [] as Snapshot[]);
  if (!snapshots.some((s) => totalRecords(s) > 0)) return null;
  let instance: Awaited<ReturnType<typeof getInstance>>;
  let empty: boolean;
  try {
    instance = await getInstance();
    const counts = await countStored();
    empty = STORES.every((store) => counts[store] === 0);
  } catch (error) {
    const newest = snapshots.find((s) => totalRecords(s) > 0)!;
    return { kind: 'unopenable', snapshot: newest, error };
  }
  const candidate = restoreCandidate(snapshots, instance, empty);
  if (!candidate) return null;
  return { kind: 'restore', snapshot: candidate, lost: candidate.instance !== (instance?.id ?? '') };
}

/**
 * Put a snapshot's records back, merged with what the library holds now (a restore never
 * deletes: a page saved since the loss stays). Its database is then settled: never offered again.
 */
export async function restoreSnapshot(snapshot: Snapshot): Promise<ImportResult> {
  const prepared = prepareImport(await snapshotAsBackupText(snapshot), 'snapshot.json');
  const result = await importBackup(prepared, { mode: 'merge' });
  await settleSnapshots([settleKey(snapshot, await getInstance())]);
  return result;
}

/** "Not now" on the offer: this snapshot is not offered again here (Settings still lists it). */
export async function declineRestore(snapshot: Snapshot): Promise<void> {
  await settleSnapshots([settleKey(snapshot, await getInstance())]);
}

/** learning-loop-snapshot-2026-12-01-2340.json (local time). */
export function snapshotFileName(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `learning-loop-snapshot-${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}.json`;
}

/** Download a snapshot as a backup file (it imports like any export). */
export async function exportSnapshot(snapshot: Snapshot, doc?: Document): Promise<{ fileName: string; bytes: number }> {
  const fileName = snapshotFileName(snapshot.at);
  const bytes = downloadFile(fileName, await snapshotAsBackupText(snapshot), 'application/json', doc);
  return { fileName, bytes };
}

/** A snapshot as a file the import form can read (Settings → Backup → Restore…). */
export async function snapshotAsFile(snapshot: Snapshot): Promise<File> {
  return new File([await snapshotAsBackupText(snapshot)], snapshotFileName(snapshot.at), { type: 'application/json' });
}

export function snapshotNow(): Promise<SnapshotOutcome> {
  return takeSnapshot({ reason: 'manual' });
}

export { listSnapshots };
export { snapshotsAvailable } from '../db/snapshot';
export { storageSpace, type StorageSpace } from '../backup/space';

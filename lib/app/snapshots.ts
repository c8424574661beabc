import { downloadFile } from '../backup/export';
import { STORES } from '../backup/format';
import { prepareImport } from '../backup/import';
import {
  listSnapshots,
  readSnapshot,
  restoreCandidate,
  settleKey,
  snapshotAsBackupText,
  takeSnapshot,
  totalRecords,
  type Snapshot,
  type SnapshotOutcome,
} from '../backup/snapshot';
import { holdsEverything, writeRestore } from '../backup/snapshot-restore';
import { countStored } from '../db/backup-reads';
import { getInstance, settleSnapshots } from '../db/meta';
import { storedIds } from '../db/snapshot-compare';
import { STORE_NAMES } from '../model/stores';
import { committed } from './commit';

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
  // Sync may have refilled the lost library already: with every record of the snapshot here,
  // there is nothing to offer, now or later (its database is settled).
  if (!empty && (await holdsSnapshot(candidate))) {
    await settleSnapshots([settleKey(candidate, instance)]);
    return null;
  }
  return { kind: 'restore', snapshot: candidate, lost: candidate.instance !== (instance?.id ?? '') };
}

/** Whether the library holds a record of every id the snapshot has (an unreadable snapshot: no). */
async function holdsSnapshot(snapshot: Snapshot): Promise<boolean> {
  try {
    const [records, here] = await Promise.all([readSnapshot(snapshot), storedIds()]);
    return holdsEverything(records, here);
  } catch {
    return false;
  }
}

export interface RestoreOutcome {
  /** Records put back. */
  added: number;
  /** Records of the snapshot the library held already (sync brought them back): left as they are. */
  kept: number;
}

/** More ids than this and a store is marked for sync whole rather than record by record. */
const MARKED_IDS = 1_000;

/**
 * Put back what of a snapshot the library is missing (lib/backup/snapshot-restore.ts): a record
 * present here stays as it is, whatever sync brought since the offer was made, and a restore
 * never deletes. Only what was put back is marked for sync. The snapshot's database is then
 * settled: never offered again.
 */
export async function restoreSnapshot(snapshot: Snapshot): Promise<RestoreOutcome> {
  const prepared = prepareImport(await snapshotAsBackupText(snapshot), 'snapshot.json');
  if (prepared.kind !== 'backup') throw new Error('A snapshot reads as a backup file');
  const result = await writeRestore(prepared.backup);
  let added = 0;
  for (const store of STORE_NAMES) {
    const ids = result.written[store];
    added += ids.length;
    if (ids.length) await committed({ stores: [store], ids: ids.length > MARKED_IDS ? [] : ids });
  }
  if (result.settings.length) await committed({ items: result.settings });
  await settleSnapshots([settleKey(snapshot, await getInstance())]);
  return { added, kept: result.kept };
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

import type { StoreName } from '../../../lib/model/stores';
import { getDb } from '../../../lib/db/open';
import { BACKUP_VERSION, STORES, type BackupRecords } from '../../../lib/backup/format';

export { random, sampleRecords } from './sample-data';

export async function seed(records: BackupRecords): Promise<void> {
  const db = await getDb();
  const tx = db.transaction([...STORES], 'readwrite');
  for (const store of STORES) for (const record of records[store]) void tx.objectStore(store).put(record as never);
  await tx.done;
}

export async function readAll(): Promise<BackupRecords> {
  const db = await getDb();
  const out = {} as Record<StoreName, unknown[]>;
  for (const store of STORES) out[store] = await db.getAll(store);
  return out as unknown as BackupRecords;
}

/** Same records regardless of order. */
export function sorted(records: BackupRecords): BackupRecords {
  const out = {} as Record<StoreName, unknown[]>;
  for (const store of STORES) out[store] = [...records[store]].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out as unknown as BackupRecords;
}

export async function wipe(): Promise<void> {
  const db = await getDb();
  const tx = db.transaction([...STORES], 'readwrite');
  for (const store of STORES) void tx.objectStore(store).clear();
  await tx.done;
}

/** A backup file's text for these records (what Export would download). */
export function backupText(records: BackupRecords, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'learning-loop',
    version: BACKUP_VERSION,
    exportedAt: '2025-01-01T00:00:00.000Z',
    ...records,
    settings: {},
    ...extra,
  });
}

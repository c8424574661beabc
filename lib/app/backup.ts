import { exportBackup, type ExportOptions, type ExportResult } from '../backup/export';
import { type ImportResult, importStores, type PreparedImport, type RunOptions, runImport } from '../backup/import';
import { dismissPopupReminder, type PopupReminder, popupReminder as reminderFor } from '../backup/reminder';
import { takeSnapshot } from '../backup/snapshot';
import { oldestCreatedAt } from '../db/backup-reminder';
import { lastExportAt } from '../settings';
import { committed, markBeforeWrite } from './commit';

/**
 * Backup: export, import and the reminder. An import may touch every store and the settings it
 * carries; the background re-plans whatever of its own those affect (alarms, menus, badge).
 */

/** The settings' backup panel reads these: the stores whole for its CSV, their counts before a replace. */
export { countStored, readAllRecords } from '../db/backup-reads';

export async function importBackup(prepared: PreparedImport, options: RunOptions = {}): Promise<ImportResult> {
  await snapshotBeforeImport(options.db);
  await markBeforeWrite(importStores(prepared.source));
  const result = await runImport(prepared, options);
  await importCommitted(result);
  return result;
}

/** The library as it was, kept apart, whatever the import does to it (a replace above all). */
export async function snapshotBeforeImport(db?: RunOptions['db']): Promise<void> {
  await takeSnapshot({ reason: 'import', ...(db ? { db } : {}) }).catch((error: unknown) =>
    console.warn('Learning Loop: no snapshot before the import', error),
  );
}

/** Every page and the background hear what an import wrote. */
export async function importCommitted(result: ImportResult): Promise<void> {
  await committed({ stores: importStores(result.source), items: result.settings });
}

/** Export everything as a download and remember when (for the reminder). */
export async function exportEverything(options: ExportOptions = {}, doc?: Document): Promise<ExportResult> {
  const now = options.now ?? Date.now();
  const result = await exportBackup({ ...options, now }, doc);
  await lastExportAt.setValue(now);
  await committed({ items: ['lastExportAt'] });
  return result;
}

/** What the popup's backup card needs, or null when it should not show (not due, or set aside this week). */
export async function popupReminder(now = Date.now()): Promise<PopupReminder | null> {
  return reminderFor(now, await oldestCreatedAt());
}

/** "Not now" on the backup card: it stays away for a week, and so does the badge. */
export async function dismissBackupReminder(now = Date.now()): Promise<void> {
  await dismissPopupReminder(now);
  await committed({ items: ['backupReminder'] });
}

import { browser } from 'wxt/browser';
import { LIBRARY_CHANGE_NOTICE_MS } from '../app/commit';
import { snapshotSchedule } from '../settings';
import { SNAPSHOT_ALARM } from './names';
import { SNAPSHOT_DELAY_MINUTES, snapshotQueue } from './snapshot-notice';

/* The automatic snapshot's alarm (what a change does is ./snapshot-notice.ts). */

/** Any extension API call resets the worker's idle timer; this one is cheap and harmless. */
async function keepWorkerAwake(): Promise<void> {
  try {
    await browser.runtime.getPlatformInfo();
  } catch {
    // Not there (a test's fake browser): nothing to keep awake.
  }
}

export function runScheduledSnapshot(now = Date.now()): Promise<void> {
  return snapshotQueue(async () => {
    const before = await snapshotSchedule.getValue();
    let lastError: string | null = null;
    try {
      // The snapshot's code loads for the alarm, not with each change that schedules it.
      const [{ takeSnapshot }, { readSettings }, { BACKUP_VERSION }] = await Promise.all([
        import('../db/snapshot-now'),
        import('../backup/settings'),
        import('../backup/format'),
      ]);
      await takeSnapshot({
        reason: 'auto',
        full: before.fullSince !== null,
        settings: () => readSettings(false),
        backupVersion: BACKUP_VERSION,
        now: () => now,
        onFileWritten: keepWorkerAwake,
      });
    } catch (error) {
      lastError = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 500);
    }
    const after = await snapshotSchedule.getValue();
    await snapshotSchedule.setValue({
      changedAt: after.changedAt,
      // A bulk change told while this snapshot ran still needs its full read.
      fullSince: lastError || (after.fullSince !== null && after.fullSince > now) ? after.fullSince : null,
      lastAttemptAt: now,
      lastError,
    });
    // Failed (a full disk): try again later. Changed while it read, or within a page's notice
    // interval before (a page tells of changes at most that often): once more.
    const again = lastError !== null || (after.changedAt !== null && after.changedAt > now - LIBRARY_CHANGE_NOTICE_MS);
    if (again) await browser.alarms.create(SNAPSHOT_ALARM, { when: Date.now() + SNAPSHOT_DELAY_MINUTES * 60_000 });
  });
}

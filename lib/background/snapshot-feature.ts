import { browser } from 'wxt/browser';
import type { Change } from '../messaging';
import { serialQueue } from '../serial';
import { snapshotSchedule } from '../settings';
import { SNAPSHOT_ALARM } from './names';

/** At most one automatic snapshot every few minutes after changes. */
export const SNAPSHOT_DELAY_MINUTES = 3;
/**
 * A page tells the background about its changes at most this often (lib/app/commit.ts), so a
 * change this soon after the snapshot read may not have been told: it gets another snapshot.
 */
export const CHANGE_NOTICE_MS = 60_000;

const serially = serialQueue();

/*
 * The automatic local snapshot (lib/backup/snapshot.ts) follows changes: the first change after
 * a snapshot sets an alarm a few minutes on; the alarm takes the snapshot of whatever changed by
 * then. The alarm and the state survive a stopped worker.
 */

/** A change to the library (any store): remember it and make sure a snapshot follows. */
export function noteLibraryChange(change: Change, now = Date.now()): Promise<void> {
  if (!change.stores.length) return Promise.resolve();
  return serially(async () => {
    const state = await snapshotSchedule.getValue();
    // Many records at once (an import, a restore): their times are their own, read every part.
    const bulk = change.stores.includes('resources') && !change.ids.length;
    await snapshotSchedule.setValue({
      ...state,
      changedAt: now,
      fullSince: bulk ? (state.fullSince ?? now) : state.fullSince,
    });
    if (!(await browser.alarms.get(SNAPSHOT_ALARM)))
      await browser.alarms.create(SNAPSHOT_ALARM, { when: now + SNAPSHOT_DELAY_MINUTES * 60_000 });
  });
}

/** Any extension API call resets the worker's idle timer; this one is cheap and harmless. */
async function keepWorkerAwake(): Promise<void> {
  try {
    await browser.runtime.getPlatformInfo();
  } catch {
    // Not there (a test's fake browser): nothing to keep awake.
  }
}

export function runScheduledSnapshot(now = Date.now()): Promise<void> {
  return serially(async () => {
    const before = await snapshotSchedule.getValue();
    let lastError: string | null = null;
    try {
      // The snapshot's code loads for the alarm, not with each change that schedules it.
      const [{ takeSnapshot }, { readSettings }, { BACKUP_VERSION }] = await Promise.all([
        import('../db/snapshot'),
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
    // Failed (a full disk): try again later. Changed just before or while it read: once more.
    const again = lastError !== null || (after.changedAt !== null && after.changedAt > now - CHANGE_NOTICE_MS);
    if (again) await browser.alarms.create(SNAPSHOT_ALARM, { when: Date.now() + SNAPSHOT_DELAY_MINUTES * 60_000 });
  });
}

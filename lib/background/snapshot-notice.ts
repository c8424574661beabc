import { browser } from 'wxt/browser';
import type { Change } from '../messaging';
import { serialQueue } from '../infra/serial';
import { snapshotSchedule } from '../settings';
import { SNAPSHOT_ALARM } from './names';

/** At most one automatic snapshot every few minutes after changes. */
export const SNAPSHOT_DELAY_MINUTES = 3;

/** The schedule's read-modify-writes, the change's and the alarm's, one at a time. */
export const snapshotQueue = serialQueue();

/*
 * The automatic local snapshot (lib/backup/snapshot.ts) follows changes: the first change after
 * a snapshot sets an alarm a few minutes on; the alarm takes the snapshot of whatever changed by
 * then (./snapshot-feature.ts, loaded for the alarm: a write's wake loads only this). The alarm
 * and the state survive a stopped worker.
 */

/** A change to the library (any store): remember it and make sure a snapshot follows. */
export function noteLibraryChange(change: Change, now = Date.now()): Promise<void> {
  if (!change.stores.length) return Promise.resolve();
  return snapshotQueue(async () => {
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

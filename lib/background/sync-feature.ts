import { browser } from 'wxt/browser';
import { syncNow } from '../app/sync-pass';
import type { Change } from '../messaging';
import { syncAccount } from '../settings';

export const SYNC_ALARM = 'sync';
export const SYNC_SOON_ALARM = 'sync-soon';
/** A one-shot pass this often while a server is connected (live replication needs an open library page). */
export const SYNC_EVERY_MINUTES = 15;
/** After a write, a pass this much later: a burst of typing is one pass. */
export const SYNC_AFTER_WRITE_MS = 30_000;

/**
 * Sync from the background: a one-shot pass on an alarm, never a live connection held in the
 * worker (it would keep it alive, and the browser stops it anyway). Nothing at all while no
 * server is connected: no alarm, no request.
 */
export function setupSyncFeature(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === SYNC_SOON_ALARM) void syncNow();
  });
  browser.runtime.onStartup.addListener(() => void ensureSyncAlarm());
  browser.runtime.onInstalled.addListener(() => void ensureSyncAlarm());
  // Connected or disconnected in any page: the alarm follows.
  syncAccount.watch(() => void ensureSyncAlarm());
}

export async function ensureSyncAlarm(): Promise<void> {
  const account = await syncAccount.getValue();
  if (!account) {
    await browser.alarms.clear(SYNC_ALARM);
    await browser.alarms.clear(SYNC_SOON_ALARM);
    return;
  }
  if (!(await browser.alarms.get(SYNC_ALARM)))
    await browser.alarms.create(SYNC_ALARM, { delayInMinutes: 1, periodInMinutes: SYNC_EVERY_MINUTES });
}

/** A change here: a pass shortly after (a pass already planned sooner stays). */
export async function onChangeForSync(change: Change, now = Date.now()): Promise<void> {
  if (!change.stores.length && !change.items.length) return;
  if (!(await syncAccount.getValue())) return;
  const planned = await browser.alarms.get(SYNC_SOON_ALARM);
  if (planned && planned.scheduledTime <= now + SYNC_AFTER_WRITE_MS) return;
  await browser.alarms.create(SYNC_SOON_ALARM, { when: now + SYNC_AFTER_WRITE_MS });
}

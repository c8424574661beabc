import { browser } from 'wxt/browser';
import type { Change } from '../messaging';
import { syncAccount } from '../settings';
import { SYNC_ALARM, SYNC_SOON_ALARM } from './names';

/** A one-shot pass this often while a server is connected (live replication needs an open library page). */
export const SYNC_EVERY_MINUTES = 15;
/** After a write, a pass this much later: a burst of typing is one pass. */
export const SYNC_AFTER_WRITE_MS = 30_000;

/**
 * Sync from the background: a one-shot pass on an alarm, never a live connection held in the
 * worker (it would keep it alive, and the browser stops it anyway). Nothing at all while no
 * server is connected: no alarm, no request.
 */
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

/** A pass now: the sync engine loads only for it (never while no server is connected). */
export async function syncNow(): Promise<void> {
  const { syncNow: pass } = await import('../app/sync-pass');
  await pass();
}

/** A change here: a pass shortly after (a pass already planned sooner stays). */
export async function onChangeForSync(change: Change, now = Date.now()): Promise<void> {
  if (!change.stores.length && !change.items.length) return;
  if (!(await syncAccount.getValue())) return;
  const planned = await browser.alarms.get(SYNC_SOON_ALARM);
  if (planned && planned.scheduledTime <= now + SYNC_AFTER_WRITE_MS) return;
  await browser.alarms.create(SYNC_SOON_ALARM, { when: now + SYNC_AFTER_WRITE_MS });
}

import { browser, type Browser } from 'wxt/browser';
import { isBackupDue, backupFacts, reminderAllowed } from '../backup/reminder';
import { oldestCreatedAt } from '../db/backup-reminder';
import { openNow } from '../db/open';
import { t, tn } from '../i18n';
import { libraryPath } from '../routes';
import { serialQueue } from '../infra/serial';
import { backupReminder } from '../settings';
import { markBadge } from './badge';
import { notify } from './notify';
import { BACKUP_ALARM, BACKUP_NOTIFICATION_ID } from './names';

const CHECK_EVERY_MINUTES = 24 * 60;

/**
 * Uninstalling deletes the data and disks fail: once a week, while a backup is due, a
 * notification; the popup shows a card (lib/backup/reminder.ts) and the badge follows that card.
 * An extension update opens the database at once, so its upgrade runs now and keeps every record.
 */
export async function onInstalled(reason: Browser.runtime.OnInstalledReason | string): Promise<void> {
  if (reason === 'update') {
    // Run the database's upgrade steps now rather than when a page first opens it.
    await openNow();
  }
  await ensureBackupAlarm();
}

/** Alarms do not always survive a browser restart: re-create it when missing. */
export async function ensureBackupAlarm(): Promise<void> {
  const existing = await browser.alarms.get(BACKUP_ALARM);
  if (!existing) await browser.alarms.create(BACKUP_ALARM, { delayInMinutes: 1, periodInMinutes: CHECK_EVERY_MINUTES });
}

const serially = serialQueue();

/** Serialised: an alarm and a change at once must not notify twice. */
export function syncBackupReminder(options: { now?: number; notify?: boolean } = {}): Promise<void> {
  return serially(() => syncNow(options.now ?? Date.now(), options.notify ?? true));
}

async function syncNow(now: number, shouldNotify: boolean): Promise<void> {
  const facts = await backupFacts(now, await oldestCreatedAt());
  const state = await backupReminder.getValue();
  const due = isBackupDue(facts);
  await markBadge('backup', due && reminderAllowed(state.dismissedAt, now));
  if (!due) {
    await browser.notifications.clear(BACKUP_NOTIFICATION_ID);
    return;
  }
  if (!shouldNotify || !reminderAllowed(state.notifiedAt, now)) return;
  await notify(BACKUP_NOTIFICATION_ID, () => ({
    title: t('backupNotifyTitle'),
    message:
      facts.lastExportAt === null
        ? t('backupNotifyNever')
        : tn('backupNotifyDays', Math.floor((now - facts.lastExportAt) / 86_400_000)),
  }));
  await backupReminder.setValue({ ...state, notifiedAt: now });
}

export async function onBackupNotificationClicked(): Promise<void> {
  await browser.notifications.clear(BACKUP_NOTIFICATION_ID);
  await browser.tabs.create({ url: browser.runtime.getURL(libraryPath('settings') as '/library.html') });
}

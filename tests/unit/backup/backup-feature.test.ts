import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeReasons } from '../../../lib/settings';
import { onBackupNotificationClicked, syncBackupReminder } from '../../../lib/background/backup-feature';
import { BACKUP_ALARM, BACKUP_NOTIFICATION_ID } from '../../../lib/background/names';
import { dismissPopupReminder } from '../../../lib/backup/reminder';
import { saveResource } from '../../../lib/db/resources';
import { backupReminder, lastExportAt } from '../../../lib/settings';
import { startBackground } from '../background-harness';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 1, 12);

async function notifications(): Promise<string[]> {
  return Object.keys(await fakeBrowser.notifications.getAll());
}

async function oldNotes(): Promise<void> {
  await saveResource(
    { url: 'https://a.example/', canonicalUrl: 'https://a.example/', kind: 'page', title: 'A' },
    { notes: 'keep me' },
    NOW - 45 * DAY,
  );
}

describe('backup reminder in the background', () => {
  it('creates its alarm on install and at browser start', async () => {
    const stop = startBackground();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(await browser.alarms.get(BACKUP_ALARM)).toMatchObject({ name: BACKUP_ALARM, periodInMinutes: 24 * 60 });
    await browser.alarms.clearAll();
    await fakeBrowser.runtime.onStartup.trigger();
    expect(await browser.alarms.get(BACKUP_ALARM)).toBeDefined();
    stop();
  });

  it('notifies when due, once a week, with the badge; nothing when not due', async () => {
    await syncBackupReminder({ now: NOW });
    expect(await notifications()).toEqual([]);
    expect(await badgeReasons.getValue()).toEqual([]);

    await oldNotes();
    await syncBackupReminder({ now: NOW });
    expect(await notifications()).toEqual([BACKUP_NOTIFICATION_ID]);
    expect((await fakeBrowser.notifications.getAll())[BACKUP_NOTIFICATION_ID]).toMatchObject({
      title: 'Time to back up Learning Loop',
    });
    expect(await badgeReasons.getValue()).toEqual(['backup']);
    expect((await backupReminder.getValue()).notifiedAt).toBe(NOW);

    await browser.notifications.clear(BACKUP_NOTIFICATION_ID);
    await syncBackupReminder({ now: NOW + 3 * DAY });
    expect(await notifications()).toEqual([]);
    await syncBackupReminder({ now: NOW + 7 * DAY });
    expect(await notifications()).toEqual([BACKUP_NOTIFICATION_ID]);
  });

  it('the alarm firing runs the check', async () => {
    const stop = startBackground();
    await oldNotes();
    await fakeBrowser.alarms.onAlarm.trigger({ name: BACKUP_ALARM, scheduledTime: Date.now() });
    expect(await notifications()).toEqual([BACKUP_NOTIFICATION_ID]);
    stop();
  });

  it('an export clears the badge and the notification; "Not now" in the popup clears the badge', async () => {
    await oldNotes();
    await syncBackupReminder({ now: NOW });
    expect(await badgeReasons.getValue()).toEqual(['backup']);
    await dismissPopupReminder(NOW);
    await syncBackupReminder({ now: NOW, notify: false });
    expect(await badgeReasons.getValue()).toEqual([]);

    await lastExportAt.setValue(NOW);
    await syncBackupReminder({ now: NOW });
    expect(await notifications()).toEqual([]);
    expect(await badgeReasons.getValue()).toEqual([]);
  });

  it('a click on the notification opens the backup settings', async () => {
    await onBackupNotificationClicked();
    const tabs = await browser.tabs.query({});
    expect(tabs.some((tab) => tab.url?.endsWith('/library.html#settings'))).toBe(true);
  });
});

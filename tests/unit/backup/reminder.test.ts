import { describe, expect, it } from 'vitest';
import { popupReminder } from '../../../lib/app/backup';
import {
  isBackupDue,
  dismissPopupReminder,
  reminderAllowed,
  BACKUP_DUE_AFTER_MS,
  REMIND_EVERY_MS,
} from '../../../lib/backup/reminder';
import { saveResource } from '../../../lib/db/resources';
import { lastExportAt } from '../../../lib/settings';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 1, 12);

describe('isBackupDue', () => {
  it.each([
    ['nothing worth keeping', { worthKeeping: 0, lastExportAt: null, oldestAt: null }, false],
    [
      'never exported, first note 10 days old',
      { worthKeeping: 5, lastExportAt: null, oldestAt: NOW - 10 * DAY },
      false,
    ],
    ['never exported, first note 31 days old', { worthKeeping: 5, lastExportAt: null, oldestAt: NOW - 31 * DAY }, true],
    ['exported 29 days ago', { worthKeeping: 5, lastExportAt: NOW - 29 * DAY, oldestAt: NOW - 400 * DAY }, false],
    ['exported 31 days ago', { worthKeeping: 5, lastExportAt: NOW - 31 * DAY, oldestAt: NOW - 400 * DAY }, true],
  ])('%s → %s', (_label, facts, due) => {
    expect(isBackupDue({ now: NOW, ...facts })).toBe(due);
  });

  it('uses 30 days and once a week', () => {
    expect(BACKUP_DUE_AFTER_MS).toBe(30 * DAY);
    expect(REMIND_EVERY_MS).toBe(7 * DAY);
    expect(reminderAllowed(null, NOW)).toBe(true);
    expect(reminderAllowed(NOW - 6 * DAY, NOW)).toBe(false);
    expect(reminderAllowed(NOW - 7 * DAY, NOW)).toBe(true);
    expect(reminderAllowed(NOW + DAY, NOW)).toBe(true);
  });
});

describe('the popup card', () => {
  it('shows when due, stays away a week after "Not now", and not after an export', async () => {
    expect(await popupReminder(NOW)).toBeNull();
    await saveResource(
      { url: 'https://a.example/', canonicalUrl: 'https://a.example/', kind: 'page', title: 'A' },
      {},
      NOW - 40 * DAY,
    );
    await saveResource(
      { url: 'https://b.example/', canonicalUrl: 'https://b.example/', kind: 'page', title: 'B' },
      {},
      NOW - 2 * DAY,
    );
    expect(await popupReminder(NOW)).toMatchObject({ facts: { lastExportAt: null, oldestAt: NOW - 40 * DAY } });

    await dismissPopupReminder(NOW);
    expect(await popupReminder(NOW + 6 * DAY)).toBeNull();
    expect(await popupReminder(NOW + 7 * DAY)).not.toBeNull();

    await lastExportAt.setValue(NOW + 7 * DAY);
    expect(await popupReminder(NOW + 8 * DAY)).toBeNull();
    expect(await popupReminder(NOW + 38 * DAY)).not.toBeNull();
  });
});

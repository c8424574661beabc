import { backupReminder, lastExportAt } from '../settings';

const DAY = 86_400_000;
/** A backup older than this (or none, for data older than this) is due. */
export const BACKUP_DUE_AFTER_MS = 30 * DAY;
/** Remind at most this often (notification; the popup card after "not now"). */
export const REMIND_EVERY_MS = 7 * DAY;

export interface BackupFacts {
  now: number;
  lastExportAt: number | null;
  /** Resources and reflections: what a user would hate to lose (0 or more; only 0 matters). */
  worthKeeping: number;
  /** createdAt of the oldest of those, if any. */
  oldestAt: number | null;
}

/**
 * Due when there is something worth keeping and it has gone unprotected for 30 days: the last
 * export is older than that, or there never was one and the oldest note is older than that (a
 * first-day user is not nagged about the one page they just saved).
 */
export function isBackupDue(facts: BackupFacts): boolean {
  if (facts.worthKeeping === 0) return false;
  const since = facts.lastExportAt ?? facts.oldestAt;
  if (since === null) return false;
  return facts.now - since > BACKUP_DUE_AFTER_MS;
}

/** Once a week: never reminded, or the last reminder is a week old (or from the future: a clock change). */
export function reminderAllowed(lastAt: number | null, now: number): boolean {
  return lastAt === null || now - lastAt >= REMIND_EVERY_MS || lastAt > now;
}

/**
 * `oldestAt`: createdAt of the oldest resource or reflection (lib/db/backup-reminder.ts), null when
 * there is none. That and not a count: the popup asks this on every open, and counting a
 * 100,000-record store would hold up its list.
 */
export async function backupFacts(now: number, oldestAt: number | null): Promise<BackupFacts> {
  return { now, lastExportAt: await lastExportAt.getValue(), worthKeeping: oldestAt === null ? 0 : 1, oldestAt };
}

export interface PopupReminder {
  facts: BackupFacts;
}

/** What the popup card needs, or null when it should not show (not due, or set aside this week). */
export async function popupReminder(now: number, oldestAt: number | null): Promise<PopupReminder | null> {
  const facts = await backupFacts(now, oldestAt);
  if (!isBackupDue(facts)) return null;
  const state = await backupReminder.getValue();
  if (!reminderAllowed(state.dismissedAt, now)) return null;
  return { facts };
}

/** "Not now": the card stays away for a week. */
export async function dismissPopupReminder(now = Date.now()): Promise<void> {
  const state = await backupReminder.getValue();
  await backupReminder.setValue({ ...state, dismissedAt: now });
}

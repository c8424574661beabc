import { storage } from 'wxt/utils/storage';
import type { LanguageChoice } from './i18n';

/**
 * Every setting and every piece of persisted background state, in one typed place.
 * Items have a fallback (a fresh install works without writing anything) and a version
 * (add a migration when a shape changes).
 */

export interface PromptSchedule {
  enabled: boolean;
  /** 0 = Sunday … 6 = Saturday, as Date.getDay(). */
  days: number[];
  /** Minutes after local midnight. */
  timeOfDay: number;
  quietHours: { enabled: boolean; start: number; end: number };
  snoozeMinutes: number;
}

export const DEFAULT_PROMPT_SCHEDULE: PromptSchedule = {
  enabled: true,
  days: [1, 2, 3, 4, 5],
  timeOfDay: 16 * 60,
  quietHours: { enabled: false, start: 22 * 60, end: 7 * 60 },
  snoozeMinutes: 60,
};

export const promptSchedule = storage.defineItem<PromptSchedule>('local:promptSchedule', {
  fallback: DEFAULT_PROMPT_SCHEDULE,
  version: 1,
});

/** Built-in prompt ids the user turned off. */
export const disabledBuiltInPrompts = storage.defineItem<string[]>('local:disabledBuiltInPrompts', {
  fallback: [],
  version: 1,
});

export const language = storage.defineItem<LanguageChoice>('local:language', {
  fallback: 'auto',
  version: 1,
});

/** Thumbnails are the only requests the extension makes on its own; users can turn them off. */
export const showThumbnails = storage.defineItem<boolean>('local:showThumbnails', {
  fallback: true,
  version: 1,
});

export type WebhookService = 'slack' | 'mattermost' | 'discord' | 'teams' | 'generic';
export interface WebhookSettings {
  url: string;
  service: WebhookService;
}
/** A secret: left out of exports unless the user asks. */
export const webhook = storage.defineItem<WebhookSettings | null>('local:webhook', {
  fallback: null,
  version: 1,
});

/** Background state: action id → the followUpAt already notified, so nobody is asked twice. */
export const followUpNotified = storage.defineItem<Record<string, number>>('local:followUpNotified', {
  fallback: {},
  version: 1,
});

/** What the user typed answering a follow-up in the popup, per action id (the popup closes on blur). */
export const followUpDrafts = storage.defineItem<Record<string, string>>('local:followUpDrafts', {
  fallback: {},
  version: 1,
});

/** The monthly learning-environment check: offered unless the user turns it off. */
export const assessmentReminder = storage.defineItem<boolean>('local:assessmentReminder', {
  fallback: true,
  version: 1,
});

/** Background state for the monthly check: first run (the clock for the first offer), "not now", last notified. */
export interface AssessmentScheduleState {
  anchorAt: number | null;
  snoozedUntil: number | null;
  notifiedDueAt: number | null;
}
export const assessmentSchedule = storage.defineItem<AssessmentScheduleState>('local:assessmentSchedule', {
  fallback: { anchorAt: null, snoozedUntil: null, notifiedDueAt: null },
  version: 1,
});

export const lastExportAt = storage.defineItem<number | null>('local:lastExportAt', {
  fallback: null,
  version: 1,
});

/** What the user typed in the popup before it lost focus, per canonical URL ('' for the prompt). */
export interface PopupDraft {
  note: string;
  tags: string;
  answer: string;
  answerPromptId?: string;
}
export const popupDraft = storage.defineItem<Record<string, PopupDraft>>('local:popupDraft', {
  fallback: {},
  version: 1,
});

/** The reflection prompt waiting for an answer: set by the background when one is due. */
export interface DuePromptState {
  promptId: string;
  group: string;
  kind: 'builtIn' | 'custom' | 'resource';
  /** The text as first shown (custom prompts; built-in text follows the language). */
  text: string;
  resourceId?: string;
  resourceTitle?: string;
  days?: number;
  shownAt: number;
}
export const duePrompt = storage.defineItem<DuePromptState | null>('local:duePrompt', {
  fallback: null,
  version: 1,
});

/**
 * The prompt alarm as the background last set it. `lastSlotShown` makes a missed prompt show
 * once at the next start, not once per missed slot.
 */
export interface PromptAlarmState {
  scheduledFor: number | null;
  reason: 'slot' | 'snooze';
  lastSlotShown: number | null;
}
export const promptAlarmState = storage.defineItem<PromptAlarmState>('local:promptAlarmState', {
  fallback: { scheduledFor: null, reason: 'slot', lastSlotShown: null },
  version: 1,
});

/** Prompts recently shown (answered or not), newest last, so rotation does not repeat them. */
export interface PromptShown {
  promptId: string;
  resourceId?: string;
  group: string;
  at: number;
}
export const promptHistory = storage.defineItem<PromptShown[]>('local:promptHistory', {
  fallback: [],
  version: 1,
});

/** Backup reminder bookkeeping: when the notification last went out, when the popup card was set aside. */
export interface BackupReminderState {
  notifiedAt: number | null;
  dismissedAt: number | null;
}
export const backupReminder = storage.defineItem<BackupReminderState>('local:backupReminder', {
  fallback: { notifiedAt: null, dismissedAt: null },
  version: 1,
});

/** When the welcome page was opened: once per install, even if the browser reports 'install' again. */
export const welcomeShownAt = storage.defineItem<number | null>('local:welcomeShownAt', {
  fallback: null,
  version: 1,
});

/** Why the toolbar icon wants attention. Written by the background alone; persisted because the worker that set it may be gone. */
export type BadgeReason = 'prompt' | 'follow-up' | 'assessment' | 'backup';
export const badgeReasons = storage.defineItem<BadgeReason[]>('local:badgeReasons', {
  fallback: [],
  version: 1,
});

/**
 * Every item by name: the application layer says which of these a command changed, and the
 * background decides what follows (alarms, badge, notifications).
 */
export const ITEMS = {
  promptSchedule,
  disabledBuiltInPrompts,
  language,
  showThumbnails,
  webhook,
  followUpNotified,
  followUpDrafts,
  assessmentReminder,
  assessmentSchedule,
  lastExportAt,
  popupDraft,
  duePrompt,
  promptAlarmState,
  promptHistory,
  backupReminder,
  welcomeShownAt,
  badgeReasons,
} as const;
export type ItemName = keyof typeof ITEMS;
export type ItemValue<K extends ItemName> = (typeof ITEMS)[K] extends { fallback: infer T } ? T : never;

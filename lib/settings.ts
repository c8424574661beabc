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

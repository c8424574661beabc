import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { defineStorageItem, type StorageItem } from './infra/storage-item';
import { LANGUAGE_CHOICES, type LanguageChoice } from './i18n';
import { isWebUrl, LIMITS } from './infra/limits';
import {
  IMPORTED_REVIEWS_PER_DAY,
  IMPORTED_REVIEWS_PER_DAY_MAX,
  IMPORTED_REVIEWS_PER_DAY_MIN,
} from './model/review-card';

/**
 * Every setting and every piece of persisted background state, in one typed place.
 * Items have a fallback (a fresh install works without writing anything) and a schema: a value of
 * the wrong shape (a downgrade, a damaged profile) reads as the fallback, with a note in the
 * console, never as a blank page. A shape that changes incompatibly takes a new key, with the old
 * one read once into it.
 */

export type Item<T> = StorageItem<T>;

function defineSetting<T>(key: string, options: { fallback: T; schema: v.GenericSchema<unknown, T> }): Item<T> {
  return defineStorageItem<T>(key, options.fallback, (value) => {
    if (value === null || value === undefined) return options.fallback;
    const result = v.safeParse(options.schema, value);
    if (result.success) return result.output;
    console.warn(`Learning Loop: the stored ${key} is not valid (${result.issues[0].message}); using the default.`);
    return options.fallback;
  });
}

const integer = v.pipe(v.number(), v.integer());
const time = v.pipe(integer, v.minValue(0), v.maxValue(8.64e15));
const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const minuteOfDay = v.pipe(v.number(), v.minValue(0), v.maxValue(24 * 60 - 1 / 60));

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

export const promptScheduleSchema = v.object({
  enabled: v.boolean(),
  days: v.pipe(v.array(v.pipe(integer, v.minValue(0), v.maxValue(6))), v.maxLength(7)),
  timeOfDay: minuteOfDay,
  quietHours: v.object({ enabled: v.boolean(), start: minuteOfDay, end: minuteOfDay }),
  snoozeMinutes: v.pipe(integer, v.minValue(1), v.maxValue(7 * 24 * 60)),
}) satisfies v.GenericSchema<unknown, PromptSchedule>;

export const promptSchedule = defineSetting<PromptSchedule>('promptSchedule', {
  fallback: DEFAULT_PROMPT_SCHEDULE,
  schema: promptScheduleSchema,
});

/** Built-in prompt ids the user turned off. */
export const disabledBuiltInPromptsSchema = v.pipe(v.array(shortText(200)), v.maxLength(1000));
export const disabledBuiltInPrompts = defineSetting<string[]>('disabledBuiltInPrompts', {
  fallback: [],
  schema: disabledBuiltInPromptsSchema,
});

export const languageSchema = v.picklist(LANGUAGE_CHOICES) satisfies v.GenericSchema<unknown, LanguageChoice>;
export const language = defineSetting<LanguageChoice>('language', {
  fallback: 'auto',
  schema: languageSchema,
});

/** Thumbnails are the only requests the extension makes on its own; users can turn them off. */
export const showThumbnails = defineSetting<boolean>('showThumbnails', {
  fallback: true,
  schema: v.boolean(),
});

export type WebhookService = 'slack' | 'mattermost' | 'discord' | 'teams' | 'generic';
export interface WebhookSettings {
  url: string;
  service: WebhookService;
}
/** A secret: left out of exports unless the user asks. */
export const webhookSchema = v.nullable(
  v.object({
    url: v.pipe(
      v.string(),
      v.check((value) => isWebUrl(value), 'web-url'),
    ),
    service: v.picklist(['slack', 'mattermost', 'discord', 'teams', 'generic']),
  }),
) satisfies v.GenericSchema<unknown, WebhookSettings | null>;
export const webhook = defineSetting<WebhookSettings | null>('webhook', {
  fallback: null,
  schema: webhookSchema,
});

/** The learning-environment condition the user put in the team digest, to talk about together. */
export interface DigestTopic {
  conditionId: string;
  /** Its score (1–5) in the check it came from. */
  score: number;
  assessmentId: string;
  addedAt: number;
}
export const digestTopicSchema = v.nullable(
  v.object({
    conditionId: shortText(100),
    score: v.pipe(integer, v.minValue(1), v.maxValue(5)),
    assessmentId: shortText(200),
    addedAt: time,
  }),
) satisfies v.GenericSchema<unknown, DigestTopic | null>;
export const digestTopic = defineSetting<DigestTopic | null>('digestTopic', {
  fallback: null,
  schema: digestTopicSchema,
});

/** Background state: action id → the followUpAt already notified, so nobody is asked twice. */
export const followUpNotified = defineSetting<Record<string, number>>('followUpNotified', {
  fallback: {},
  schema: v.record(v.string(), v.number()),
});

/** What the user typed answering a follow-up in the popup, per action id (the popup closes on blur). */
export const followUpDrafts = defineSetting<Record<string, string>>('followUpDrafts', {
  fallback: {},
  schema: v.record(v.string(), v.string()),
});

/** The monthly learning-environment check: offered unless the user turns it off. */
export const assessmentReminder = defineSetting<boolean>('assessmentReminder', {
  fallback: true,
  schema: v.boolean(),
});

/** Background state for the monthly check: first run (the clock for the first offer), "not now", last notified. */
export interface AssessmentScheduleState {
  anchorAt: number | null;
  snoozedUntil: number | null;
  notifiedDueAt: number | null;
}
export const assessmentSchedule = defineSetting<AssessmentScheduleState>('assessmentSchedule', {
  fallback: { anchorAt: null, snoozedUntil: null, notifiedDueAt: null },
  schema: v.object({ anchorAt: v.nullable(time), snoozedUntil: v.nullable(time), notifiedDueAt: v.nullable(time) }),
});

export const lastExportAt = defineSetting<number | null>('lastExportAt', {
  fallback: null,
  schema: v.nullable(time),
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
  quote?: string;
  shownAt: number;
}
export const duePrompt = defineSetting<DuePromptState | null>('duePrompt', {
  fallback: null,
  schema: v.nullable(
    v.object({
      promptId: v.string(),
      group: v.string(),
      kind: v.picklist(['builtIn', 'custom', 'resource']),
      text: v.string(),
      resourceId: v.optional(v.string()),
      resourceTitle: v.optional(v.string()),
      days: v.optional(v.number()),
      quote: v.optional(v.string()),
      shownAt: time,
    }),
  ),
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
export const promptAlarmState = defineSetting<PromptAlarmState>('promptAlarmState', {
  fallback: { scheduledFor: null, reason: 'slot', lastSlotShown: null },
  schema: v.object({
    scheduledFor: v.nullable(v.number()),
    reason: v.picklist(['slot', 'snooze']),
    lastSlotShown: v.nullable(v.number()),
  }),
});

/** Prompts recently shown (answered or not), newest last, so rotation does not repeat them. */
export interface PromptShown {
  promptId: string;
  resourceId?: string;
  group: string;
  at: number;
}
export const promptHistory = defineSetting<PromptShown[]>('promptHistory', {
  fallback: [],
  schema: v.array(
    v.object({ promptId: v.string(), resourceId: v.optional(v.string()), group: v.string(), at: v.number() }),
  ),
});

/** Backup reminder bookkeeping: when the notification last went out, when the popup card was set aside. */
export interface BackupReminderState {
  notifiedAt: number | null;
  dismissedAt: number | null;
}
export const backupReminder = defineSetting<BackupReminderState>('backupReminder', {
  fallback: { notifiedAt: null, dismissedAt: null },
  schema: v.object({ notifiedAt: v.nullable(time), dismissedAt: v.nullable(time) }),
});

/** When the welcome page was opened: once per install, even if the browser reports 'install' again. */
export const welcomeShownAt = defineSetting<number | null>('welcomeShownAt', {
  fallback: null,
  schema: v.nullable(time),
});

/** Why the toolbar icon wants attention. Written by the background alone; persisted because the worker that set it may be gone. */
export type BadgeReason = 'clipped' | 'prompt' | 'review' | 'follow-up' | 'assessment' | 'backup';
export const badgeReasons = defineSetting<BadgeReason[]>('badgeReasons', {
  fallback: [],
  schema: v.array(v.picklist(['clipped', 'prompt', 'review', 'follow-up', 'assessment', 'backup'])),
});

/**
 * What the badge's reasons are about, in the user's own words, for the popup's strip (the question's
 * first words, the follow-up's action): written with the reasons, bounded, and read in one storage
 * read with them (lib/pages/waiting.ts, which keeps both keys: a test holds them equal).
 */
export type BadgeWords = Partial<Record<'prompt' | 'follow-up', string>>;
export const badgeWords = defineSetting<BadgeWords>('badgeWords', {
  fallback: {},
  schema: v.object({
    prompt: v.optional(shortText(LIMITS.waitingWords)),
    'follow-up': v.optional(shortText(LIMITS.waitingWords)),
  }),
});

/** How many of the user's own takeaways, quotes and clips come back with each prompt (0: none). */
export const REVIEWS_PER_PROMPT_MAX = 10;
export const reviewsPerPrompt = defineSetting<number>('reviewsPerPrompt', {
  fallback: 3,
  schema: v.pipe(integer, v.minValue(0), v.maxValue(REVIEWS_PER_PROMPT_MAX)),
});

/** How many imported highlights' review cards may first come due a day (lib/review/spread.ts). */
export const importedReviewsPerDay = defineSetting<number>('importedReviewsPerDay', {
  fallback: IMPORTED_REVIEWS_PER_DAY,
  schema: v.pipe(integer, v.minValue(IMPORTED_REVIEWS_PER_DAY_MIN), v.maxValue(IMPORTED_REVIEWS_PER_DAY_MAX)),
});

/**
 * Today's review, opened by the background at the prompt's time (also when prompts are off):
 * the popup shows up to `reviewsPerPrompt` due cards, less those answered since. Null: nothing
 * to show until the next slot.
 */
export interface ReviewSessionState {
  startedAt: number;
  answered: number;
}
export const reviewSession = defineSetting<ReviewSessionState | null>('reviewSession', {
  fallback: null,
  schema: v.nullable(v.object({ startedAt: time, answered: v.pipe(integer, v.minValue(0)) })),
});

/** How long a "Clip the last N s" segment is (the popup's clip box). */
export const CLIP_SEGMENT_CHOICES = [15, 30, 60, 120] as const;
export const clipSegmentSeconds = defineSetting<number>('clipSegmentSeconds', {
  fallback: 30,
  schema: v.pipe(integer, v.minValue(5), v.maxValue(600)),
});

/** The side panel's note box pauses a playing video at a note's first keystroke (plays it again after). */
export const pauseWhileTyping = defineSetting<boolean>('pauseWhileTyping', {
  fallback: true,
  schema: v.boolean(),
});

/**
 * The automatic snapshots' bookkeeping (lib/background/snapshot-feature.ts): when the library
 * last changed, since when a change needs every part read again (an import keeps the records'
 * own times), and how the last attempt went (Settings says when it failed).
 */
export interface SnapshotScheduleState {
  changedAt: number | null;
  fullSince: number | null;
  lastAttemptAt: number | null;
  lastError: string | null;
}
export const snapshotSchedule = defineSetting<SnapshotScheduleState>('snapshotSchedule', {
  fallback: { changedAt: null, fullSince: null, lastAttemptAt: null, lastError: null },
  schema: v.object({
    changedAt: v.nullable(time),
    fullSince: v.nullable(time),
    lastAttemptAt: v.nullable(time),
    lastError: v.nullable(shortText(500)),
  }),
});

/**
 * Sync and team (docs/TEAM-SPACE.md): the CouchDB server the user connected, off until then.
 * `server` is an origin (https, or http on localhost/127.0.0.1) with an optional path prefix.
 */
export interface SyncAccount {
  server: string;
  user: string;
  /** The user's own database: every record of theirs, replicated between their devices. */
  database: string;
  /** The team's database, when the user joined one. */
  teamDatabase: string | null;
  connectedAt: number;
}
export const syncAccountSchema = v.nullable(
  v.object({
    server: v.pipe(
      shortText(500),
      v.check((value) => /^https?:\/\//.test(value), 'web-url'),
    ),
    user: v.pipe(shortText(200), v.minLength(1)),
    database: v.pipe(shortText(238), v.minLength(1)),
    teamDatabase: v.nullable(v.pipe(shortText(238), v.minLength(1))),
    connectedAt: time,
  }),
) satisfies v.GenericSchema<unknown, SyncAccount | null>;
// The key lib/sync/connection.ts reads for the connection alone (a test keeps the two the same).
export const syncAccount = defineSetting<SyncAccount | null>('syncAccount', {
  fallback: null,
  schema: syncAccountSchema,
});

/** A secret: stored in this browser only, never exported, never synced, shown masked. */
export const syncPassword = defineSetting<string | null>('syncPassword', {
  fallback: null,
  schema: v.nullable(shortText(1000)),
});

/** Why the last sync did not finish, in the words the status shows (`classifyError` in lib/sync/remote.ts; components/sync/words.ts words them). */
export const SYNC_ERRORS = [
  'unreachable',
  'signed-out',
  'not-member',
  'no-database',
  'no-replication',
  'permission',
  'failed',
] as const;
export type SyncErrorKind = (typeof SYNC_ERRORS)[number];
export interface SyncSkipped {
  id: string;
  reason: string;
}
export interface SyncStatus {
  lastSyncedAt: number | null;
  lastAttemptAt: number | null;
  error: SyncErrorKind | null;
  /** Records changed here and not yet on the server. */
  pending: number;
  /** Documents from the server that failed validation: never written, listed here. */
  skipped: SyncSkipped[];
  teamSyncedAt: number | null;
  teamError: SyncErrorKind | null;
}
export const EMPTY_SYNC_STATUS: SyncStatus = {
  lastSyncedAt: null,
  lastAttemptAt: null,
  error: null,
  pending: 0,
  skipped: [],
  teamSyncedAt: null,
  teamError: null,
};
const syncErrorSchema = v.nullable(v.picklist(SYNC_ERRORS));
export const syncStatus = defineSetting<SyncStatus>('syncStatus', {
  fallback: EMPTY_SYNC_STATUS,
  schema: v.object({
    lastSyncedAt: v.nullable(time),
    lastAttemptAt: v.nullable(time),
    error: syncErrorSchema,
    pending: v.pipe(integer, v.minValue(0)),
    skipped: v.pipe(v.array(v.object({ id: shortText(600), reason: shortText(300) })), v.maxLength(100)),
    teamSyncedAt: v.nullable(time),
    teamError: syncErrorSchema,
  }),
});

/** What marking a resource shared does with a team space connected, and what a publish includes. */
export interface TeamPublishChoice {
  /** null: ask the first time. */
  publish: boolean | null;
  include: { takeaways: boolean; quotes: boolean; clips: boolean };
}
export const teamPublishChoice = defineSetting<TeamPublishChoice>('teamPublishChoice', {
  fallback: { publish: null, include: { takeaways: true, quotes: true, clips: true } },
  schema: v.object({
    publish: v.nullable(v.boolean()),
    include: v.object({ takeaways: v.boolean(), quotes: v.boolean(), clips: v.boolean() }),
  }),
});

/**
 * Reactions to the user's shared items the user has seen, as the time of the newest: a synced
 * setting, so news dismissed on one device is not news on another (lib/team/news.ts).
 */
export const teamNewsSeen = defineSetting<number>('teamNewsSeen', { fallback: 0, schema: time });

export type TeamNewsKind = 'thanks' | 'trying' | 'tried' | 'comment';
export interface TeamNewsLine {
  who: string;
  kind: TeamNewsKind;
  title: string;
  /** A comment's words, or what happened on a tried-it (capped). */
  text?: string;
  at: number;
}
/** News for you: what teammates did with what you shared, since you last looked (counts, a few lines). */
export interface TeamNews {
  /** Teammates who thanked, are trying or tried; comments. */
  thanked: number;
  trying: number;
  tried: number;
  comments: number;
  lines: TeamNewsLine[];
  /** The newest reaction's time: dismissing moves the seen mark here. */
  latestAt: number;
}
/**
 * Written by the sync pass (background or page) from the team space's copy, read by the popup,
 * which loads no sync code; bounded by its schema as well as by its writer.
 */
export const teamNews = defineSetting<TeamNews | null>('teamNews', {
  fallback: null,
  schema: v.nullable(
    v.object({
      thanked: v.pipe(integer, v.minValue(0)),
      trying: v.pipe(integer, v.minValue(0)),
      tried: v.pipe(integer, v.minValue(0)),
      comments: v.pipe(integer, v.minValue(0)),
      lines: v.pipe(
        v.array(
          v.object({
            who: shortText(50),
            kind: v.picklist(['thanks', 'trying', 'tried', 'comment']),
            title: shortText(120),
            text: v.optional(shortText(200)),
            at: time,
          }),
        ),
        v.maxLength(10),
      ),
      latestAt: time,
    }),
  ),
});

/**
 * When each setting was chosen: by the user (in Settings, or importing a backup; choosing the
 * fallback counts), or on another device, as sync brought it. Sync merges setting by setting and
 * the later choice wins; a setting never chosen (no time) never wins (lib/sync/settings-merge.ts).
 * One key per setting, so two pages choosing two settings at once never overwrite each other's.
 */
const chosenAtItems = new Map<ItemName, Item<number | null>>();
export function settingChosenAt(name: ItemName): Item<number | null> {
  let item = chosenAtItems.get(name);
  if (!item) {
    item = defineSetting<number | null>(`settingChosenAt/${name}`, { fallback: null, schema: v.nullable(time) });
    chosenAtItems.set(name, item);
  }
  return item;
}

export interface SettingChoice {
  name: ItemName;
  /** Already valid for its item (the caller's type or a schema checked it). */
  value: unknown;
  at: number;
}

/**
 * Settings written with the time each was chosen, in one storage write: a page closed between
 * two writes would leave a value without its time (then any other device's choice wins over it).
 */
export async function chooseSettings(choices: readonly SettingChoice[]): Promise<void> {
  if (!choices.length) return;
  const set: Record<string, unknown> = {};
  const removed: string[] = [];
  for (const { name, value, at } of choices) {
    set[settingChosenAt(name).key] = at;
    // null puts an item back to its fallback, as its setValue does.
    if (value === null || value === undefined) removed.push(ITEMS[name].key);
    else set[ITEMS[name].key] = value;
  }
  await browser.storage.local.set(set);
  if (removed.length) await browser.storage.local.remove(removed);
}

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
  digestTopic,
  followUpNotified,
  followUpDrafts,
  assessmentReminder,
  assessmentSchedule,
  lastExportAt,
  duePrompt,
  promptAlarmState,
  promptHistory,
  backupReminder,
  welcomeShownAt,
  badgeReasons,
  badgeWords,
  reviewsPerPrompt,
  importedReviewsPerDay,
  reviewSession,
  snapshotSchedule,
  clipSegmentSeconds,
  pauseWhileTyping,
  syncAccount,
  syncPassword,
  syncStatus,
  teamPublishChoice,
  teamNewsSeen,
  teamNews,
} as const;
export type ItemName = keyof typeof ITEMS;
export type ItemValue<K extends ItemName> = (typeof ITEMS)[K] extends { fallback: infer T } ? T : never;

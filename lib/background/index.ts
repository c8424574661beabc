import { browser, type Browser } from 'wxt/browser';
import { reactToChangesHere } from '../app/commit';
import { openSidePanel } from '../app/side-panel-open';
import { watchConnection } from '../sync/connection';
import type { Change } from '../messaging';
import { onMessage } from '../messaging-transport';
import { onNotificationButton } from './notification-buttons';
import {
  ASSESSMENT_ALARM,
  ASSESSMENT_NOTIFICATION_PREFIX,
  BACKUP_ALARM,
  BACKUP_NOTIFICATION_ID,
  CLIP_CONFIRMED_ALARM,
  COMMAND_CLIP,
  COMMAND_OPEN_PANEL,
  COMMAND_SAVE_PAGE,
  FOLLOW_UP_ALARM,
  FOLLOW_UP_NOTIFICATION_PREFIX,
  MENU_CLIP,
  MENU_SAVE_LINK,
  MENU_SAVE_PAGE,
  MENU_SAVE_QUOTE,
  PROMPT_ALARM,
  PROMPT_NOTIFICATION_PREFIX,
  SNAPSHOT_ALARM,
  SYNC_ALARM,
  SYNC_SOON_ALARM,
} from './names';

/*
 * The service worker's entry: every listener, registered synchronously so the event that woke
 * the worker finds it, and nothing else. Each event loads the one feature its name routes to
 * (Chrome: chunks imported at install, scripts/background-chunks.ts), so a wake parses what it
 * runs, not everything the background can do.
 */
let inFlight = 0;

/** Work an event started, counted until it settles (tests wait for none: a lazy load takes turns). */
function tracked<T>(work: Promise<T>): Promise<T> {
  inFlight++;
  return work.finally(() => inFlight--);
}

export function backgroundWorkInFlight(): number {
  return inFlight;
}

function track<Args extends unknown[]>(
  handler: (...args: Args) => Promise<unknown> | undefined,
): (...args: Args) => Promise<unknown> | undefined {
  return (...args) => {
    const work = handler(...args);
    return work && tracked(work);
  };
}

const save = () => import('./save-feature');
const menus = () => import('./menus');
const badge = () => import('./badge');
const clip = () => import('./clip-feature');
const quote = () => import('./quote-feature');
const prompt = () => import('./prompt-feature');
const promptSchedule = () => import('./prompt-schedule');
const followUp = () => import('./follow-up-feature');
const assessment = () => import('./assessment-feature');
const backup = () => import('./backup-feature');
const snapshot = () => import('./snapshot-feature');
const sync = () => import('./sync-feature');

/** What follows a change, wherever it was made (lib/background/changes-feature.ts). */
export function reactToChange(change: Change): Promise<void> {
  return tracked(import('./changes-feature').then((feature) => feature.reactToChange(change)));
}

const syncPass = () => sync().then((feature) => feature.syncNow());
const ALARMS: Record<string, (alarm: Browser.alarms.Alarm) => Promise<unknown>> = {
  [CLIP_CONFIRMED_ALARM]: () => badge().then((button) => button.endConfirmation()),
  [PROMPT_ALARM]: (alarm) => promptSchedule().then((schedule) => schedule.onPromptAlarm(alarm.scheduledTime)),
  [FOLLOW_UP_ALARM]: () => followUp().then((feature) => feature.syncFollowUps()),
  [ASSESSMENT_ALARM]: () => assessment().then((feature) => feature.syncAssessment()),
  [BACKUP_ALARM]: () => backup().then((feature) => feature.syncBackupReminder()),
  [SNAPSHOT_ALARM]: () => snapshot().then((feature) => feature.runScheduledSnapshot()),
  [SYNC_ALARM]: syncPass,
  [SYNC_SOON_ALARM]: syncPass,
};

// Listeners return their work, so a test's trigger() (and nothing in a browser) waits for it.
function onAlarm(alarm: Browser.alarms.Alarm): Promise<unknown> | undefined {
  return ALARMS[alarm.name]?.(alarm);
}

function onNotificationClicked(id: string): Promise<unknown> | undefined {
  if (id.startsWith(PROMPT_NOTIFICATION_PREFIX)) return prompt().then((feature) => feature.openAnswer());
  if (id.startsWith(FOLLOW_UP_NOTIFICATION_PREFIX)) return followUp().then((feature) => feature.onFollowUpClicked(id));
  if (id.startsWith(ASSESSMENT_NOTIFICATION_PREFIX))
    return assessment().then((feature) => feature.onAssessmentClicked(id));
  if (id === BACKUP_NOTIFICATION_ID) return backup().then((feature) => feature.onBackupNotificationClicked());
  return undefined;
}

function onButtonClicked(id: string, index: number): Promise<unknown> | undefined {
  if (id.startsWith(PROMPT_NOTIFICATION_PREFIX)) return prompt().then((feature) => feature.onPromptButton(index));
  if (id.startsWith(FOLLOW_UP_NOTIFICATION_PREFIX))
    return followUp().then((feature) => feature.onFollowUpButton(id, index));
  return undefined;
}

function onMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<unknown> | undefined {
  switch (info.menuItemId) {
    case MENU_SAVE_PAGE:
    case MENU_SAVE_LINK:
      return save().then((feature) => feature.onMenuClicked(info, tab));
    case MENU_CLIP:
      return tab ? clip().then((feature) => feature.clipTab(tab)) : undefined;
    case MENU_SAVE_QUOTE:
      return quote().then((feature) => feature.quoteFromMenu(info, tab));
    default:
      return undefined;
  }
}

function onCommand(command: string, tab?: Browser.tabs.Tab): Promise<unknown> | undefined {
  // Opened first and synchronously: a lazy import before it would lose the shortcut's gesture.
  if (command === COMMAND_OPEN_PANEL) return openSidePanel(tab?.windowId);
  if (command === COMMAND_SAVE_PAGE) return save().then((feature) => feature.onCommand(command, tab));
  if (command === COMMAND_CLIP) return clip().then((feature) => feature.clipActiveTab(tab));
  return undefined;
}

function onInstalled(details: Browser.runtime.InstalledDetails): Promise<unknown> {
  return Promise.all([
    menus().then((menu) => menu.createMenus()),
    prompt().then((feature) => feature.onInstalled(details.reason)),
    followUp().then((feature) => feature.syncFollowUps()),
    assessment().then((feature) => feature.syncAssessment()),
    backup().then((feature) => feature.onInstalled(details.reason)),
    sync().then((feature) => feature.ensureSyncAlarm()),
  ]);
}

/** Menus, alarms and the badge do not always survive a browser restart. */
function onStartup(): Promise<unknown> {
  return Promise.all([
    menus().then((menu) => menu.createMenus()),
    prompt().then((feature) => feature.onStartup()),
    followUp().then((feature) => feature.syncFollowUps()),
    assessment().then((feature) => feature.syncAssessment()),
    backup().then((feature) => feature.ensureBackupAlarm()),
    sync().then((feature) => feature.ensureSyncAlarm()),
  ]);
}

/** Returns what undoes what can be undone (tests start a background per test). */
export function setupBackground(): () => void {
  browser.runtime.onInstalled.addListener(track(onInstalled));
  browser.runtime.onStartup.addListener(track(onStartup));
  browser.alarms.onAlarm.addListener(track(onAlarm));
  browser.notifications.onClicked.addListener(track(onNotificationClicked));
  // Firefox has no notification buttons: the click is all it gets.
  onNotificationButton(track(onButtonClicked));
  browser.contextMenus.onClicked.addListener(track(onMenuClicked));
  browser.commands.onCommand.addListener(track(onCommand));
  // Connected or disconnected in any page: the sync alarm follows.
  const unwatchConnection = watchConnection(() => void tracked(sync().then((feature) => feature.ensureSyncAlarm())));
  // A page's command arrives as the `changed` message (which wakes a stopped worker); the
  // background's own commands react in this context, since a worker cannot message itself.
  const stopMessages = onMessage('changed', ({ data }) => reactToChange(data));
  reactToChangesHere(reactToChange);
  // A worker woken by anything may find a prompt slot that passed while it (or the browser) slept.
  void tracked(promptSchedule().then((schedule) => schedule.ensurePromptAlarm()));
  return () => {
    stopMessages();
    reactToChangesHere(null);
    unwatchConnection();
  };
}

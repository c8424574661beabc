import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { choosePrompt, recordShown } from '../prompts/choose';
import { askedText, dueToCandidate, PROMPT_NOTIFICATION_PREFIX } from '../prompts/due';
import { hostTimeZone, nextPromptAt } from '../prompts/schedule';
import { listDueReviews } from '../db/reviews';
import { endOfLocalDay } from '../review/card';
import { libraryPath } from '../routes';
import { serialQueue } from '../serial';
import {
  duePrompt,
  promptAlarmState,
  promptSchedule,
  reviewSession,
  reviewsPerPrompt,
  welcomeShownAt,
  type DuePromptState,
  type PromptAlarmState,
} from '../settings';
import { markBadge, renderBadge } from './badge';
import { clearNotifications, notify, onNotificationButton } from './notify';

export const PROMPT_ALARM = 'prompt';
const BUTTON_ANSWER = 0;
const BUTTON_LATER = 1;
const MINUTE = 60_000;

/**
 * Reflection prompts: one alarm ('prompt') set for the next slot with `when`, re-created at every
 * start and after every prompt, settings change or `reschedule` message. No timers: the worker
 * may sleep between any two events, so everything that matters is in storage.
 */
export function setupPromptFeature(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PROMPT_ALARM) void onPromptAlarm(alarm.scheduledTime);
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id.startsWith(PROMPT_NOTIFICATION_PREFIX)) void openAnswer();
  });
  // Firefox has no notification buttons: the click above is all it gets.
  onNotificationButton((id, index) => {
    if (id.startsWith(PROMPT_NOTIFICATION_PREFIX)) void onPromptButton(index);
  });
  browser.runtime.onInstalled.addListener((details) => void onInstalled(details.reason));
  browser.runtime.onStartup.addListener(() => {
    void renderBadge().catch(() => undefined);
    void ensurePromptAlarm();
  });
  // A worker woken by anything may find a slot that passed while it (or the browser) slept.
  void ensurePromptAlarm();
}

// Alarm, start-up and settings events can arrive together: one at a time, in order.
const serially = serialQueue();

export function onPromptAlarm(scheduledTime: number, now = Date.now()): Promise<void> {
  // An alarm never fires early, but clocks may disagree by a few ms.
  return ensurePromptAlarm(Math.max(now, scheduledTime));
}

/**
 * Show the prompt whose slot has passed and was not shown yet (a missed one shows once, however
 * many slots passed while the browser was closed), then set the alarm for the next slot.
 * Idempotent: calling it twice changes nothing the second time.
 */
export function ensurePromptAlarm(now = Date.now()): Promise<void> {
  return serially(async () => {
    const state = await promptAlarmState.getValue();
    if (
      state.scheduledFor !== null &&
      state.scheduledFor <= now &&
      (state.lastSlotShown ?? -Infinity) < state.scheduledFor
    ) {
      await showDuePrompt(state, now);
    }
    await scheduleNext(now);
  });
}

async function scheduleNext(now: number): Promise<void> {
  const [schedule, state, reviews] = await Promise.all([
    promptSchedule.getValue(),
    promptAlarmState.getValue(),
    reviewsPerPrompt.getValue(),
  ]);
  let when: number | null;
  let reason: PromptAlarmState['reason'] = 'slot';
  // With prompts off, the review still comes on the prompt's days and time.
  if (!schedule.enabled && reviews === 0) when = null;
  else if (state.reason === 'snooze' && state.scheduledFor !== null && state.scheduledFor > now) {
    when = state.scheduledFor;
    reason = 'snooze';
  } else when = nextPromptAt(now, { ...schedule, enabled: true }, hostTimeZone());

  if (when === null) {
    await browser.alarms.clear(PROMPT_ALARM);
  } else {
    const existing = await browser.alarms.get(PROMPT_ALARM);
    if (!existing || existing.scheduledTime !== when) await browser.alarms.create(PROMPT_ALARM, { when });
  }
  if (state.scheduledFor !== when || state.reason !== reason)
    await promptAlarmState.setValue({ ...state, scheduledFor: when, reason });
}

async function showDuePrompt(state: PromptAlarmState, now: number): Promise<void> {
  await promptAlarmState.setValue({ ...state, lastSlotShown: now });
  // A slot (not a snooze) opens today's review: the user's own takeaways come back with the prompt.
  if (state.reason !== 'snooze') await openReviewSession(now);
  const schedule = await promptSchedule.getValue();
  if (!schedule.enabled) return;
  let due = await duePrompt.getValue();
  if (state.reason === 'snooze') {
    // Later means the same question, later; answered meanwhile means nothing to ask.
    if (!due) return;
  } else {
    const picked = await choosePrompt(now);
    if (!picked) return;
    due = {
      promptId: picked.promptId,
      group: picked.group,
      kind: picked.kind,
      text: askedText(picked),
      ...(picked.resourceId ? { resourceId: picked.resourceId } : {}),
      ...(picked.resourceTitle ? { resourceTitle: picked.resourceTitle } : {}),
      ...(picked.days !== undefined ? { days: picked.days } : {}),
      ...(picked.quote ? { quote: picked.quote } : {}),
      shownAt: now,
    };
    await duePrompt.setValue(due);
    await recordShown(picked, now);
  }
  await notifyDue(due, now);
  await markBadge('prompt', true);
}

/** The prompt as a notification, in the chosen language, with Answer and Later where buttons exist. */
export async function notifyDue(due: DuePromptState, now: number): Promise<void> {
  await clearPromptNotifications();
  await notify(`${PROMPT_NOTIFICATION_PREFIX}${now}`, () => ({
    title: t('promptNotificationTitle'),
    message: askedText(dueToCandidate(due)),
    buttons: [t('promptAnswer'), t('promptLater')],
  }));
}

export function clearPromptNotifications(): Promise<void> {
  return clearNotifications(PROMPT_NOTIFICATION_PREFIX);
}

/**
 * A page answered or skipped the due prompt (the application layer cleared it): the badge and
 * the notification go. Only the background touches either.
 */
export async function onDuePromptChanged(): Promise<void> {
  if ((await duePrompt.getValue()) !== null) return;
  await Promise.all([markBadge('prompt', false), clearPromptNotifications().catch(() => undefined)]);
}

/**
 * Today's review: when cards are due (by the end of today) and the user wants some with the
 * prompt, the popup shows them and the badge says so; else there is nothing to show.
 */
export async function openReviewSession(now: number): Promise<void> {
  const limit = await reviewsPerPrompt.getValue();
  const due = limit > 0 ? await listDueReviews(endOfLocalDay(now), 1) : [];
  await reviewSession.setValue(due.length ? { startedAt: now, answered: 0 } : null);
  await markBadge('review', due.length > 0);
}

/** A page answered the last of today's cards (the application layer closed the session). */
export async function onReviewSessionChanged(): Promise<void> {
  await markBadge('review', (await reviewSession.getValue()) !== null);
}

export async function onPromptButton(index: number, now = Date.now()): Promise<void> {
  if (index === BUTTON_ANSWER) await openAnswer();
  else if (index === BUTTON_LATER) await snoozePrompt(now);
}

/** Later: the same prompt again after the snooze length; the notification and badge go meanwhile. */
export function snoozePrompt(now = Date.now()): Promise<void> {
  return serially(async () => {
    const [schedule, state] = await Promise.all([promptSchedule.getValue(), promptAlarmState.getValue()]);
    const when = now + Math.max(1, schedule.snoozeMinutes) * MINUTE;
    await promptAlarmState.setValue({ ...state, scheduledFor: when, reason: 'snooze' });
    await putOff(when);
  });
}

async function putOff(when: number): Promise<void> {
  await browser.alarms.create(PROMPT_ALARM, { when });
  await clearPromptNotifications();
  await markBadge('prompt', false);
}

/** A page's Later (lib/app/reflections.ts wrote the snooze): the alarm, notification and badge follow. */
export function onPromptSnoozed(now = Date.now()): Promise<void> {
  return serially(async () => {
    const state = await promptAlarmState.getValue();
    if (state.reason === 'snooze' && state.scheduledFor !== null && state.scheduledFor > now)
      await putOff(state.scheduledFor);
  });
}

type ActionApi = { openPopup?: () => Promise<void> };

/** Answer: the popup where the browser allows opening it, else the journal with the prompt ready. */
export async function openAnswer(): Promise<void> {
  const due = await duePrompt.getValue();
  await clearPromptNotifications().catch(() => undefined);
  const action = (browser.action ?? (browser as unknown as { browserAction?: ActionApi }).browserAction) as
    | ActionApi
    | undefined;
  try {
    if (typeof action?.openPopup === 'function') {
      await action.openPopup();
      return;
    }
  } catch {
    // No focused window, or no user gesture: fall through to the journal.
  }
  const query: Record<string, string> = due
    ? { prompt: due.promptId, ...(due.resourceId ? { resource: due.resourceId } : {}) }
    : {};
  await browser.tabs.create({ url: browser.runtime.getURL(libraryPath('journal', undefined, query) as '/') });
}

export async function onInstalled(reason: string): Promise<void> {
  // A browser that loads the extension from the command line reports 'install' at every start:
  // the stored mark keeps the welcome to the first one.
  if (reason === 'install' && (await welcomeShownAt.getValue()) === null) {
    await welcomeShownAt.setValue(Date.now());
    await browser.tabs.create({ url: browser.runtime.getURL(libraryPath('welcome') as '/') });
  }
  await ensurePromptAlarm();
}

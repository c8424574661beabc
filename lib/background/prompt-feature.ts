import { browser } from 'wxt/browser';
import { libraryPath } from '../routes';
import { duePrompt, promptAlarmState, promptSchedule, reviewSession, welcomeShownAt } from '../settings';
import { markBadge, renderBadge } from './badge';
import { PROMPT_ALARM } from './names';
import { ensurePromptAlarm, promptQueue as serially } from './prompt-schedule';
import { clearPromptNotifications } from './prompt-show';

const BUTTON_ANSWER = 0;
const BUTTON_LATER = 1;
const MINUTE = 60_000;

/** The browser started: the badge may not have survived, and a slot may have passed. */
export async function onStartup(): Promise<void> {
  await Promise.all([renderBadge().catch(() => undefined), ensurePromptAlarm()]);
}

/**
 * A page answered or skipped the due prompt (the application layer cleared it): the badge and
 * the notification go. Only the background touches either.
 */
export async function onDuePromptChanged(): Promise<void> {
  if ((await duePrompt.getValue()) !== null) return;
  await Promise.all([markBadge('prompt', false), clearPromptNotifications().catch(() => undefined)]);
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

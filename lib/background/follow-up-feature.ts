import { browser } from 'wxt/browser';
import { ensureAlarm } from '../actions/alarm';
import { followUpTomorrow, planFollowUps } from '../actions/follow-up';
import { editAction, getAction, listOpenFollowUps } from '../app/actions';
import { t } from '../i18n';
import { libraryPath } from '../routes';
import { serialQueue } from '../infra/serial';
import { followUpNotified } from '../settings';
import { markBadge } from './badge';
import { notify } from './notify';
import { FOLLOW_UP_ALARM, FOLLOW_UP_NOTIFICATION_PREFIX } from './names';

/** Button order on the notification (Chrome only; Firefox shows none). */
export const FOLLOW_UP_BUTTON_ANSWER = 0;
export const FOLLOW_UP_BUTTON_LATER = 1;

const serially = serialQueue();

/**
 * Re-plan from the stored actions: notify follow-ups that came due (once per date), keep the
 * badge in step, clear notifications of answered ones, and set the alarm for the next one.
 * Runs one at a time, so a message and a broadcast for the same write notify once.
 */
export function syncFollowUps(now?: number): Promise<void> {
  return serially(() => syncNow(now ?? Date.now()));
}

async function syncNow(now: number): Promise<void> {
  const open = await listOpenFollowUps();
  const plan = planFollowUps(open, now, await followUpNotified.getValue());
  for (const action of plan.toNotify) await notifyFollowUp(action.id, action.text);
  for (const id of plan.resolved) await browser.notifications.clear(`${FOLLOW_UP_NOTIFICATION_PREFIX}${id}`);
  await followUpNotified.setValue(plan.notified);
  await markBadge('follow-up', plan.due.length > 0, plan.due[0]?.text);
  await ensureAlarm(FOLLOW_UP_ALARM, plan.nextAt, now);
}

function notifyFollowUp(actionId: string, text: string): Promise<void> {
  return notify(`${FOLLOW_UP_NOTIFICATION_PREFIX}${actionId}`, () => ({
    title: t('followUpNotifyTitle'),
    message: text.slice(0, 200),
    buttons: [t('followUpNotifyAnswer'), t('followUpNotifyTomorrow')],
  }));
}

/** Opens the popup where the question waits; without openPopup, the Actions section. */
export async function openFollowUpView(): Promise<void> {
  try {
    if (!browser.action?.openPopup) throw new Error('no openPopup');
    await browser.action.openPopup();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL(libraryPath('actions') as '/library.html') });
  }
}

export async function onFollowUpClicked(notificationId: string): Promise<void> {
  await browser.notifications.clear(notificationId);
  await openFollowUpView();
}

export async function onFollowUpButton(notificationId: string, index: number, now = Date.now()): Promise<void> {
  await browser.notifications.clear(notificationId);
  if (index === FOLLOW_UP_BUTTON_ANSWER) {
    await openFollowUpView();
    return;
  }
  if (index === FOLLOW_UP_BUTTON_LATER) {
    const actionId = notificationId.slice(FOLLOW_UP_NOTIFICATION_PREFIX.length);
    const action = await getAction(actionId);
    if (action?.status !== 'open') return;
    // The application layer's write comes back here as a change, which re-plans the follow-ups.
    await editAction(actionId, { followUpAt: followUpTomorrow(now) }, now);
  }
}

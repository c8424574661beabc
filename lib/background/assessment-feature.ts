import { browser } from 'wxt/browser';
import { ensureAlarm } from '../actions/alarm';
import { assessmentDueAt } from '../assessment/schedule';
import { latestAssessment } from '../app/assessments';
import { t } from '../i18n';
import { libraryPath } from '../routes';
import { serialQueue } from '../infra/serial';
import { assessmentReminder, assessmentSchedule } from '../settings';
import { markBadge } from './badge';
import { notify } from './notify';
import { ASSESSMENT_ALARM, ASSESSMENT_NOTIFICATION_PREFIX } from './names';

const serially = serialQueue();

/**
 * Once a month the check is offered: when it falls due, one notification and the badge; the
 * popup offers it until it is taken or snoozed. Otherwise the alarm waits for the due date.
 */
export function syncAssessment(now?: number): Promise<void> {
  return serially(() => syncNow(now ?? Date.now()));
}

async function syncNow(now: number): Promise<void> {
  const state = await assessmentSchedule.getValue();
  if (state.anchorAt === null) {
    state.anchorAt = now;
    await assessmentSchedule.setValue(state);
  }
  if (!(await assessmentReminder.getValue())) {
    await markBadge('assessment', false);
    await ensureAlarm(ASSESSMENT_ALARM, undefined, now);
    return;
  }
  const latest = await latestAssessment();
  const dueAt = assessmentDueAt({
    anchorAt: state.anchorAt,
    snoozedUntil: state.snoozedUntil,
    ...(latest ? { lastAt: latest.createdAt } : {}),
  });
  if (now < dueAt) {
    await markBadge('assessment', false);
    await browser.notifications.clear(`${ASSESSMENT_NOTIFICATION_PREFIX}${state.notifiedDueAt ?? ''}`);
    await ensureAlarm(ASSESSMENT_ALARM, dueAt, now);
    return;
  }
  await markBadge('assessment', true);
  await ensureAlarm(ASSESSMENT_ALARM, undefined, now);
  if (state.notifiedDueAt !== dueAt) {
    await notify(`${ASSESSMENT_NOTIFICATION_PREFIX}${dueAt}`, () => ({
      title: t('assessmentNotifyTitle'),
      message: t('assessmentNotifyMessage'),
    }));
    await assessmentSchedule.setValue({ ...state, notifiedDueAt: dueAt });
  }
}

export async function onAssessmentClicked(notificationId: string): Promise<void> {
  await browser.notifications.clear(notificationId);
  await browser.tabs.create({ url: browser.runtime.getURL(libraryPath('assessment') as '/library.html') });
}

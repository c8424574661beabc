import { t } from '../i18n';
import {
  duePrompt,
  promptAlarmState,
  promptSchedule,
  reviewSession,
  reviewsPerPrompt,
  type DuePromptState,
  type PromptAlarmState,
} from '../settings';
import { markBadge } from './badge';
import { PROMPT_NOTIFICATION_PREFIX } from './names';
import { clearNotifications, notify } from './notify';

// Apart from prompt-feature.ts, which schedules through prompt-schedule.ts: the schedule loads
// this when a slot has passed, and nothing here imports the schedule back.

/** The due slot's prompt, notified; loaded only when a slot has passed (lib/background/prompt-schedule.ts). */
export async function showDuePrompt(state: PromptAlarmState, now: number): Promise<void> {
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
    // Choosing (the catalogue, the library's reads) loads only when a prompt is due.
    const [{ choosePrompt }, { recordShown }, { askedText }] = await Promise.all([
      import('../app/prompt-reads'),
      import('../prompts/choose'),
      import('../prompts/due'),
    ]);
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
  const { askedText, dueToCandidate } = await import('../prompts/due');
  await markBadge('prompt', true, askedText(dueToCandidate(due)));
}

/** The prompt as a notification, in the chosen language, with Answer and Later where buttons exist. */
export async function notifyDue(due: DuePromptState, now: number): Promise<void> {
  const { askedText, dueToCandidate } = await import('../prompts/due');
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
 * Today's review: when cards are due (by the end of today) and the user wants some with the
 * prompt, the popup shows them and the badge says so; else there is nothing to show.
 */
export async function openReviewSession(now: number): Promise<void> {
  const limit = await reviewsPerPrompt.getValue();
  const due = limit > 0 ? await dueReviewsToday(now) : [];
  await reviewSession.setValue(due.length ? { startedAt: now, answered: 0 } : null);
  await markBadge('review', due.length > 0);
}

async function dueReviewsToday(now: number) {
  const [{ listDueReviews }, { endOfLocalDay }] = await Promise.all([
    import('../db/reviews'),
    import('../model/review-card'),
  ]);
  return listDueReviews(endOfLocalDay(now), 1);
}

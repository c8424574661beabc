import { browser } from 'wxt/browser';
import { hostTimeZone, nextPromptAt } from '../prompts/schedule';
import { serialQueue } from '../infra/serial';
import { promptAlarmState, promptSchedule, reviewsPerPrompt, type PromptAlarmState } from '../settings';
import { PROMPT_ALARM } from './names';

/*
 * Reflection prompts: one alarm ('prompt') set for the next slot with `when`, re-created at every
 * start and after every prompt or settings change. No timers: the worker may sleep between any
 * two events, so everything that matters is in storage. This is the part every wake runs (a slot
 * may have passed while the worker or the browser slept); showing the prompt is
 * lib/background/prompt-show.ts, loaded when one is due.
 */

// Alarm, start-up and settings events can arrive together: one at a time, in order.
export const promptQueue = serialQueue();

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
  return promptQueue(async () => {
    const state = await promptAlarmState.getValue();
    if (
      state.scheduledFor !== null &&
      state.scheduledFor <= now &&
      (state.lastSlotShown ?? -Infinity) < state.scheduledFor
    ) {
      const { showDuePrompt } = await import('./prompt-show');
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

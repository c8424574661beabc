import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addCustomPrompt } from '../../../lib/app/prompts';
import { answerPrompt, listReflections, skipDuePrompt, snoozeDuePrompt } from '../../../lib/app/reflections';
import { saveSetting } from '../../../lib/app/settings';
import { PROMPT_ALARM } from '../../../lib/background/names';
import { BUILT_IN_PROMPTS } from '../../../lib/prompts/catalogue';
import { dueToCandidate } from '../../../lib/prompts/due';
import { hostTimeZone, nextPromptAt, timeToMinutes } from '../../../lib/prompts/schedule';
import {
  DEFAULT_PROMPT_SCHEDULE,
  disabledBuiltInPrompts,
  duePrompt,
  language,
  promptAlarmState,
  promptHistory,
  promptSchedule,
  type PromptSchedule,
} from '../../../lib/settings';
import { readLocale } from '../../../scripts/locales';
import { settle, setNow, startBackground } from '../background-harness';

// Wiring tests: every step is a browser event (start, alarm, button, click, message) or a page's
// command; the test never calls a background handler itself.

const MINUTE = 60_000;
const zone = hostTimeZone();
const T0 = new Date('2026-03-09T09:00:00Z').getTime();
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

let stop: () => void = () => undefined;
afterEach(() => {
  stop();
  vi.useRealTimers();
});

async function useSchedule(patch: Partial<PromptSchedule> = {}): Promise<PromptSchedule> {
  const schedule = { ...DEFAULT_PROMPT_SCHEDULE, ...patch };
  await promptSchedule.setValue(schedule);
  return schedule;
}

/** The worker wakes (install, update or any event): setup runs, and so does its start-up check. */
async function wake(options: { asPage?: boolean } = {}): Promise<void> {
  stop = startBackground(options);
  await settle();
}

type Shown = { title: string; message: string; buttons?: { title: string }[] };

/** The prompt notifications on screen; the first one destructures without a check (tests assert the count). */
async function promptNotifications(): Promise<[string, Shown][] & [[string, Shown]]> {
  const all = await fakeBrowser.notifications.getAll();
  return Object.entries(all).filter(([id]) => id.startsWith('prompt:')) as unknown as [string, Shown][] &
    [[string, Shown]];
}

async function alarmTime(): Promise<number | undefined> {
  return (await browser.alarms.get(PROMPT_ALARM))?.scheduledTime;
}

/** The browser fires the prompt alarm at its time (the clock moves there first). */
async function fireAlarm(at?: number): Promise<number> {
  const scheduledTime = (await alarmTime())!;
  setNow(at ?? scheduledTime);
  await fakeBrowser.alarms.onAlarm.trigger({ name: PROMPT_ALARM, scheduledTime });
  await settle();
  return scheduledTime;
}

describe('prompt alarm', () => {
  beforeEach(() => setNow(T0));

  it('an alarm fires → a notification with the prompt → the answer is stored → the next alarm is set', async () => {
    const schedule = await useSchedule();
    await wake({ asPage: true });
    const slot = nextPromptAt(T0, schedule, zone)!;
    expect(await alarmTime()).toBe(slot);
    expect(await promptNotifications()).toHaveLength(0);

    await fireAlarm(slot + 20);
    const [[id, notification]] = await promptNotifications();
    const due = (await duePrompt.getValue())!;
    expect(notification.title).toBe('Time to reflect');
    expect(notification.message).toBe(due.text);
    expect(notification.buttons?.map((b) => b.title)).toEqual(['Answer', 'Later']);
    expect(id.startsWith('prompt:')).toBe(true);
    expect(await browser.action.getBadgeText({})).toBe('?');
    expect(await alarmTime()).toBe(nextPromptAt(slot + 20, schedule, zone));

    // The popup answers: the badge and notification go because the background heard it.
    await answerPrompt(dueToCandidate(due), '  We shipped on time because we cut scope early.  ');
    await settle();
    const [saved] = await listReflections();
    expect(saved).toMatchObject({
      promptId: due.promptId,
      promptText: due.text,
      answer: 'We shipped on time because we cut scope early.',
    });
    expect(await duePrompt.getValue()).toBeNull();
    expect(await browser.action.getBadgeText({})).toBe('');
    expect(await promptNotifications()).toHaveLength(0);
    expect(await alarmTime()).toBe(nextPromptAt(slot + 20, schedule, zone));
  });

  it('is idempotent: start-up twice, alarm and start-up together, one alarm and one notification', async () => {
    await useSchedule({ days: EVERY_DAY });
    await wake();
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    expect((await browser.alarms.getAll()).filter((a) => a.name === PROMPT_ALARM)).toHaveLength(1);
    const slot = (await alarmTime())!;
    setNow(slot + 5);
    await Promise.all([
      fakeBrowser.alarms.onAlarm.trigger({ name: PROMPT_ALARM, scheduledTime: slot }),
      fakeBrowser.runtime.onStartup.trigger(),
      fakeBrowser.alarms.onAlarm.trigger({ name: PROMPT_ALARM, scheduledTime: slot }),
    ]);
    await settle();
    expect(await promptNotifications()).toHaveLength(1);
    expect((await browser.alarms.getAll()).filter((a) => a.name === PROMPT_ALARM)).toHaveLength(1);
    expect(await promptHistory.getValue()).toHaveLength(1);
  });

  it('a prompt missed while the browser was closed shows once at the next start, not once per slot', async () => {
    const schedule = await useSchedule({ days: EVERY_DAY });
    await wake();
    const firstSlot = (await promptAlarmState.getValue()).scheduledFor!;
    // The browser was closed for three days; the alarm did not survive.
    await browser.alarms.clearAll();
    const later = setNow(firstSlot + 3 * 24 * 60 * MINUTE + 30 * MINUTE);
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    expect(await promptNotifications()).toHaveLength(1);
    expect((await promptAlarmState.getValue()).lastSlotShown).toBe(later);
    expect(await alarmTime()).toBe(nextPromptAt(later, schedule, zone));
    // Another start the same day shows nothing new.
    setNow(later + MINUTE);
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    expect(await promptNotifications()).toHaveLength(1);
    expect(await promptHistory.getValue()).toHaveLength(1);
  });

  it('a fresh install shows no prompt at once, opens the welcome once, and schedules the first prompt', async () => {
    const schedule = await useSchedule();
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    await wake();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await settle();
    expect(createTab).toHaveBeenCalledWith({ url: expect.stringMatching(/\/library\.html#welcome$/) });
    expect(await promptNotifications()).toHaveLength(0);
    expect(await duePrompt.getValue()).toBeNull();
    expect(await alarmTime()).toBe(nextPromptAt(T0, schedule, zone));
    // Command-line loads report 'install' at every start, and updates never welcome: still one.
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false });
    await settle();
    expect(createTab).toHaveBeenCalledOnce();
  });

  it('rotates: successive prompts differ and come from different groups', async () => {
    await useSchedule({ days: EVERY_DAY });
    await wake({ asPage: true });
    const seen: { promptId: string; group: string }[] = [];
    for (let i = 0; i < 6; i++) {
      await fireAlarm();
      const due = (await duePrompt.getValue())!;
      seen.push({ promptId: due.promptId, group: due.group });
      await skipDuePrompt();
      await settle();
    }
    expect(new Set(seen.map((s) => s.promptId)).size).toBe(6);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.group).not.toBe(seen[i - 1]!.group);
  });

  it("asks the user's own prompt when it is the only one on", async () => {
    await useSchedule();
    await disabledBuiltInPrompts.setValue(BUILT_IN_PROMPTS.map((p) => p.id));
    await addCustomPrompt('What did the customer call about today?', 'customers');
    await wake();
    await fireAlarm();
    const [[, notification]] = await promptNotifications();
    expect(notification.message).toBe('What did the customer call about today?');
    expect((await duePrompt.getValue())?.kind).toBe('custom');
  });

  it('with every prompt turned off, a slot passes quietly', async () => {
    await useSchedule();
    await disabledBuiltInPrompts.setValue(BUILT_IN_PROMPTS.map((p) => p.id));
    await wake();
    await fireAlarm();
    expect(await promptNotifications()).toHaveLength(0);
    expect(await browser.action.getBadgeText({})).toBe('');
  });

  it('respects quiet hours: a slot inside them is scheduled at their end', async () => {
    const schedule = await useSchedule({
      days: EVERY_DAY,
      timeOfDay: timeToMinutes('23:00')!,
      quietHours: { enabled: true, start: timeToMinutes('22:00')!, end: timeToMinutes('07:00')! },
    });
    await wake();
    const when = (await alarmTime())!;
    expect(when).toBe(nextPromptAt(T0, schedule, zone));
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(when);
    expect(local).toBe('07:00');
  });

  it('a schedule saved in Settings re-plans the alarm through the change message; prompts and review off clear it', async () => {
    await useSchedule();
    await wake({ asPage: true });
    const changed = { ...DEFAULT_PROMPT_SCHEDULE, days: EVERY_DAY, timeOfDay: 16 * 60 + 30 };
    await saveSetting('promptSchedule', changed);
    await settle();
    expect(await alarmTime()).toBe(nextPromptAt(T0, changed, zone));
    await saveSetting('promptSchedule', { ...changed, enabled: false });
    await settle();
    // The daily review keeps the prompt's days and time while it is on.
    expect(await alarmTime()).toBe(nextPromptAt(T0, changed, zone));
    await saveSetting('reviewsPerPrompt', 0);
    await settle();
    expect(await alarmTime()).toBeUndefined();
    expect((await promptAlarmState.getValue()).scheduledFor).toBeNull();
  });

  it('a cold wake by the alarm speaks the chosen language', async () => {
    await useSchedule();
    await language.setValue('sv');
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify(readLocale('sv'))));
    await wake();
    await fireAlarm();
    const [[, notification]] = await promptNotifications();
    expect(notification.title).toBe('Dags att reflektera');
  });
});

describe('notification buttons and clicks', () => {
  async function dueNow() {
    setNow(T0);
    await useSchedule({ days: EVERY_DAY, snoozeMinutes: 30 });
    await wake({ asPage: true });
    const slot = await fireAlarm();
    const [[id]] = await promptNotifications();
    return { slot, id, due: (await duePrompt.getValue())! };
  }

  it('Later snoozes: the alarm moves to now + snooze, the notification and badge go, then the same prompt returns', async () => {
    const { slot, id, due } = await dueNow();
    const now = setNow(slot + 2 * MINUTE);
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 1);
    await settle();
    expect(await alarmTime()).toBe(now + 30 * MINUTE);
    expect(await promptNotifications()).toHaveLength(0);
    expect(await browser.action.getBadgeText({})).toBe('');

    await fireAlarm();
    const [[, notification]] = await promptNotifications();
    expect(notification.message).toBe(due.text);
    expect((await duePrompt.getValue())?.promptId).toBe(due.promptId);
    expect(await browser.action.getBadgeText({})).toBe('?');
    // Then back to the regular schedule.
    expect(await alarmTime()).toBe(nextPromptAt(now + 30 * MINUTE, await promptSchedule.getValue(), zone));
  });

  it('Later in the popup does what the notification’s Later does, through the change message', async () => {
    const { slot, due } = await dueNow();
    const now = setNow(slot + 3 * MINUTE);
    await snoozeDuePrompt(now);
    await settle();
    expect(await alarmTime()).toBe(now + 30 * MINUTE);
    expect(await promptNotifications()).toHaveLength(0);
    expect(await browser.action.getBadgeText({})).toBe('');
    expect((await duePrompt.getValue())?.promptId).toBe(due.promptId);

    await fireAlarm();
    const [[, notification]] = await promptNotifications();
    expect(notification.message).toBe(due.text);
    expect(await browser.action.getBadgeText({})).toBe('?');
  });

  it('a snoozed prompt answered meanwhile does not come back', async () => {
    const { slot, id, due } = await dueNow();
    setNow(slot + MINUTE);
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 1);
    await settle();
    await answerPrompt(dueToCandidate(due), 'Done from the journal');
    await settle();
    await fireAlarm();
    expect(await promptNotifications()).toHaveLength(0);
  });

  it('Answer opens the popup where the browser allows it', async () => {
    const { id } = await dueNow();
    const openPopup = vi.fn(async () => undefined);
    fakeBrowser.action.openPopup = openPopup as unknown as typeof fakeBrowser.action.openPopup;
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 0);
    await vi.waitFor(() => expect(openPopup).toHaveBeenCalledOnce());
    expect(createTab).not.toHaveBeenCalled();
    expect(await promptNotifications()).toHaveLength(0);
  });

  it('a click on the notification (all Firefox has), with no window for the popup, opens the journal with the prompt ready', async () => {
    const { id, due } = await dueNow();
    fakeBrowser.action.openPopup = vi.fn(async () => {
      throw new Error('Could not find an active browser window.');
    }) as unknown as typeof fakeBrowser.action.openPopup;
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(id);
    await vi.waitFor(() =>
      expect(createTab).toHaveBeenCalledWith({
        url: expect.stringMatching(new RegExp(`/library\\.html#journal\\?prompt=${due.promptId}$`)),
      }),
    );
  });

  it('without button support the notification still comes', async () => {
    setNow(T0);
    await useSchedule();
    const realCreate = fakeBrowser.notifications.create.bind(fakeBrowser.notifications);
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation((async (
      id: string,
      options: { buttons?: unknown },
    ) => {
      if (options.buttons) throw new Error('Type error for parameter options: Unexpected property "buttons"');
      return realCreate(id, options as never);
    }) as never);
    await wake();
    await fireAlarm();
    expect(create).toHaveBeenCalledTimes(2);
    const [[, notification]] = await promptNotifications();
    expect(notification.message).toBe((await duePrompt.getValue())!.text);
    expect(notification.buttons).toBeUndefined();
  });
});

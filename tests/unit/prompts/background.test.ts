import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ensurePromptAlarm, notifyDue, onInstalled, onNotificationButton, onPromptAlarm, openAnswer, PROMPT_ALARM } from '../../../lib/background/prompt-feature';
import { addCustomPrompt } from '../../../lib/db/prompts';
import { listReflections } from '../../../lib/db/reflections';
import { BUILT_IN_PROMPTS, builtInText } from '../../../lib/prompts/catalogue';
import { answerPrompt, dueToCandidate, skipDuePrompt } from '../../../lib/prompts/due';
import { hostTimeZone, nextPromptAt, timeToMinutes } from '../../../lib/prompts/schedule';
import { DEFAULT_PROMPT_SCHEDULE, disabledBuiltInPrompts, duePrompt, promptAlarmState, promptHistory, promptSchedule, type PromptSchedule } from '../../../lib/settings';

const MINUTE = 60_000;
const zone = hostTimeZone();
const T0 = new Date('2026-03-09T09:00:00Z').getTime();

async function useSchedule(patch: Partial<PromptSchedule> = {}): Promise<PromptSchedule> {
  const schedule = { ...DEFAULT_PROMPT_SCHEDULE, ...patch };
  await promptSchedule.setValue(schedule);
  return schedule;
}

async function promptNotifications() {
  const all = await fakeBrowser.notifications.getAll();
  return Object.entries(all).filter(([id]) => id.startsWith('prompt:'));
}

async function alarmTime(): Promise<number | undefined> {
  return (await browser.alarms.get(PROMPT_ALARM))?.scheduledTime;
}

describe('prompt alarm', () => {
  it('an alarm fires → a notification with the prompt → the answer is stored → the next alarm is set', async () => {
    const schedule = await useSchedule();
    await ensurePromptAlarm(T0);
    const slot = nextPromptAt(T0, schedule, zone)!;
    expect(await alarmTime()).toBe(slot);
    expect(await promptNotifications()).toHaveLength(0);

    await onPromptAlarm(slot, slot + 20);
    const [[id, notification]] = (await promptNotifications()) as unknown as [[string, { title: string; message: string; buttons?: { title: string }[] }]];
    const due = (await duePrompt.getValue())!;
    expect(notification.title).toBe('Time to reflect');
    expect(notification.message).toBe(due.text);
    expect(notification.buttons?.map((b) => b.title)).toEqual(['Answer', 'Later']);
    expect(id.startsWith('prompt:')).toBe(true);
    expect(await browser.action.getBadgeText({})).toBe('?');
    expect(await alarmTime()).toBe(nextPromptAt(slot + 20, schedule, zone));

    await answerPrompt(dueToCandidate(due), '  We shipped on time because we cut scope early.  ');
    const [saved] = await listReflections();
    expect(saved).toMatchObject({ promptId: due.promptId, promptText: due.text, answer: 'We shipped on time because we cut scope early.' });
    expect(await duePrompt.getValue()).toBeNull();
    expect(await browser.action.getBadgeText({})).toBe('');
    expect(await promptNotifications()).toHaveLength(0);
    // The next alarm stays set.
    expect(await alarmTime()).toBe(nextPromptAt(slot + 20, schedule, zone));
  });

  it('is idempotent: start-up twice, alarm and start-up together, one alarm and one notification', async () => {
    const schedule = await useSchedule({ days: [0, 1, 2, 3, 4, 5, 6] });
    await ensurePromptAlarm(T0);
    await ensurePromptAlarm(T0);
    expect(await browser.alarms.getAll()).toHaveLength(1);
    const slot = nextPromptAt(T0, schedule, zone)!;
    await Promise.all([onPromptAlarm(slot, slot + 5), ensurePromptAlarm(slot + 10), onPromptAlarm(slot, slot + 15)]);
    expect(await promptNotifications()).toHaveLength(1);
    expect(await browser.alarms.getAll()).toHaveLength(1);
    expect(await promptHistory.getValue()).toHaveLength(1);
  });

  it('a prompt missed while the browser was closed shows once at the next start, not once per slot', async () => {
    const schedule = await useSchedule({ days: [0, 1, 2, 3, 4, 5, 6] });
    await ensurePromptAlarm(T0);
    const firstSlot = (await promptAlarmState.getValue()).scheduledFor!;
    // The browser was closed for three days; the alarm did not survive.
    await browser.alarms.clearAll();
    const later = firstSlot + 3 * 24 * 60 * MINUTE + 30 * MINUTE;
    await ensurePromptAlarm(later);
    expect(await promptNotifications()).toHaveLength(1);
    expect((await promptAlarmState.getValue()).lastSlotShown).toBe(later);
    expect(await alarmTime()).toBe(nextPromptAt(later, schedule, zone));
    // Another start the same day shows nothing new.
    await ensurePromptAlarm(later + MINUTE);
    expect(await promptNotifications()).toHaveLength(1);
    expect(await promptHistory.getValue()).toHaveLength(1);
  });

  it('a fresh install shows no prompt at once: it schedules the first one', async () => {
    const schedule = await useSchedule();
    await ensurePromptAlarm(T0);
    expect(await promptNotifications()).toHaveLength(0);
    expect(await duePrompt.getValue()).toBeNull();
    expect(await alarmTime()).toBe(nextPromptAt(T0, schedule, zone));
  });

  it('rotates: successive prompts differ and come from different groups', async () => {
    await useSchedule({ days: [0, 1, 2, 3, 4, 5, 6] });
    await ensurePromptAlarm(T0);
    const seen: { promptId: string; group: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const slot = (await promptAlarmState.getValue()).scheduledFor!;
      await onPromptAlarm(slot, slot);
      const due = (await duePrompt.getValue())!;
      seen.push({ promptId: due.promptId, group: due.group });
      await skipDuePrompt();
    }
    expect(new Set(seen.map((s) => s.promptId)).size).toBe(6);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.group).not.toBe(seen[i - 1]!.group);
  });

  it("asks the user's own prompt when it is the only one on", async () => {
    await useSchedule();
    await disabledBuiltInPrompts.setValue(BUILT_IN_PROMPTS.map((p) => p.id));
    await addCustomPrompt('What did the customer call about today?', 'customers');
    await ensurePromptAlarm(T0);
    const slot = (await promptAlarmState.getValue()).scheduledFor!;
    await onPromptAlarm(slot, slot);
    const [[, notification]] = (await promptNotifications()) as unknown as [[string, { message: string }]];
    expect(notification.message).toBe('What did the customer call about today?');
    expect((await duePrompt.getValue())?.kind).toBe('custom');
  });

  it('with every prompt turned off, a slot passes quietly', async () => {
    await useSchedule();
    await disabledBuiltInPrompts.setValue(BUILT_IN_PROMPTS.map((p) => p.id));
    await ensurePromptAlarm(T0);
    const slot = (await promptAlarmState.getValue()).scheduledFor!;
    await onPromptAlarm(slot, slot);
    expect(await promptNotifications()).toHaveLength(0);
    expect(await browser.action.getBadgeText({})).toBe('');
  });

  it('respects quiet hours: a slot inside them is scheduled at their end', async () => {
    const schedule = await useSchedule({ days: [0, 1, 2, 3, 4, 5, 6], timeOfDay: timeToMinutes('23:00')!, quietHours: { enabled: true, start: timeToMinutes('22:00')!, end: timeToMinutes('07:00')! } });
    await ensurePromptAlarm(T0);
    const when = (await alarmTime())!;
    expect(when).toBe(nextPromptAt(T0, schedule, zone));
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(when);
    expect(local).toBe('07:00');
  });

  it('turning prompts off clears the alarm, and nothing shows', async () => {
    await useSchedule();
    await ensurePromptAlarm(T0);
    expect(await alarmTime()).toBeDefined();
    await useSchedule({ enabled: false });
    await ensurePromptAlarm(T0 + MINUTE);
    expect(await browser.alarms.getAll()).toHaveLength(0);
    expect((await promptAlarmState.getValue()).scheduledFor).toBeNull();
  });
});

describe('notification buttons', () => {
  async function dueNow() {
    await useSchedule({ days: [0, 1, 2, 3, 4, 5, 6], snoozeMinutes: 30 });
    await ensurePromptAlarm(T0);
    const slot = (await promptAlarmState.getValue()).scheduledFor!;
    await onPromptAlarm(slot, slot);
    return { slot, due: (await duePrompt.getValue())! };
  }

  it('Later snoozes: the alarm moves to now + snooze, the notification and badge go, then the same prompt returns', async () => {
    const { slot, due } = await dueNow();
    const now = slot + 2 * MINUTE;
    await onNotificationButton(1, now);
    expect(await alarmTime()).toBe(now + 30 * MINUTE);
    expect(await promptNotifications()).toHaveLength(0);
    expect(await browser.action.getBadgeText({})).toBe('');

    await onPromptAlarm(now + 30 * MINUTE, now + 30 * MINUTE);
    const [[, notification]] = (await promptNotifications()) as unknown as [[string, { message: string }]];
    expect(notification.message).toBe(due.text);
    expect((await duePrompt.getValue())?.promptId).toBe(due.promptId);
    expect(await browser.action.getBadgeText({})).toBe('?');
    // Then back to the regular schedule.
    expect(await alarmTime()).toBe(nextPromptAt(now + 30 * MINUTE, await promptSchedule.getValue(), zone));
  });

  it('a snoozed prompt answered meanwhile does not come back', async () => {
    const { slot, due } = await dueNow();
    await onNotificationButton(1, slot + MINUTE);
    await answerPrompt(dueToCandidate(due), 'Done from the journal');
    await onPromptAlarm(slot + 31 * MINUTE, slot + 31 * MINUTE);
    expect(await promptNotifications()).toHaveLength(0);
  });

  it('Answer opens the popup where the browser allows it', async () => {
    await dueNow();
    const openPopup = vi.fn(async () => undefined);
    fakeBrowser.action.openPopup = openPopup as unknown as typeof fakeBrowser.action.openPopup;
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    await onNotificationButton(0);
    expect(openPopup).toHaveBeenCalledOnce();
    expect(createTab).not.toHaveBeenCalled();
    expect(await promptNotifications()).toHaveLength(0);
  });

  it('otherwise (no user gesture, no window) the journal opens with the prompt ready', async () => {
    const { due } = await dueNow();
    fakeBrowser.action.openPopup = vi.fn(async () => {
      throw new Error('Could not find an active browser window.');
    }) as unknown as typeof fakeBrowser.action.openPopup;
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    await openAnswer();
    expect(createTab).toHaveBeenCalledWith({ url: expect.stringMatching(new RegExp(`/library\\.html#journal\\?prompt=${due.promptId}$`)) });
  });

  it('without button support the notification still comes', async () => {
    await useSchedule();
    const realCreate = fakeBrowser.notifications.create.bind(fakeBrowser.notifications);
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation((async (id: string, options: { buttons?: unknown }) => {
      if (options.buttons) throw new Error('Type error for parameter options: Unexpected property "buttons"');
      return realCreate(id, options as never);
    }) as never);
    await notifyDue({ promptId: 'followUpWentWell', group: 'followUp', kind: 'builtIn', text: builtInText('followUpWentWell'), shownAt: T0 }, T0);
    expect(create).toHaveBeenCalledTimes(2);
    const [[, notification]] = (await promptNotifications()) as unknown as [[string, { message: string; buttons?: unknown }]];
    expect(notification.message).toBe('What went well this week, and why?');
    expect(notification.buttons).toBeUndefined();
  });
});

describe('install', () => {
  it('opens the welcome page on install only, once', async () => {
    const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
    await onInstalled('update');
    expect(createTab).not.toHaveBeenCalled();
    await onInstalled('install');
    expect(createTab).toHaveBeenCalledWith({ url: expect.stringMatching(/\/library\.html#welcome$/) });
    expect(await alarmTime()).toBeDefined();
    // Command-line loads report 'install' at every start: still one welcome.
    await onInstalled('install');
    expect(createTab).toHaveBeenCalledOnce();
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerFollowUp, createAction, getAction } from '../../../lib/app/actions';
import { FOLLOW_UP_ALARM } from '../../../lib/background/names';
import { badgeReasons, followUpNotified } from '../../../lib/settings';
import { settle, setNow, startBackground } from '../background-harness';

// Wiring tests: the page's commands reach the background as the `changed` message; alarms,
// start-up and notification buttons are browser events. No handler is called by hand.

const MIN = 60_000;
const T0 = new Date(2030, 5, 10, 16, 0).getTime();

let stop: () => void = () => undefined;
beforeEach(async () => {
  setNow(T0);
  stop = startBackground({ asPage: true });
  await settle();
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

async function notifications(): Promise<string[]> {
  return Object.keys(await fakeBrowser.notifications.getAll()).sort();
}

async function followUpAlarm(): Promise<number | undefined> {
  return (await browser.alarms.get(FOLLOW_UP_ALARM))?.scheduledTime;
}

/** A page's command, then whatever the background did about it. */
async function page<T>(command: Promise<T>): Promise<T> {
  const result = await command;
  await settle();
  return result;
}

describe('follow-up alarm', () => {
  it('is set with `when` to the earliest open follow-up', async () => {
    await page(createAction({ text: 'later', followUpAt: T0 + 60 * MIN }));
    await page(createAction({ text: 'sooner', followUpAt: T0 + 10 * MIN }));
    await page(createAction({ text: 'no date' }));
    expect(await followUpAlarm()).toBe(T0 + 10 * MIN);
    expect(await notifications()).toEqual([]);
    expect(await badgeReasons.getValue()).toEqual([]);
  });

  it('is re-created idempotently: another start changes nothing, a lost alarm comes back at start-up', async () => {
    await page(createAction({ text: 'x', followUpAt: T0 + 30 * MIN }));
    const create = vi.spyOn(browser.alarms, 'create');
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    expect(create.mock.calls.filter(([name]) => name === FOLLOW_UP_ALARM)).toHaveLength(0);

    // A browser restart can lose alarms: start-up plans again.
    await browser.alarms.clearAll();
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    expect(create.mock.calls.filter(([name]) => name === FOLLOW_UP_ALARM)).toHaveLength(1);
    expect(await followUpAlarm()).toBe(T0 + 30 * MIN);
  });

  it('moves when the earliest follow-up changes, and is cleared when none is open', async () => {
    const a = await page(createAction({ text: 'a', followUpAt: T0 + 30 * MIN }));
    const b = await page(createAction({ text: 'b', followUpAt: T0 + 5 * MIN }));
    expect(await followUpAlarm()).toBe(T0 + 5 * MIN);
    await page(answerFollowUp(b.id, { result: 'done', outcome: '' }));
    expect(await followUpAlarm()).toBe(T0 + 30 * MIN);
    await page(answerFollowUp(a.id, { result: 'dropped', outcome: '' }));
    expect(await followUpAlarm()).toBeUndefined();
  });
});

describe('a follow-up that comes due', () => {
  it('the alarm fires: notifies once with buttons, marks the badge, and plans the next one', async () => {
    const due = await page(createAction({ text: 'Run a retro on collaboration', followUpAt: T0 + MIN }));
    await page(createAction({ text: 'next', followUpAt: T0 + 60 * MIN }));
    setNow(T0 + MIN);
    await fakeBrowser.alarms.onAlarm.trigger({ name: FOLLOW_UP_ALARM, scheduledTime: T0 + MIN });
    await settle();
    expect(await notifications()).toEqual([`follow-up:${due.id}`]);
    const shown = (await fakeBrowser.notifications.getAll())[`follow-up:${due.id}`] as {
      title: string;
      message: string;
      buttons?: { title: string }[];
    };
    expect(shown.title).toBe('Follow-up: did you do it?');
    expect(shown.message).toBe('Run a retro on collaboration');
    expect(shown.buttons?.map((b) => b.title)).toEqual(['Answer', 'Remind me tomorrow']);
    expect(await badgeReasons.getValue()).toEqual(['follow-up']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await followUpAlarm()).toBe(T0 + 60 * MIN);

    // Waking again (start-up, another change) does not ask twice.
    await browser.notifications.clear(`follow-up:${due.id}`);
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    expect(await notifications()).toEqual([]);
  });

  it('answering in the popup clears its notification and the badge', async () => {
    const due = await page(createAction({ text: 'x', followUpAt: T0 - MIN }));
    expect(await notifications()).toEqual([`follow-up:${due.id}`]);
    await page(answerFollowUp(due.id, { result: 'done', outcome: 'It helped' }));
    expect(await notifications()).toEqual([]);
    expect(await badgeReasons.getValue()).toEqual([]);
    expect(await followUpNotified.getValue()).toEqual({});
  });

  it('where notification buttons are refused, it still notifies without them', async () => {
    const real = fakeBrowser.notifications.create;
    const create = vi.fn(async (id: string, options: { buttons?: unknown }) => {
      if (options.buttons) throw new Error('buttons not supported');
      return real(id, options as never);
    });
    fakeBrowser.notifications.create = create as unknown as typeof real;
    let due: { id: string };
    try {
      due = await page(createAction({ text: 'x', followUpAt: T0 - MIN }));
    } finally {
      fakeBrowser.notifications.create = real;
    }
    expect(create).toHaveBeenCalledTimes(2);
    expect(await notifications()).toEqual([`follow-up:${due.id}`]);
  });
});

describe('notification clicks', () => {
  it('"Remind me tomorrow" moves the follow-up to 09:00 tomorrow and re-plans', async () => {
    const due = await page(createAction({ text: 'x', followUpAt: T0 - MIN }));
    await fakeBrowser.notifications.onButtonClicked.trigger(`follow-up:${due.id}`, 1);
    await settle();
    expect((await getAction(due.id))?.followUpAt).toBe(new Date(2030, 5, 11, 9, 0).getTime());
    expect(await notifications()).toEqual([]);
    expect(await badgeReasons.getValue()).toEqual([]);
    expect(await followUpAlarm()).toBe(new Date(2030, 5, 11, 9, 0).getTime());
  });

  it('a click opens the popup, or the Actions section where the browser cannot', async () => {
    const openPopup = vi.fn(async () => {
      throw new Error('not now');
    });
    (fakeBrowser.action as unknown as { openPopup: typeof openPopup }).openPopup = openPopup;
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger('follow-up:abc');
    await vi.waitFor(() =>
      expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/library\.html#actions$/) }),
    );
    expect(openPopup).toHaveBeenCalled();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeReasons } from '../../../lib/background/badge';
import { FOLLOW_UP_ALARM, onFollowUpButton, onFollowUpClicked, syncFollowUps } from '../../../lib/background/follow-up-feature';
import { answerFollowUp, createAction, getAction } from '../../../lib/db/actions';
import { followUpNotified } from '../../../lib/settings';

const MIN = 60_000;

async function notifications(): Promise<string[]> {
  return Object.keys(await fakeBrowser.notifications.getAll()).sort();
}

describe('follow-up alarm', () => {
  it('is set with `when` to the earliest open follow-up', async () => {
    const now = Date.now();
    await createAction({ text: 'later', followUpAt: now + 60 * MIN });
    await createAction({ text: 'sooner', followUpAt: now + 10 * MIN });
    await createAction({ text: 'no date' });
    await syncFollowUps(now);
    const alarm = await browser.alarms.get(FOLLOW_UP_ALARM);
    expect(alarm?.scheduledTime).toBe(now + 10 * MIN);
    expect(await notifications()).toEqual([]);
    expect(await badgeReasons()).toEqual([]);
  });

  it('is re-created idempotently: a second run changes nothing, a lost alarm comes back', async () => {
    const now = Date.now();
    await createAction({ text: 'x', followUpAt: now + 30 * MIN });
    await syncFollowUps(now);
    const create = vi.spyOn(browser.alarms, 'create');
    await syncFollowUps(now + 1000);
    await syncFollowUps(now + 2000);
    expect(create).not.toHaveBeenCalled();
    expect(await browser.alarms.getAll()).toHaveLength(1);

    // A browser restart can lose alarms: start-up plans again.
    await browser.alarms.clearAll();
    await syncFollowUps(now + 3000);
    expect(create).toHaveBeenCalledTimes(1);
    expect((await browser.alarms.get(FOLLOW_UP_ALARM))?.scheduledTime).toBe(now + 30 * MIN);
  });

  it('moves when the earliest follow-up changes, and is cleared when none is open', async () => {
    const now = Date.now();
    const a = await createAction({ text: 'a', followUpAt: now + 30 * MIN });
    await syncFollowUps(now);
    const b = await createAction({ text: 'b', followUpAt: now + 5 * MIN });
    await syncFollowUps(now);
    expect((await browser.alarms.get(FOLLOW_UP_ALARM))?.scheduledTime).toBe(now + 5 * MIN);
    await answerFollowUp(b.id, { result: 'done', outcome: '' });
    await answerFollowUp(a.id, { result: 'dropped', outcome: '' });
    await syncFollowUps(now);
    expect(await browser.alarms.get(FOLLOW_UP_ALARM)).toBeUndefined();
  });
});

describe('a follow-up that comes due', () => {
  it('notifies once with buttons, marks the badge, and plans the next one', async () => {
    const now = Date.now();
    const due = await createAction({ text: 'Run a retro on collaboration', followUpAt: now - MIN });
    await createAction({ text: 'next', followUpAt: now + 60 * MIN });
    await syncFollowUps(now);
    expect(await notifications()).toEqual([`follow-up:${due.id}`]);
    const shown = (await fakeBrowser.notifications.getAll())[`follow-up:${due.id}`] as { title: string; message: string; buttons?: { title: string }[] };
    expect(shown.title).toBe('Follow-up: did you do it?');
    expect(shown.message).toBe('Run a retro on collaboration');
    expect(shown.buttons?.map((b) => b.title)).toEqual(['Answer', 'Remind me tomorrow']);
    expect(await badgeReasons()).toEqual(['follow-up']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect((await browser.alarms.get(FOLLOW_UP_ALARM))?.scheduledTime).toBe(now + 60 * MIN);

    // Waking again (start-up, another change) does not ask twice.
    await browser.notifications.clear(`follow-up:${due.id}`);
    await syncFollowUps(now + 1000);
    expect(await notifications()).toEqual([]);
  });

  it('answering clears its notification and the badge', async () => {
    const now = Date.now();
    const due = await createAction({ text: 'x', followUpAt: now - MIN });
    await syncFollowUps(now);
    await answerFollowUp(due.id, { result: 'done', outcome: 'It helped' });
    await syncFollowUps(now);
    expect(await notifications()).toEqual([]);
    expect(await badgeReasons()).toEqual([]);
    expect(await followUpNotified.getValue()).toEqual({});
  });

  it('where notification buttons are refused, it still notifies without them', async () => {
    const now = Date.now();
    const due = await createAction({ text: 'x', followUpAt: now - MIN });
    const real = fakeBrowser.notifications.create;
    const create = vi.fn(async (id: string, options: { buttons?: unknown }) => {
      if (options.buttons) throw new Error('buttons not supported');
      return real(id, options as never);
    });
    fakeBrowser.notifications.create = create as unknown as typeof real;
    try {
      await syncFollowUps(now);
    } finally {
      fakeBrowser.notifications.create = real;
    }
    expect(create).toHaveBeenCalledTimes(2);
    expect(await notifications()).toEqual([`follow-up:${due.id}`]);
  });
});

describe('notification clicks', () => {
  it('"Remind me tomorrow" moves the follow-up to 09:00 tomorrow and re-plans', async () => {
    const now = new Date(2030, 5, 10, 16, 0).getTime();
    const due = await createAction({ text: 'x', followUpAt: now - MIN });
    await syncFollowUps(now);
    await onFollowUpButton(`follow-up:${due.id}`, 1, now);
    expect((await getAction(due.id))?.followUpAt).toBe(new Date(2030, 5, 11, 9, 0).getTime());
    expect(await notifications()).toEqual([]);
    expect(await badgeReasons()).toEqual([]);
    expect((await browser.alarms.get(FOLLOW_UP_ALARM))?.scheduledTime).toBe(new Date(2030, 5, 11, 9, 0).getTime());
  });

  it('a click opens the popup, or the Actions section where the browser cannot', async () => {
    const openPopup = vi.fn(async () => {
      throw new Error('not now');
    });
    (fakeBrowser.action as unknown as { openPopup: typeof openPopup }).openPopup = openPopup;
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onFollowUpClicked('follow-up:abc');
    expect(openPopup).toHaveBeenCalled();
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/library\.html#actions$/) });
  });
});

import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FOLLOW_UP_ALARM, setupFollowUpFeature, syncFollowUps } from '../../../lib/background/follow-up-feature';
import { createAction } from '../../../lib/db/actions';

// Own file: setup registers module-level listeners (messaging, db changes) once per context.
describe('setupFollowUpFeature', () => {
  it('re-plans at start-up and when its alarm fires', async () => {
    setupFollowUpFeature();
    const now = Date.now();
    const due = await createAction({ text: 'x', followUpAt: now + 5_000 });
    await fakeBrowser.runtime.onStartup.trigger();
    await syncFollowUps(); // wait for the queued run
    expect((await browser.alarms.get(FOLLOW_UP_ALARM))?.scheduledTime).toBe(now + 5_000);

    // Time passes; the alarm fires.
    const fired = { name: FOLLOW_UP_ALARM, scheduledTime: now + 5_000 };
    const realNow = Date.now;
    Date.now = () => now + 6_000;
    try {
      await fakeBrowser.alarms.onAlarm.trigger(fired);
      await syncFollowUps(now + 6_000);
    } finally {
      Date.now = realNow;
    }
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([`follow-up:${due.id}`]);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ensurePromptAlarm, PROMPT_ALARM, setupPromptFeature } from '../../../lib/background/prompt-feature';
import { hostTimeZone, nextPromptAt } from '../../../lib/prompts/schedule';
import { DEFAULT_PROMPT_SCHEDULE, duePrompt, promptSchedule } from '../../../lib/settings';

// Own file: setup registers a messaging handler, which the library allows once per context.
describe('setupPromptFeature', () => {
  it('wires alarms, start-up, settings, the reschedule message and notification clicks', async () => {
    const realNow = Date.now;
    let now = new Date('2026-03-09T09:00:00Z').getTime();
    Date.now = () => now;
    try {
      setupPromptFeature();
      await ensurePromptAlarm(); // waits for the run setup queued
      const zone = hostTimeZone();
      expect((await browser.alarms.get(PROMPT_ALARM))?.scheduledTime).toBe(nextPromptAt(now, DEFAULT_PROMPT_SCHEDULE, zone));

      // A settings change re-plans through the storage watcher.
      const changed = { ...DEFAULT_PROMPT_SCHEDULE, days: [0, 1, 2, 3, 4, 5, 6], timeOfDay: 16 * 60 + 30 };
      await promptSchedule.setValue(changed);
      await vi.waitFor(async () => expect((await browser.alarms.get(PROMPT_ALARM))?.scheduledTime).toBe(nextPromptAt(now, changed, zone)));

      // The reschedule message answers once the alarm is set.
      const responses: unknown[] = [];
      // @ts-expect-error: the real event passes sendResponse, which the messaging library answers through.
      await fakeBrowser.runtime.onMessage.trigger({ id: 1, type: 'reschedule', timestamp: now }, {}, (r: unknown) => responses.push(r));
      await vi.waitFor(() => expect(responses).toHaveLength(1));

      // The alarm fires: a notification and a badge.
      const slot = (await browser.alarms.get(PROMPT_ALARM))!.scheduledTime;
      now = slot + 50;
      await fakeBrowser.alarms.onAlarm.trigger({ name: PROMPT_ALARM, scheduledTime: slot });
      await ensurePromptAlarm();
      const ids = Object.keys(await fakeBrowser.notifications.getAll()).filter((id) => id.startsWith('prompt:'));
      expect(ids).toHaveLength(1);
      expect(await browser.action.getBadgeText({})).toBe('?');

      // A click on the notification (all Firefox has) answers: no popup here, so the journal.
      const createTab = vi.spyOn(fakeBrowser.tabs, 'create');
      const due = (await duePrompt.getValue())!;
      await fakeBrowser.notifications.onClicked.trigger(ids[0]!);
      await vi.waitFor(() => expect(createTab).toHaveBeenCalledWith({ url: expect.stringContaining(`#journal?prompt=${due.promptId}`) }));

      // Start-up after a restart: still exactly one prompt alarm.
      await fakeBrowser.runtime.onStartup.trigger();
      await ensurePromptAlarm();
      expect((await browser.alarms.getAll()).filter((a) => a.name === PROMPT_ALARM)).toHaveLength(1);
    } finally {
      Date.now = realNow;
    }
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setAssessmentReminder } from '../../../lib/app/assessments';
import { setDisabledBuiltInPrompts } from '../../../lib/app/prompts';
import { saveSetting } from '../../../lib/app/settings';
import { applySettings } from '../../../lib/backup/settings';
import { clipSegmentSeconds, reviewsPerPrompt, showThumbnails } from '../../../lib/settings';
import { applyChosenSettings, readChosenSettings } from '../../../lib/sync/chosen-settings';

// Where "chosen at" is recorded: what the settings document's merge reads on this device.

const T0 = Date.UTC(2026, 11, 7, 9);
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the settings this device holds as chosen', () => {
  it('a fresh profile has chosen nothing: its fallbacks never travel as choices', async () => {
    expect(await readChosenSettings()).toEqual({ values: {}, chosenAt: {} });
  });

  it('a setting set in Settings is chosen when it was set; choosing the value it already had counts', async () => {
    await saveSetting('reviewsPerPrompt', 7);
    vi.setSystemTime(T0 + 5000);
    await saveSetting('showThumbnails', true);
    await setDisabledBuiltInPrompts(['b1', 'b1']);
    await setAssessmentReminder(false);
    expect(await readChosenSettings()).toEqual({
      values: { reviewsPerPrompt: 7, showThumbnails: true, disabledBuiltInPrompts: ['b1'], assessmentReminder: false },
      chosenAt: {
        reviewsPerPrompt: T0,
        showThumbnails: T0 + 5000,
        disabledBuiltInPrompts: T0 + 5000,
        assessmentReminder: T0 + 5000,
      },
    });
  });

  it('the language is chosen, but stays on this device', async () => {
    await saveSetting('language', 'sv');
    expect((await readChosenSettings()).values).not.toHaveProperty('language');
  });

  it('what a backup import writes is chosen at the import', async () => {
    await applySettings({ clipSegmentSeconds: 45, reviewsPerPrompt: 3 }, true);
    expect(await readChosenSettings()).toEqual({
      values: { clipSegmentSeconds: 45, reviewsPerPrompt: 3 },
      chosenAt: { clipSegmentSeconds: T0, reviewsPerPrompt: T0 },
    });
  });

  it('a choice from another device is taken in with its time; one made here later than it stays', async () => {
    await saveSetting('showThumbnails', false);
    const written = await applyChosenSettings({
      values: { showThumbnails: true, clipSegmentSeconds: 60 },
      chosenAt: { showThumbnails: T0 - 1000, clipSegmentSeconds: T0 - 1000 },
    });
    expect(written).toEqual(['clipSegmentSeconds']);
    expect(await showThumbnails.getValue()).toBe(false);
    expect(await clipSegmentSeconds.getValue()).toBe(60);
    expect((await readChosenSettings()).chosenAt).toEqual({ showThumbnails: T0, clipSegmentSeconds: T0 - 1000 });
    expect(await reviewsPerPrompt.getValue()).toBe(3);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncAssessment } from '../../../lib/background/assessment-feature';
import { ASSESSMENT_ALARM } from '../../../lib/background/names';
import { badgeReasons } from '../../../lib/settings';
import {
  cleanAssessment,
  deleteAssessment,
  latestAssessment,
  listAssessments,
  saveAssessment,
} from '../../../lib/db/assessments';
import { assessmentReminder, assessmentSchedule } from '../../../lib/settings';

const DAY = 86_400_000;

describe('assessments store', () => {
  it('keeps known conditions with whole scores 1..5 and non-empty notes only', () => {
    expect(
      cleanAssessment({
        scores: { 'felt-need': 4, cooperation: 0, careers: 2.5, unknown: 3, feedback: 5 },
        notes: { 'felt-need': '  We are busy ', careers: '   ', unknown: 'x' },
        note: '  ',
      }),
    ).toEqual({ scores: { 'felt-need': 4, feedback: 5 }, notes: { 'felt-need': 'We are busy' } });
  });

  it('lists oldest first; latest is the newest', async () => {
    const b = await saveAssessment({ scores: { 'felt-need': 2 } }, 200);
    await saveAssessment({ scores: { 'felt-need': 3 }, note: 'first' }, 100);
    expect((await listAssessments()).map((a) => a.createdAt)).toEqual([100, 200]);
    expect((await latestAssessment())?.id).toBe(b.id);
    await deleteAssessment(b.id);
    expect((await latestAssessment())?.createdAt).toBe(100);
  });
});

describe('the monthly check alarm', () => {
  it('a new user: the clock starts at first run, the alarm waits a week', async () => {
    const now = Date.now();
    await syncAssessment(now);
    expect((await assessmentSchedule.getValue()).anchorAt).toBe(now);
    expect((await browser.alarms.get(ASSESSMENT_ALARM))?.scheduledTime).toBe(now + 7 * DAY);
    expect(await badgeReasons.getValue()).toEqual([]);
  });

  it('when due: one notification and the badge, idempotently; saving a check clears it and sets next month', async () => {
    const now = Date.now();
    await assessmentSchedule.setValue({ anchorAt: now - 8 * DAY, snoozedUntil: null, notifiedDueAt: null });
    await syncAssessment(now);
    const shown = Object.keys(await fakeBrowser.notifications.getAll());
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^assessment:/);
    expect(await badgeReasons.getValue()).toEqual(['assessment']);

    await browser.notifications.clear(shown[0]!);
    await syncAssessment(now + 1000);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);

    const saved = await saveAssessment({ scores: { 'felt-need': 3 } }, now + 2000);
    await syncAssessment(now + 3000);
    expect(await badgeReasons.getValue()).toEqual([]);
    const alarm = await browser.alarms.get(ASSESSMENT_ALARM);
    const nextMonth = new Date(saved.createdAt);
    nextMonth.setMonth(nextMonth.getMonth() + 1);
    expect(alarm?.scheduledTime).toBe(nextMonth.getTime());
  });

  it('re-created idempotently', async () => {
    const now = Date.now();
    await syncAssessment(now);
    const create = vi.spyOn(browser.alarms, 'create');
    await syncAssessment(now + 10);
    expect(create).not.toHaveBeenCalled();
    await browser.alarms.clearAll();
    await syncAssessment(now + 20);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('turned off: no alarm, no badge', async () => {
    const now = Date.now();
    await assessmentSchedule.setValue({ anchorAt: now - 30 * DAY, snoozedUntil: null, notifiedDueAt: null });
    await assessmentReminder.setValue(false);
    await syncAssessment(now);
    expect(await browser.alarms.get(ASSESSMENT_ALARM)).toBeUndefined();
    expect(await badgeReasons.getValue()).toEqual([]);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);
  });
});

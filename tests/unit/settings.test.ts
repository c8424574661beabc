import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_PROMPT_SCHEDULE, ITEMS, type ItemName } from '../../lib/settings';

/** Shapes a downgrade or a damaged profile leaves behind, per item. Each must read as the fallback. */
const WRONG: Record<ItemName, unknown[]> = {
  promptSchedule: ['weekdays', 42, { ...DEFAULT_PROMPT_SCHEDULE, days: 'mon' }, { enabled: true }, [1, 2]],
  disabledBuiltInPrompts: ['followUpWentWell', [1, 2], { a: 1 }],
  language: ['de', 42, { code: 'sv' }, ''],
  showThumbnails: ['yes', 1, {}],
  webhook: [
    'https://hooks.example.org',
    { url: 'javascript:alert(1)', service: 'slack' },
    { url: 'https://x.org', service: 'irc' },
  ],
  digestTopic: [
    'timeToLearn',
    { conditionId: 'timeToLearn', score: 0, assessmentId: 'a', addedAt: 1 },
    { conditionId: 'timeToLearn', score: 2, assessmentId: 'a', addedAt: 'today' },
    { conditionId: 7, score: 2, assessmentId: 'a', addedAt: 1 },
  ],
  followUpNotified: [7, 'x', { a: 'soon' }],
  followUpDrafts: ['x', 7, { a: 7 }],
  assessmentReminder: ['false', 0],
  assessmentSchedule: [{ anchorAt: 'now' }, 5, { anchorAt: 1e308, snoozedUntil: null, notifiedDueAt: null }],
  lastExportAt: ['yesterday', 1e308, -1, 1.5],
  duePrompt: ['prompt', { promptId: 'x' }, { promptId: 'x', group: 'g', kind: 'other', text: '', shownAt: 1 }],
  promptAlarmState: ['slot', { scheduledFor: 'soon', reason: 'slot', lastSlotShown: null }],
  promptHistory: [{}, [{ promptId: 1 }], 'x'],
  backupReminder: [[], { notifiedAt: 'x', dismissedAt: null }],
  welcomeShownAt: ['once', true, 1e308],
  badgeReasons: ['prompt', ['prompt', 'party'], [1]],
  badgeWords: ['What did', { prompt: 7 }, { 'follow-up': 'x'.repeat(81) }],
  clipSegmentSeconds: ['30', 2, 601, 12.5],
  pauseWhileTyping: ['yes', 1, 'false'],
  reviewsPerPrompt: ['3', -1, 11, 2.5],
  importedReviewsPerDay: ['10', 0, 101, 2.5],
  reviewSession: ['today', { startedAt: 'now', answered: 0 }, { startedAt: 1, answered: -1 }],
  syncAccount: [
    'https://couch.example.org',
    { server: 'javascript:alert(1)', user: 'a', database: 'd', teamDatabase: null, connectedAt: 1 },
    { server: 'https://couch.example.org', user: '', database: 'd', teamDatabase: null, connectedAt: 1 },
  ],
  syncPassword: [42, { password: 'x' }],
  syncStatus: ['ok', { lastSyncedAt: 'now' }, [1]],
  teamPublishChoice: ['always', { publish: 'yes', include: {} }],
  teamNewsSeen: ['yesterday', -1, 1.5],
  teamNews: [
    'news',
    {
      thanked: 1,
      trying: 0,
      tried: 0,
      comments: 0,
      lines: [{ who: 'x'.repeat(51), kind: 'thanks', title: 't', at: 1 }],
      latestAt: 1,
    },
  ],
  snapshotSchedule: ['soon', { changedAt: 'now', fullSince: null, lastAttemptAt: null, lastError: null }, [1]],
};

describe('settings are validated when read', () => {
  it('every storage item has a table of wrong shapes here', () => {
    expect(Object.keys(WRONG).sort()).toEqual(Object.keys(ITEMS).sort());
  });

  for (const name of Object.keys(ITEMS) as ItemName[]) {
    it.each(WRONG[name].map((value) => [JSON.stringify(value), value]))(
      `${name}: %s reads as the fallback, with a note`,
      async (_label, value) => {
        const item = ITEMS[name];
        const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
        await fakeBrowser.storage.local.set({ [name]: value });
        expect(await item.getValue()).toEqual(item.fallback);
        expect(warn).toHaveBeenCalledWith(expect.stringContaining(name));
      },
    );
  }

  it('a valid value reads as stored, and a watcher sees only valid values', async () => {
    const { language, promptSchedule } = ITEMS;
    await language.setValue('sv');
    expect(await language.getValue()).toBe('sv');
    const seen: unknown[] = [];
    const stop = promptSchedule.watch((value) => seen.push(value));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const changed = { ...DEFAULT_PROMPT_SCHEDULE, timeOfDay: 9 * 60 };
    await promptSchedule.setValue(changed);
    await fakeBrowser.storage.local.set({ promptSchedule: 'broken' });
    stop();
    expect(seen).toEqual([changed, DEFAULT_PROMPT_SCHEDULE]);
  });
});

describe('a storage item', () => {
  it('stores under its bare key, as profiles written before kept them', async () => {
    await ITEMS.reviewsPerPrompt.setValue(5);
    expect(await fakeBrowser.storage.local.get('reviewsPerPrompt')).toEqual({ reviewsPerPrompt: 5 });
    await fakeBrowser.storage.local.set({ clipSegmentSeconds: 60 });
    expect(await ITEMS.clipSegmentSeconds.getValue()).toBe(60);
  });

  it('removed (or set to null) reads as its fallback and counts as unset', async () => {
    const { reviewsPerPrompt, digestTopic } = ITEMS;
    await reviewsPerPrompt.setValue(7);
    expect(await reviewsPerPrompt.isSet()).toBe(true);
    await reviewsPerPrompt.removeValue();
    expect(await reviewsPerPrompt.isSet()).toBe(false);
    expect(await reviewsPerPrompt.getValue()).toBe(3);
    await digestTopic.setValue({ conditionId: 'timeToLearn', score: 2, assessmentId: 'a', addedAt: 1 });
    await digestTopic.setValue(null);
    expect(await fakeBrowser.storage.local.get('digestTopic')).toEqual({});
  });

  it('a watcher hears its own key only, once per change, with the fallback for a removal', async () => {
    const { reviewsPerPrompt } = ITEMS;
    const seen: [number, number][] = [];
    const stop = reviewsPerPrompt.watch((next, previous) => seen.push([next, previous]));
    await reviewsPerPrompt.setValue(5);
    await ITEMS.clipSegmentSeconds.setValue(60);
    await reviewsPerPrompt.setValue(5);
    await reviewsPerPrompt.removeValue();
    stop();
    await reviewsPerPrompt.setValue(8);
    expect(seen).toEqual([
      [5, 3],
      [3, 5],
    ]);
  });
});

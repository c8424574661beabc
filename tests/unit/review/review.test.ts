import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerReview, listDueReviews } from '../../../lib/app/review';
import { addTakeaways, removeTakeaway } from '../../../lib/app/takeaways';
import { saveSetting } from '../../../lib/app/settings';
import { undo } from '../../../lib/app/undo';
import { PROMPT_ALARM } from '../../../lib/background/names';
import { getDb } from '../../../lib/db/open';
import { saveResource } from '../../../lib/db/resources';
import type { ReviewCard } from '../../../lib/model/review-card';
import { libraryStats } from '../../../lib/app/library-reads';
import { hostTimeZone, nextPromptAt } from '../../../lib/prompts/schedule';
import { DAY, endOfLocalDay, newReviewCard } from '../../../lib/model/review-card';
import { answerCard } from '../../../lib/review/schedule';
import { DEFAULT_PROMPT_SCHEDULE, duePrompt, promptSchedule, reviewSession } from '../../../lib/settings';
import { settle, setNow, startBackground } from '../background-harness';

const T0 = new Date('2026-03-09T09:00:00Z').getTime();
const days = (card: ReviewCard, from: number) => Math.round(((card.due ?? 0) - from) / DAY);

describe('the review scheduler (ts-fsrs, short-term steps off)', () => {
  beforeEach(() => setNow(T0));
  afterEach(() => vi.useRealTimers());

  it('a new card is due the day after its item was written, not today', () => {
    const card = newReviewCard('r', 'takeaway', 't', T0, T0);
    expect(card.due).toBe(T0 + DAY);
    expect(card.due! > endOfLocalDay(T0)).toBe(true);
  });

  it('"Still useful" again and again: the intervals grow, and never come back the same day', () => {
    let card = newReviewCard('r', 'takeaway', 't', T0 - DAY, T0 - DAY);
    let now = card.due!;
    const intervals: number[] = [];
    for (let i = 0; i < 6; i++) {
      setNow(now);
      card = answerCard(card, 'useful', now);
      intervals.push(days(card, now));
      now = card.due!;
    }
    expect(intervals[0]).toBeGreaterThanOrEqual(1);
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThan(intervals[i - 1]!);
    expect(card.reps).toBe(6);
    expect(card.history.map((h) => h.answer)).toEqual(Array(6).fill('useful'));
  });

  it('"Applied it" sets a longer interval than "Still useful", first time and later', () => {
    const fresh = newReviewCard('r', 'quote', 'q', T0 - DAY, T0 - DAY);
    const useful = answerCard(fresh, 'useful', T0);
    const applied = answerCard(fresh, 'applied', T0);
    expect(days(applied, T0)).toBeGreaterThan(days(useful, T0));
    const later = useful.due!;
    expect(days(answerCard(useful, 'applied', later), later)).toBeGreaterThan(
      days(answerCard(useful, 'useful', later), later),
    );
    // Turn into an action schedules as Still useful does.
    expect(answerCard(fresh, 'action', T0).due).toBe(useful.due);
  });

  it('"Retire" takes the card out of the queue for good, history kept', () => {
    const card = answerCard(newReviewCard('r', 'clip', 'c', T0 - DAY, T0 - DAY), 'retire', T0);
    expect(card.due).toBeUndefined();
    expect(card.retiredAt).toBe(T0);
    expect(card.history).toEqual([{ at: T0, answer: 'retire' }]);
  });
});

describe('the review queue and its answers (application layer)', () => {
  beforeEach(() => setNow(T0));
  afterEach(() => vi.useRealTimers());

  async function resourceWithTakeaways(texts: string, at: number) {
    setNow(at);
    const { resource } = await saveResource({
      url: 'https://example.org/sre',
      canonicalUrl: 'https://example.org/sre',
      kind: 'article',
      title: 'Site Reliability Engineering',
    });
    return (await addTakeaways(resource.id, texts, at))!;
  }

  it('takeaways written today are due tomorrow; answered, a card leaves today’s queue; Undo brings it back', async () => {
    const resource = await resourceWithTakeaways('- Blameless postmortems\n- Error budgets', T0);
    expect(await listDueReviews(endOfLocalDay(T0))).toEqual([]);
    const tomorrow = T0 + DAY;
    setNow(tomorrow);
    const due = await listDueReviews(endOfLocalDay(tomorrow));
    expect(due.map((d) => d.item.kind === 'takeaway' && d.item.item.text)).toEqual([
      'Blameless postmortems',
      'Error budgets',
    ]);
    expect(due[0]!.resource.title).toBe('Site Reliability Engineering');

    const outcome = await answerReview(due[0]!.card.id, 'applied', tomorrow);
    expect(outcome!.card.due! - tomorrow).toBeGreaterThan(DAY);
    expect((await listDueReviews(endOfLocalDay(tomorrow))).map((d) => d.card.id)).toEqual([due[1]!.card.id]);
    await undo(outcome!.undo!.id);
    expect(await listDueReviews(endOfLocalDay(tomorrow))).toHaveLength(2);

    // A removed takeaway is passed over; its Undo puts it (and its card) back.
    const removed = await removeTakeaway(resource.id, resource.takeaways[1]!.id, tomorrow);
    expect((await listDueReviews(endOfLocalDay(tomorrow))).map((d) => d.card.id)).toEqual([due[0]!.card.id]);
    await undo(removed!.id);
    expect(await listDueReviews(endOfLocalDay(tomorrow))).toHaveLength(2);
  });

  it('the stats count reviews this week, applied this month, and a review day keeps the streak', async () => {
    await resourceWithTakeaways('One\nTwo', T0 - 3 * DAY);
    setNow(T0);
    const [first, second] = await listDueReviews(endOfLocalDay(T0));
    await answerReview(first!.card.id, 'applied', T0);
    await answerReview(second!.card.id, 'useful', T0);
    const stats = await libraryStats(T0);
    expect(stats).toMatchObject({ reviewedThisWeek: 2, appliedThisMonth: 1, streak: 1 });
    // The week's digest counts what was applied.
    const [{ collectDigest }, { digestSummary }] = await Promise.all([
      import('../../../lib/app/share-reads'),
      import('../../../lib/share/digest'),
    ]);
    const week = await collectDigest({ start: T0 - 2 * DAY, end: T0 + DAY });
    expect(week.appliedCount).toBe(1);
    expect(digestSummary(week)).toBe('Learned: 0 · Shared with the team: 0 · Applied: 1');
    expect((await collectDigest({ start: T0 - 9 * DAY, end: T0 - DAY })).appliedCount).toBeUndefined();
  });
});

describe('today’s review opens at the prompt’s time (wiring)', () => {
  let stop: () => void = () => undefined;
  beforeEach(() => setNow(T0));
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  async function withDueTakeaways(): Promise<void> {
    const { resource } = await saveResource({
      url: 'https://example.org/a',
      canonicalUrl: 'https://example.org/a',
      kind: 'article',
      title: 'A',
    });
    await addTakeaways(resource.id, 'First\nSecond\nThird\nFourth', T0 - 2 * DAY);
  }

  async function fireAlarm(): Promise<number> {
    const alarm = await browser.alarms.get(PROMPT_ALARM);
    setNow(alarm!.scheduledTime + 5);
    await fakeBrowser.alarms.onAlarm.trigger({ name: PROMPT_ALARM, scheduledTime: alarm!.scheduledTime });
    await settle();
    return alarm!.scheduledTime;
  }

  it('prompts on: the slot brings the prompt and the review; three answers close it and the badge goes', async () => {
    await promptSchedule.setValue({ ...DEFAULT_PROMPT_SCHEDULE, days: [0, 1, 2, 3, 4, 5, 6] });
    await withDueTakeaways();
    stop = startBackground({ asPage: true });
    await settle();
    expect(await reviewSession.getValue()).toBeNull();
    await fireAlarm();
    expect(await duePrompt.getValue()).not.toBeNull();
    expect(await reviewSession.getValue()).toMatchObject({ answered: 0 });

    const due = await listDueReviews(endOfLocalDay(Date.now()), 3);
    for (const review of due) await answerReview(review.card.id, 'useful');
    await settle();
    // Three a day by default: the fourth waits for the next slot.
    expect(await reviewSession.getValue()).toBeNull();
    expect(await listDueReviews(endOfLocalDay(Date.now()))).toHaveLength(1);
    const { badgeReasons } = await import('../../../lib/settings');
    expect(await badgeReasons.getValue()).not.toContain('review');
  });

  it('prompts off: the review still comes on the same days and time, with the badge; 0 turns it off', async () => {
    const schedule = { ...DEFAULT_PROMPT_SCHEDULE, enabled: false, days: [0, 1, 2, 3, 4, 5, 6] };
    await promptSchedule.setValue(schedule);
    await withDueTakeaways();
    stop = startBackground({ asPage: true });
    await settle();
    const slot = await fireAlarm();
    expect(slot).toBe(nextPromptAt(T0, { ...schedule, enabled: true }, hostTimeZone()));
    expect(await duePrompt.getValue()).toBeNull();
    expect(await reviewSession.getValue()).toMatchObject({ answered: 0 });
    expect(await browser.action.getBadgeText({})).toBe('?');

    await saveSetting('reviewsPerPrompt', 0);
    await settle();
    expect(await browser.alarms.get(PROMPT_ALARM)).toBeUndefined();
  });

  it('a day with nothing due shows nothing', async () => {
    await promptSchedule.setValue({ ...DEFAULT_PROMPT_SCHEDULE, days: [0, 1, 2, 3, 4, 5, 6] });
    stop = startBackground({ asPage: true });
    await settle();
    await fireAlarm();
    expect(await reviewSession.getValue()).toBeNull();
    const db = await getDb();
    expect(await db.count('reviews')).toBe(0);
  });
});

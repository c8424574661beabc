import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../../lib/db/open';
import type { Reflection } from '../../../lib/model/reflection';
import type { Resource } from '../../../lib/model/resource';
import { libraryStats } from '../../../lib/app/library-reads';
import { countSavedSince, countSharedSince, walkCreatedTimes } from '../../../lib/db/stats';
import { learningStreak, startOfMonth, startOfWeek } from '../../../lib/library/stats';
import { newReviewCard, type ReviewCard } from '../../../lib/model/review-card';
import { readLocale } from '../../../scripts/locales';
import { resource } from './records';

const at = (iso: string) => new Date(iso).getTime();

describe('calendar starts (local time)', () => {
  it.each([
    ['2025-03-12T15:00:00', '2025-03-10T00:00:00'], // Wednesday → Monday
    ['2025-03-10T00:00:00', '2025-03-10T00:00:00'], // Monday stays
    ['2025-03-16T23:59:00', '2025-03-10T00:00:00'], // Sunday belongs to the week before
    ['2025-01-01T08:00:00', '2024-12-30T00:00:00'], // across a year
  ])('week of %s starts %s', (now, expected) => {
    expect(startOfWeek(at(now))).toBe(at(expected));
  });

  it.each([
    ['2025-03-12T15:00:00', '2025-03-01T00:00:00'],
    ['2025-03-01T00:00:00', '2025-03-01T00:00:00'],
  ])('month of %s starts %s', (now, expected) => {
    expect(startOfMonth(at(now))).toBe(at(expected));
  });
});

async function seed(records: Resource[], reflections: Reflection[] = []): Promise<void> {
  const db = await getDb();
  const tx = db.transaction(['resources', 'reflections'], 'readwrite');
  for (const record of records) await tx.objectStore('resources').put(record);
  for (const reflection of reflections) await tx.objectStore('reflections').put(reflection);
  await tx.done;
}

const reflection = (id: string, createdAt: number): Reflection => ({
  id,
  promptId: 'p',
  promptText: 'How did it go?',
  answer: 'well',
  createdAt,
  updatedAt: createdAt,
});

describe('library figures', () => {
  const now = at('2025-03-12T15:00:00');

  it('counts saved this week, learned this month and shared, through indexes', async () => {
    await seed([
      resource({ id: 'a', createdAt: at('2025-03-11T09:00:00'), updatedAt: at('2025-03-11T09:00:00') }),
      resource({
        id: 'b',
        createdAt: at('2025-03-10T00:00:00'),
        updatedAt: at('2025-03-10T00:00:00'),
        status: 'learned',
        learnedAt: at('2025-03-10T00:00:00'),
        sharedAt: at('2025-03-10T12:00:00'),
      }),
      resource({
        id: 'c',
        createdAt: at('2025-03-09T23:59:00'),
        updatedAt: at('2025-03-05T00:00:00'),
        status: 'learned',
        learnedAt: at('2025-03-02T00:00:00'),
      }),
      resource({
        id: 'd',
        createdAt: at('2025-01-01T00:00:00'),
        updatedAt: at('2025-03-05T00:00:00'),
        status: 'learned',
        learnedAt: at('2025-02-27T00:00:00'),
        sharedAt: 2,
      }),
      resource({
        id: 'e',
        createdAt: at('2025-01-01T00:00:00'),
        updatedAt: at('2025-03-05T00:00:00'),
        status: 'learning',
      }),
    ]);
    expect(await countSavedSince(startOfWeek(now))).toBe(2);
    // Shared this month: one; the other was shared long before.
    expect(await countSharedSince(startOfMonth(now))).toBe(1);
    expect(await countSharedSince(0)).toBe(2);
    expect(await libraryStats(now)).toEqual({
      savedThisWeek: 2,
      learnedThisMonth: 2,
      sharedThisMonth: 1,
      reviewedThisWeek: 0,
      appliedThisMonth: 0,
      // Saved on the 11th, 10th and 9th: three days of learning, up to yesterday.
      streak: 3,
    });
  });

  it.each<[string, string[], number]>([
    ['no reflections', [], 0],
    ['today only', ['2025-03-12T09:00:00'], 1],
    ['yesterday counts before today is answered', ['2025-03-11T09:00:00', '2025-03-10T09:00:00'], 2],
    [
      'three days running',
      ['2025-03-12T09:00:00', '2025-03-11T20:00:00', '2025-03-10T07:00:00', '2025-03-10T08:00:00'],
      3,
    ],
    ['a gap ends it', ['2025-03-12T09:00:00', '2025-03-10T09:00:00', '2025-03-09T09:00:00'], 1],
    ['too long ago', ['2025-03-01T09:00:00'], 0],
  ])('reflection streak: %s', async (_name, times, expected) => {
    await seed(
      [],
      times.map((time, i) => reflection(`r${i}`, at(time))),
    );
    expect(await learningStreak(now, [], walkCreatedTimes)).toBe(expected);
  });

  it('a long streak is counted in full', async () => {
    const DAY = 86_400_000;
    await seed(
      [],
      Array.from({ length: 400 }, (_, i) => reflection(`r${i}`, now - i * DAY)),
    );
    expect(await learningStreak(now, [], walkCreatedTimes)).toBe(400);
  });
});

describe('the learning streak counts every kind of learning, not only journal answers', () => {
  const now = at('2025-03-12T15:00:00');
  const DAY = 86_400_000;
  const card = (id: string, answeredAt: number): ReviewCard => ({
    ...newReviewCard('old', 'takeaway', id, answeredAt - 5 * DAY, answeredAt - 5 * DAY),
    lastReview: answeredAt,
    history: [{ at: answeredAt, answer: 'useful' }],
    updatedAt: answeredAt,
  });

  it('a week of saving, clipping, logging, quoting, a takeaway, a review and one journal answer: 7 days', async () => {
    const day = (n: number) => now - n * DAY;
    await seed(
      [
        // Today: a page saved.
        resource({ id: 'saved', createdAt: day(0), updatedAt: day(0) }),
        // Yesterday: a clip on a video saved long ago.
        resource({
          id: 'video',
          kind: 'video',
          createdAt: at('2024-06-01T10:00:00'),
          updatedAt: day(1),
          clips: [{ id: 'c1', atSec: 30, note: 'Setting up', createdAt: day(1) }],
        }),
        // Two days ago: learning with no link, logged.
        resource({
          id: 'workshop',
          kind: 'activity',
          url: undefined,
          canonicalUrl: undefined,
          createdAt: day(2),
          updatedAt: day(2),
        }),
        // Three days ago a quote, four days ago a takeaway, on older pages edited since (a tag today).
        resource({
          id: 'article',
          createdAt: at('2024-01-01T10:00:00'),
          updatedAt: day(0),
          quotes: [
            {
              id: 'q1',
              exact: 'Small batches',
              prefix: '',
              suffix: '',
              note: '',
              createdAt: day(3),
            } as NonNullable<Resource['quotes']>[number],
          ],
          takeaways: [{ id: 't1', text: 'Ship smaller', createdAt: day(4) }],
        }),
      ],
      // Six days ago: a journal answer.
      [reflection('r1', day(6))],
    );
    // Five days ago: a review answered.
    await (await getDb()).put('reviews', card('t0', day(5)));
    expect((await libraryStats(now)).streak).toBe(7);
  });

  it('says what counts, in English and Swedish', () => {
    for (const lang of ['en', 'sv']) {
      const help = readLocale(lang).libStatStreakHelp?.message ?? '';
      expect(help, lang).toMatch(
        lang === 'en'
          ? /save.*quote.*clip.*takeaway.*logged.*review.*journal/s
          : /sparad.*citat.*klipp.*lärdom.*loggat.*repetition.*dagbok/is,
      );
    }
  });

  it('over random days of random kinds of learning, the streak is the run of days ending today or yesterday', async () => {
    type Kind = 'save' | 'activity' | 'clip' | 'quote' | 'takeaway' | 'review' | 'journal';
    const kinds: Kind[] = ['save', 'activity', 'clip', 'quote', 'takeaway', 'review', 'journal'];
    const db = await getDb();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            kind: fc.constantFrom(...kinds),
            // Items and reviews are seen for the last 60 days; saves and journal answers for any length.
            daysAgo: fc.integer({ min: 0, max: 50 }),
            hour: fc.integer({ min: 0, max: 23 }),
          }),
          { maxLength: 60 },
        ),
        async (events) => {
          for (const store of ['resources', 'reflections', 'reviews'] as const) await db.clear(store);
          const dayStart = (n: number) => {
            const date = new Date(now);
            date.setHours(0, 0, 0, 0);
            date.setDate(date.getDate() - n);
            return date.getTime();
          };
          const times = events.map((e) => Math.min(now, dayStart(e.daysAgo) + e.hour * 3_600_000));
          const tx = db.transaction(['resources', 'reflections', 'reviews'], 'readwrite');
          for (const [i, e] of events.entries()) {
            const time = times[i]!;
            const old = at('2020-01-01T10:00:00');
            if (e.kind === 'save')
              await tx.objectStore('resources').put(resource({ id: `s${i}`, createdAt: time, updatedAt: time }));
            if (e.kind === 'activity')
              await tx.objectStore('resources').put(
                resource({
                  id: `a${i}`,
                  kind: 'activity',
                  url: undefined,
                  canonicalUrl: undefined,
                  createdAt: time,
                  updatedAt: time,
                }),
              );
            if (e.kind === 'clip')
              await tx.objectStore('resources').put(
                resource({
                  id: `c${i}`,
                  createdAt: old,
                  updatedAt: time,
                  clips: [{ id: 'c', atSec: 1, note: '', createdAt: time }],
                }),
              );
            if (e.kind === 'takeaway')
              await tx.objectStore('resources').put(
                resource({
                  id: `t${i}`,
                  createdAt: old,
                  updatedAt: time,
                  takeaways: [{ id: 't', text: 'x', createdAt: time }],
                }),
              );
            if (e.kind === 'quote')
              await tx.objectStore('resources').put(
                resource({
                  id: `q${i}`,
                  createdAt: old,
                  updatedAt: time,
                  quotes: [
                    { id: 'q', exact: 'x', prefix: '', suffix: '', note: '', createdAt: time } as NonNullable<
                      Resource['quotes']
                    >[number],
                  ],
                }),
              );
            if (e.kind === 'review') await tx.objectStore('reviews').put(card(`r${i}`, time));
            if (e.kind === 'journal') await tx.objectStore('reflections').put(reflection(`j${i}`, time));
          }
          await tx.done;
          const days = new Set(events.map((e) => e.daysAgo));
          let expected = 0;
          for (let n = days.has(0) ? 0 : 1; days.has(n); n++) expected++;
          expect((await libraryStats(now)).streak).toBe(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a streak of saves and journal answers past the items’ window goes on, read a day per step', async () => {
    const day = (n: number) => now - n * DAY;
    // 300 days: a save on even days (three each), a journal answer on odd days.
    const saves = Array.from({ length: 450 }, (_, i) =>
      resource({
        id: `s${i}`,
        createdAt: day(2 * Math.floor(i / 3)) + (i % 3),
        updatedAt: day(2 * Math.floor(i / 3)) + (i % 3),
      }),
    );
    const answers = Array.from({ length: 150 }, (_, i) => reflection(`r${i}`, day(2 * i + 1)));
    await seed(saves, answers);
    let steps = 0;
    const counted: typeof walkCreatedTimes = (store, atMost, visit) =>
      walkCreatedTimes(store, atMost, (time) => {
        steps++;
        return visit(time);
      });
    expect(await learningStreak(now, [], counted)).toBe(300);
    // One step per day of each kind, and one more each to find where it ends: not one per save.
    expect(steps).toBeLessThanOrEqual(150 + 150 + 2 + 2);
  });
});

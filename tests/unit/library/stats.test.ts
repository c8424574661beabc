import { describe, expect, it } from 'vitest';
import { getDb } from '../../../lib/db/open';
import type { Reflection } from '../../../lib/model/reflection';
import type { Resource } from '../../../lib/model/resource';
import { libraryStats } from '../../../lib/app/library-reads';
import { countLearnedSince, countSavedSince, countSharedSince, walkReflectionTimes } from '../../../lib/db/stats';
import { reflectionStreak, startOfMonth, startOfWeek } from '../../../lib/library/stats';
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
    expect(await countLearnedSince(startOfMonth(now))).toBe(2);
    // Shared this month: one; the other was shared long before.
    expect(await countSharedSince(startOfMonth(now))).toBe(1);
    expect(await countSharedSince(0)).toBe(2);
    expect(await libraryStats(now)).toEqual({
      savedThisWeek: 2,
      learnedThisMonth: 2,
      sharedThisMonth: 1,
      reviewedThisWeek: 0,
      appliedThisMonth: 0,
      streak: 0,
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
    expect(await reflectionStreak(now, walkReflectionTimes)).toBe(expected);
  });

  it('a long streak is counted in full', async () => {
    const DAY = 86_400_000;
    await seed(
      [],
      Array.from({ length: 400 }, (_, i) => reflection(`r${i}`, now - i * DAY)),
    );
    expect(await reflectionStreak(now, walkReflectionTimes)).toBe(400);
  });
});
